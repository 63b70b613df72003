package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneClusterInstancePublicInvalidRule reports public instances that AWS
// refuses: public endpoints need engine 1.4.6.0 or later and IAM database
// authentication on the cluster.
type NeptuneClusterInstancePublicInvalidRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterInstancePublicInvalidRule returns the rule.
func NewNeptuneClusterInstancePublicInvalidRule() *NeptuneClusterInstancePublicInvalidRule {
	return &NeptuneClusterInstancePublicInvalidRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterInstancePublicInvalidRule) Name() string {
	return "neptune_cluster_instance_public_invalid"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterInstancePublicInvalidRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterInstancePublicInvalidRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneClusterInstancePublicInvalidRule) Link() string {
	return project.ReferenceLink(r.Name())
}

// Check reports public instances of clusters, defined in the module, whose
// engine is too old or whose IAM database authentication is off.
func (r *NeptuneClusterInstancePublicInvalidRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, i := range m.ClusterInstances {
		m.Visit(i)
		attr, public := publicAttribute(m, i)
		if !public {
			continue
		}
		c := m.instanceCluster(i)
		if c == nil {
			continue
		}
		for _, problem := range publicEndpointProblems(m, c) {
			message := fmt.Sprintf("%s sets publicly_accessible = true, but its cluster %s %s, so AWS refuses the public endpoint: %s",
				i.Address(), c.Address(), problem.state, problem.advice)
			if err := e.emit(message, attr.Expr.Range(), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

type endpointProblem struct{ state, advice string }

// publicEndpointProblems lists what a cluster lacks for public endpoints;
// values not known here are no problem.
func publicEndpointProblems(m *Model, c *Resource) []endpointProblem {
	var problems []endpointProblem
	if version, ok := m.String(c.Attr("engine_version")); ok {
		if recent, parsed := neptune.EngineVersionAtLeast(version, neptune.PublicEndpointMinVersion); parsed && !recent {
			problems = append(problems, endpointProblem{
				state:  fmt.Sprintf("runs engine %q and Neptune has public endpoints only from %s", truncate(version, 20), neptune.PublicEndpointMinVersion),
				advice: fmt.Sprintf("upgrade the cluster's engine_version to %s or later, or set publicly_accessible = false", neptune.PublicEndpointMinVersion),
			})
		}
	}
	if knownFalse(m.Value(c.Attr("iam_database_authentication_enabled"))) {
		problems = append(problems, endpointProblem{
			state:  "does not enable IAM database authentication, which public endpoints require",
			advice: "set iam_database_authentication_enabled = true on the cluster, or publicly_accessible = false",
		})
	}
	return problems
}
