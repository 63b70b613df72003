package rules

import "testing"

func TestNeptuneClusterLogExportInvalid(t *testing.T) {
	cluster := func(list string) map[string]string {
		return map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = " + list + "\n}\n"}
	}
	const at = `main.tf:2:36 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to values Neptune does not have: `
	runRuleCases(t, NewNeptuneClusterLogExportInvalidRule(), []ruleCase{
		{
			name:   "the documented example: case, unknown type and repeat, all fixed",
			files:  cluster(`["AUDIT", "slowquery", "general", "slowquery"]`),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit); "general" is not a Neptune log type (use audit or slowquery)`},
			fixed:  cluster(`["audit", "slowquery"]`),
		},
		{
			name:   "case-only mistakes are lower-cased in place",
			files:  cluster(`["Slowquery", "Audit"]`),
			issues: []string{at + `"Slowquery" is not a Neptune log type (log types are case-sensitive: write slowquery); "Audit" is not a Neptune log type (log types are case-sensitive: write audit)`},
			fixed:  cluster(`["slowquery", "audit"]`),
		},
		{
			name:   "RDS log types are dropped",
			files:  cluster(`["error", "audit", "general"]`),
			issues: []string{at + `"error" is not a Neptune log type (use audit or slowquery); "general" is not a Neptune log type (use audit or slowquery)`},
			fixed:  cluster(`["audit"]`),
		},
		{
			name:   "a list of only unknown types is emptied",
			files:  cluster(`["profiler"]`),
			issues: []string{at + `"profiler" is not a Neptune log type (use audit or slowquery)`},
			fixed:  cluster(`[]`),
		},
		{
			name:  "a repeat of a valid type alone is accepted, as Terraform does",
			files: cluster(`["audit", "slowquery", "audit"]`),
		},
		{
			name:   "a repeat is dropped when the list is fixed",
			files:  cluster(`["audit", "error", "audit"]`),
			issues: []string{at + `"error" is not a Neptune log type (use audit or slowquery)`},
			fixed:  cluster(`["audit"]`),
		},
		{
			name:   "a case-only repeat of a valid type collapses into it",
			files:  cluster(`["audit", "AUDIT"]`),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
			fixed:  cluster(`["audit"]`),
		},
		{
			name:   "near miss: suggestion, no fix",
			files:  cluster(`["audits"]`),
			issues: []string{at + `"audits" is not a Neptune log type (did you mean audit?)`},
		},
		{
			name:   "near miss of slowquery: suggestion, no fix",
			files:  cluster(`["audit", "slow_query"]`),
			issues: []string{at + `"slow_query" is not a Neptune log type (did you mean slowquery?)`},
		},
		{
			name:   "surrounding space is a near miss, not trimmed",
			files:  cluster(`[" audit"]`),
			issues: []string{at + `" audit" is not a Neptune log type (did you mean audit?)`},
		},
		{
			name:   "near miss ignoring case",
			files:  cluster(`["AUDITS"]`),
			issues: []string{at + `"AUDITS" is not a Neptune log type (did you mean audit?)`},
		},
		{
			name:   "a near miss blocks the fix of the whole list",
			files:  cluster(`["AUDIT", "error", "slowquery", "slowquery", "audits"]`),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit); "error" is not a Neptune log type (use audit or slowquery); "audits" is not a Neptune log type (did you mean audit?)`},
		},
		{
			name: "valid lists are silent",
			files: map[string]string{"main.tf": `
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = ["audit"] }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = ["slowquery"] }
resource "aws_neptune_cluster" "c" { enable_cloudwatch_logs_exports = ["slowquery", "audit"] }
resource "aws_neptune_cluster" "d" { enable_cloudwatch_logs_exports = [] }
resource "aws_neptune_cluster" "e" { enable_cloudwatch_logs_exports = null }
resource "aws_neptune_cluster" "f" {}
`},
		},
		{
			name: "a variable's default is reported on the reference without a fix",
			files: map[string]string{"main.tf": `variable "log_exports" {
  type    = list(string)
  default = ["audit", "error"]
}
resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = var.log_exports
}
`},
			issues: []string{`main.tf:6:36 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to values Neptune does not have: "error" is not a Neptune log type (use audit or slowquery)`},
		},
		{
			name: "an element that is not a literal string: reported, no fix",
			files: map[string]string{"main.tf": `variable "extra" {
  default = "general"
}
resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = ["audit", var.extra]
}
`},
			issues: []string{`main.tf:5:36 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to values Neptune does not have: "general" is not a Neptune log type (use audit or slowquery)`},
		},
		{
			name: "unknown and sensitive values are silent",
			files: map[string]string{"main.tf": `variable "exports" {}
variable "one" {}
variable "secret" {
  default   = ["error"]
  sensitive = true
}
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = var.exports }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = ["error", var.one] }
resource "aws_neptune_cluster" "c" { enable_cloudwatch_logs_exports = aws_neptune_cluster.a.enable_cloudwatch_logs_exports }
resource "aws_neptune_cluster" "d" { enable_cloudwatch_logs_exports = var.secret }
`},
		},
		{
			name:   "the misspelled attribute is checked and its list fixed",
			files:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enabled_cloudwatch_logs_exports = ["AUDIT", "error"] }`},
			issues: []string{`main.tf:1:72 aws_neptune_cluster.x sets enabled_cloudwatch_logs_exports to values Neptune does not have: "AUDIT" is not a Neptune log type (log types are case-sensitive: write audit); "error" is not a Neptune log type (use audit or slowquery)`},
			fixed:  map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" { enabled_cloudwatch_logs_exports = ["audit"] }`},
		},
		{
			name:   "a list over several lines is written on one line",
			files:  cluster("[\n    \"AUDIT\",\n    \"slowquery\",\n  ]"),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
			fixed:  cluster(`["audit", "slowquery"]`),
		},
		{
			name:   "no fix for a list holding comments, which writing it on one line would drop",
			files:  cluster("[\n    \"AUDIT\", # the audit log\n    # \"slowquery\",\n  ]"),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
		},
		{
			name:   "a string holding a hash is not a comment",
			files:  cluster(`["AUDIT", "general#1"]`),
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit); "general#1" is not a Neptune log type (use audit or slowquery)`},
			fixed:  cluster(`["audit"]`),
		},
		{
			name: "no fix for a list over several lines when an annotation follows it",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  enable_cloudwatch_logs_exports = [
    "AUDIT",
  ]
}

resource "aws_neptune_cluster" "y" {
  # tflint-ignore: neptune_cluster_deletion_protection
  deletion_protection = false
}
`},
			issues: []string{at + `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"enable_cloudwatch_logs_exports": ["AUDIT"]}}}}`},
			issues: []string{`main.tf.json:1:79 aws_neptune_cluster.x sets enable_cloudwatch_logs_exports to values Neptune does not have: "AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
		},
	})
}
