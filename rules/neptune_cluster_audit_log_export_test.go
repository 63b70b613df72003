package rules

import "testing"

func TestNeptuneClusterAuditLogExport(t *testing.T) {
	const onGroup = `
resource "aws_neptune_cluster_parameter_group" "on" {
  family = "neptune1.3"
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
`
	runRuleCases(t, NewNeptuneClusterAuditLogExportRule(), []ruleCase{
		{
			name:  "absent attribute is reported on the header and inserted",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  engine = \"neptune\"\n}\n"},
			issues: []string{
				`main.tf:1:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`,
			},
			fixed: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  engine                         = \"neptune\"\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"},
		},
		{
			name:  "a CRLF file gets CRLF lines",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\r\n  engine = \"neptune\"\r\n}\r\n"},
			issues: []string{
				`main.tf:1:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`,
			},
			fixed: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\r\n  engine                         = \"neptune\"\r\n  enable_cloudwatch_logs_exports = [\"audit\"]\r\n}\r\n"},
		},
		{
			name:  "one-line block",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {}` + "\n"},
			issues: []string{
				`main.tf:1:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`,
			},
			fixed: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"},
		},
		{
			name:  "one-line block with an attribute",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { engine = "neptune" }` + "\n"},
			issues: []string{
				`main.tf:1:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`,
			},
			fixed: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  engine                         = \"neptune\"\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"},
		},
		{
			name:  "literal list without audit keeps its elements",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["slowquery"] }`},
			issues: []string{
				`main.tf:1:71 aws_neptune_cluster.x exports ["slowquery"] to CloudWatch Logs but not "audit": add "audit" to enable_cloudwatch_logs_exports`,
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["slowquery", "audit"] }`},
		},
		{
			name:   "case-only mismatch is corrected in place",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["AUDIT"] }`},
			issues: []string{`main.tf:1:71 aws_neptune_cluster.x exports ["AUDIT"] to CloudWatch Logs but not "audit": add "audit" to enable_cloudwatch_logs_exports`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["audit"] }`},
		},
		{
			name:   "empty list",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = [] }`},
			issues: []string{`main.tf:1:71 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["audit"] }`},
		},
		{
			name:   "empty list holding a comment is reported without a fix, which would drop the comment",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\n    # \"audit\",\n  ]\n}\n"},
			issues: []string{`main.tf:2:36 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
		},
		{
			name:   "list ending in a heredoc is reported without a fix",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [<<EOT\nslowquery\nEOT\n  ]\n}\n"},
			issues: []string{`main.tf:2:36 aws_neptune_cluster.x exports ["slowquery\n"] to CloudWatch Logs but not "audit": add "audit" to enable_cloudwatch_logs_exports`},
		},
		{
			name:   "null through a variable is reported on the expression, without a fix",
			files:  map[string]string{"main.tf": "variable \"exports\" {\n  default = null\n}\n\nresource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = var.exports\n}\n"},
			issues: []string{`main.tf:6:36 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to null through var.exports, so it exports no log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
		},
		{
			name:   "a JSON null literal is reported on the header, as in HCL",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"enable_cloudwatch_logs_exports": null}}}}`},
			issues: []string{`main.tf.json:1:44 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to null, so it exports no log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
		},
		{
			name:   "null literal is reported on the header and replaced",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = null }`},
			issues: []string{`main.tf:1:1 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to null, so it exports no log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["audit"] }`},
		},
		{
			name: "variable default is reported on the expression without a fix",
			files: map[string]string{"main.tf": `
variable "exports" {
  default = ["slowquery"]
}
resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = var.exports
}`},
			issues: []string{`main.tf:6:36 aws_neptune_cluster.x exports ["slowquery"] to CloudWatch Logs but not "audit": add "audit" to enable_cloudwatch_logs_exports`},
		},
		{
			name: "unknown values are silent",
			files: map[string]string{"main.tf": `
variable "exports" {}
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = var.exports }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = aws_neptune_cluster.a.enable_cloudwatch_logs_exports }
`},
		},
		{
			name:  "audit present",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["slowquery", "audit"] }`},
		},
		{
			name: "wrong types are left to Terraform",
			files: map[string]string{"main.tf": `
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = 42 }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = {} }
resource "aws_neptune_cluster" "c" { enable_cloudwatch_logs_exports = [[1]] }
`},
		},
		{
			name:   "misspelled attribute is renamed",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enabled_cloudwatch_logs_exports = ["audit"] }`},
			issues: []string{`main.tf:1:38 aws_neptune_cluster.x sets enabled_cloudwatch_logs_exports, the RDS spelling that Terraform rejects for Neptune: rename it to enable_cloudwatch_logs_exports`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["audit"] }`},
		},
		{
			name:   "misspelled attribute without audit is renamed and completed",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enabled_cloudwatch_logs_exports = ["slowquery"] }`},
			issues: []string{`main.tf:1:38 aws_neptune_cluster.x sets enabled_cloudwatch_logs_exports, the RDS spelling that Terraform rejects for Neptune: rename it to enable_cloudwatch_logs_exports and list "audit" in it`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = ["slowquery", "audit"] }`},
		},
		{
			name: "the message says when the log is written but not shipped",
			files: map[string]string{"main.tf": onGroup + `
resource "aws_neptune_cluster" "x" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.on.name
}
`},
			issues: []string{`main.tf:10:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: its parameter group aws_neptune_cluster_parameter_group.on enables the audit log, so it is written on the instances but never shipped; add "audit" to enable_cloudwatch_logs_exports`},
			fixed: map[string]string{"main.tf": onGroup + `
resource "aws_neptune_cluster" "x" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.on.name
  enable_cloudwatch_logs_exports       = ["audit"]
}
`},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"enable_cloudwatch_logs_exports": ["slowquery"]}}}}`},
			issues: []string{`main.tf.json:1:79 aws_neptune_cluster.x exports ["slowquery"] to CloudWatch Logs but not "audit": add "audit" to enable_cloudwatch_logs_exports`},
		},
	})
}

func TestInsertionIntoAOneLineBlockWithMultiByteText(t *testing.T) {
	runRuleCases(t, NewNeptuneClusterAuditLogExportRule(), []ruleCase{{
		name:   "a one-line block with multi-byte text",
		files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" { cluster_identifier = \"grāphéééééééééééééééééééééé\" }\n"},
		issues: []string{`main.tf:1:1 aws_neptune_cluster.x does not export its audit log to CloudWatch Logs: add "audit" to enable_cloudwatch_logs_exports`},
		fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier             = \"grāphéééééééééééééééééééééé\"\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"},
	}})
}
