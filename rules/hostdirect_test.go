package rules

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	_ "github.com/terraform-linters/tflint-plugin-sdk/plugin" // registers the protocol's message types
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/msgpack"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
)

// fakeSource evaluates source text as the host would, from fixed values of
// variables and locals, and records what it was sent.
type fakeSource struct {
	values  map[string]cty.Value // "var.a", "local.b"
	failing map[string]bool      // references the host cannot evaluate
	sent    []string
}

func (f *fakeSource) value(src string, at hcl.Range) (cty.Value, error) {
	f.sent = append(f.sent, src)
	expr, diags := hclsyntax.ParseExpression([]byte(src), at.Filename, at.Start)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	vars := map[string]map[string]cty.Value{"var": {}, "local": {}}
	for _, t := range expr.Variables() {
		key := referenceKey(t)
		if f.failing[key] {
			return cty.DynamicVal, errors.New("cannot evaluate " + key)
		}
		name, _ := secondStep(t)
		vars[t.RootName()][name] = f.values[key]
	}
	v, diags := expr.Value(&hcl.EvalContext{Variables: map[string]cty.Value{
		"var": cty.ObjectVal(vars["var"]), "local": cty.ObjectVal(vars["local"]),
	}})
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return v, nil
}

// failingRunner is a host whose own evaluations all fail.
type failingRunner struct {
	tflint.Runner
	evaluations int
}

func (f *failingRunner) EvaluateExpr(hcl.Expression, interface{}, *tflint.EvaluateExprOption) error {
	f.evaluations++
	return errors.New("no value")
}

// parseExprs parses each source as the value of its own line of main.tf,
// so that each has its own range, as in a module.
func parseExprs(t *testing.T, srcs ...string) []hcl.Expression {
	t.Helper()
	var file strings.Builder
	for i, src := range srcs {
		fmt.Fprintf(&file, "a%d = %s\n", i, src)
	}
	f, diags := hclsyntax.ParseConfig([]byte(file.String()), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	attrs := f.Body.(*hclsyntax.Body).Attributes
	exprs := make([]hcl.Expression, len(srcs))
	for i := range srcs {
		exprs[i] = attrs[fmt.Sprintf("a%d", i)].Expr
	}
	return exprs
}

func directEvaluator(host tflint.Runner, source *fakeSource) *evaluator {
	e := newEvaluator(host)
	e.direct = source
	return e
}

func TestReferencesTheModelUsesComeInOneHostCall(t *testing.T) {
	source := &fakeSource{values: map[string]cty.Value{
		"var.exports": cty.TupleVal([]cty.Value{cty.StringVal("audit")}),
		"local.group": cty.StringVal("g"),
		"var.version": cty.StringVal("1.3.2.0"),
	}}
	host := &failingRunner{}
	e := directEvaluator(host, source)
	// upper(...) calls a function: the host evaluates it whole.
	exprs := parseExprs(t, "var.exports", `"${local.group}-x"`, "upper(var.version)", "var.exports")
	for _, expr := range exprs {
		e.want(expr)
	}
	exports, group := exprs[0], exprs[1]

	if got := e.value(exports); !got.Equals(source.values["var.exports"]).True() {
		t.Errorf("var.exports = %#v", got)
	}
	if got := e.value(group); got.AsString() != "g-x" {
		t.Errorf("group = %#v", got)
	}
	if want := []string{"[var.exports, local.group]"}; !reflect.DeepEqual(source.sent, want) {
		t.Errorf("sent %q, want %q", source.sent, want)
	}
	if e.hostCalls != 1 || host.evaluations != 0 {
		t.Errorf("host calls = %d, SDK evaluations = %d; want 1 and 0", e.hostCalls, host.evaluations)
	}
}

func TestAReferenceTheHostCannotEvaluateCostsOnlyItself(t *testing.T) {
	source := &fakeSource{
		values:  map[string]cty.Value{"var.a": cty.StringVal("a"), "var.c": cty.StringVal("c")},
		failing: map[string]bool{"local.loop": true},
	}
	host := &failingRunner{}
	e := directEvaluator(host, source)
	exprs := parseExprs(t, "var.a", "local.loop", "var.c")
	for _, expr := range exprs {
		e.want(expr)
	}
	a, loop, c := exprs[0], exprs[1], exprs[2]

	if got := e.value(a); got.AsString() != "a" {
		t.Errorf("var.a = %#v", got)
	}
	if got := e.value(loop); got.IsKnown() {
		t.Errorf("local.loop = %#v, want unknown", got)
	}
	if got := e.value(c); got.AsString() != "c" {
		t.Errorf("var.c = %#v", got)
	}
	want := []string{"[var.a, local.loop, var.c]", "var.a", "local.loop", "var.c"}
	if !reflect.DeepEqual(source.sent, want) {
		t.Errorf("sent %q, want %q", source.sent, want)
	}
	if host.evaluations != 1 {
		t.Errorf("SDK evaluations = %d, want 1 (local.loop, the last resort)", host.evaluations)
	}
}

func TestReferencesFetchedTogetherKeepTheirMarks(t *testing.T) {
	source := &fakeSource{values: map[string]cty.Value{
		"var.secret": cty.StringVal("s").Mark(marks.Sensitive),
		"var.plain":  cty.StringVal("p"),
	}}
	e := directEvaluator(&failingRunner{}, source)
	exprs := parseExprs(t, "var.secret", "var.plain")
	e.want(exprs[0])
	e.want(exprs[1])
	secret, plain := exprs[0], exprs[1]
	if got := e.value(secret); !got.HasMark(marks.Sensitive) {
		t.Errorf("var.secret = %#v, want it marked sensitive", got)
	}
	if got := e.value(plain); got.IsMarked() {
		t.Errorf("var.plain = %#v, want it unmarked", got)
	}
}

func TestDirectHostIsOnlyTheSDKClient(t *testing.T) {
	type wrongMethod struct {
		Client interface {
			EvaluateExpr(ctx context.Context, expr string) (string, error)
		}
	}
	type noClient struct{ Other int }
	for name, host := range map[string]tflint.Runner{
		"the SDK's test runner": helper.TestRunner(t, map[string]string{"main.tf": ""}),
		"nil":                   nil,
	} {
		if directHostOf(host) != nil {
			t.Errorf("%s: got a direct host", name)
		}
	}
	for name, v := range map[string]any{"no client": &noClient{}, "a client of another shape": &wrongMethod{}, "a nil pointer": (*noClient)(nil)} {
		if directHostOf(v) != nil {
			t.Errorf("%s: got a direct host", name)
		}
	}
}

func protocolMessage(t *testing.T, name protoreflect.FullName) protoreflect.Message {
	t.Helper()
	mt, err := protoregistry.GlobalTypes.FindMessageByName(name)
	if err != nil {
		t.Fatal(err)
	}
	return mt.New()
}

func TestDirectRequestCarriesTheSourceInTheModuleContext(t *testing.T) {
	request := reflect.TypeOf(protocolMessage(t, evaluateRequestName).Interface())
	at := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 3, Column: 5, Byte: 40}, End: hcl.Pos{Line: 3, Column: 16, Byte: 51}}
	v, err := (&directHost{request: request}).newRequest("[var.a, local.b]", at)
	if err != nil {
		t.Fatal(err)
	}
	msg := v.Interface().(protoreflect.ProtoMessage).ProtoReflect()
	got := map[string]string{}
	walk(msg, "", got)
	want := map[string]string{
		"expression.bytes":              "[var.a, local.b]",
		"expression.range.filename":     "main.tf",
		"expression.range.start.line":   "3",
		"expression.range.start.column": "5",
		"expression.range.start.byte":   "40",
		"expression.range.end.line":     "3",
		"expression.range.end.column":   "16",
		"expression.range.end.byte":     "51",
		"option.type":                   `"dynamic"`,
		"option.module_ctx":             "MODULE_CTX_TYPE_SELF",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("request fields:\n got %v\nwant %v", got, want)
	}
}

// walk flattens the set fields of a message into "a.b.c" = value.
func walk(msg protoreflect.Message, prefix string, out map[string]string) {
	msg.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		name := prefix + string(fd.Name())
		switch {
		case fd.Message() != nil:
			walk(v.Message(), name+".", out)
		case fd.Enum() != nil:
			out[name] = string(fd.Enum().Values().ByNumber(v.Enum()).Name())
		case fd.Kind() == protoreflect.BytesKind:
			out[name] = string(v.Bytes())
		default:
			out[name] = v.String()
		}
		return true
	})
}

func TestDirectResponseKeepsMarksAtTheirPaths(t *testing.T) {
	value := cty.TupleVal([]cty.Value{
		cty.StringVal("audit"),
		cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal("s")}),
		cty.UnknownVal(cty.String),
		cty.NullVal(cty.String),
	})
	encoded, err := msgpack.Marshal(value, cty.DynamicPseudoType)
	if err != nil {
		t.Fatal(err)
	}
	response := protocolMessage(t, "proto.EvaluateExpr.Response")
	fields := response.Descriptor().Fields()
	response.Set(fields.ByName("value"), protoreflect.ValueOfBytes(encoded))
	list := response.Mutable(fields.ByName("marks")).List()
	addMark := func(kind string, steps ...func(protoreflect.Message)) {
		mark := list.NewElement().Message()
		mark.Set(mark.Descriptor().Fields().ByName(protoreflect.Name(kind)), protoreflect.ValueOfBool(true))
		path := mark.Mutable(mark.Descriptor().Fields().ByName("path")).Message()
		stepList := path.Mutable(path.Descriptor().Fields().ByName("steps")).List()
		for _, set := range steps {
			step := stepList.NewElement().Message()
			set(step)
			stepList.Append(protoreflect.ValueOfMessage(step))
		}
		list.Append(protoreflect.ValueOfMessage(mark))
	}
	index := func(i int64) func(protoreflect.Message) {
		return func(s protoreflect.Message) {
			s.Set(s.Descriptor().Fields().ByName("element_key_int"), protoreflect.ValueOfInt64(i))
		}
	}
	attr := func(name string) func(protoreflect.Message) {
		return func(s protoreflect.Message) {
			s.Set(s.Descriptor().Fields().ByName("attribute_name"), protoreflect.ValueOfString(name))
		}
	}
	addMark("sensitive", index(1), attr("key"))
	addMark("ephemeral", index(0))

	got, err := decodeValue(response)
	if err != nil {
		t.Fatal(err)
	}
	at := func(i int64) cty.Value { return got.Index(cty.NumberIntVal(i)) }
	if !at(0).HasMark(marks.Ephemeral) {
		t.Errorf("element 0 = %#v, want it ephemeral", at(0))
	}
	if key := at(1).GetAttr("key"); !key.HasMark(marks.Sensitive) || at(1).HasMark(marks.Sensitive) {
		t.Errorf("element 1 = %#v, want only its key sensitive", at(1))
	}
	if at(2).IsKnown() || !at(3).IsNull() {
		t.Errorf("elements 2 and 3 = %#v, %#v; want unknown and null", at(2), at(3))
	}
}
