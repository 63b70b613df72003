package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneGlobalClusterEngineVersionRule reports global databases, and the
// clusters that join them, on an engine older than global databases.
type NeptuneGlobalClusterEngineVersionRule struct {
	tflint.DefaultRule
}

// NewNeptuneGlobalClusterEngineVersionRule returns the rule.
func NewNeptuneGlobalClusterEngineVersionRule() *NeptuneGlobalClusterEngineVersionRule {
	return &NeptuneGlobalClusterEngineVersionRule{}
}

// Name returns the rule name.
func (r *NeptuneGlobalClusterEngineVersionRule) Name() string {
	return "neptune_global_cluster_engine_version"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneGlobalClusterEngineVersionRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneGlobalClusterEngineVersionRule) Severity() tflint.Severity { return tflint.ERROR }

// Link returns the rule reference link.
func (r *NeptuneGlobalClusterEngineVersionRule) Link() string {
	return project.ReferenceLink(r.Name())
}

// Check reports a known engine_version older than 1.2.0.0 on a global
// cluster or on a cluster that names one in global_cluster_identifier.
func (r *NeptuneGlobalClusterEngineVersionRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, g := range m.GlobalClusters {
		m.Visit(g)
		if err := r.checkVersion(m, e, g, "so AWS refuses to create it"); err != nil {
			return err
		}
	}
	for _, c := range m.Clusters {
		m.Visit(c)
		if !joinsGlobalCluster(m, c) {
			continue
		}
		if err := r.checkVersion(m, e, c, "so AWS refuses to add it to its global cluster"); err != nil {
			return err
		}
	}
	return nil
}

func (r *NeptuneGlobalClusterEngineVersionRule) checkVersion(m *Model, e *emitter, res *Resource, consequence string) error {
	attr := res.Attr("engine_version")
	version, old := olderThanGlobalDatabases(m, attr)
	if !old {
		return nil
	}
	message := fmt.Sprintf("%s sets engine_version = %q, but Neptune global databases need engine %s or later, %s: set engine_version to %s or later",
		res.Address(), truncate(version, 20), neptune.GlobalDatabaseMinVersion, consequence, neptune.GlobalDatabaseMinVersion)
	return e.emit(message, attr.Expr.Range(), nil)
}

// olderThanGlobalDatabases tells whether a known engine_version predates
// global databases; one left out is AWS's default, which is recent.
func olderThanGlobalDatabases(m *Model, attr *hclext.Attribute) (string, bool) {
	version, ok := m.String(attr)
	if !ok {
		return "", false
	}
	recent, parsed := neptune.EngineVersionAtLeast(version, neptune.GlobalDatabaseMinVersion)
	return version, parsed && !recent
}

// joinsGlobalCluster tells whether a cluster names a global cluster: a
// reference to one of the module, or a known identifier that is not "",
// which the provider treats as unset.
func joinsGlobalCluster(m *Model, c *Resource) bool {
	attr := c.Attr("global_cluster_identifier")
	if attr == nil {
		return false
	}
	if t, ok := pureTraversal(attr.Expr); ok && t.RootName() == globalClusterType {
		return true
	}
	id, ok := m.String(attr)
	return ok && id != ""
}
