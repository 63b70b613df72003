package rules

import "testing"

func TestNeptuneClusterKMSKeyRule(t *testing.T) {
	if NewNeptuneClusterKMSKeyRule().Enabled() {
		t.Error("neptune_cluster_kms_key is a policy choice and must be disabled by default")
	}
	missing := func(address string) string {
		return address + " does not set kms_key_arn, so its storage is encrypted, if at all, with the AWS managed key, whose key policy you cannot change (Checkov CKV_AWS_347, Trivy AWS-0128): set kms_key_arn to a customer managed key (not fixed automatically: changing it replaces the cluster)"
	}
	runRuleCases(t, NewNeptuneClusterKMSKeyRule(), []ruleCase{
		{
			name: "left out, null and empty are reported without a fix",
			files: map[string]string{"main.tf": `variable "key" {
  default = ""
}

resource "aws_neptune_cluster" "a" {
  storage_encrypted = true
}

resource "aws_neptune_cluster" "b" {
  kms_key_arn = null
}

resource "aws_neptune_cluster" "c" {
  kms_key_arn = var.key
}
`},
			issues: []string{
				"main.tf:10:17 " + missing("aws_neptune_cluster.b"),
				"main.tf:14:17 " + missing("aws_neptune_cluster.c"),
				"main.tf:5:1 " + missing("aws_neptune_cluster.a"),
			},
		},
		{
			name: "a key, a reference, an unknown or sensitive value, and restored clusters are silent",
			files: map[string]string{"main.tf": `variable "key" {}

variable "secret" {
  default   = ""
  sensitive = true
}

variable "snapshot" {}

resource "aws_neptune_cluster" "a" {
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_neptune_cluster" "b" {
  kms_key_arn = aws_kms_key.graph.arn
}

resource "aws_neptune_cluster" "c" {
  kms_key_arn = var.key
}

resource "aws_neptune_cluster" "d" {
  kms_key_arn = var.secret
}

resource "aws_neptune_cluster" "e" {
  snapshot_identifier = "graph-final"
}

resource "aws_neptune_cluster" "f" {
  snapshot_identifier = var.snapshot
}
`},
		},
		{
			name: "an empty snapshot_identifier makes a new cluster, which is reported",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "a" {
  snapshot_identifier = ""
}
`},
			issues: []string{"main.tf:1:1 " + missing("aws_neptune_cluster.a")},
		},
		{
			name:   "count gives one finding",
			files:  map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"a\" {\n  count = 2\n}\n"},
			issues: []string{"main.tf:1:1 " + missing("aws_neptune_cluster.a")},
		},
	})
}
