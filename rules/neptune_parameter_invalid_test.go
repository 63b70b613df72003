package rules

import "testing"

func TestNeptuneParameterInvalid(t *testing.T) {
	runRuleCases(t, NewNeptuneParameterInvalidRule(), []ruleCase{
		{
			name: "slow-query parameters in a neptune1 group are reported without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1"

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }

  parameter {
    name  = "neptune_slow_query_log_threshold"
    value = "oops"
  }
}
`},
			issues: []string{
				`main.tf:10:13 aws_neptune_cluster_parameter_group.g sets neptune_slow_query_log_threshold, which arrived in engine 1.2.1.0, but its family neptune1 is for older engines, so AWS rejects the group: upgrade the engine and the group's family, or remove the parameter block`,
				`main.tf:5:13 aws_neptune_cluster_parameter_group.g sets neptune_enable_slow_query_log, which arrived in engine 1.2.1.0, but its family neptune1 is for older engines, so AWS rejects the group: upgrade the engine and the group's family, or remove the parameter block`,
			},
		},
		{
			name: "slow-query parameters in a neptune1.2 group, a family from a variable without default, or an unknown family are silent",
			files: map[string]string{"main.tf": `variable "family" {}

resource "aws_neptune_cluster_parameter_group" "a" {
  family = "neptune1.2"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "disabled"
  }
}

resource "aws_neptune_cluster_parameter_group" "b" {
  family = var.family
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "debug"
  }
}

resource "aws_neptune_cluster_parameter_group" "c" {
  family = "neptune7"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "disable"
  }
}
`},
		},
		{
			name: "unknown parameter with a suggestion is removed",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_dfe_query_timeout"
    value = "60000"
  }
}
`},
			issues: []string{`main.tf:5:13 aws_neptune_cluster_parameter_group.g sets "neptune_dfe_query_timeout", which is not a Neptune parameter, so AWS rejects the group: did you mean neptune_query_timeout?`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"
}
`},
		},
		{
			name: "an empty name is called empty, and its block removed",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"

  parameter {
    name  = ""
    value = "1"
  }
}
`},
			issues: []string{`main.tf:5:13 aws_neptune_cluster_parameter_group.g has a parameter block whose name is empty, so AWS rejects the group: name a Neptune parameter or remove the block`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"
}
`},
		},
		{
			name: "two removable blocks next to each other at the end of a group are both removed",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_dfe_query_timeout"
    value = "60000"
  }

  parameter {
    name  = "neptune_enforce_ssl"
    value = "1"
  }
}
`},
			issues: []string{
				`main.tf:10:13 aws_neptune_cluster_parameter_group.g sets neptune_enforce_ssl, which is deprecated: Neptune accepts only TLS connections now; the parameter no longer has any effect; remove the parameter block`,
				`main.tf:5:13 aws_neptune_cluster_parameter_group.g sets "neptune_dfe_query_timeout", which is not a Neptune parameter, so AWS rejects the group: did you mean neptune_query_timeout?`,
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"

}
`},
		},
		{
			name: "a name that is not written out is reported but its block is kept",
			files: map[string]string{"main.tf": `variable "extra" {
  default = "neptune_dfe_query_timeout"
}
resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"
  parameter {
    name  = var.extra
    value = "60000"
  }
}
`},
			issues: []string{`main.tf:7:13 aws_neptune_cluster_parameter_group.g sets "neptune_dfe_query_timeout", which is not a Neptune parameter, so AWS rejects the group: did you mean neptune_query_timeout?`},
		},
		{
			name: "boolean words become 0 and 1; ranges are only reported",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "g" {
  parameter {
    name  = "neptune_result_cache"
    value = "TRUE"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = 9
  }
}
`},
			issues: []string{
				`main.tf:4:13 aws_neptune_parameter_group.g sets neptune_result_cache to "TRUE", which Neptune does not accept: it must be 0 or 1`,
				`main.tf:8:13 aws_neptune_parameter_group.g sets neptune_query_timeout to "9", which Neptune does not accept: it must be a whole number of milliseconds from 10 to 2147483647`,
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "g" {
  parameter {
    name  = "neptune_result_cache"
    value = "1"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = 9
  }
}
`},
		},
		{
			name: "immediate on a static parameter, not on a dynamic one",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name         = "neptune_streams"
    value        = "1"
    apply_method = "immediate"
  }
  parameter {
    name         = "neptune_enable_slow_query_log"
    value        = "info"
    apply_method = "immediate"
  }
}
`},
			issues: []string{`main.tf:5:20 aws_neptune_cluster_parameter_group.g applies neptune_streams immediately, but it is a static parameter and AWS rejects that: use apply_method = "pending-reboot" and reboot the instances`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name         = "neptune_streams"
    value        = "1"
    apply_method = "pending-reboot"
  }
  parameter {
    name         = "neptune_enable_slow_query_log"
    value        = "info"
    apply_method = "immediate"
  }
}
`},
		},
		{
			name: "a parameter at the wrong level is left to neptune_parameter_level",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "g" {
  parameter {
    name  = "neptune_streams"
    value = "yes"
  }
}
`},
		},
	})
}

func TestNeptuneParameterLevel(t *testing.T) {
	runRuleCases(t, NewNeptuneParameterLevelRule(), []ruleCase{{
		name: "both directions, and a parameter valid at both levels",
		files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "i" {
  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex=enabled"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = "20000"
  }
}
resource "aws_neptune_cluster_parameter_group" "c" {
  parameter {
    name  = "UndoLogPurgeConfig"
    value = "aggressive"
  }
}
`},
		issues: []string{
			`main.tf:13:13 aws_neptune_cluster_parameter_group.c sets UndoLogPurgeConfig, an instance-level parameter that a cluster parameter group cannot hold: move it to an aws_neptune_parameter_group attached to the instances`,
			`main.tf:3:13 aws_neptune_parameter_group.i sets neptune_lab_mode, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`,
		},
	}})
}

func TestNeptuneClusterBackupRetentionOption(t *testing.T) {
	runRuleCases(t, NewNeptuneClusterBackupRetentionRule(), []ruleCase{
		{
			name: "min_days from the rule's options",
			files: map[string]string{
				".tflint.hcl": "rule \"neptune_cluster_backup_retention\" {\n  enabled  = true\n  min_days = 10\n}\n",
				"main.tf":     "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = \"9\"\n}\n",
			},
			issues: []string{`main.tf:2:29 aws_neptune_cluster.x sets backup_retention_period = 9, so automated backups are kept for too few days to recover from a late-noticed mistake (Security Hub Neptune.5): set backup_retention_period = 10`},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 10\n}\n"},
		},
		{
			name:  "the default is 7 days",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  backup_retention_period = 7\n}\n"},
		},
	})
}
