package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// clusterSetting is the shared shape of the Security Hub parity rules: one
// cluster attribute that must hold a safe value. Absent, it is reported on
// the resource header; wrong, on the value; unknown, not at all.
type clusterSetting struct {
	tflint.DefaultRule
	name      string
	attribute string
	control   string // the Security Hub control, e.g. Neptune.4
	why       string // what the unsafe setting costs, as a clause
	// ok says whether a usable value is safe; fixed is the text a fix writes
	// ("" when the attribute must not be fixed, e.g. it forces replacement).
	ok    func(v cty.Value, threshold int) bool
	fixed func(threshold int) string
	// noFix explains in the message why there is no fix, when there is none.
	noFix string
	// inheritedFrom lists arguments that, when set, make the cluster take
	// the setting from elsewhere (a snapshot, a global cluster).
	inheritedFrom []string
}

// Name returns the rule name.
func (r *clusterSetting) Name() string { return r.name }

// Enabled returns whether the rule is enabled by default.
func (r *clusterSetting) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *clusterSetting) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *clusterSetting) Link() string { return project.ReferenceLink(r.name) }

// Check reports every cluster whose setting is absent or unsafe.
func (r *clusterSetting) Check(runner tflint.Runner) error {
	return r.check(runner, r, 0)
}

func (r *clusterSetting) check(runner tflint.Runner, rule tflint.Rule, threshold int) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, rule)
	for _, c := range m.Clusters {
		m.Visit(c)
		if err := r.checkCluster(m, e, c, threshold); err != nil {
			return err
		}
	}
	return nil
}

func (r *clusterSetting) checkCluster(m *Model, e *emitter, c *Resource, threshold int) error {
	attr := c.Attr(r.attribute)
	if attr == nil && r.inherits(m, c) {
		return nil
	}
	if attr == nil {
		return e.emit(r.message(c, "does not set "+r.attribute, threshold), c.Block.DefRange, r.insertFix(m, c, threshold))
	}
	v := m.Value(attr)
	if isNull(v) && r.inherits(m, c) {
		return nil // null is the same as leaving the argument out
	}
	if isNull(v) {
		return e.emit(r.message(c, "sets "+r.attribute+" to "+describeNull(attr), threshold), attr.Expr.Range(), r.replaceFix(attr, threshold))
	}
	if !usable(v) || r.ok(v, threshold) {
		return nil
	}
	shown := "an unsafe value"
	if s, ok := stringValue(v); ok {
		shown = truncate(s, 20)
	}
	return e.emit(r.message(c, fmt.Sprintf("sets %s = %s", r.attribute, shown), threshold), attr.Expr.Range(), r.replaceFix(attr, threshold))
}

// inherits tells whether an argument that brings the setting from elsewhere
// is (or may be) set. The provider treats "" as unset: a cluster with
// snapshot_identifier = "" is created new, not restored.
func (r *clusterSetting) inherits(m *Model, c *Resource) bool {
	for _, name := range r.inheritedFrom {
		attr := c.Attr(name)
		if attr == nil {
			continue
		}
		v := m.Value(attr)
		if s, known := stringValue(v); isNull(v) || known && s == "" {
			continue
		}
		return true
	}
	return false
}

func (r *clusterSetting) message(c *Resource, state string, threshold int) string {
	advice := fmt.Sprintf("set %s = %s", r.attribute, r.fixed(threshold))
	if r.noFix != "" {
		advice += " " + r.noFix
	}
	return fmt.Sprintf("%s %s, so %s (Security Hub %s): %s", c.Address(), state, r.why, r.control, advice)
}

func (r *clusterSetting) insertFix(m *Model, c *Resource, threshold int) func(tflint.Fixer) error {
	if r.noFix != "" {
		return nil
	}
	return func(f tflint.Fixer) error {
		return m.insertAttribute(f, c.Block, r.attribute+" = "+r.fixed(threshold))
	}
}

// replaceFix rewrites a literal value; values from variables are the user's to change.
func (r *clusterSetting) replaceFix(attr *hclext.Attribute, threshold int) func(tflint.Fixer) error {
	if r.noFix != "" || !isLiteralValue(attr.Expr) {
		return nil
	}
	return func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, attr.Expr.Range(), r.fixed(threshold)) }
}

// isLiteralValue tells a value written out (true, 3, "x", null) from one
// computed from variables or functions.
func isLiteralValue(expr hcl.Expression) bool {
	expr = unwrapBound(expr)
	if expr == nil || len(expr.Variables()) != 0 {
		return false
	}
	_, diags := expr.Value(nil)
	return !diags.HasErrors()
}

// isTrue accepts true and "true", as Terraform converts the string; other
// values that are not booleans are Terraform's to reject.
func isTrue(v cty.Value, _ int) bool {
	b, err := convert.Convert(v, cty.Bool)
	if err != nil || !b.IsKnown() || b.IsNull() {
		return true
	}
	return b.True()
}

func literalTrue(int) string { return "true" }
