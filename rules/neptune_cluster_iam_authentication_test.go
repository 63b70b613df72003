package rules

import (
	"strings"
	"testing"
)

func TestNeptuneClusterIAMAuthentication(t *testing.T) {
	const (
		absent  = `aws_neptune_cluster.x does not set iam_database_authentication_enabled, so any client that reaches the endpoint can query the graph without IAM credentials (Security Hub Neptune.7): set iam_database_authentication_enabled = true`
		isFalse = `aws_neptune_cluster.x sets iam_database_authentication_enabled = false, so any client that reaches the endpoint can query the graph without IAM credentials (Security Hub Neptune.7): set iam_database_authentication_enabled = true`
	)
	runRuleCases(t, NewNeptuneClusterIAMAuthenticationRule(), []ruleCase{
		{
			name:   "absent attribute is reported on the header and inserted aligned",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"x\"\n}\n"},
			issues: []string{"main.tf:1:1 " + absent},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier                  = \"x\"\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:   "false literal is reported on the value and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = false\n}\n"},
			issues: []string{"main.tf:2:41 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:   "string \"false\" is converted by Terraform and reported",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = \"false\"\n}\n"},
			issues: []string{"main.tf:2:41 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:   "null literal is reported and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = null\n}\n"},
			issues: []string{"main.tf:2:41 " + strings.Replace(absent, "does not set iam_database_authentication_enabled", "sets iam_database_authentication_enabled to null", 1)},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:  "true literal is silent",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:  "string \"true\" is accepted",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = \"true\"\n}\n"},
		},
		{
			name:  "value Terraform cannot convert to a boolean is left to Terraform",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  iam_database_authentication_enabled = \"yes\"\n}\n"},
		},
		{
			name: "false variable default is reported on the expression without a fix",
			files: map[string]string{"main.tf": `variable "iam_auth" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster" "x" {
  iam_database_authentication_enabled = var.iam_auth
}
`},
			issues: []string{"main.tf:7:41 " + isFalse},
		},
		{
			name: "true variable default is silent",
			files: map[string]string{"main.tf": `variable "iam_auth" {
  default = true
}

resource "aws_neptune_cluster" "x" {
  iam_database_authentication_enabled = var.iam_auth
}
`},
		},
		{
			name: "variable without default is unknown and silent",
			files: map[string]string{"main.tf": `variable "iam_auth" {
  type = bool
}

resource "aws_neptune_cluster" "x" {
  iam_database_authentication_enabled = var.iam_auth
}
`},
		},
		{
			name: "sensitive value is silent",
			files: map[string]string{"main.tf": `variable "iam_auth" {
  default   = false
  sensitive = true
}

resource "aws_neptune_cluster" "x" {
  iam_database_authentication_enabled = var.iam_auth
}
`},
		},
		{
			name:   "count gives one finding, not one per instance",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count                               = 3\n  iam_database_authentication_enabled = false\n}\n"},
			issues: []string{"main.tf:3:41 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count                               = 3\n  iam_database_authentication_enabled = true\n}\n"},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"iam_database_authentication_enabled": false}}}}`},
			issues: []string{"main.tf.json:1:84 " + isFalse},
		},
	})
}
