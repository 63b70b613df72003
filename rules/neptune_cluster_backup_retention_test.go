package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestNeptuneClusterBackupRetention(t *testing.T) {
	const why = `so automated backups are kept for too few days to recover from a late-noticed mistake (Security Hub Neptune.5)`
	config := func(days string) string {
		return "rule \"neptune_cluster_backup_retention\" {\n  enabled  = true\n  min_days = " + days + "\n}\n"
	}
	runRuleCases(t, NewNeptuneClusterBackupRetentionRule(), []ruleCase{
		{
			name:   "absent attribute is reported on the header and inserted aligned with the default 7 days",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"x\"\n}\n"},
			issues: []string{"main.tf:1:1 aws_neptune_cluster.x does not set backup_retention_period, " + why + ": set backup_retention_period = 7"},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier      = \"x\"\n  backup_retention_period = 7\n}\n"},
		},
		{
			name:   "too few days is reported on the value and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 5\n}\n"},
			issues: []string{"main.tf:2:29 aws_neptune_cluster.x sets backup_retention_period = 5, " + why + ": set backup_retention_period = 7"},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 7\n}\n"},
		},
		{
			name:   "one day below the minimum is reported",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 6\n}\n"},
			issues: []string{"main.tf:2:29 aws_neptune_cluster.x sets backup_retention_period = 6, " + why + ": set backup_retention_period = 7"},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 7\n}\n"},
		},
		{
			name:   "numeric string below the minimum is reported and replaced with a number",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = \"3\"\n}\n"},
			issues: []string{"main.tf:2:29 aws_neptune_cluster.x sets backup_retention_period = 3, " + why + ": set backup_retention_period = 7"},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 7\n}\n"},
		},
		{
			name:   "null literal is reported on the value and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = null\n}\n"},
			issues: []string{"main.tf:2:29 aws_neptune_cluster.x sets backup_retention_period to null, " + why + ": set backup_retention_period = 7"},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 7\n}\n"},
		},
		{
			name: "the minimum and more are silent",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "a" {
  backup_retention_period = 7
}

resource "aws_neptune_cluster" "b" {
  backup_retention_period = 35
}
`},
		},
		{
			name: "numeric strings are compared as numbers",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  backup_retention_period = "10"
}
`},
		},
		{
			name:  "value that is not a number is left to Terraform",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = \"week\"\n}\n"},
		},
		{
			name: "too few days from a variable default is reported on the expression without a fix",
			files: map[string]string{"main.tf": `variable "retention" {
  type    = number
  default = 3
}

resource "aws_neptune_cluster" "x" {
  backup_retention_period = var.retention
}
`},
			issues: []string{"main.tf:7:29 aws_neptune_cluster.x sets backup_retention_period = 3, " + why + ": set backup_retention_period = 7"},
		},
		{
			name: "enough days from a variable default is silent",
			files: map[string]string{"main.tf": `variable "retention" {
  default = 14
}

resource "aws_neptune_cluster" "x" {
  backup_retention_period = var.retention
}
`},
		},
		{
			name: "variable without default is unknown and silent",
			files: map[string]string{"main.tf": `variable "retention" {
  type = number
}

resource "aws_neptune_cluster" "x" {
  backup_retention_period = var.retention
}
`},
		},
		{
			name: "min_days raises the minimum in the message and the fixes",
			files: map[string]string{
				".tflint.hcl": config("14"),
				"main.tf": `resource "aws_neptune_cluster" "absent" {
  cluster_identifier = "absent"
}

resource "aws_neptune_cluster" "low" {
  backup_retention_period = 10
}

resource "aws_neptune_cluster" "enough" {
  backup_retention_period = 14
}
`,
			},
			issues: []string{
				"main.tf:1:1 aws_neptune_cluster.absent does not set backup_retention_period, " + why + ": set backup_retention_period = 14",
				"main.tf:6:29 aws_neptune_cluster.low sets backup_retention_period = 10, " + why + ": set backup_retention_period = 14",
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "absent" {
  cluster_identifier      = "absent"
  backup_retention_period = 14
}

resource "aws_neptune_cluster" "low" {
  backup_retention_period = 14
}

resource "aws_neptune_cluster" "enough" {
  backup_retention_period = 14
}
`},
		},
		{
			name: "min_days can lower the minimum to the 1 day AWS allows",
			files: map[string]string{
				".tflint.hcl": config("1"),
				"main.tf":     "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 1\n}\n",
			},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"backup_retention_period": 5}}}}`},
			issues: []string{"main.tf.json:1:72 aws_neptune_cluster.x sets backup_retention_period = 5, " + why + ": set backup_retention_period = 7"},
		},
	})
}

func TestNeptuneClusterBackupRetentionMinDaysOutOfRange(t *testing.T) {
	for _, tc := range []struct{ days, want string }{
		{"0", "neptune_cluster_backup_retention: min_days must be from 1 to 35 (the backup retention AWS allows), got 0"},
		{"36", "neptune_cluster_backup_retention: min_days must be from 1 to 35 (the backup retention AWS allows), got 36"},
	} {
		t.Run(tc.days, func(t *testing.T) {
			runner := helper.TestRunner(t, map[string]string{
				".tflint.hcl": "rule \"neptune_cluster_backup_retention\" {\n  enabled  = true\n  min_days = " + tc.days + "\n}\n",
				"main.tf":     "resource \"aws_neptune_cluster\" \"x\" {}\n",
			})
			err := NewNeptuneClusterBackupRetentionRule().Check(newRunner(runner, true))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("Check: got error %v, want %q", err, tc.want)
			}
			if len(runner.Issues) != 0 {
				t.Errorf("issues: got %v, want none", runner.Issues)
			}
		})
	}
}
