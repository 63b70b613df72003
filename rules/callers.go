package rules

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// In a called module, tflint reports an issue on the caller's module
// argument for each var.X the expression references, and drops it
// when there is none. Wrapper modules rarely hand a variable straight to a
// resource: the value goes through a local (deletion_protection =
// local.cfg.protect), the for_each of the resource (each.value.protect),
// or the for_each of a "dynamic" block. Such an issue is placed on the
// expression through which the value comes from input variables, so that
// tflint reports it on the caller's argument.

// exprOwner is what an attribute expression of the model belongs to: the
// resource instance, and the "dynamic" block that made its block, if any.
type exprOwner struct {
	resource *Resource
	dynamic  *hclext.Block // raw "dynamic" block, or nil
}

// reachingVariables returns the range of the expression through which the
// value at rng comes from input variables: rng itself when its expression
// names one; rng when none can be told.
func (m *Model) reachingVariables(rng hcl.Range) hcl.Range {
	if found, ok := m.blameRange(rng); ok {
		return found
	}
	return rng
}

func (m *Model) blameRange(rng hcl.Range) (hcl.Range, bool) {
	if g := m.groupAt(rng); g != nil {
		// A group that lacks a parameter: its dynamic parameter blocks
		// are what the caller controls.
		return m.blameDynamicParameters(g)
	}
	expr := m.exprAt(rng)
	if expr == nil {
		return hcl.Range{}, false
	}
	return m.blame(expr, m.owners[keyOf(rng)], 0)
}

// blame follows expr to input variables: through the parts of locals that
// it names, and through the for_each of its resource or dynamic block.
func (m *Model) blame(expr hcl.Expression, owner exprOwner, depth int) (hcl.Range, bool) {
	expr = unwrapBound(expr)
	traversals := expr.Variables()
	for _, t := range traversals {
		if t.RootName() == "var" {
			return expr.Range(), true
		}
	}
	for _, t := range traversals {
		if found, ok := m.blameTraversal(t, owner, depth+1); ok {
			return found, true
		}
	}
	return hcl.Range{}, false
}

// blameTraversal follows one reference: into the part of a local it names,
// or to the for_each its iterator walks.
func (m *Model) blameTraversal(t hcl.Traversal, owner exprOwner, depth int) (hcl.Range, bool) {
	if depth > maxLocalDepth {
		return hcl.Range{}, false
	}
	root := t.RootName()
	switch {
	case root == "local":
		return m.blameLocal(t, depth)
	case root == "each" && owner.resource != nil:
		if forEach := m.rawAttr(owner.resource, "for_each"); forEach != nil {
			return m.blame(forEach.Expr, exprOwner{}, depth)
		}
	case owner.dynamic != nil && root == m.iteratorName(owner.dynamic):
		if forEach := m.DynamicArgument(owner.dynamic, "for_each"); forEach != nil {
			return m.blame(forEach.Expr, exprOwner{resource: owner.resource}, depth)
		}
	}
	return hcl.Range{}, false
}

// blameLocal follows local.X.rest. A local's own references are resolved in
// the module, so the resource's each and iterators do not apply inside it.
func (m *Model) blameLocal(t hcl.Traversal, depth int) (hcl.Range, bool) {
	name, ok := secondStep(t)
	if !ok {
		return hcl.Range{}, false
	}
	local := m.local(name)
	if local == nil {
		return hcl.Range{}, false
	}
	expr, rest := partOf(local.Expr, t[2:])
	if len(rest) == 0 {
		return m.blame(expr, exprOwner{}, depth)
	}
	// A part of a value the local computes (merge(var.a, var.b).x): which
	// variable holds it cannot be told, and blaming all would be wrong.
	inner, ok := pureTraversal(expr)
	if !ok {
		return hcl.Range{}, false
	}
	if inner.RootName() == "var" {
		return expr.Range(), true
	}
	return m.blameTraversal(joinTraversal(inner, rest...), exprOwner{}, depth+1)
}

// partOf descends into object constructors along the steps of a reference,
// so that local.cfg.protect in cfg = { protect = var.protect } is
// var.protect alone, not every variable of cfg. It returns the steps it
// could not follow.
func partOf(expr hcl.Expression, steps hcl.Traversal) (hcl.Expression, hcl.Traversal) {
	for i, step := range steps {
		object, ok := unwrapBound(expr).(*hclsyntax.ObjectConsExpr)
		if !ok {
			return expr, steps[i:]
		}
		key, ok := stepKey(step)
		if !ok {
			return expr, steps[i:]
		}
		item := objectItem(object, key)
		if item == nil {
			return expr, steps[i:]
		}
		expr = item
	}
	return expr, nil
}

func stepKey(step hcl.Traverser) (string, bool) {
	switch s := step.(type) {
	case hcl.TraverseAttr:
		return s.Name, true
	case hcl.TraverseIndex:
		if s.Key.Type() == cty.String && s.Key.IsKnown() && !s.Key.IsNull() {
			return s.Key.AsString(), true
		}
	}
	return "", false
}

// objectItem returns the value of the item with a literal key.
func objectItem(object *hclsyntax.ObjectConsExpr, key string) hcl.Expression {
	for _, item := range object.Items {
		k := item.KeyExpr
		if wrapped, ok := k.(*hclsyntax.ObjectConsKeyExpr); ok {
			if name := hcl.ExprAsKeyword(wrapped.Wrapped); name != "" {
				if name == key {
					return item.ValueExpr
				}
				continue
			}
			k = wrapped.Wrapped
		}
		if s, ok := literalString(k); ok && s == key {
			return item.ValueExpr
		}
	}
	return nil
}

// iteratorName is the name the content of a dynamic block uses for its element.
func (m *Model) iteratorName(dynamic *hclext.Block) string {
	if it := m.DynamicArgument(dynamic, "iterator"); it != nil {
		return hcl.ExprAsKeyword(it.Expr)
	}
	if len(dynamic.Labels) == 1 {
		return dynamic.Labels[0]
	}
	return ""
}

// blameDynamicParameters returns the first for_each of the group's dynamic
// parameter blocks that comes from input variables.
func (m *Model) blameDynamicParameters(g *ParameterGroup) (hcl.Range, bool) {
	for _, d := range m.dynamicParameterBlocks(g.Resource) {
		if forEach := m.DynamicArgument(d, "for_each"); forEach != nil {
			if found, ok := m.blame(forEach.Expr, exprOwner{resource: g.Resource}, 0); ok {
				return found, true
			}
		}
	}
	return hcl.Range{}, false
}

// mayNeedTracing tells, without a host call, whether an issue at rng could
// be lost in a called module: its expression names no input variable but
// names something that may come from one, or it is on a group header.
func (m *Model) mayNeedTracing(rng hcl.Range) bool {
	if g := m.groupAt(rng); g != nil {
		return len(m.dynamicParameterBlocks(g.Resource)) > 0
	}
	expr := m.exprAt(rng)
	if expr == nil {
		return false
	}
	for _, t := range unwrapBound(expr).Variables() {
		if t.RootName() == "var" {
			return false
		}
	}
	return len(expr.Variables()) > 0
}

// groupAt returns the cluster parameter group whose header is at rng.
func (m *Model) groupAt(rng hcl.Range) *ParameterGroup {
	if m.groupHeaders == nil {
		m.groupHeaders = map[rangeKey]*ParameterGroup{}
		for _, g := range m.ClusterParameterGroups {
			m.groupHeaders[keyOf(g.Block.DefRange)] = g
		}
	}
	return m.groupHeaders[keyOf(rng)]
}

// exprAt finds the attribute expression of the model whose range is rng.
func (m *Model) exprAt(rng hcl.Range) hcl.Expression {
	if m.exprs == nil {
		m.exprs = map[rangeKey]hcl.Expression{}
		m.owners = map[rangeKey]exprOwner{}
		for _, list := range [][]*Resource{m.Clusters, m.ClusterInstances, m.LogGroups, m.GlobalClusters} {
			for _, r := range list {
				m.addExprs(r.Block.Body, exprOwner{resource: r})
			}
		}
		for _, g := range m.AllParameterGroups() {
			m.addExprs(g.Block.Body, exprOwner{resource: g.Resource})
		}
		for _, names := range m.names {
			for _, attr := range names {
				if attr != nil {
					m.exprs[keyOf(attr.Expr.Range())] = attr.Expr
				}
			}
		}
	}
	return m.exprs[keyOf(rng)]
}

func (m *Model) addExprs(body *hclext.BodyContent, owner exprOwner) {
	if body == nil {
		return
	}
	for _, attr := range body.Attributes {
		key := keyOf(attr.Expr.Range())
		m.exprs[key] = attr.Expr
		m.owners[key] = owner
	}
	dynamics := m.dynamicParameterBlocks(owner.resource)
	for _, nested := range body.Blocks {
		nestedOwner := exprOwner{resource: owner.resource}
		for _, d := range dynamics {
			if keyOf(d.DefRange) == keyOf(nested.DefRange) {
				nestedOwner.dynamic = d
			}
		}
		m.addExprs(nested.Body, nestedOwner)
	}
}
