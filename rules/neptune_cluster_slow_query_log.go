package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const slowQueryLogType = "slowquery"

// NeptuneClusterSlowQueryLogRule checks that the two halves of slow-query
// logging go together: exporting "slowquery" needs a cluster parameter group
// that turns neptune_enable_slow_query_log on, and a group that turns it on
// is wasted unless the cluster exports the log.
type NeptuneClusterSlowQueryLogRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterSlowQueryLogRule returns the rule.
func NewNeptuneClusterSlowQueryLogRule() *NeptuneClusterSlowQueryLogRule {
	return &NeptuneClusterSlowQueryLogRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterSlowQueryLogRule) Name() string {
	return "neptune_cluster_slow_query_log"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterSlowQueryLogRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterSlowQueryLogRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterSlowQueryLogRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports clusters that have one half of slow-query logging without the other.
func (r *NeptuneClusterSlowQueryLogRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		m.Visit(c)
		if err := r.checkCluster(m, e, c); err != nil {
			return err
		}
	}
	return nil
}

// slowQueryState is what a cluster parameter group does with the slow-query log.
type slowQueryState int

const (
	slowQueryUnknown slowQueryState = iota // values not known here, conflicting or invalid
	slowQueryMissing                       // no parameter block: it stays disabled
	slowQueryOff                           // "disable" or "disabled"
	slowQueryOn                            // "info" or "debug"
)

func (r *NeptuneClusterSlowQueryLogRule) checkCluster(m *Model, e *emitter, c *Resource) error {
	if c.Attr(misspelledExportsAttribute) != nil {
		return nil // neptune_cluster_audit_log_export reports the misspelling first
	}
	exports, known := exportsLogType(m, c, slowQueryLogType)
	if !known {
		return nil
	}
	ref := m.ClusterParameterGroup(c)
	if !exports {
		if ref.Use == UsesModuleGroup {
			if state, p := slowQueryLogState(m, ref.Group); state == slowQueryOn {
				return r.reportNotExported(m, e, c, ref.Group, p)
			}
		}
		return nil
	}
	attr := c.Attr(exportsAttribute)
	if version, ok := m.String(c.Attr("engine_version")); ok {
		if recent, parsed := neptune.EngineVersionAtLeast(version, neptune.SlowQueryLogMinVersion); parsed && !recent {
			message := fmt.Sprintf("%s exports %q, but its engine_version %q predates slow-query logging (engine %s), so there is no log to export: upgrade the engine or remove %q",
				c.Address(), slowQueryLogType, truncate(version, 20), neptune.SlowQueryLogMinVersion, slowQueryLogType)
			return e.emit(message, attr.Expr.Range(), nil)
		}
	}
	switch ref.Use {
	case UsesDefaultGroup:
		message := fmt.Sprintf("%s exports %q but uses the default cluster parameter group, which keeps %s disabled, so no slow query is ever logged: attach an %s that sets it to \"info\" or \"debug\"",
			c.Address(), slowQueryLogType, neptune.SlowQueryLogParameter, clusterParameterGroupType)
		return e.emit(message, attr.Expr.Range(), nil)
	case UsesModuleGroup:
		return r.reportGroupOff(m, e, c, ref.Group)
	}
	return nil
}

// reportGroupOff reports a cluster that exports the log while its group
// leaves it disabled.
func (r *NeptuneClusterSlowQueryLogRule) reportGroupOff(m *Model, e *emitter, c *Resource, g *ParameterGroup) error {
	attr := c.Attr(exportsAttribute)
	state, p := slowQueryLogState(m, g)
	switch state {
	case slowQueryMissing:
		message := fmt.Sprintf("%s exports %q but its parameter group %s does not set %s, which stays disabled, so no slow query is ever logged: add a parameter block setting it to \"info\"",
			c.Address(), slowQueryLogType, g.Address(), neptune.SlowQueryLogParameter)
		var fix func(tflint.Fixer) error
		if r.groupEditable(m, c, g) {
			fix = func(f tflint.Fixer) error { return m.appendToBlock(f, g.Block, slowQueryParameterLines()...) }
		}
		return e.emit(message, attr.Expr.Range(), fix)
	case slowQueryOff:
		value, _ := m.String(p.Value)
		message := fmt.Sprintf("%s exports %q but its parameter group %s sets %s to %q, so no slow query is ever logged: set it to \"info\" or \"debug\"",
			c.Address(), slowQueryLogType, g.Address(), neptune.SlowQueryLogParameter, value)
		var fix func(tflint.Fixer) error
		if _, literal := literalString(p.Value.Expr); literal && !p.Generated && r.groupEditable(m, c, g) {
			fix = func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, p.Value.Expr.Range(), `"info"`) }
		}
		return e.emit(message, attr.Expr.Range(), fix)
	}
	return nil
}

// groupEditable tells whether turning the log on in g is safe: the group is
// used by c's block alone (another cluster on it would then write a log it
// does not export), it has no count or for_each (an edit would change every
// instance), and its family holds the parameter.
func (r *NeptuneClusterSlowQueryLogRule) groupEditable(m *Model, c *Resource, g *ParameterGroup) bool {
	users := m.ClustersUsing(g)
	if len(users) != 1 || users[0] != c.Address() || m.rawAttr(g.Resource, "count") != nil || m.rawAttr(g.Resource, "for_each") != nil {
		return false
	}
	family, ok := literalString(exprOf(g.Attr("family")))
	if !ok {
		return false
	}
	spec, _ := neptune.LookupParameter(neptune.SlowQueryLogParameter)
	available, ok := spec.AvailableInFamily(family)
	return ok && available
}

func (r *NeptuneClusterSlowQueryLogRule) reportNotExported(m *Model, e *emitter, c *Resource, g *ParameterGroup, p *Parameter) error {
	value, _ := m.String(p.Value)
	message := fmt.Sprintf("%s does not export %q, but its parameter group %s sets %s to %q, so the slow-query log stays in files on the instances and never reaches CloudWatch Logs: add %q to %s",
		c.Address(), slowQueryLogType, g.Address(), neptune.SlowQueryLogParameter, value, slowQueryLogType, exportsAttribute)
	attr := c.Attr(exportsAttribute)
	switch {
	case attr == nil:
		return e.emit(message, c.Block.DefRange, func(f tflint.Fixer) error {
			return m.insertAttribute(f, c.Block, exportsAttribute+" = ["+quote(slowQueryLogType)+"]")
		})
	case isNullLiteral(attr.Expr):
		return e.emit(message, attr.Expr.Range(), func(f tflint.Fixer) error {
			return replaceKeepingAnnotations(f, attr.Expr.Range(), "["+quote(slowQueryLogType)+"]")
		})
	}
	return e.emit(message, attr.Expr.Range(), logTypeListFix(attr, slowQueryLogType))
}

// exportsLogType tells whether a cluster exports a log type; known is false
// when its list is not known here.
func exportsLogType(m *Model, c *Resource, logType string) (exports, known bool) {
	attr := c.Attr(exportsAttribute)
	if attr == nil {
		return false, true
	}
	v := m.Value(attr)
	if isNull(v) {
		return false, true
	}
	list, ok := stringsValue(v)
	if !ok {
		return false, false
	}
	return contains(list, logType), true
}

// slowQueryLogState reads a group's neptune_enable_slow_query_log, and the
// parameter block when there is exactly one.
func slowQueryLogState(m *Model, g *ParameterGroup) (slowQueryState, *Parameter) {
	params := m.ParametersNamed(g, neptune.SlowQueryLogParameter)
	if len(params) == 0 {
		if m.HasUnresolvedParameters(g) {
			return slowQueryUnknown, nil
		}
		return slowQueryMissing, nil
	}
	if len(params) > 1 {
		return slowQueryUnknown, nil // neptune_parameter_invalid's business when they conflict
	}
	value, ok := m.String(params[0].Value)
	if !ok {
		return slowQueryUnknown, nil
	}
	switch neptune.SlowQueryLog(value) {
	case neptune.SlowQueryLogOn:
		return slowQueryOn, params[0]
	case neptune.SlowQueryLogOff:
		return slowQueryOff, params[0]
	}
	return slowQueryUnknown, nil // an invalid value: neptune_parameter_invalid reports it
}

// slowQueryParameterLines is the parameter block the fix adds, after a blank line.
func slowQueryParameterLines() []string {
	return []string{
		"",
		"parameter {",
		fmt.Sprintf("  name  = %q", neptune.SlowQueryLogParameter),
		`  value = "info"`,
		"}",
	}
}
