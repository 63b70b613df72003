package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneClusterLogExportInvalidRule checks that enable_cloudwatch_logs_exports
// holds only log types Neptune has.
type NeptuneClusterLogExportInvalidRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterLogExportInvalidRule returns the rule.
func NewNeptuneClusterLogExportInvalidRule() *NeptuneClusterLogExportInvalidRule {
	return &NeptuneClusterLogExportInvalidRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterLogExportInvalidRule) Name() string {
	return "neptune_cluster_log_export_invalid"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterLogExportInvalidRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterLogExportInvalidRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneClusterLogExportInvalidRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports export lists with values other than audit and slowquery.
func (r *NeptuneClusterLogExportInvalidRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		m.Visit(c)
		for _, name := range []string{exportsAttribute, misspelledExportsAttribute} {
			if err := r.checkAttribute(m, e, c, name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *NeptuneClusterLogExportInvalidRule) checkAttribute(m *Model, e *emitter, c *Resource, name string) error {
	attr := c.Attr(name)
	if attr == nil {
		return nil
	}
	values, ok := stringsValue(m.Value(attr))
	if !ok {
		return nil
	}
	// A repeat of a valid type is not reported: the provider keeps the
	// list as a set, so Terraform accepts it and drops the repeat.
	var reasons []string
	for _, v := range values {
		if valid, _, reason := neptune.CheckExportLogType(v); !valid {
			reasons = append(reasons, reason)
		}
	}
	if len(reasons) == 0 {
		return nil
	}
	message := fmt.Sprintf("%s sets %s to values Neptune does not have: %s", c.Address(), name, strings.Join(reasons, "; "))
	return e.emit(message, attr.Expr.Range(), cleanExportListFix(attr.Expr))
}

// cleanExportListFix rewrites a literal list to its valid log types, in
// order, lower-casing case-only mistakes and dropping the rest and repeats.
// A near miss such as "audits" gets no fix: dropping it would lose the log.
func cleanExportListFix(expr hcl.Expression) func(tflint.Fixer) error {
	tuple, ok := unwrapBound(expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	var kept []string
	seen := map[string]bool{}
	for _, elem := range tuple.Exprs {
		s, ok := literalString(elem)
		if !ok {
			return nil
		}
		if valid, fixed, _ := neptune.CheckExportLogType(s); !valid {
			if _, near := neptune.NearExportLogType(s); near && fixed == "" {
				return nil // a slip such as "audits": what was meant is the user's call
			}
			s = fixed
		}
		if s != "" && !seen[s] {
			seen[s] = true
			kept = append(kept, quote(s))
		}
	}
	return func(f tflint.Fixer) error {
		return replaceKeepingAnnotations(f, tuple.SrcRange, "["+strings.Join(kept, ", ")+"]")
	}
}
