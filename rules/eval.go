package rules

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// evaluator computes attribute values with as few host round trips as it
// can. Each host EvaluateExpr re-fetches and re-parses the expression's file,
// so it evaluates locally whatever does not need the host: bound values
// (count, for_each and dynamic blocks arrive already evaluated), literals,
// and references to resources, which tflint always treats as unknown. Input
// variables and locals are fetched from the host once per name per module.
type evaluator struct {
	host      tflint.Runner
	refs      map[string]cty.Value // "var.name" and "local.name"
	memo      map[rangeKey]cty.Value
	hostCalls int
}

type rangeKey struct {
	file       string
	start, end int
}

func keyOf(r hcl.Range) rangeKey { return rangeKey{r.Filename, r.Start.Byte, r.End.Byte} }

func newEvaluator(host tflint.Runner) *evaluator {
	return &evaluator{host: host, refs: map[string]cty.Value{}, memo: map[rangeKey]cty.Value{}}
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
	if !isNativeSyntax(expr) || callsFunctions(expr) {
		return nil, false
	}
	for _, t := range traversals {
		switch t.RootName() {
		case "path", "terraform", "count", "each":
			return nil, false
		case "var", "local":
			if _, ok := secondStep(t); !ok {
				return nil, false
			}
		}
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
	name, _ := secondStep(t)
	key := t.RootName() + "." + name
	if v, ok := e.refs[key]; ok {
		return v
	}
	rng := hcl.RangeBetween(t[0].SourceRange(), t[1].SourceRange())
	v := e.fromHost(&hclsyntax.ScopeTraversalExpr{Traversal: t[:2], SrcRange: rng})
	e.refs[key] = v
	return v
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
