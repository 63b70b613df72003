package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const (
	exportsAttribute           = "enable_cloudwatch_logs_exports"
	misspelledExportsAttribute = "enabled_cloudwatch_logs_exports"
	auditLogType               = "audit"
)

// NeptuneClusterAuditLogExportRule checks that clusters export the audit log to CloudWatch Logs.
type NeptuneClusterAuditLogExportRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterAuditLogExportRule returns the rule.
func NewNeptuneClusterAuditLogExportRule() *NeptuneClusterAuditLogExportRule {
	return &NeptuneClusterAuditLogExportRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterAuditLogExportRule) Name() string {
	return "neptune_cluster_audit_log_export"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterAuditLogExportRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterAuditLogExportRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterAuditLogExportRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports clusters whose enable_cloudwatch_logs_exports lacks "audit".
func (r *NeptuneClusterAuditLogExportRule) Check(runner tflint.Runner) error {
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

func (r *NeptuneClusterAuditLogExportRule) checkCluster(m *Model, e *emitter, c *Resource) error {
	if misspelled := c.Attr(misspelledExportsAttribute); misspelled != nil {
		return r.reportMisspelling(m, e, c, misspelled)
	}
	attr := c.Attr(exportsAttribute)
	if attr == nil {
		return e.emit(r.missingMessage(m, c), c.Block.DefRange, func(f tflint.Fixer) error {
			return m.insertAttribute(f, c.Block, exportsAttribute+` = ["audit"]`)
		})
	}
	value := m.Value(attr)
	if isNull(value) {
		return r.reportNull(m, e, c, attr)
	}
	exports, ok := stringsValue(value)
	if !ok || contains(exports, auditLogType) {
		return nil
	}
	message := fmt.Sprintf("%s exports %s to CloudWatch Logs but not \"audit\": %s", c.Address(), describeList(exports), r.advice(m, c))
	if len(exports) == 0 {
		message = r.missingMessage(m, c)
	}
	return e.emit(message, attr.Expr.Range(), auditListFix(attr))
}

func (r *NeptuneClusterAuditLogExportRule) reportMisspelling(m *Model, e *emitter, c *Resource, misspelled *hclext.Attribute) error {
	if c.Attr(exportsAttribute) != nil {
		// Both spellings: which list the user meant is theirs to decide.
		message := fmt.Sprintf("%s sets %s, the RDS spelling that Terraform rejects for Neptune, beside %s: remove it", c.Address(), misspelledExportsAttribute, exportsAttribute)
		return e.emit(message, misspelled.Range, nil)
	}
	exports, known := stringsValue(m.Value(misspelled))
	listsAudit := known && contains(exports, auditLogType)
	advice := "rename it to " + exportsAttribute
	if !listsAudit {
		advice += ` and list "audit" in it`
	}
	message := fmt.Sprintf("%s sets %s, the RDS spelling that Terraform rejects for Neptune: %s", c.Address(), misspelledExportsAttribute, advice)
	addAudit := auditListFix(misspelled)
	return e.emit(message, misspelled.Range, func(f tflint.Fixer) error {
		if err := f.ReplaceText(misspelled.NameRange, exportsAttribute); err != nil {
			return err
		}
		if listsAudit || addAudit == nil {
			return nil
		}
		return addAudit(f)
	})
}

func (r *NeptuneClusterAuditLogExportRule) reportNull(m *Model, e *emitter, c *Resource, attr *hclext.Attribute) error {
	message := fmt.Sprintf("%s sets %s to %s, so it exports no log to CloudWatch Logs: %s", c.Address(), exportsAttribute, describeNull(attr), r.advice(m, c))
	if !isNullLiteral(attr.Expr) {
		// Null from a variable: point at the expression so a module caller sees it on its argument.
		return e.emit(message, attr.Expr.Range(), nil)
	}
	return e.emit(message, c.Block.DefRange, func(f tflint.Fixer) error {
		return replaceKeepingAnnotations(f, attr.Expr.Range(), `["audit"]`)
	})
}

func (r *NeptuneClusterAuditLogExportRule) missingMessage(m *Model, c *Resource) string {
	return fmt.Sprintf("%s does not export its audit log to CloudWatch Logs: %s", c.Address(), r.advice(m, c))
}

// advice tells the user what to change, and whether the log is already
// written. It is the same for every instance of a block, so that a block
// with count or for_each gets one finding.
func (r *NeptuneClusterAuditLogExportRule) advice(m *Model, c *Resource) string {
	if g := auditOnGroupOfEveryInstance(m, c); g != nil {
		return fmt.Sprintf("its parameter group %s enables the audit log, so it is written on the instances but never shipped; add \"audit\" to %s", g.Address(), exportsAttribute)
	}
	return fmt.Sprintf("add \"audit\" to %s", exportsAttribute)
}

// auditOnGroupOfEveryInstance returns the parameter group block that every
// instance of c's block runs with, when it enables the audit log.
func auditOnGroupOfEveryInstance(m *Model, c *Resource) *ParameterGroup {
	var group *ParameterGroup
	for _, instance := range m.Instances(c.Type, c.Name) {
		ref := m.ClusterParameterGroup(instance)
		if ref.Use != UsesModuleGroup || auditLogState(m, ref.Group) != auditOn {
			return nil
		}
		if group != nil && group.Address() != ref.Group.Address() {
			return nil
		}
		group = ref.Group
	}
	return group
}

// auditListFix adds "audit" to a literal list, turning a case-only mismatch
// such as "AUDIT" into "audit"; nil when the expression is not a literal list.
func auditListFix(attr *hclext.Attribute) func(tflint.Fixer) error {
	return logTypeListFix(attr, auditLogType)
}

// logTypeListFix adds a log type to a literal list, as auditListFix does.
func logTypeListFix(attr *hclext.Attribute, logType string) func(tflint.Fixer) error {
	tuple, ok := unwrapBound(attr.Expr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil
	}
	for _, elem := range tuple.Exprs {
		if s, ok := literalString(elem); ok && strings.EqualFold(s, logType) {
			return func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, elem.Range(), quote(logType)) }
		}
	}
	if len(tuple.Exprs) == 0 {
		return func(f tflint.Fixer) error {
			return replaceKeepingAnnotations(f, tuple.SrcRange, "["+quote(logType)+"]")
		}
	}
	last := tuple.Exprs[len(tuple.Exprs)-1]
	if spansLines(last) {
		return nil // it may end in a heredoc, whose closing marker must stay alone on its line
	}
	return func(f tflint.Fixer) error { return f.InsertTextAfter(last.Range(), ", "+quote(logType)) }
}

func spansLines(expr hcl.Expression) bool {
	rng := unwrapBound(expr).Range()
	return rng.End.Line > rng.Start.Line
}

func unwrapBound(expr hcl.Expression) hcl.Expression {
	if b, ok := expr.(*hclext.BoundExpr); ok {
		return b.UnwrapExpression()
	}
	return expr
}

// literalString reads a string literal written without interpolation.
func literalString(expr hcl.Expression) (string, bool) {
	if expr == nil {
		return "", false
	}
	expr = unwrapBound(expr)
	if len(expr.Variables()) != 0 {
		return "", false
	}
	if _, isTemplate := expr.(*hclsyntax.TemplateExpr); !isTemplate {
		if _, isLiteral := expr.(*hclsyntax.LiteralValueExpr); !isLiteral {
			return "", false
		}
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return "", false
	}
	return stringValue(v)
}

// isNullLiteral tells whether null is written out, in HCL or in JSON.
func isNullLiteral(expr hcl.Expression) bool {
	expr = unwrapBound(expr)
	if isNativeSyntax(expr) {
		lit, ok := expr.(*hclsyntax.LiteralValueExpr)
		return ok && lit.Val.IsNull()
	}
	if len(expr.Variables()) != 0 {
		return false
	}
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsNull()
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}

func describeList(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = fmt.Sprintf("%q", truncate(s, 40))
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func truncate(s string, max int) string {
	runes := []rune(s)
	if len(runes) <= max {
		return s
	}
	return string(runes[:max]) + "…"
}
