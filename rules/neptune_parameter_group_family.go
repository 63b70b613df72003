package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneParameterGroupFamilyRule checks that parameter groups have the
// family of the engine version of the clusters that use them.
type NeptuneParameterGroupFamilyRule struct {
	tflint.DefaultRule
}

// NewNeptuneParameterGroupFamilyRule returns the rule.
func NewNeptuneParameterGroupFamilyRule() *NeptuneParameterGroupFamilyRule {
	return &NeptuneParameterGroupFamilyRule{}
}

// Name returns the rule name.
func (r *NeptuneParameterGroupFamilyRule) Name() string { return "neptune_parameter_group_family" }

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneParameterGroupFamilyRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneParameterGroupFamilyRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneParameterGroupFamilyRule) Link() string { return project.ReferenceLink(r.Name()) }

// groupUse is what the clusters using one group need of its family.
type groupUse struct {
	group    *ParameterGroup
	families map[string][]string // family -> addresses that need it
}

// Check reports groups whose family does not match their clusters' engine.
func (r *NeptuneParameterGroupFamilyRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	uses := map[rangeKey]*groupUse{}
	var order []rangeKey
	need := func(g *ParameterGroup, family, user string) {
		key := keyOf(g.Block.DefRange)
		if uses[key] == nil {
			uses[key] = &groupUse{group: g, families: map[string][]string{}}
			order = append(order, key)
		}
		uses[key].families[family] = appendOnce(uses[key].families[family], user)
	}
	for _, c := range m.Clusters {
		m.Visit(c)
		family, ok := clusterFamily(m, c)
		if !ok {
			continue
		}
		if ref := m.ClusterParameterGroup(c); ref.Use == UsesModuleGroup {
			need(ref.Group, family, c.Address())
		}
	}
	for _, i := range m.ClusterInstances {
		m.Visit(i)
		cluster, group := m.instanceCluster(i), m.instanceGroup(i)
		if cluster == nil || group == nil {
			continue
		}
		if family, ok := clusterFamily(m, cluster); ok {
			need(group, family, i.Address())
		}
	}
	e := newEmitter(runner, r)
	for _, key := range order {
		if err := r.checkGroup(m, e, uses[key]); err != nil {
			return err
		}
	}
	return nil
}

func (r *NeptuneParameterGroupFamilyRule) checkGroup(m *Model, e *emitter, use *groupUse) error {
	m.Visit(use.group.Resource)
	attr := use.group.Attr("family")
	if len(m.Instances(use.group.Type, use.group.Name)) > 1 && !isLiteral(attr) {
		// Instances may differ (family = each.value.family) and the model
		// cannot tell which one a reference with an index means.
		return nil
	}
	family, ok := m.String(attr)
	if !ok {
		return nil
	}
	var wrong []string
	for want, users := range use.families {
		if want != family {
			wrong = append(wrong, fmt.Sprintf("%s needs %s", strings.Join(users, ", "), want))
		}
	}
	if len(wrong) == 0 {
		return nil
	}
	sort.Strings(wrong)
	message := fmt.Sprintf("%s has family %q, which AWS refuses for the engine versions that use it (%s): set family to match the engine version", use.group.Address(), truncate(family, 30), strings.Join(wrong, "; "))
	var fix func(tflint.Fixer) error
	if len(use.families) == 1 && isLiteral(attr) {
		for want := range use.families {
			fix = func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, attr.Expr.Range(), quote(want)) }
		}
	}
	return e.emit(message, attr.Expr.Range(), fix)
}

// clusterFamily derives the parameter group family from engine_version.
func clusterFamily(m *Model, c *Resource) (string, bool) {
	version, ok := m.String(c.Attr("engine_version"))
	if !ok {
		return "", false
	}
	return neptune.FamilyForEngineVersion(version)
}

// instanceCluster resolves an instance's cluster_identifier to a cluster of
// the module, by reference or by identifier.
func (m *Model) instanceCluster(i *Resource) *Resource {
	attr := i.Attr("cluster_identifier")
	if attr == nil {
		return nil
	}
	if c := m.referencedResource(i, attr.Expr, clusterType, "id", "cluster_identifier"); c != nil {
		return c
	}
	id, ok := m.String(attr)
	if !ok {
		return nil
	}
	return m.clusterWithIdentifier(id)
}

// clusterWithIdentifier finds the cluster whose cluster_identifier evaluates to id.
func (m *Model) clusterWithIdentifier(id string) *Resource {
	for _, c := range m.Clusters {
		if cid, ok := m.String(c.Attr("cluster_identifier")); ok && cid == id {
			return c
		}
	}
	return nil
}

// instanceGroup resolves an instance's neptune_parameter_group_name to an
// instance parameter group of the module.
func (m *Model) instanceGroup(i *Resource) *ParameterGroup {
	attr := i.Attr("neptune_parameter_group_name")
	if attr == nil {
		return nil
	}
	if g := m.referencedResource(i, attr.Expr, instanceParameterGroupType, "name", "id"); g != nil {
		return m.Group(g)
	}
	name, ok := m.String(attr)
	if !ok {
		return nil
	}
	return m.groupNamed(m.InstanceParameterGroups, name)
}

func isLiteral(attr *hclext.Attribute) bool {
	_, ok := literalString(exprOf(attr))
	return ok
}

func appendOnce(list []string, s string) []string {
	if contains(list, s) {
		return list
	}
	return append(list, s)
}
