package rules

import (
	"strings"
	"testing"
)

func TestNeptuneClusterCopyTagsToSnapshot(t *testing.T) {
	const (
		absent  = `aws_neptune_cluster.x does not set copy_tags_to_snapshot, so snapshots lose the tags that cost allocation and access policies rely on (Security Hub Neptune.8): set copy_tags_to_snapshot = true`
		isFalse = `aws_neptune_cluster.x sets copy_tags_to_snapshot = false, so snapshots lose the tags that cost allocation and access policies rely on (Security Hub Neptune.8): set copy_tags_to_snapshot = true`
	)
	runRuleCases(t, NewNeptuneClusterCopyTagsToSnapshotRule(), []ruleCase{
		{
			name:   "absent attribute is reported on the header and inserted aligned",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"x\"\n}\n"},
			issues: []string{"main.tf:1:1 " + absent},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier    = \"x\"\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:   "false literal is reported on the value and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = false\n}\n"},
			issues: []string{"main.tf:2:27 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:   "string \"false\" is converted by Terraform and reported",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = \"false\"\n}\n"},
			issues: []string{"main.tf:2:27 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:   "null literal is reported and replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = null\n}\n"},
			issues: []string{"main.tf:2:27 " + strings.Replace(absent, "does not set copy_tags_to_snapshot", "sets copy_tags_to_snapshot to null", 1)},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:  "true literal is silent",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:  "string \"true\" is accepted",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = \"true\"\n}\n"},
		},
		{
			name:  "value Terraform cannot convert to a boolean is left to Terraform",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  copy_tags_to_snapshot = \"yes\"\n}\n"},
		},
		{
			name: "false variable default is reported on the expression without a fix",
			files: map[string]string{"main.tf": `variable "copy_tags" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster" "x" {
  copy_tags_to_snapshot = var.copy_tags
}
`},
			issues: []string{"main.tf:7:27 " + isFalse},
		},
		{
			name: "true variable default is silent",
			files: map[string]string{"main.tf": `variable "copy_tags" {
  default = true
}

resource "aws_neptune_cluster" "x" {
  copy_tags_to_snapshot = var.copy_tags
}
`},
		},
		{
			name: "variable without default is unknown and silent",
			files: map[string]string{"main.tf": `variable "copy_tags" {
  type = bool
}

resource "aws_neptune_cluster" "x" {
  copy_tags_to_snapshot = var.copy_tags
}
`},
		},
		{
			name: "sensitive value is silent",
			files: map[string]string{"main.tf": `variable "copy_tags" {
  default   = false
  sensitive = true
}

resource "aws_neptune_cluster" "x" {
  copy_tags_to_snapshot = var.copy_tags
}
`},
		},
		{
			name:   "count gives one finding, not one per instance",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count                 = 3\n  copy_tags_to_snapshot = false\n}\n"},
			issues: []string{"main.tf:3:27 " + isFalse},
			fixed:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  count                 = 3\n  copy_tags_to_snapshot = true\n}\n"},
		},
		{
			name:   "JSON files get the finding but no fix",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"copy_tags_to_snapshot": false}}}}`},
			issues: []string{"main.tf.json:1:70 " + isFalse},
		},
	})
}
