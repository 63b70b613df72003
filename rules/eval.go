package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// evaluator computes attribute values with as few host round trips as it
// can. Each host EvaluateExpr through the SDK re-fetches and re-parses the
// expression's file, so it evaluates locally whatever does not need the
// host: bound values (count, for_each and dynamic blocks arrive already
// evaluated), literals, and references to resources, which tflint always
// treats as unknown. The input variables and locals the model's attributes
// use are fetched together, in one host call, when a rule first needs one
// (see directHost); any the host cannot give that way, one by one.
type evaluator struct {
	host      tflint.Runner
	refs      map[string]cty.Value // "var.name" and "local.name"
	memo      map[rangeKey]cty.Value
	hostCalls int

	direct      sourceEvaluator // nil when the host's client is not the SDK's
	wanted      []hcl.Traversal // references the model's attributes make, fetched together
	wantedKeys  map[string]bool // of wanted
	batchFailed bool            // one of the wanted failed the host: fetch one at a time
}

type rangeKey struct {
	file       string
	start, end int
}

func keyOf(r hcl.Range) rangeKey { return rangeKey{r.Filename, r.Start.Byte, r.End.Byte} }

func newEvaluator(host tflint.Runner) *evaluator {
	e := &evaluator{host: host, refs: map[string]cty.Value{}, memo: map[rangeKey]cty.Value{}, wantedKeys: map[string]bool{}}
	if direct := directHostOf(host); direct != nil {
		e.direct = direct
	}
	return e
}

// value returns the value of expr: possibly unknown, null or marked, never an error.
func (e *evaluator) value(expr hcl.Expression) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		return bound.Val
	}
	key := keyOf(expr.Range())
	if v, ok := e.memo[key]; ok {
		return v
	}
	v := e.evaluate(expr)
	e.memo[key] = v
	return v
}

func (e *evaluator) evaluate(expr hcl.Expression) cty.Value {
	ctx, local := e.localContext(expr)
	if local {
		if v, diags := expr.Value(ctx); !diags.HasErrors() {
			return v
		}
	}
	return e.fromHost(expr)
}

// localContext builds the context to evaluate expr without the host, or
// reports that it needs the host (functions, path, terraform, each, count).
// It decides before fetching any variable, so that no fetch is wasted.
func (e *evaluator) localContext(expr hcl.Expression) (*hcl.EvalContext, bool) {
	traversals := expr.Variables()
	if len(traversals) == 0 {
		// Not nil: with a nil context a JSON string is taken literally, its
		// %{} and $${} sequences unprocessed, unlike in tflint.
		return &hcl.EvalContext{}, true
	}
	if !evaluableLocally(expr, traversals) {
		return nil, false
	}
	vars := map[string]map[string]cty.Value{"var": {}, "local": {}}
	values := map[string]cty.Value{}
	for _, t := range traversals {
		switch root := t.RootName(); root {
		case "var", "local":
			name, _ := secondStep(t)
			vars[root][name] = e.reference(t)
		case "ephemeral":
			values[root] = cty.DynamicVal.Mark(marks.Ephemeral)
		default:
			// Resources, data sources, modules and self: unknown in tflint too.
			values[root] = cty.DynamicVal
		}
	}
	values["var"] = cty.ObjectVal(vars["var"])
	values["local"] = cty.ObjectVal(vars["local"])
	return &hcl.EvalContext{Variables: values}, true
}

// evaluableLocally tells whether an expression with these references can be
// evaluated here once its variables and locals are known.
func evaluableLocally(expr hcl.Expression, traversals []hcl.Traversal) bool {
	if !isNativeSyntax(expr) || callsFunctions(expr) {
		return false
	}
	for _, t := range traversals {
		switch t.RootName() {
		case "path", "terraform", "count", "each":
			return false
		case "var", "local":
			if _, ok := secondStep(t); !ok {
				return false
			}
		}
	}
	return true
}

// want records the variables and locals an expression will need, so that
// the first one asked for brings all of them in one host call.
func (e *evaluator) want(expr hcl.Expression) {
	if e.direct == nil || expr == nil {
		return
	}
	if _, bound := expr.(*hclext.BoundExpr); bound {
		return
	}
	traversals := expr.Variables()
	if len(traversals) == 0 || !evaluableLocally(expr, traversals) {
		return
	}
	for _, t := range traversals {
		if root := t.RootName(); root != "var" && root != "local" {
			continue
		}
		key := referenceKey(t)
		if _, known := e.refs[key]; !known && !e.wantedKeys[key] {
			e.wantedKeys[key] = true
			e.wanted = append(e.wanted, t)
		}
	}
}

// callsFunctions tells whether a native expression calls a function, which
// only the host can evaluate as Terraform does.
func callsFunctions(expr hcl.Expression) bool {
	node, ok := unwrapBound(expr).(hclsyntax.Node)
	if !ok {
		return false
	}
	calls := false
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		if _, ok := n.(*hclsyntax.FunctionCallExpr); ok {
			calls = true
		}
		return nil
	})
	return calls
}

// reference returns the value of var.X or local.X, from the host once.
func (e *evaluator) reference(t hcl.Traversal) cty.Value {
	key := referenceKey(t)
	if v, ok := e.refs[key]; ok {
		return v
	}
	if e.direct != nil && e.fetchDirectly(key, t) {
		return e.refs[key]
	}
	v := e.fromHost(&hclsyntax.ScopeTraversalExpr{Traversal: t[:2], SrcRange: referenceRange(t)})
	e.refs[key] = v
	return v
}

// referenceKey is "var.name" or "local.name" for a traversal that starts so.
func referenceKey(t hcl.Traversal) string {
	name, _ := secondStep(t)
	return t.RootName() + "." + name
}

// referenceRange is where the reference is written. Only references in
// native syntax are evaluated from their text, so the host, which parses
// by the file's extension, reads them as native syntax too.
func referenceRange(t hcl.Traversal) hcl.Range {
	return hcl.RangeBetween(t[0].SourceRange(), t[1].SourceRange())
}

// fetchDirectly fetches the reference t names with every wanted one not
// fetched yet, in one host call; after a failure, t alone. It reports
// whether the value of t was fetched.
func (e *evaluator) fetchDirectly(key string, t hcl.Traversal) bool {
	batch := []hcl.Traversal{t}
	if !e.batchFailed {
		for _, w := range e.wanted {
			if k := referenceKey(w); k != key {
				if _, known := e.refs[k]; !known {
					batch = append(batch, w)
				}
			}
		}
	}
	e.wanted, e.wantedKeys = nil, map[string]bool{}
	if len(batch) > 1 {
		if e.fetchTuple(batch) {
			return true
		}
		e.batchFailed = true
	}
	e.hostCalls++
	v, err := e.direct.value(referenceKey(t), referenceRange(t))
	if err != nil {
		logger.Debug("neptune: cannot evaluate " + key + " directly: " + err.Error())
		return false
	}
	e.refs[key] = v
	return true
}

// fetchTuple evaluates the references as one tuple, "[var.a, local.b]".
func (e *evaluator) fetchTuple(batch []hcl.Traversal) bool {
	keys := make([]string, len(batch))
	for i, t := range batch {
		keys[i] = referenceKey(t)
	}
	e.hostCalls++
	tuple, err := e.direct.value("["+strings.Join(keys, ", ")+"]", referenceRange(batch[0]))
	if err != nil {
		logger.Debug("neptune: cannot evaluate " + strings.Join(keys, ", ") + " together: " + err.Error())
		return false
	}
	plain, _ := tuple.Unmark()
	if !plain.IsKnown() || plain.IsNull() || !plain.Type().IsTupleType() || plain.LengthInt() != len(keys) {
		return false
	}
	for i, key := range keys {
		e.refs[key] = tuple.Index(cty.NumberIntVal(int64(i)))
	}
	logger.Debug(fmt.Sprintf("neptune: %d variables and locals in one host call", len(keys)))
	return true
}

func (e *evaluator) fromHost(expr hcl.Expression) cty.Value {
	e.hostCalls++
	var v cty.Value
	if err := e.host.EvaluateExpr(expr, &v, nil); err != nil {
		logger.Debug("neptune: cannot evaluate " + expr.Range().String() + ": " + err.Error())
		return cty.DynamicVal
	}
	return v
}

// wholeLocal returns X for a reference to local.X itself, not to a part of
// it such as local.X.field.
func wholeLocal(t hcl.Traversal) (string, bool) {
	name, ok := secondStep(t)
	return name, ok && len(t) == 2 && t.RootName() == "local"
}

func secondStep(t hcl.Traversal) (string, bool) {
	if len(t) < 2 {
		return "", false
	}
	attr, ok := t[1].(hcl.TraverseAttr)
	return attr.Name, ok
}

func isNativeSyntax(expr hcl.Expression) bool {
	return !isJSONFile(expr.Range().Filename)
}
