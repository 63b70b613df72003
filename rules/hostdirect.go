package rules

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
	"github.com/zclconf/go-cty/cty/msgpack"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// sourceEvaluator evaluates native-syntax source text in the module's context.
type sourceEvaluator interface {
	value(src string, at hcl.Range) (cty.Value, error)
}

// directHost sends expressions to the host's EvaluateExpr as source text.
//
// The SDK's Runner.EvaluateExpr first fetches and parses the whole file the
// expression is in, to cut the expression's text out of it: two round trips
// and a parse of the file per value. The protocol itself takes any source
// text, so the values of many variables and locals can come back in one
// round trip as one tuple, `[var.a, local.b]`. The SDK has no API for it, so
// directHost finds the gRPC method on the SDK's client by reflection; when
// the client does not have the expected shape (another SDK version, a test
// runner), there is no directHost and every value goes through the SDK.
type directHost struct {
	evaluate reflect.Value // the EvaluateExpr method of the SDK client's gRPC stub
	request  reflect.Type  // the message type of its request
}

// The protocol's names, from tflint-plugin-sdk's plugin/internal/proto/tflint.proto.
const (
	evaluateRequestName = protoreflect.FullName("proto.EvaluateExpr.Request")
	selfModuleContext   = protoreflect.Name("MODULE_CTX_TYPE_SELF")
)

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
	messageType = reflect.TypeFor[protoreflect.ProtoMessage]()
)

// directHostOf returns the direct evaluator of the SDK's runner, or nil for
// any other value.
func directHostOf(host any) (direct *directHost) {
	defer func() {
		if recover() != nil {
			direct = nil
		}
	}()
	v := reflect.ValueOf(host)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	client := v.Elem().FieldByName("Client")
	if !client.IsValid() || client.Kind() != reflect.Interface || client.IsNil() {
		return nil
	}
	method := client.MethodByName("EvaluateExpr")
	if !method.IsValid() {
		return nil
	}
	t := method.Type()
	if t.NumIn() != 3 || !t.IsVariadic() || t.In(0) != contextType || t.NumOut() != 2 || t.Out(1) != errorType {
		return nil
	}
	request := t.In(1)
	if request.Kind() != reflect.Pointer || !request.Implements(messageType) || !t.Out(0).Implements(messageType) {
		return nil
	}
	if newMessage(request).Descriptor().FullName() != evaluateRequestName {
		return nil
	}
	return &directHost{evaluate: method, request: request}
}

func newMessage(t reflect.Type) protoreflect.Message {
	return reflect.New(t.Elem()).Interface().(protoreflect.ProtoMessage).ProtoReflect()
}

// value evaluates src, native syntax, in the module's context; at names the
// file the host attributes it to in its logs. Any failure is an error, never
// a panic.
func (d *directHost) value(src string, at hcl.Range) (v cty.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			v, err = cty.DynamicVal, fmt.Errorf("direct evaluation: %v", p)
		}
	}()
	request, err := d.newRequest(src, at)
	if err != nil {
		return cty.DynamicVal, err
	}
	out := d.evaluate.Call([]reflect.Value{reflect.ValueOf(context.Background()), request})
	if err, _ := out[1].Interface().(error); err != nil {
		return cty.DynamicVal, err
	}
	return decodeValue(out[0].Interface().(protoreflect.ProtoMessage).ProtoReflect())
}

func (d *directHost) newRequest(src string, at hcl.Range) (reflect.Value, error) {
	request := reflect.New(d.request.Elem())
	msg := request.Interface().(protoreflect.ProtoMessage).ProtoReflect()
	fields := msg.Descriptor().Fields()

	option := msg.Mutable(fields.ByName("option")).Message()
	dynamic, err := ctyjson.MarshalType(cty.DynamicPseudoType)
	if err != nil {
		return reflect.Value{}, err
	}
	setField(option, "type", protoreflect.ValueOfBytes(dynamic))
	moduleCtx := option.Descriptor().Fields().ByName("module_ctx")
	self := moduleCtx.Enum().Values().ByName(selfModuleContext)
	if self == nil {
		return reflect.Value{}, fmt.Errorf("direct evaluation: no %s", selfModuleContext)
	}
	option.Set(moduleCtx, protoreflect.ValueOfEnum(self.Number()))

	expression := msg.Mutable(fields.ByName("expression")).Message()
	setField(expression, "bytes", protoreflect.ValueOfBytes([]byte(src)))
	rng := expression.Mutable(expression.Descriptor().Fields().ByName("range")).Message()
	setField(rng, "filename", protoreflect.ValueOfString(at.Filename))
	setPos(rng, "start", at.Start)
	setPos(rng, "end", at.End)
	return request, nil
}

func setPos(rng protoreflect.Message, name protoreflect.Name, pos hcl.Pos) {
	p := rng.Mutable(rng.Descriptor().Fields().ByName(name)).Message()
	setField(p, "line", protoreflect.ValueOfInt64(int64(pos.Line)))
	setField(p, "column", protoreflect.ValueOfInt64(int64(pos.Column)))
	setField(p, "byte", protoreflect.ValueOfInt64(int64(pos.Byte)))
}

// setField panics on a field the message does not have; value recovers.
func setField(msg protoreflect.Message, name protoreflect.Name, v protoreflect.Value) {
	fd := msg.Descriptor().Fields().ByName(name)
	if fd == nil {
		panic(fmt.Sprintf("%s has no field %s", msg.Descriptor().FullName(), name))
	}
	msg.Set(fd, v)
}

// decodeValue reads an EvaluateExpr response as the SDK does: a msgpack
// value of any type, with the sensitive and ephemeral marks at their paths.
func decodeValue(response protoreflect.Message) (cty.Value, error) {
	fields := response.Descriptor().Fields()
	value, err := msgpack.Unmarshal(response.Get(fields.ByName("value")).Bytes(), cty.DynamicPseudoType)
	if err != nil {
		return cty.DynamicVal, err
	}
	list := response.Get(fields.ByName("marks")).List()
	var marked []cty.PathValueMarks
	for i := 0; i < list.Len(); i++ {
		mark := list.Get(i).Message()
		markFields := mark.Descriptor().Fields()
		var kinds []interface{}
		if mark.Get(markFields.ByName("sensitive")).Bool() {
			kinds = append(kinds, marks.Sensitive)
		}
		if mark.Get(markFields.ByName("ephemeral")).Bool() {
			kinds = append(kinds, marks.Ephemeral)
		}
		path := attributePath(mark.Get(markFields.ByName("path")).Message())
		marked = append(marked, cty.PathValueMarks{Path: path, Marks: cty.NewValueMarks(kinds...)})
	}
	return value.MarkWithPaths(marked), nil
}

func attributePath(path protoreflect.Message) cty.Path {
	out := cty.Path{}
	steps := path.Get(path.Descriptor().Fields().ByName("steps")).List()
	for i := 0; i < steps.Len(); i++ {
		step := steps.Get(i).Message()
		fields := step.Descriptor().Fields()
		switch {
		case step.Has(fields.ByName("attribute_name")):
			out = out.GetAttr(step.Get(fields.ByName("attribute_name")).String())
		case step.Has(fields.ByName("element_key_string")):
			out = out.IndexString(step.Get(fields.ByName("element_key_string")).String())
		case step.Has(fields.ByName("element_key_int")):
			out = out.IndexInt(int(step.Get(fields.ByName("element_key_int")).Int()))
		}
	}
	return out
}
