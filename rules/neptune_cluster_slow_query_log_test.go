package rules

import "testing"

const slowGroupOn = `
resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
`

func TestNeptuneClusterSlowQueryLogRule(t *testing.T) {
	const (
		defaultGroup = `aws_neptune_cluster.x exports "slowquery" but uses the default cluster parameter group, which keeps neptune_enable_slow_query_log disabled, so no slow query is ever logged: attach an aws_neptune_cluster_parameter_group that sets it to "info" or "debug"`
		missing      = `aws_neptune_cluster.x exports "slowquery" but its parameter group aws_neptune_cluster_parameter_group.slow does not set neptune_enable_slow_query_log, which stays disabled, so no slow query is ever logged: add a parameter block setting it to "info"`
		notExported  = `aws_neptune_cluster.x does not export "slowquery", but its parameter group aws_neptune_cluster_parameter_group.slow sets neptune_enable_slow_query_log to "info", so the slow-query log stays in files on the instances and never reaches CloudWatch Logs: add "slowquery" to enable_cloudwatch_logs_exports`
	)
	off := func(value string) string {
		return `aws_neptune_cluster.x exports "slowquery" but its parameter group aws_neptune_cluster_parameter_group.slow sets neptune_enable_slow_query_log to "` + value + `", so no slow query is ever logged: set it to "info" or "debug"`
	}
	runRuleCases(t, NewNeptuneClusterSlowQueryLogRule(), []ruleCase{
		{
			name: "export on the default group is reported on the list without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}
`},
			issues: []string{"main.tf:2:36 " + defaultGroup},
		},
		{
			name: "export with a group that lacks the parameter adds it to the group",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
}
`},
			issues: []string{"main.tf:2:42 " + missing},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
`},
		},
		{
			name: "both spellings of the default are off and fixed to info",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "disabled"
  }
}
`},
			issues: []string{"main.tf:2:42 " + off("disabled")},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
`},
		},
		{
			name: "disable is off too",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = "slow-group"
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  name   = "slow-group"
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "disable"
  }
}
`},
			issues: []string{"main.tf:2:42 " + off("disable")},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = "slow-group"
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  name   = "slow-group"
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
`},
		},
		{
			name: "both halves in place, info or debug, are silent",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster" "y" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.debug.name
}

resource "aws_neptune_cluster_parameter_group" "debug" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "debug"
  }
}
` + slowGroupOn},
		},
		{
			name:   "the parameter on and no export adds the attribute",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n}\n" + slowGroupOn},
			issues: []string{"main.tf:1:1 " + notExported},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n  enable_cloudwatch_logs_exports       = [\"slowquery\"]\n}\n" + slowGroupOn},
		},
		{
			name:   "the parameter on and a list without slowquery appends it",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports       = [\"audit\"]\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n}\n" + slowGroupOn},
			issues: []string{"main.tf:2:42 " + notExported},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports       = [\"audit\", \"slowquery\"]\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n}\n" + slowGroupOn},
		},
		{
			name:   "the parameter on and a null list replaces it",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports       = null\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n}\n" + slowGroupOn},
			issues: []string{"main.tf:2:42 " + notExported},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports       = [\"slowquery\"]\n  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.id\n}\n" + slowGroupOn},
		},
		{
			name: "an engine older than 1.2.1.0 has no slow-query log to export",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                 = "1.2.0.2"
  enable_cloudwatch_logs_exports = ["slowquery"]
}
`},
			issues: []string{`main.tf:3:36 aws_neptune_cluster.x exports "slowquery", but its engine_version "1.2.0.2" predates slow-query logging (engine 1.2.1.0), so there is no log to export: upgrade the engine or remove "slowquery"`},
		},
		{
			name: "an engine from 1.2.1.0 on the default group is reported for the group",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                 = "1.2.1.0"
  enable_cloudwatch_logs_exports = ["slowquery"]
}
`},
			issues: []string{"main.tf:3:36 " + defaultGroup},
		},
		{
			name: "unknown, sensitive and wrongly typed values are silent",
			files: map[string]string{"main.tf": `variable "exports" {
  type = list(string)
}

variable "secret" {
  default   = ["slowquery"]
  sensitive = true
}

variable "level" {}

resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = var.exports
}

resource "aws_neptune_cluster" "y" {
  enable_cloudwatch_logs_exports = var.secret
}

resource "aws_neptune_cluster" "z" {
  enable_cloudwatch_logs_exports = "slowquery"
}

resource "aws_neptune_cluster" "w" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.unknown.name
}

resource "aws_neptune_cluster" "v" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.invalid.name
}

resource "aws_neptune_cluster" "u" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = "defined-elsewhere"
}

resource "aws_neptune_cluster_parameter_group" "unknown" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = var.level
  }
}

resource "aws_neptune_cluster_parameter_group" "invalid" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "verbose"
  }
}
`},
		},
		{
			name: "a group shared with a cluster that does not export is reported without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster" "other" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
}
`},
			issues: []string{"main.tf:2:42 " + missing},
		},
		{
			name: "a neptune1 group cannot take the parameter, so there is no fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1"
}
`},
			issues: []string{"main.tf:2:42 " + missing},
		},
		{
			name: "count gives one finding and one fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  count                                = 3
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "disable"
  }
}
`},
			issues: []string{"main.tf:3:42 " + off("disable")},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  count                                = 3
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow.name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
`},
		},
		{
			name: "a for_each group with unknown keys is checked as written, without a fix",
			files: map[string]string{"main.tf": `variable "envs" {
  type = set(string)
}

resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports       = ["slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.slow[var.env].name
}

resource "aws_neptune_cluster_parameter_group" "slow" {
  for_each = var.envs
  family   = "neptune1.3"
}
`},
			issues: []string{"main.tf:6:42 " + missing},
		},
		{
			name:  "the misspelled attribute is left to neptune_cluster_audit_log_export",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enabled_cloudwatch_logs_exports = [\"slowquery\"]\n}\n"},
		},
	})
}
