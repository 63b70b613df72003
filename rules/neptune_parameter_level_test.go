package rules

import "testing"

// TestNeptuneParameterLevelPlacement complements TestNeptuneParameterLevel
// in neptune_parameter_invalid_test.go; the rule never offers a fix. The
// SDK's test runner expands neither count nor "dynamic" blocks, so names made
// by a dynamic block are covered by the integration tests, not here.
func TestNeptuneParameterLevelPlacement(t *testing.T) {
	runRuleCases(t, NewNeptuneParameterLevelRule(), []ruleCase{
		{
			name: "docs example: reported on the name, neptune_query_timeout allowed in the instance group",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "example" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_dfe_query_engine"
    value = "viaQueryHint"
  }
}

resource "aws_neptune_parameter_group" "example" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }
}
`},
			issues: []string{
				`main.tf:14:13 aws_neptune_parameter_group.example sets neptune_enable_audit_log, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`,
				`main.tf:5:13 aws_neptune_cluster_parameter_group.example sets neptune_dfe_query_engine, an instance-level parameter that a cluster parameter group cannot hold: move it to an aws_neptune_parameter_group attached to the instances`,
			},
		},
		{
			name: "the docs fix: every parameter at its level is silent",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "c" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex=enabled"
  }
  parameter {
    name  = "neptune_streams"
    value = "1"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }
}
resource "aws_neptune_parameter_group" "i" {
  parameter {
    name  = "neptune_dfe_query_engine"
    value = "viaQueryHint"
  }
  parameter {
    name  = "neptune_result_cache"
    value = "1"
  }
  parameter {
    name  = "UndoLogPurgeConfig"
    value = "default"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }
}
`},
		},
		{
			name: "every instance-level parameter in a cluster group",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "c" {
  parameter {
    name  = "neptune_result_cache"
    value = "1"
  }
  parameter {
    name  = "neptune_dfe_query_engine"
    value = "enabled"
  }
  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }
}
`},
			issues: []string{
				`main.tf:3:13 aws_neptune_cluster_parameter_group.c sets neptune_result_cache, an instance-level parameter that a cluster parameter group cannot hold: move it to an aws_neptune_parameter_group attached to the instances`,
				`main.tf:7:13 aws_neptune_cluster_parameter_group.c sets neptune_dfe_query_engine, an instance-level parameter that a cluster parameter group cannot hold: move it to an aws_neptune_parameter_group attached to the instances`,
			},
		},
		{
			name: "cluster-level parameters in an instance group, a deprecated one included",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "i" {
  parameter {
    name  = "neptune_streams"
    value = "1"
  }
  parameter {
    name  = "neptune_slow_query_log_threshold"
    value = "5000"
  }
  parameter {
    name  = "neptune_enforce_ssl"
    value = "1"
  }
}
`},
			issues: []string{
				`main.tf:11:13 aws_neptune_parameter_group.i sets neptune_enforce_ssl, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`,
				`main.tf:3:13 aws_neptune_parameter_group.i sets neptune_streams, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`,
				`main.tf:7:13 aws_neptune_parameter_group.i sets neptune_slow_query_log_threshold, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`,
			},
		},
		{
			name: "a name from a variable is reported on its expression",
			files: map[string]string{"main.tf": `variable "param" {
  default = "neptune_enable_audit_log"
}
resource "aws_neptune_parameter_group" "i" {
  parameter {
    name  = var.param
    value = "1"
  }
}
`},
			issues: []string{`main.tf:6:13 aws_neptune_parameter_group.i sets neptune_enable_audit_log, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`},
		},
		{
			name: "unknown names, unknown values and dynamic blocks over unknown collections are silent",
			files: map[string]string{"main.tf": `variable "name" {}
variable "params" {}
resource "aws_neptune_parameter_group" "i" {
  parameter {
    name  = var.name
    value = "1"
  }
  parameter {
    name  = "neptune_dfe_query_timeout"
    value = "60000"
  }
  parameter {
    name  = "NEPTUNE_ENABLE_AUDIT_LOG"
    value = "1"
  }
  dynamic "parameter" {
    for_each = var.params
    content {
      name  = parameter.key
      value = parameter.value
    }
  }
}
resource "aws_neptune_cluster_parameter_group" "c" {
  parameter {
    name  = "totally_unknown_setting"
    value = "1"
  }
}
`},
		},
		{
			name: "a counted group is checked",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "i" {
  count = 3
  parameter {
    name  = "neptune_lookup_cache"
    value = "1"
  }
}
`},
			issues: []string{`main.tf:4:13 aws_neptune_parameter_group.i sets neptune_lookup_cache, a cluster-level parameter that an instance parameter group cannot hold: move it to the aws_neptune_cluster_parameter_group of the cluster`},
		},
		{
			name: "JSON files are reported too",
			files: map[string]string{"main.tf.json": `{
  "resource": {
    "aws_neptune_cluster_parameter_group": {"c": {
      "parameter": [{"name": "neptune_result_cache", "value": "1"}]
    }}
  }
}
`},
			issues: []string{`main.tf.json:4:30 aws_neptune_cluster_parameter_group.c sets neptune_result_cache, an instance-level parameter that a cluster parameter group cannot hold: move it to an aws_neptune_parameter_group attached to the instances`},
		},
	})
}
