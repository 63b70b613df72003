package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const (
	immediateApply     = "immediate"
	pendingRebootApply = "pending-reboot"
)

// NeptuneParameterInvalidRule checks parameter names, values and apply
// methods against Neptune's parameter catalog.
type NeptuneParameterInvalidRule struct {
	tflint.DefaultRule
}

// NewNeptuneParameterInvalidRule returns the rule.
func NewNeptuneParameterInvalidRule() *NeptuneParameterInvalidRule {
	return &NeptuneParameterInvalidRule{}
}

// Name returns the rule name.
func (r *NeptuneParameterInvalidRule) Name() string { return "neptune_parameter_invalid" }

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneParameterInvalidRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneParameterInvalidRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneParameterInvalidRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports unknown or deprecated parameters, values out of range, and
// immediate application of static parameters.
func (r *NeptuneParameterInvalidRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, g := range m.AllParameterGroups() {
		m.Visit(g.Resource)
		for _, p := range g.Parameters {
			if err := r.checkParameter(m, e, g, p); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *NeptuneParameterInvalidRule) checkParameter(m *Model, e *emitter, g *ParameterGroup, p *Parameter) error {
	name, ok := m.String(p.Name)
	if !ok {
		return nil
	}
	spec, known := neptune.LookupParameter(name)
	switch {
	case !known:
		fix := r.removeFix(m, p)
		if suggestion, ok := neptune.SuggestParameter(name); ok && neptune.IsTypoOf(name, suggestion) {
			fix = nil // a slip of a real parameter: removing it would lose the setting
		}
		return e.emit(unknownParameterMessage(g, p, name), p.Name.Expr.Range(), fix)
	case spec.Deprecated != "":
		message := fmt.Sprintf("%s sets %s, which is deprecated: %s; remove the parameter block", g.Address(), name, spec.Deprecated)
		return e.emit(message, p.Name.Expr.Range(), r.removeFix(m, p))
	case !levelAllows(spec, g):
		return nil // neptune_parameter_level reports it
	}
	if family, ok := m.String(g.Attr("family")); ok {
		if available, known := spec.AvailableInFamily(family); known && !available {
			message := fmt.Sprintf("%s sets %s, which arrived in engine %s, but its family %s is for older engines, so AWS rejects the group: upgrade the engine and the group's family, or remove the parameter block",
				g.Address(), name, spec.Since, family)
			return e.emit(message, p.Name.Expr.Range(), nil)
		}
	}
	if err := r.checkValue(m, e, g, p, spec); err != nil {
		return err
	}
	return r.checkApplyMethod(m, e, g, p, spec)
}

func unknownParameterMessage(g *ParameterGroup, p *Parameter, name string) string {
	if strings.TrimSpace(name) == "" {
		return fmt.Sprintf("%s has a parameter block whose name is empty, so AWS rejects the group: name a Neptune parameter or remove the block", g.Address())
	}
	message := fmt.Sprintf("%s sets %q, which is not a Neptune parameter, so AWS rejects the group", g.Address(), truncate(name, 60))
	switch suggestion, ok := neptune.SuggestParameter(name); {
	case ok:
		return message + fmt.Sprintf(": did you mean %s?", suggestion)
	case p.Generated:
		return message + ": remove it from what the dynamic block iterates over"
	}
	return message + ": remove the parameter block"
}

func (r *NeptuneParameterInvalidRule) checkValue(m *Model, e *emitter, g *ParameterGroup, p *Parameter, spec neptune.ParameterSpec) error {
	value, ok := m.String(p.Value)
	if !ok {
		return nil
	}
	valid, expectation := spec.CheckValue(value)
	if valid {
		return nil
	}
	message := fmt.Sprintf("%s sets %s to %q, which Neptune does not accept: it %s", g.Address(), spec.Name, truncate(value, 40), expectation)
	var fix func(tflint.Fixer) error
	if fixed, ok := spec.BooleanFix(value); ok && !p.Generated {
		if _, literal := literalString(p.Value.Expr); literal {
			fix = func(f tflint.Fixer) error { return replaceKeepingAnnotations(f, p.Value.Expr.Range(), quote(fixed)) }
		}
	}
	return e.emit(message, p.Value.Expr.Range(), fix)
}

func (r *NeptuneParameterInvalidRule) checkApplyMethod(m *Model, e *emitter, g *ParameterGroup, p *Parameter, spec neptune.ParameterSpec) error {
	method, ok := m.String(p.ApplyMethod)
	if !ok || method != immediateApply || !spec.Static {
		return nil
	}
	message := fmt.Sprintf("%s applies %s immediately, but it is a static parameter and AWS rejects that: use apply_method = %q and reboot the instances", g.Address(), spec.Name, pendingRebootApply)
	var fix func(tflint.Fixer) error
	if _, literal := literalString(p.ApplyMethod.Expr); literal && !p.Generated {
		fix = func(f tflint.Fixer) error {
			return replaceKeepingAnnotations(f, p.ApplyMethod.Expr.Range(), quote(pendingRebootApply))
		}
	}
	return e.emit(message, p.ApplyMethod.Expr.Range(), fix)
}

// removeFix deletes the parameter block, unless "dynamic" made it or its
// name is not written out: a name from a variable or count.index may be
// right elsewhere, for another environment or instance.
func (r *NeptuneParameterInvalidRule) removeFix(m *Model, p *Parameter) func(tflint.Fixer) error {
	if _, literal := literalString(p.Name.Expr); p.Generated || !literal {
		return nil
	}
	return func(f tflint.Fixer) error { return m.removeBlock(f, p.Block) }
}

// levelAllows tells whether a group of g's kind takes the parameter.
func levelAllows(spec neptune.ParameterSpec, g *ParameterGroup) bool {
	switch spec.Level {
	case neptune.ClusterLevel:
		return g.IsCluster()
	case neptune.InstanceLevel:
		return !g.IsCluster()
	}
	return true
}
