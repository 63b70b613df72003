package rules

import (
	"math"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

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
	if g := m.referencedGroup(cluster, attr.Expr); g != nil {
		return GroupRef{Use: UsesModuleGroup, Group: g}
	}
	if ref, ok := m.tryGroup(cluster, attr.Expr); ok {
		return ref
	}
	v := m.Value(attr)
	if isNull(v) {
		return GroupRef{Use: UsesDefaultGroup}
	}
	name, ok := stringValue(v)
	if !ok {
		return GroupRef{}
	}
	return m.groupByName(name)
}

// groupByName resolves a cluster parameter group name that is known.
func (m *Model) groupByName(name string) GroupRef {
	if name == "" {
		return GroupRef{Use: UsesDefaultGroup} // the provider sends no group for "", as for null
	}
	if neptune.IsDefaultParameterGroupName(name) {
		return GroupRef{Use: UsesDefaultGroup, DefaultName: name}
	}
	if g := m.groupNamed(m.ClusterParameterGroups, name); g != nil {
		return GroupRef{Use: UsesModuleGroup, Group: g}
	}
	return GroupRef{}
}

// tryGroup reads try(aws_neptune_cluster_parameter_group.x[0].name, null)
// as Terraform will run it: a reference to an instance that a known count
// or for_each does not make fails, and try moves to the next argument.
// tflint cannot tell, since it takes every resource attribute as unknown.
func (m *Model) tryGroup(cluster *Resource, expr hcl.Expression) (GroupRef, bool) {
	call, ok := unwrapBound(expr).(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "try" {
		return GroupRef{}, false
	}
	for _, arg := range call.Args {
		if isNullLiteral(arg) {
			return GroupRef{Use: UsesDefaultGroup}, true
		}
		if name, ok := literalString(arg); ok {
			return m.groupByName(name), true
		}
		if m.namesMissingInstance(cluster, arg) {
			continue
		}
		if g := m.referencedGroup(cluster, arg); g != nil {
			return GroupRef{Use: UsesModuleGroup, Group: g}, true
		}
		return GroupRef{}, false
	}
	return GroupRef{}, false
}

// namesMissingInstance tells whether expr refers to an instance of a group
// block that its known count or for_each does not make.
func (m *Model) namesMissingInstance(from *Resource, expr hcl.Expression) bool {
	t, ok := pureTraversal(expr)
	if !ok || t.RootName() != clusterParameterGroupType {
		return false
	}
	name, ok := secondStep(t)
	if !ok || !m.blockWritten(clusterParameterGroupType, name) {
		return false
	}
	instances := m.Instances(clusterParameterGroupType, name)
	if len(instances) == 0 {
		return true
	}
	if len(t) < 3 || !m.counted(instances[0]) {
		return false
	}
	index, ok := t[2].(hcl.TraverseIndex)
	if !ok {
		return false
	}
	i, ok := wholeNumber(index.Key)
	return ok && i >= len(instances)
}

// blockWritten tells whether the module has a block of that type and name.
func (m *Model) blockWritten(resourceType, name string) bool {
	for _, b := range m.rawBlocks {
		if b.Labels[0] == resourceType && b.Labels[1] == name {
			return true
		}
	}
	return false
}

// referencedGroup follows aws_neptune_cluster_parameter_group.X[.index].name
// or .id, directly or through local values, from the cluster instance from.
func (m *Model) referencedGroup(from *Resource, expr hcl.Expression) *ParameterGroup {
	if r := m.referencedResource(from, expr, clusterParameterGroupType, "name", "id"); r != nil {
		return m.Group(r)
	}
	return nil
}

// referencedResource follows a reference to an attribute (one of attrs) of
// a resource of the given type, directly or through local values, and
// returns the instance it names; nil when it cannot tell which, as for a
// key of a for_each block, so that no rule judges the wrong instance.
func (m *Model) referencedResource(from *Resource, expr hcl.Expression, resourceType string, attrs ...string) *Resource {
	instances, steps := m.referencedInstances(expr, resourceType, 0, attrs)
	switch {
	case len(instances) == 1:
		return instances[0]
	case len(instances) == 0:
		return nil
	}
	if i, ok := m.instanceIndex(instances[0], steps, from); ok && i < len(instances) {
		return instances[i]
	}
	return nil
}

// referencedInstances returns the instances of the block a reference names,
// and the steps that follow its name.
func (m *Model) referencedInstances(expr hcl.Expression, resourceType string, depth int, attrs []string) ([]*Resource, hcl.Traversal) {
	if depth > maxLocalDepth {
		return nil, nil
	}
	t, ok := pureTraversal(expr)
	if !ok {
		return nil, nil
	}
	name, ok := secondStep(t)
	if !ok {
		return nil, nil
	}
	switch t.RootName() {
	case "local":
		if local := m.local(name); local != nil {
			return m.referencedInstances(local.Expr, resourceType, depth+1, attrs)
		}
	case resourceType:
		if contains(attrs, attributeAfterIndexes(t[2:])) {
			return m.Instances(resourceType, name), t[2:]
		}
	}
	return nil, nil
}

// counted tells whether a resource's block uses count, whose instances the
// host expands in index order.
func (m *Model) counted(r *Resource) bool {
	return m.rawAttr(r, "count") != nil
}

func (m *Model) rawAttr(r *Resource, name string) *hclext.Attribute {
	if raw := m.rawBlocks[keyOf(r.Block.DefRange)]; raw != nil {
		return raw.Body.Attributes[name]
	}
	return nil
}

// instanceIndex reads which instance of target's block a reference names:
// a number written out into a counted block, count.index from an instance
// of another counted block, or each.key from an instance of a block with
// the same for_each (the host expands both in the same key order).
func (m *Model) instanceIndex(target *Resource, steps hcl.Traversal, from *Resource) (int, bool) {
	if len(steps) == 0 {
		return 0, false
	}
	index, ok := steps[0].(hcl.TraverseIndex)
	if !ok || index.Key == cty.NilVal {
		return 0, false
	}
	switch {
	case index.Key.RawEquals(countIndexKey):
		return instanceOf(from), m.counted(target) && from != nil && m.counted(from)
	case index.Key.RawEquals(eachKeyKey):
		return instanceOf(from), from != nil && m.sameForEach(target, from)
	case m.counted(target):
		return wholeNumber(index.Key)
	case index.Key.Type() == cty.String && index.Key.IsKnown() && !index.Key.IsNull() && m.rawAttr(target, "for_each") != nil:
		return m.forEachPosition(target, index.Key.AsString())
	}
	return 0, false
}

// forEachPosition finds the instance of target's block with the given key:
// the host expands for_each in the order cty iterates its value.
func (m *Model) forEachPosition(target *Resource, key string) (int, bool) {
	v := m.Value(m.rawAttr(target, "for_each"))
	if !v.IsWhollyKnown() || v.IsNull() || v.IsMarked() {
		return 0, false
	}
	ty := v.Type()
	if !ty.IsMapType() && !ty.IsObjectType() && !ty.IsSetType() {
		return 0, false
	}
	i := 0
	for it := v.ElementIterator(); it.Next(); i++ {
		k, _ := it.Element()
		if k.Type() == cty.String && k.AsString() == key {
			return i, true
		}
	}
	return 0, false
}

func instanceOf(r *Resource) int {
	if r == nil {
		return 0
	}
	return r.Instance
}

// sameForEach tells whether two blocks iterate over the same reference,
// such as var.clusters, and so have the same keys.
func (m *Model) sameForEach(a, b *Resource) bool {
	ea, eb := m.rawAttr(a, "for_each"), m.rawAttr(b, "for_each")
	if ea == nil || eb == nil {
		return false
	}
	ta, okA := pureTraversal(ea.Expr)
	tb, okB := pureTraversal(eb.Expr)
	return okA && okB && traversalName(ta) != "" && traversalName(ta) == traversalName(tb) &&
		len(m.Instances(a.Type, a.Name)) == len(m.Instances(b.Type, b.Name))
}

// traversalName writes a reference of names only, such as var.clusters;
// "" for one with an index.
func traversalName(t hcl.Traversal) string {
	var sb strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			sb.WriteString(s.Name)
		case hcl.TraverseAttr:
			sb.WriteString("." + s.Name)
		default:
			return ""
		}
	}
	return sb.String()
}

func wholeNumber(v cty.Value) (int, bool) {
	if !v.Type().Equals(cty.Number) || !v.IsKnown() || v.IsNull() {
		return 0, false
	}
	i, accuracy := v.AsBigFloat().Int64()
	if accuracy != big.Exact || i < 0 || i > math.MaxInt32 {
		return 0, false
	}
	return int(i), true
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
		return joinTraversal(base, hcl.TraverseIndex{Key: indexKey(e.Key), SrcRange: e.Key.Range()}), ok
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

// countIndexKey and eachKeyKey stand for count.index and each.key in an
// index step of a reference. They are marks, not keys: they are only set
// for the references themselves, never for a string written out.
var (
	countIndexKey = cty.StringVal("\x00count.index")
	eachKeyKey    = cty.StringVal("\x00each.key")
)

// indexKey is the key of an index written out, a mark for count.index and
// each.key, and cty.NilVal for any other expression.
func indexKey(key hcl.Expression) cty.Value {
	if t, ok := key.(*hclsyntax.ScopeTraversalExpr); ok {
		switch traversalName(t.Traversal) {
		case "count.index":
			return countIndexKey
		case "each.key":
			return eachKeyKey
		}
		return cty.NilVal
	}
	if len(key.Variables()) != 0 {
		return cty.NilVal
	}
	v, diags := key.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal
	}
	return v
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
		type use struct {
			group   rangeKey
			cluster string
		}
		seen := map[use]bool{}
		for _, c := range m.Clusters {
			ref := m.ClusterParameterGroup(c)
			if ref.Use != UsesModuleGroup {
				continue
			}
			u := use{keyOf(ref.Group.Block.DefRange), c.Address()}
			if !seen[u] {
				seen[u] = true
				m.users[u.group] = append(m.users[u.group], u.cluster)
			}
		}
	}
	return m.users[keyOf(group.Block.DefRange)]
}
