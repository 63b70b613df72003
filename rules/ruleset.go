package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// All returns one instance of every rule of the ruleset, in the order they run.
func All() []tflint.Rule {
	return []tflint.Rule{
		NewNeptuneLabModeInvalidRule(),
		NewNeptuneParameterInvalidRule(),
		NewNeptuneParameterLevelRule(),
		NewNeptuneParameterGroupFamilyRule(),
		NewNeptuneClusterAuditLogParameterRule(),
		NewNeptuneClusterLogExportInvalidRule(),
		NewNeptuneClusterAuditLogExportRule(),
		NewNeptuneAuditLogGroupNameRule(),
		NewNeptuneClusterStorageEncryptedRule(),
		NewNeptuneClusterDeletionProtectionRule(),
		NewNeptuneClusterBackupRetentionRule(),
		NewNeptuneClusterIAMAuthenticationRule(),
		NewNeptuneClusterCopyTagsToSnapshotRule(),
		NewNeptuneClusterSlowQueryLogRule(),
		NewNeptuneClusterInstancePublicRule(),
		NewNeptuneClusterInstancePublicInvalidRule(),
		NewNeptuneClusterMultiAZRule(),
		NewNeptuneGlobalClusterEngineVersionRule(),
		NewNeptuneClusterSnapshotEncryptedRule(),
		NewNeptuneClusterKMSKeyRule(),
	}
}

// RuleSet is the neptune ruleset. It wraps each module's runner so that every
// rule shares one model of the module instead of asking the host again.
type RuleSet struct {
	tflint.BuiltinRuleSet
	fixEnabled bool
	sent       *sentIssues // of called modules, across their instances
}

// NewRuleSet returns the ruleset served by the plugin.
func NewRuleSet() *RuleSet {
	return &RuleSet{BuiltinRuleSet: tflint.BuiltinRuleSet{
		Name:    "neptune",
		Version: project.Version,
		Rules:   All(),
	}, sent: newSentIssues()}
}

// ApplyGlobalConfig records whether --fix is on: fixes rewrite the files
// between rules, and the shared model must then be rebuilt.
//
// It starts every inspection: `tflint --langserver` keeps the plugin
// running between inspections, so the issues sent from called modules are
// forgotten here, or a module's findings would vanish after the first run.
func (r *RuleSet) ApplyGlobalConfig(config *tflint.Config) error {
	r.fixEnabled = config.Fix
	r.sent = newSentIssues()
	if err := r.BuiltinRuleSet.ApplyGlobalConfig(config); err != nil {
		return err
	}
	r.EnabledRules = guardAll(r.EnabledRules)
	return nil
}

// NewRunner wraps the host's runner for one module.
func (r *RuleSet) NewRunner(runner tflint.Runner) (tflint.Runner, error) {
	wrapped := newRunner(runner, r.fixEnabled)
	wrapped.sent = r.sent
	return wrapped, nil
}
