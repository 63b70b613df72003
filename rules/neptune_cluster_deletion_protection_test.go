package rules

import (
	"strings"
	"testing"
)

func TestNeptuneClusterDeletionProtection(t *testing.T) {
	const (
		absent  = `aws_neptune_cluster.x does not set deletion_protection, so one terraform destroy or console click deletes the database (Security Hub Neptune.4): set deletion_protection = true`
		isFalse = `aws_neptune_cluster.x sets deletion_protection = false, so one terraform destroy or console click deletes the database (Security Hub Neptune.4): set deletion_protection = true`
	)
	runRuleCases(t, NewNeptuneClusterDeletionProtectionRule(), []ruleCase{
		{
			name:   "absent attribute is reported on the header and inserted aligned",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"x\"\n}\n"},
			issues: []string{"main.tf:1:1 " + absent},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier  = \"x\"\n  deletion_protection = true\n}\n"},
		},
		{
			name:   "false literal is reported on the value and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = false\n}\n"},
			issues: []string{"main.tf:2:25 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = true\n}\n"},
		},
		{
			name:   "string \"false\" is converted by Terraform and reported",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = \"false\"\n}\n"},
			issues: []string{"main.tf:2:25 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = true\n}\n"},
		},
		{
			name:   "null literal is reported and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = null\n}\n"},
			issues: []string{"main.tf:2:25 " + strings.Replace(absent, "does not set deletion_protection", "sets deletion_protection to null", 1)},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = true\n}\n"},
		},
		{
			name:   "null through a variable says so, and is the user's to change",
			files:  map[string]string{"main.tf": "variable \"protect\" {\n  default = null\n}\n\nresource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = var.protect\n}\n"},
			issues: []string{"main.tf:6:25 " + strings.Replace(absent, "does not set deletion_protection", "sets deletion_protection to null through var.protect", 1)},
		},
		{
			name: "the argument goes after the last argument, above nested blocks",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version = "1.3.2.1" # pinned

  lifecycle {
    ignore_changes = [engine_version]
  }

  timeouts {
    create = "2h"
  }
}
`},
			issues: []string{"main.tf:1:1 " + absent},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version      = "1.3.2.1" # pinned
  deletion_protection = true

  lifecycle {
    ignore_changes = [engine_version]
  }

  timeouts {
    create = "2h"
  }
}
`},
		},
		{
			name: "a block with only nested blocks gets the argument first",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  lifecycle {
    prevent_destroy = true
  }
}
`},
			issues: []string{"main.tf:1:1 " + absent},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  deletion_protection = true

  lifecycle {
    prevent_destroy = true
  }
}
`},
		},
		{
			name: "no fix when an annotation inside the block would move",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version = "1.3.2.1"

  lifecycle {
    # tflint-ignore: some_rule
    prevent_destroy = false
  }
}
`},
			issues: []string{"main.tf:1:1 " + absent},
		},
		{
			name:  "true literal is silent",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = true\n}\n"},
		},
		{
			name:  "string \"true\" is accepted",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = \"true\"\n}\n"},
		},
		{
			name:  "value Terraform cannot convert to a boolean is left to Terraform",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  deletion_protection = \"yes\"\n}\n"},
		},
		{
			name: "false variable default is reported on the expression without a fix",
			files: map[string]string{"main.tf": `variable "protect" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster" "x" {
  deletion_protection = var.protect
}
`},
			issues: []string{"main.tf:7:25 " + isFalse},
		},
		{
			name: "true variable default is silent",
			files: map[string]string{"main.tf": `variable "protect" {
  default = true
}

resource "aws_neptune_cluster" "x" {
  deletion_protection = var.protect
}
`},
		},
		{
			name: "variable without default is unknown and silent",
			files: map[string]string{"main.tf": `variable "protect" {
  type = bool
}

resource "aws_neptune_cluster" "x" {
  deletion_protection = var.protect
}
`},
		},
		{
			name: "sensitive value is silent",
			files: map[string]string{"main.tf": `variable "protect" {
  default   = false
  sensitive = true
}

resource "aws_neptune_cluster" "x" {
  deletion_protection = var.protect
}
`},
		},
		{
			name:   "count gives one finding, not one per instance",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count               = 3\n  deletion_protection = false\n}\n"},
			issues: []string{"main.tf:3:25 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count               = 3\n  deletion_protection = true\n}\n"},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"deletion_protection": false}}}}`},
			issues: []string{"main.tf.json:1:68 " + isFalse},
		},
	})
}
