package rules

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// In a called module, tflint reports an issue on the caller's module
// argument for each var.X the expression references, and drops it
// when there is none. A value that reaches an attribute through a local,
// deletion_protection = local.protect with protect = var.protect, would
// be lost: such an issue is placed on the local's expression instead.

// reachingVariables returns the range of the expression through which the
// value at rng comes from input variables: rng itself when its expression
// names one, else the first local's expression that does, followed through
// locals; rng when there is none.
func (m *Model) reachingVariables(rng hcl.Range) hcl.Range {
	expr := m.exprAt(rng)
	if expr == nil {
		return rng
	}
	if found, ok := m.throughLocals(expr, 0); ok {
		return found
	}
	return rng
}

func (m *Model) throughLocals(expr hcl.Expression, depth int) (hcl.Range, bool) {
	if depth > maxLocalDepth {
		return hcl.Range{}, false
	}
	var locals []string
	for _, t := range unwrapBound(expr).Variables() {
		switch t.RootName() {
		case "var":
			return expr.Range(), true
		case "local":
			// Only a whole local: the variables of local.cfg would all
			// be blamed for local.cfg.protect.
			if name, ok := wholeLocal(t); ok {
				locals = append(locals, name)
			}
		}
	}
	for _, name := range locals {
		if local := m.local(name); local != nil {
			if found, ok := m.throughLocals(local.Expr, depth+1); ok {
				return found, true
			}
		}
	}
	return hcl.Range{}, false
}

// referencesLocal tells whether the model's expression at rng names a local.
func (m *Model) referencesLocal(rng hcl.Range) bool {
	expr := m.exprAt(rng)
	if expr == nil {
		return false
	}
	for _, t := range unwrapBound(expr).Variables() {
		if t.RootName() == "local" {
			return true
		}
	}
	return false
}

// exprAt finds the attribute expression of the model whose range is rng.
func (m *Model) exprAt(rng hcl.Range) hcl.Expression {
	if m.exprs == nil {
		m.exprs = map[rangeKey]hcl.Expression{}
		for _, list := range [][]*Resource{m.Clusters, m.ClusterInstances, m.LogGroups, m.GlobalClusters} {
			for _, r := range list {
				m.addExprs(r.Block.Body)
			}
		}
		for _, groups := range [][]*ParameterGroup{m.ClusterParameterGroups, m.InstanceParameterGroups} {
			for _, g := range groups {
				m.addExprs(g.Block.Body)
			}
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

func (m *Model) addExprs(body *hclext.BodyContent) {
	if body == nil {
		return
	}
	for _, attr := range body.Attributes {
		m.exprs[keyOf(attr.Expr.Range())] = attr.Expr
	}
	for _, nested := range body.Blocks {
		m.addExprs(nested.Body)
	}
}
