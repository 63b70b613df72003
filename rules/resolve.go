package rules

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
)

// GroupUse says which cluster parameter group a cluster runs with.
type GroupUse int

const (
	// UsesUnknownGroup: a group this module does not define or a value not known here.
	UsesUnknownGroup GroupUse = iota
	// UsesDefaultGroup: an AWS default group, which keeps audit logging off.
	UsesDefaultGroup
	// UsesModuleGroup: a group defined in this module.
	UsesModuleGroup
)

// GroupRef is the result of resolving neptune_cluster_parameter_group_name.
type GroupRef struct {
	Use         GroupUse
	Group       *ParameterGroup
	DefaultName string // the default group's name when it is written out
}

const maxLocalDepth = 16

// ClusterParameterGroup resolves the cluster parameter group of a cluster:
// first by reference (directly or through locals), then by evaluated name.
// Several rules ask for each cluster, so the answer is kept.
func (m *Model) ClusterParameterGroup(cluster *Resource) GroupRef {
	if ref, ok := m.groupRefs[cluster]; ok {
		return ref
	}
	ref := m.resolveClusterParameterGroup(cluster)
	m.groupRefs[cluster] = ref
	return ref
}

func (m *Model) resolveClusterParameterGroup(cluster *Resource) GroupRef {
	attr := cluster.Attr("neptune_cluster_parameter_group_name")
	if attr == nil {
		return GroupRef{Use: UsesDefaultGroup}
	}
	if g := m.referencedGroup(attr.Expr, 0); g != nil {
		return GroupRef{Use: UsesModuleGroup, Group: g}
	}
	v := m.Value(attr)
	if isNull(v) {
		return GroupRef{Use: UsesDefaultGroup}
	}
	name, ok := stringValue(v)
	if !ok {
		return GroupRef{}
	}
	if neptune.IsDefaultParameterGroupName(name) {
		return GroupRef{Use: UsesDefaultGroup, DefaultName: name}
	}
	if g := m.groupNamed(m.ClusterParameterGroups, name); g != nil {
		return GroupRef{Use: UsesModuleGroup, Group: g}
	}
	return GroupRef{}
}

// referencedGroup follows aws_neptune_cluster_parameter_group.X[.index].name
// or .id, directly or through local values.
func (m *Model) referencedGroup(expr hcl.Expression, depth int) *ParameterGroup {
	if r := m.referencedResource(expr, clusterParameterGroupType, depth, "name", "id"); r != nil {
		return m.Group(r)
	}
	return nil
}

// referencedResource follows a reference to an attribute (one of attrs) of
// a resource of the given type, with or without an index, directly or
// through local values, and returns the block's first instance.
func (m *Model) referencedResource(expr hcl.Expression, resourceType string, depth int, attrs ...string) *Resource {
	if depth > maxLocalDepth {
		return nil
	}
	t, ok := pureTraversal(expr)
	if !ok {
		return nil
	}
	name, ok := secondStep(t)
	if !ok {
		return nil
	}
	switch t.RootName() {
	case "local":
		if local := m.local(name); local != nil {
			return m.referencedResource(local.Expr, resourceType, depth+1, attrs...)
		}
	case resourceType:
		if contains(attrs, attributeAfterIndexes(t[2:])) {
			if instances := m.Instances(resourceType, name); len(instances) > 0 {
				return instances[0]
			}
		}
	}
	return nil
}

// groupNamed finds the group whose evaluated name is name.
func (m *Model) groupNamed(groups []*ParameterGroup, name string) *ParameterGroup {
	for _, g := range groups {
		if n, ok := m.String(m.NameOf(g.Resource)); ok && n == name {
			return g
		}
	}
	return nil
}

// pureTraversal returns the reference an expression consists of, e.g.
// a.b[count.index].c or "${a.b.c}", and false for anything else.
func pureTraversal(expr hcl.Expression) (hcl.Traversal, bool) {
	switch e := expr.(type) {
	case *hclext.BoundExpr:
		return pureTraversal(e.UnwrapExpression())
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal, true
	case *hclsyntax.RelativeTraversalExpr:
		base, ok := pureTraversal(e.Source)
		return joinTraversal(base, e.Traversal...), ok
	case *hclsyntax.IndexExpr:
		base, ok := pureTraversal(e.Collection)
		return joinTraversal(base, hcl.TraverseIndex{SrcRange: e.Key.Range()}), ok
	case *hclsyntax.TemplateWrapExpr:
		return pureTraversal(e.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return pureTraversal(e.Expression)
	}
	if isNativeSyntax(expr) {
		return nil, false
	}
	// JSON: a string holding exactly one interpolation, "${a.b.c}".
	vars := expr.Variables()
	if len(vars) != 1 {
		return nil, false
	}
	whole, ref := expr.Range(), vars[0].SourceRange()
	if ref.Start.Byte != whole.Start.Byte+len(`"${`) || ref.End.Byte != whole.End.Byte-len(`}"`) {
		return nil, false
	}
	return vars[0], true
}

func joinTraversal(base hcl.Traversal, steps ...hcl.Traverser) hcl.Traversal {
	out := make(hcl.Traversal, 0, len(base)+len(steps))
	return append(append(out, base...), steps...)
}

func attributeAfterIndexes(steps hcl.Traversal) string {
	for _, step := range steps {
		switch s := step.(type) {
		case hcl.TraverseIndex:
			continue
		case hcl.TraverseAttr:
			return s.Name
		}
		return ""
	}
	return ""
}

// ClustersUsing returns the addresses of the clusters that run with group,
// one per resource block.
func (m *Model) ClustersUsing(group *ParameterGroup) []string {
	if m.users == nil {
		m.users = map[rangeKey][]string{}
		seen := map[string]bool{}
		for _, c := range m.Clusters {
			ref := m.ClusterParameterGroup(c)
			if ref.Use != UsesModuleGroup || seen[c.Address()] {
				continue
			}
			seen[c.Address()] = true
			key := keyOf(ref.Group.Block.DefRange)
			m.users[key] = append(m.users[key], c.Address())
		}
	}
	return m.users[keyOf(group.Block.DefRange)]
}
