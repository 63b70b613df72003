package rules

import "testing"

func TestNeptuneClusterSnapshotEncryptedRule(t *testing.T) {
	restored := func(address string) string {
		return address + " is restored from a snapshot without storage_encrypted = true, so it is encrypted only if the snapshot is, and nothing in the plan says which (Security Hub Neptune.6): set storage_encrypted = true so that Terraform plans a replacement if the snapshot is not encrypted (not fixed automatically: the argument forces replacement)"
	}
	runRuleCases(t, NewNeptuneClusterSnapshotEncryptedRule(), []ruleCase{
		{
			name: "a restored cluster without storage_encrypted is reported on the header, without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  snapshot_identifier = "graph-final"
}
`},
			issues: []string{"main.tf:1:1 " + restored("aws_neptune_cluster.x")},
		},
		{
			name: "null is reported on the value; a snapshot resource reference counts as restored",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  snapshot_identifier = aws_neptune_cluster_snapshot.s.id
  storage_encrypted   = null
}
`},
			issues: []string{"main.tf:3:25 " + restored("aws_neptune_cluster.x")},
		},
		{
			name: "true, false (neptune_cluster_storage_encrypted's finding) and unknown values are silent",
			files: map[string]string{"main.tf": `variable "encrypted" {
  type = bool
}

resource "aws_neptune_cluster" "a" {
  snapshot_identifier = "s"
  storage_encrypted   = true
}

resource "aws_neptune_cluster" "b" {
  snapshot_identifier = "s"
  storage_encrypted   = false
}

resource "aws_neptune_cluster" "c" {
  snapshot_identifier = "s"
  storage_encrypted   = var.encrypted
}

resource "aws_neptune_cluster" "d" {
  snapshot_identifier = "s"
  storage_encrypted   = "true"
}
`},
		},
		{
			name: "clusters not known to be restored are silent",
			files: map[string]string{"main.tf": `variable "from" {
  default = ""
}

variable "unknown" {}

resource "aws_neptune_cluster" "new" {
  cluster_identifier = "new"
}

resource "aws_neptune_cluster" "empty" {
  snapshot_identifier = var.from
}

resource "aws_neptune_cluster" "null" {
  snapshot_identifier = null
}

resource "aws_neptune_cluster" "unknown" {
  snapshot_identifier = var.unknown
}
`},
		},
		{
			name: "a snapshot id from a variable default and count give one finding",
			files: map[string]string{"main.tf": `variable "from" {
  default = "graph-final"
}

resource "aws_neptune_cluster" "x" {
  count               = 2
  snapshot_identifier = var.from
}
`},
			issues: []string{"main.tf:5:1 " + restored("aws_neptune_cluster.x")},
		},
	})
}
