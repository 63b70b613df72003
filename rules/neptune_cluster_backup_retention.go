package rules

import (
	"fmt"
	"math/big"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// defaultMinBackupDays is Security Hub's default for Neptune.5.
const defaultMinBackupDays = 7

// NeptuneClusterBackupRetentionRule checks automated backup retention (Security Hub Neptune.5).
type NeptuneClusterBackupRetentionRule struct{ clusterSetting }

type backupRetentionConfig struct {
	MinDays int `hclext:"min_days,optional"`
}

// NewNeptuneClusterBackupRetentionRule returns the rule.
func NewNeptuneClusterBackupRetentionRule() *NeptuneClusterBackupRetentionRule {
	return &NeptuneClusterBackupRetentionRule{clusterSetting{
		name:      "neptune_cluster_backup_retention",
		attribute: "backup_retention_period",
		control:   "Neptune.5",
		why:       "automated backups are kept for too few days to recover from a late-noticed mistake",
		ok:        atLeastDays,
		fixed:     func(days int) string { return fmt.Sprint(days) },
	}}
}

// Check reads the min_days option (default 7, at most 35) and checks every cluster.
func (r *NeptuneClusterBackupRetentionRule) Check(runner tflint.Runner) error {
	config := backupRetentionConfig{MinDays: defaultMinBackupDays}
	if err := runner.DecodeRuleConfig(r.Name(), &config); err != nil {
		return err
	}
	if config.MinDays < 1 || config.MinDays > 35 {
		return fmt.Errorf("%s: min_days must be from 1 to 35 (the backup retention AWS allows), got %d", r.Name(), config.MinDays)
	}
	return r.check(runner, r, config.MinDays)
}

// atLeastDays accepts numbers and numeric strings, as Terraform converts
// them; anything else is Terraform's to reject.
func atLeastDays(v cty.Value, days int) bool {
	n, err := convert.Convert(v, cty.Number)
	if err != nil || !n.IsKnown() || n.IsNull() {
		return true
	}
	return n.AsBigFloat().Cmp(big.NewFloat(float64(days))) >= 0
}
