package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const clusterGroupAttribute = "neptune_cluster_parameter_group_name"

// NeptuneClusterAuditLogParameterRule checks that each cluster's parameter
// group turns the audit log on with neptune_enable_audit_log = 1.
type NeptuneClusterAuditLogParameterRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterAuditLogParameterRule returns the rule.
func NewNeptuneClusterAuditLogParameterRule() *NeptuneClusterAuditLogParameterRule {
	return &NeptuneClusterAuditLogParameterRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterAuditLogParameterRule) Name() string {
	return "neptune_cluster_audit_log_parameter"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterAuditLogParameterRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterAuditLogParameterRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterAuditLogParameterRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports clusters on default groups and groups that leave the audit log off.
func (r *NeptuneClusterAuditLogParameterRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	used := map[*ParameterGroup]bool{} // instances: an unused one is not checked
	for _, c := range m.Clusters {
		m.Visit(c)
		ref := m.ClusterParameterGroup(c)
		switch ref.Use {
		case UsesDefaultGroup:
			if err := r.reportDefaultGroup(m, e, c, ref); err != nil {
				return err
			}
		case UsesModuleGroup:
			used[ref.Group] = true
		}
	}
	for _, g := range m.ClusterParameterGroups {
		m.Visit(g.Resource)
		if err := r.checkGroup(m, e, g, used[g]); err != nil {
			return err
		}
	}
	return nil
}

func (r *NeptuneClusterAuditLogParameterRule) reportDefaultGroup(m *Model, e *emitter, c *Resource, ref GroupRef) error {
	group := "the default cluster parameter group"
	if ref.DefaultName != "" {
		group = fmt.Sprintf("the default cluster parameter group %q", ref.DefaultName)
	}
	message := fmt.Sprintf("%s uses %s, which keeps %s at 0 and cannot be changed: attach an %s that sets %s to \"1\"",
		c.Address(), group, neptune.AuditLogParameter, clusterParameterGroupType, neptune.AuditLogParameter)
	attr := c.Attr(clusterGroupAttribute)
	rng := c.Block.DefRange
	if attr != nil {
		rng = attr.Expr.Range()
	}
	return e.emit(message, rng, r.newGroupFix(m, c, attr))
}

// newGroupFix adds an audit-enabled group at the end of the cluster's file and points the
// cluster at it; nil when the family or the attribute cannot be written safely.
func (r *NeptuneClusterAuditLogParameterRule) newGroupFix(m *Model, c *Resource, attr *hclext.Attribute) func(tflint.Fixer) error {
	version, ok := literalString(exprOf(c.Attr("engine_version")))
	if !ok {
		return nil
	}
	family, ok := neptune.FamilyForEngineVersion(version)
	if !ok {
		return nil
	}
	if attr != nil && !isNullLiteral(attr.Expr) {
		if _, literal := literalString(attr.Expr); !literal {
			return nil
		}
	}
	placement, ok := placementLines(m.Placement(c))
	if !ok {
		return nil
	}
	name := m.freeGroupName(c.Name + "_audit")
	reference := clusterParameterGroupType + "." + name + ".name"
	return func(f tflint.Fixer) error {
		if attr != nil {
			if err := replaceKeepingAnnotations(f, attr.Expr.Range(), reference); err != nil {
				return err
			}
		} else if err := m.insertAttribute(f, c.Block, clusterGroupAttribute+" = "+reference); err != nil {
			return err
		}
		lines := []string{fmt.Sprintf("resource %q %q {", clusterParameterGroupType, name)}
		lines = append(lines, indented("  ", placement)...)
		lines = append(lines, fmt.Sprintf("  family = %q", family))
		lines = append(lines, indented("  ", auditParameterLines())...)
		return m.appendToFile(f, c.Block.DefRange.Filename, append(lines, "}")...)
	}
}

// placementLines copies the cluster's provider meta-argument and region
// argument (provider v6) to the group a fix creates: without them the group
// is created in another region and the apply fails. ok is false when they
// cannot be copied to a block of its own, as with each.value.region.
func placementLines(attrs map[string]*hclext.Attribute) ([]string, bool) {
	var lines []string
	for _, name := range []string{"provider", "region"} {
		attr := attrs[name]
		if attr == nil {
			continue
		}
		text, ok := standaloneExpression(attr.Expr)
		if !ok {
			return nil, false
		}
		lines = append(lines, name+" = "+text)
	}
	return lines, true
}

// standaloneExpression writes an expression that means the same in another
// top-level block: a literal or a reference to a variable, local, provider
// or resource, on one line.
func standaloneExpression(expr hcl.Expression) (string, bool) {
	expr = unwrapBound(expr)
	if s, ok := literalString(expr); ok {
		quoted := strconv.Quote(s)
		return quoted, !strings.ContainsAny(s, "$%\\")
	}
	t, ok := pureTraversal(expr)
	if !ok {
		return "", false
	}
	switch t.RootName() {
	case "each", "count", "self":
		return "", false
	}
	text := traversalText(t)
	return text, text != ""
}

func (r *NeptuneClusterAuditLogParameterRule) checkGroup(m *Model, e *emitter, g *ParameterGroup, used bool) error {
	params := m.ParametersNamed(g, neptune.AuditLogParameter)
	if len(params) == 0 {
		if !used || m.HasUnresolvedParameters(g) {
			return nil
		}
		message := fmt.Sprintf("%s, used by %s, does not set %s, so Neptune writes no audit log: add a parameter block setting it to \"1\"",
			g.Address(), strings.Join(m.ClustersUsing(g), ", "), neptune.AuditLogParameter)
		return e.emit(message, g.Block.DefRange, func(f tflint.Fixer) error {
			return m.appendToBlock(f, g.Block, auditParameterLines()...)
		})
	}
	values := map[string]bool{}
	for _, p := range params {
		if value, ok := m.String(p.Value); ok {
			values[value] = true
		}
	}
	for _, p := range params {
		value, ok := m.String(p.Value)
		if !ok || neptune.AuditLogEnabled(value) {
			continue
		}
		if err := e.emit(offMessage(g, value, values), p.Value.Expr.Range(), setToOneFix(p)); err != nil {
			return err
		}
	}
	return nil
}

// offMessage says why a parameter block leaves the audit log off; a block
// that another block of the group contradicts gets one message saying both.
func offMessage(g *ParameterGroup, value string, values map[string]bool) string {
	if values["1"] {
		return fmt.Sprintf("%s sets %s to %q here and to \"1\" in another parameter block, so the audit log may stay off: set this one to \"1\" too", g.Address(), neptune.AuditLogParameter, truncate(value, 40))
	}
	return fmt.Sprintf("%s sets %s to %q, so Neptune writes no audit log: set it to \"1\" and reboot the instances", g.Address(), neptune.AuditLogParameter, truncate(value, 40))
}

// setToOneFix writes "1" over a value written out; nil for other values.
func setToOneFix(p *Parameter) func(tflint.Fixer) error {
	if _, literal := literalString(p.Value.Expr); !literal || p.Generated {
		return nil
	}
	return func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, p.Value.Expr.Range(), `"1"`) }
}

// auditParameterLines is the parameter block the fixes add, after a blank line.
func auditParameterLines() []string {
	return []string{
		"",
		"parameter {",
		fmt.Sprintf("  name  = %q", neptune.AuditLogParameter),
		`  value = "1"`,
		"}",
	}
}

func indented(prefix string, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		if l != "" {
			out[i] = prefix + l
		}
	}
	return out
}

// freeGroupName returns base, or base_2, base_3... if a group block already
// has it, even one with no instances (count = 0).
func (m *Model) freeGroupName(base string) string {
	taken := map[string]bool{}
	for _, b := range m.rawBlocks {
		if b.Labels[0] == clusterParameterGroupType {
			taken[b.Labels[1]] = true
		}
	}
	name := base
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	return name
}
