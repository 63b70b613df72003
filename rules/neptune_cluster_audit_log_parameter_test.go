package rules

import (
	"strings"
	"testing"
)

func TestNeptuneClusterAuditLogParameter(t *testing.T) {
	const defaultMessage = `aws_neptune_cluster.x uses the default cluster parameter group, which keeps neptune_enable_audit_log at 0 and cannot be changed: attach an aws_neptune_cluster_parameter_group that sets neptune_enable_audit_log to "1"`
	defaultFor := func(cluster string) string {
		return strings.Replace(defaultMessage, "aws_neptune_cluster.x", "aws_neptune_cluster."+cluster, 1)
	}
	runRuleCases(t, NewNeptuneClusterAuditLogParameterRule(), []ruleCase{
		{
			name: "default group: a new group is added at the end of the file",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version = "1.2.0.2"
}
`},
			issues: []string{"main.tf:1:1 " + defaultMessage},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                       = "1.2.0.2"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.x_audit.name
}

resource "aws_neptune_cluster_parameter_group" "x_audit" {
  family = "neptune1.2"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "the new group is created where the cluster is",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  provider       = aws.west
  region         = "eu-west-1"
  engine_version = "1.2.0.2"
}
`},
			issues: []string{"main.tf:1:1 " + defaultMessage},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  provider                             = aws.west
  region                               = "eu-west-1"
  engine_version                       = "1.2.0.2"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.x_audit.name
}

resource "aws_neptune_cluster_parameter_group" "x_audit" {
  provider = aws.west
  region   = "eu-west-1"
  family   = "neptune1.2"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "no fix when the region differs per instance",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  for_each       = toset(["eu-west-1"])
  region         = each.value
  engine_version = "1.2.0.2"
}
`},
			issues: []string{"main.tf:1:1 " + defaultMessage},
		},
		{
			name:   "default group without a literal engine_version: no fix",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {}`},
			issues: []string{"main.tf:1:1 " + defaultMessage},
		},
		{
			name: "two new groups at the end of a file without a final newline are one blank line apart",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "a" {
  engine_version = "1.3.2.1"
}
resource "aws_neptune_cluster" "b" {
  engine_version = "1.2.2.1"
}`},
			issues: []string{
				"main.tf:1:1 " + defaultFor("a"),
				"main.tf:4:1 " + defaultFor("b"),
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "a" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.a_audit.name
}
resource "aws_neptune_cluster" "b" {
  engine_version                       = "1.2.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.b_audit.name
}

resource "aws_neptune_cluster_parameter_group" "a_audit" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "b_audit" {
  family = "neptune1.2"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "an empty name is the default group, as the provider sends none",
			files: map[string]string{"main.tf": `variable "group" {
  default = ""
}
resource "aws_neptune_cluster" "x" {
  neptune_cluster_parameter_group_name = var.group
}
resource "aws_neptune_cluster" "y" {
  neptune_cluster_parameter_group_name = ""
}
`},
			issues: []string{
				"main.tf:5:42 " + defaultMessage,
				"main.tf:8:42 " + defaultFor("y"),
			},
		},
		{
			name: "named default group: reported on the value, replaced by a reference",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                       = "1.1.1.0"
  neptune_cluster_parameter_group_name = "default.neptune1"
}
`},
			issues: []string{`main.tf:3:42 aws_neptune_cluster.x uses the default cluster parameter group "default.neptune1", which keeps neptune_enable_audit_log at 0 and cannot be changed: attach an aws_neptune_cluster_parameter_group that sets neptune_enable_audit_log to "1"`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                       = "1.1.1.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.x_audit.name
}

resource "aws_neptune_cluster_parameter_group" "x_audit" {
  family = "neptune1"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "the new group's name avoids an existing one",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "x_audit" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "x" {
  engine_version = "1.3.0.0"
}
`},
			issues: []string{"main.tf:5:1 " + defaultMessage},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "x_audit" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "x" {
  engine_version                       = "1.3.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.x_audit_2.name
}

resource "aws_neptune_cluster_parameter_group" "x_audit_2" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "group without the parameter: once on its header, for all its clusters",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "a" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}

resource "aws_neptune_cluster" "b" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.id
}
`},
			issues: []string{`main.tf:1:1 aws_neptune_cluster_parameter_group.g, used by aws_neptune_cluster.a, aws_neptune_cluster.b, does not set neptune_enable_audit_log, so Neptune writes no audit log: add a parameter block setting it to "1"`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "a" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}

resource "aws_neptune_cluster" "b" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.id
}
`},
		},
		{
			name: "group found by its literal name",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  name   = "audit"
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "a" {
  neptune_cluster_parameter_group_name = "audit"
}
`},
			issues: []string{`main.tf:1:1 aws_neptune_cluster_parameter_group.g, used by aws_neptune_cluster.a, does not set neptune_enable_audit_log, so Neptune writes no audit log: add a parameter block setting it to "1"`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  name   = "audit"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "a" {
  neptune_cluster_parameter_group_name = "audit"
}
`},
		},
		{
			name: "unused group without the parameter is not reported",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = "neptune1.3"
}
`},
		},
		{
			name: "value not 1, even in an unused group, is set to 1",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "true"
  }
}
`},
			issues: []string{`main.tf:4:13 aws_neptune_cluster_parameter_group.g sets neptune_enable_audit_log to "true", so Neptune writes no audit log: set it to "1" and reboot the instances`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "number 1 is accepted",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = 1
  }
}
`},
		},
		{
			name: "conflicting values",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
  parameter {
    name  = "neptune_enable_audit_log"
    value = var.off
  }
}

variable "off" {
  default = "0"
}
`},
			issues: []string{
				`main.tf:8:13 aws_neptune_cluster_parameter_group.g sets neptune_enable_audit_log to "0" here and to "1" in another parameter block, so the audit log may stay off: set this one to "1" too`,
			},
		},
		{
			name: "a value with a space is not 1, as neptune_parameter_invalid says",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1 "
  }
}
`},
			issues: []string{
				`main.tf:4:13 aws_neptune_cluster_parameter_group.g sets neptune_enable_audit_log to "1 ", so Neptune writes no audit log: set it to "1" and reboot the instances`,
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`},
		},
		{
			name: "external, data source and module groups are not checked",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "a" {
  neptune_cluster_parameter_group_name = "managed-elsewhere"
}

resource "aws_neptune_cluster" "b" {
  neptune_cluster_parameter_group_name = data.aws_neptune_cluster_parameter_group.x.name
}

resource "aws_neptune_cluster" "c" {
  neptune_cluster_parameter_group_name = module.groups.name
}
`},
		},
	})
}
