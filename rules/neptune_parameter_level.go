package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneParameterLevelRule checks that each parameter is set in a group of
// the level it belongs to.
type NeptuneParameterLevelRule struct {
	tflint.DefaultRule
}

// NewNeptuneParameterLevelRule returns the rule.
func NewNeptuneParameterLevelRule() *NeptuneParameterLevelRule {
	return &NeptuneParameterLevelRule{}
}

// Name returns the rule name.
func (r *NeptuneParameterLevelRule) Name() string { return "neptune_parameter_level" }

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneParameterLevelRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneParameterLevelRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneParameterLevelRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports cluster parameters in instance groups and the reverse.
func (r *NeptuneParameterLevelRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, g := range m.AllParameterGroups() {
		m.Visit(g.Resource)
		for _, p := range g.Parameters {
			name, ok := m.String(p.Name)
			if !ok {
				continue
			}
			spec, known := neptune.LookupParameter(name)
			if !known || levelAllows(spec, g) {
				continue
			}
			if err := e.emit(levelMessage(g, spec), p.Name.Expr.Range(), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func levelMessage(g *ParameterGroup, spec neptune.ParameterSpec) string {
	if g.IsCluster() {
		return fmt.Sprintf("%s sets %s, an instance-level parameter that a cluster parameter group cannot hold: move it to an %s attached to the instances", g.Address(), spec.Name, instanceParameterGroupType)
	}
	return fmt.Sprintf("%s sets %s, a cluster-level parameter that an instance parameter group cannot hold: move it to the %s of the cluster", g.Address(), spec.Name, clusterParameterGroupType)
}
