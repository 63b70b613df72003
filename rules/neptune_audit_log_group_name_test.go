package rules

import "testing"

func TestNeptuneAuditLogGroupName(t *testing.T) {
	const cluster = `resource "aws_neptune_cluster" "main" {
  cluster_identifier = "graph-main"
}
`
	group := func(name string) map[string]string {
		return map[string]string{"main.tf": cluster + "resource \"aws_cloudwatch_log_group\" \"g\" {\n  name = " + name + "\n}\n"}
	}
	const rds = `aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/graph-main/audit", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/graph-main/audit" and creates that group itself, with no retention and no KMS key; rename it`
	runRuleCases(t, NewNeptuneAuditLogGroupNameRule(), []ruleCase{
		{
			name:   "RDS pattern written out is reported and fixed",
			files:  group(`"/aws/neptune/cluster/graph-main/audit"`),
			issues: []string{`main.tf:5:10 ` + rds},
			fixed:  group(`"/aws/neptune/graph-main/audit"`),
		},
		{
			name:   "RDS pattern for the slowquery log is fixed too",
			files:  group(`"/aws/neptune/cluster/graph-main/slowquery"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/graph-main/slowquery", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/graph-main/slowquery" and creates that group itself, with no retention and no KMS key; rename it`},
			fixed:  group(`"/aws/neptune/graph-main/slowquery"`),
		},
		{
			name:   "RDS pattern built from the cluster identifier is fixed in the template",
			files:  group(`"/aws/neptune/cluster/${aws_neptune_cluster.main.cluster_identifier}/audit"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/${...}/audit", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/${...}/audit" and creates that group itself, with no retention and no KMS key; rename it`},
			fixed:  group(`"/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/audit"`),
		},
		{
			name:   "RDS pattern built from the cluster id is fixed in the template",
			files:  group(`"/aws/neptune/cluster/${aws_neptune_cluster.main.id}/audit"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/${...}/audit", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/${...}/audit" and creates that group itself, with no retention and no KMS key; rename it`},
			fixed:  group(`"/aws/neptune/${aws_neptune_cluster.main.id}/audit"`),
		},
		{
			name:   "RDS pattern for a cluster defined elsewhere is still reported and fixed",
			files:  map[string]string{"main.tf": `resource "aws_cloudwatch_log_group" "g" { name = "/aws/neptune/cluster/elsewhere/audit" }`},
			issues: []string{`main.tf:1:50 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/elsewhere/audit", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/elsewhere/audit" and creates that group itself, with no retention and no KMS key; rename it`},
			fixed:  map[string]string{"main.tf": `resource "aws_cloudwatch_log_group" "g" { name = "/aws/neptune/elsewhere/audit" }`},
		},
		{
			name:   "RDS pattern with a log type Neptune does not write is reported without a fix",
			files:  group(`"/aws/neptune/cluster/graph-main/error"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/graph-main/error", the RDS pattern Neptune never writes to, and Neptune writes only the audit and slowquery logs: use "/aws/neptune/graph-main/audit" or "/aws/neptune/graph-main/slowquery"`},
		},
		{
			name:   "RDS pattern with a log type known only at apply is renamed, not told the type is wrong",
			files:  group(`"/aws/neptune/cluster/${aws_neptune_cluster.main.id}/${var.log_type}"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/cluster/${...}/${...}", the RDS pattern Neptune never writes to: Neptune writes to "/aws/neptune/${...}/${...}" and creates that group itself, with no retention and no KMS key; rename it`},
			fixed:  group(`"/aws/neptune/${aws_neptune_cluster.main.id}/${var.log_type}"`),
		},
		{
			name:  "a log type known only at apply is silent for a cluster of the module",
			files: group(`"/aws/neptune/${aws_neptune_cluster.main.id}/${var.log_type}"`),
		},
		{
			name:  "a log type known only at apply is silent for a cluster written out",
			files: group(`"/aws/neptune/graph-main/${var.log_type}"`),
		},
		{
			name:  "a log type partly known at apply is silent",
			files: group(`"/aws/neptune/graph-main/audit${var.suffix}"`),
		},
		{
			name: "RDS pattern from a variable is reported on the reference without a fix",
			files: map[string]string{"main.tf": cluster + `variable "log_group" {
  default = "/aws/neptune/cluster/graph-main/audit"
}
resource "aws_cloudwatch_log_group" "g" {
  name = var.log_group
}
`},
			issues: []string{`main.tf:8:10 ` + rds},
		},
		{
			name:   "unknown log type for a cluster of the module, written out",
			files:  group(`"/aws/neptune/graph-main/general"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/graph-main/general", but Neptune writes only the audit and slowquery logs of a cluster: use "/aws/neptune/graph-main/audit" or "/aws/neptune/graph-main/slowquery"`},
		},
		{
			name:   "unknown log type for a cluster of the module, by reference to its id",
			files:  group(`"/aws/neptune/${aws_neptune_cluster.main.id}/error"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/${...}/error", but Neptune writes only the audit and slowquery logs of a cluster: use "/aws/neptune/${...}/audit" or "/aws/neptune/${...}/slowquery"`},
		},
		{
			name:   "unknown log type for a cluster of the module, by reference to its cluster_identifier",
			files:  group(`"/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/error"`),
			issues: []string{`main.tf:5:10 aws_cloudwatch_log_group.g is named "/aws/neptune/${...}/error", but Neptune writes only the audit and slowquery logs of a cluster: use "/aws/neptune/${...}/audit" or "/aws/neptune/${...}/slowquery"`},
		},
		{
			name:  "unknown log type for a cluster defined elsewhere is silent",
			files: group(`"/aws/neptune/not-in-this-module/error"`),
		},
		{
			name: "correct names are silent",
			files: map[string]string{"main.tf": cluster + `
resource "aws_cloudwatch_log_group" "a" { name = "/aws/neptune/graph-main/audit" }
resource "aws_cloudwatch_log_group" "b" { name = "/aws/neptune/graph-main/slowquery" }
resource "aws_cloudwatch_log_group" "c" { name = "/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/audit" }
resource "aws_cloudwatch_log_group" "d" { name = "/aws/neptune/${aws_neptune_cluster.main.id}/slowquery" }
resource "aws_cloudwatch_log_group" "e" { name = "/aws/neptune/cluster/audit" }
`},
		},
		{
			name: "unrelated and malformed log groups are silent",
			files: map[string]string{"main.tf": cluster + `
resource "aws_cloudwatch_log_group" "a" { name = "/aws/lambda/graph-loader" }
resource "aws_cloudwatch_log_group" "b" { name = "/aws/rds/cluster/graph-main/audit" }
resource "aws_cloudwatch_log_group" "c" { name = "/aws/neptune/graph-main" }
resource "aws_cloudwatch_log_group" "d" { name = "/aws/neptune/graph-main/audit/extra/more" }
resource "aws_cloudwatch_log_group" "e" { name_prefix = "/aws/neptune/cluster/graph-main/" }
resource "aws_cloudwatch_log_group" "f" {}
`},
		},
		{
			name: "unknown values are silent",
			files: map[string]string{"main.tf": cluster + `variable "log_group" {}
resource "aws_cloudwatch_log_group" "a" { name = var.log_group }
resource "aws_cloudwatch_log_group" "b" { name = format("/aws/neptune/cluster/%s/audit", aws_neptune_cluster.main.id) }
resource "aws_cloudwatch_log_group" "c" { name = "${var.log_group}" }
`},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_cloudwatch_log_group": {"g": {"name": "/aws/neptune/cluster/graph-main/audit"}}}}`},
			issues: []string{`main.tf.json:1:58 ` + rds},
		},
	})
}
