package rules

import (
	"strings"
	"testing"
)

func TestNeptuneClusterStorageEncrypted(t *testing.T) {
	const (
		// The message carries the reason there is no fix: the attribute forces replacement.
		advice  = `(Security Hub Neptune.1): set storage_encrypted = true (not fixed automatically: changing it replaces the cluster, so migrate through an encrypted snapshot)`
		absent  = `aws_neptune_cluster.x does not set storage_encrypted, so the graph and its snapshots are stored unencrypted ` + advice
		isFalse = `aws_neptune_cluster.x sets storage_encrypted = false, so the graph and its snapshots are stored unencrypted ` + advice
	)
	runRuleCases(t, NewNeptuneClusterStorageEncryptedRule(), []ruleCase{
		{
			name:   "absent attribute is reported on the header and never inserted",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"x\"\n}\n"},
			issues: []string{"main.tf:1:1 " + absent},
		},
		{
			name:   "false literal is reported on the value and never replaced",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = false\n}\n"},
			issues: []string{"main.tf:2:23 " + isFalse},
		},
		{
			name:   "string \"false\" is reported without a fix",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = \"false\"\n}\n"},
			issues: []string{"main.tf:2:23 " + isFalse},
		},
		{
			name:   "null literal is reported on the value without a fix",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = null\n}\n"},
			issues: []string{"main.tf:2:23 " + strings.Replace(absent, "does not set storage_encrypted", "sets storage_encrypted to null", 1)},
		},
		{
			name:  "true literal is silent",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = true\n}\n"},
		},
		{
			name:  "string \"true\" is accepted",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = \"true\"\n}\n"},
		},
		{
			name:  "value Terraform cannot convert to a boolean is left to Terraform",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = \"yes\"\n}\n"},
		},
		{
			name: "false variable default is reported on the expression",
			files: map[string]string{"main.tf": `variable "encrypted" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster" "x" {
  storage_encrypted = var.encrypted
}
`},
			issues: []string{"main.tf:7:23 " + isFalse},
		},
		{
			name: "true variable default is silent",
			files: map[string]string{"main.tf": `variable "encrypted" {
  default = true
}

resource "aws_neptune_cluster" "x" {
  storage_encrypted = var.encrypted
}
`},
		},
		{
			name: "variable without default is unknown and silent",
			files: map[string]string{"main.tf": `variable "encrypted" {
  type = bool
}

resource "aws_neptune_cluster" "x" {
  storage_encrypted = var.encrypted
}
`},
		},
		{
			name: "restored or secondary clusters take encryption from their source",
			files: map[string]string{"main.tf": `variable "snapshot" {
  type = string
}

resource "aws_neptune_cluster" "restored" {
  snapshot_identifier = "graph-final-snapshot"
}

resource "aws_neptune_cluster" "restored_later" {
  snapshot_identifier = var.snapshot
}

resource "aws_neptune_cluster" "secondary" {
  global_cluster_identifier = "graph-global"
}
`},
		},
		{
			name: "a null snapshot or global cluster does not excuse the cluster",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  snapshot_identifier       = null
  global_cluster_identifier = null
}
`},
			issues: []string{"main.tf:1:1 " + absent},
		},
		{
			name: "an empty snapshot or global cluster, which the provider treats as unset, does not excuse the cluster",
			files: map[string]string{"main.tf": `variable "snapshot" {
  default = ""
}
resource "aws_neptune_cluster" "x" {
  snapshot_identifier       = var.snapshot
  global_cluster_identifier = ""
}
`},
			issues: []string{"main.tf:4:1 " + absent},
		},
		{
			name: "an explicit false is reported even on a restored cluster",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  snapshot_identifier = "graph-final-snapshot"
  storage_encrypted   = false
}
`},
			issues: []string{"main.tf:3:25 " + isFalse},
		},
		{
			name: "null is the same as leaving it out on a secondary or restored cluster",
			files: map[string]string{"main.tf": `variable "encrypted" {
  default = null
}
resource "aws_neptune_cluster" "x" {
  global_cluster_identifier = "graph-global"
  storage_encrypted         = null
}
resource "aws_neptune_cluster" "y" {
  snapshot_identifier = "graph-final-snapshot"
  storage_encrypted   = var.encrypted
}
`},
		},
		{
			name:   "JSON files get the finding",
			files:  map[string]string{"main.tf.json": `{"resource": {"aws_neptune_cluster": {"x": {"storage_encrypted": false}}}}`},
			issues: []string{"main.tf.json:1:66 " + isFalse},
		},
	})
}

func TestNeptuneGlobalClusterStorageEncrypted(t *testing.T) {
	const advice = `(Security Hub Neptune.1): set storage_encrypted = true (not fixed automatically: changing it replaces the global cluster)`
	runRuleCases(t, NewNeptuneClusterStorageEncryptedRule(), []ruleCase{
		{
			name: "a global cluster without encryption is reported; its members are not",
			files: map[string]string{"main.tf": `resource "aws_neptune_global_cluster" "g" {
  global_cluster_identifier = "graph"
  engine                    = "neptune"
}
resource "aws_neptune_global_cluster" "off" {
  global_cluster_identifier = "graph-off"
  engine                    = "neptune"
  storage_encrypted         = false
}
resource "aws_neptune_cluster" "primary" {
  global_cluster_identifier = aws_neptune_global_cluster.g.id
}
`},
			issues: []string{
				"main.tf:1:1 aws_neptune_global_cluster.g does not set storage_encrypted, so its member clusters store the graph and its snapshots unencrypted " + advice,
				"main.tf:8:31 aws_neptune_global_cluster.off sets storage_encrypted = false, so its member clusters store the graph and its snapshots unencrypted " + advice,
			},
		},
		{
			name: "a null source is no source",
			files: map[string]string{"main.tf": `resource "aws_neptune_global_cluster" "g" {
  global_cluster_identifier    = "graph"
  source_db_cluster_identifier = null
}
`},
			issues: []string{"main.tf:1:1 aws_neptune_global_cluster.g does not set storage_encrypted, so its member clusters store the graph and its snapshots unencrypted " + advice},
		},
		{
			name: "encrypted, made from a cluster, or unknown: silent",
			files: map[string]string{"main.tf": `variable "encrypted" {}
variable "source" {
  default = null
}
resource "aws_neptune_global_cluster" "on" {
  global_cluster_identifier = "on"
  storage_encrypted         = true
}
resource "aws_neptune_global_cluster" "from_cluster" {
  global_cluster_identifier    = "from-cluster"
  source_db_cluster_identifier = "arn:aws:rds:us-east-1:123456789012:cluster:graph"
}
resource "aws_neptune_global_cluster" "unknown" {
  global_cluster_identifier = "unknown"
  storage_encrypted         = var.encrypted
}
resource "aws_neptune_global_cluster" "null_source" {
  global_cluster_identifier    = "null-source"
  source_db_cluster_identifier = var.source
  storage_encrypted            = true
}
`},
		},
	})
}
