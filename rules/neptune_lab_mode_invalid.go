package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneLabModeInvalidRule checks neptune_lab_mode values, which Neptune
// ignores silently when they are wrong.
type NeptuneLabModeInvalidRule struct {
	tflint.DefaultRule
}

// NewNeptuneLabModeInvalidRule returns the rule.
func NewNeptuneLabModeInvalidRule() *NeptuneLabModeInvalidRule {
	return &NeptuneLabModeInvalidRule{}
}

// Name returns the rule name.
func (r *NeptuneLabModeInvalidRule) Name() string { return "neptune_lab_mode_invalid" }

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneLabModeInvalidRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneLabModeInvalidRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneLabModeInvalidRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports every bad entry of neptune_lab_mode in cluster parameter groups.
func (r *NeptuneLabModeInvalidRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	auditAdded := map[*ParameterGroup]bool{} // by a fix of this run, so that only one adds it
	for _, g := range m.ClusterParameterGroups {
		m.Visit(g.Resource)
		family, _ := m.String(g.Attr("family"))
		for _, p := range m.ParametersNamed(g, neptune.LabModeParameter) {
			if err := r.checkParameter(m, e, g, p, family, auditAdded); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *NeptuneLabModeInvalidRule) checkParameter(m *Model, e *emitter, g *ParameterGroup, p *Parameter, family string, auditAdded map[*ParameterGroup]bool) error {
	value, ok := m.String(p.Value)
	if !ok {
		return nil
	}
	problems := neptune.CheckLabMode(value, family)
	if len(problems) == 0 {
		return nil
	}
	message := fmt.Sprintf("%s sets %s entries that Neptune silently ignores: %s", g.Address(), neptune.LabModeParameter, describeProblems(problems))
	return e.emit(message, p.Value.Expr.Range(), r.dropFix(m, g, p, value, problems, auditAdded))
}

// dropFix removes the entries that are safe to remove (empty ones and
// AuditLog) and, when AuditLog was meant to turn on auditing, sets the real
// audit parameter instead. Nil when no entry can be dropped safely.
func (r *NeptuneLabModeInvalidRule) dropFix(m *Model, g *ParameterGroup, p *Parameter, value string, problems []neptune.LabModeProblem, auditAdded map[*ParameterGroup]bool) func(tflint.Fixer) error {
	drop := map[int]bool{}
	wantsAudit := false
	for _, problem := range problems {
		if problem.Droppable() {
			drop[problem.Index] = true
			wantsAudit = wantsAudit || problem.Kind == neptune.LabModeNotAFeature
		}
	}
	_, literalValue := literalString(p.Value.Expr)
	_, literalName := literalString(p.Name.Expr)
	if len(drop) == 0 || !literalValue || !literalName || p.Generated {
		return nil // a "dynamic" block's content is shared by every block it makes
	}
	remaining := neptune.WithoutLabModeEntries(value, drop)
	return func(f tflint.Fixer) error {
		addAudit := wantsAudit && auditLogState(m, g) == auditMissing && !auditAdded[g]
		switch {
		case remaining == "" && addAudit:
			// Turn this very block into the audit parameter: an in-place edit.
			if err := replaceKeepingAnnotations(f, p.Name.Expr.Range(), quote(neptune.AuditLogParameter)); err != nil {
				return err
			}
			auditAdded[g] = true
			return replaceKeepingAnnotations(f, p.Value.Expr.Range(), `"1"`)
		case remaining == "":
			return m.removeBlock(f, p.Block)
		}
		if err := replaceKeepingAnnotations(f, p.Value.Expr.Range(), quote(remaining)); err != nil {
			return err
		}
		if addAudit {
			auditAdded[g] = true
			return m.appendToBlock(f, g.Block, auditParameterLines()...)
		}
		return nil
	}
}

// quote writes a string as an HCL literal, escaping what HCL would interpret.
func quote(s string) string {
	return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
}

// maxReasons keeps a message readable when a value holds many bad entries.
const maxReasons = 5

func describeProblems(problems []neptune.LabModeProblem) string {
	var reasons []string
	seen := map[string]bool{}
	for _, problem := range problems {
		if !seen[problem.Reason] {
			seen[problem.Reason] = true
			reasons = append(reasons, problem.Reason)
		}
	}
	text := strings.Join(reasons[:min(len(reasons), maxReasons)], "; ")
	if more := len(reasons) - maxReasons; more > 0 {
		text += fmt.Sprintf("; and %d more", more)
	}
	return text
}
