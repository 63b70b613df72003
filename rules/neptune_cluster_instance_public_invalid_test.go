package rules

import "testing"

func TestNeptuneClusterInstancePublicInvalidRule(t *testing.T) {
	const (
		noIAM = `aws_neptune_cluster_instance.i sets publicly_accessible = true, but its cluster aws_neptune_cluster.x does not enable IAM database authentication, which public endpoints require, so AWS refuses the public endpoint: set iam_database_authentication_enabled = true on the cluster, or publicly_accessible = false`
	)
	old := func(version string) string {
		return `aws_neptune_cluster_instance.i sets publicly_accessible = true, but its cluster aws_neptune_cluster.x runs engine "` + version + `" and Neptune has public endpoints only from 1.4.6.0, so AWS refuses the public endpoint: upgrade the cluster's engine_version to 1.4.6.0 or later, or set publicly_accessible = false`
	}
	instance := func(cluster string) string {
		return "\nresource \"aws_neptune_cluster_instance\" \"i\" {\n  cluster_identifier  = " + cluster + "\n  publicly_accessible = true\n}\n"
	}
	runRuleCases(t, NewNeptuneClusterInstancePublicInvalidRule(), []ruleCase{
		{
			name: "an old engine and IAM authentication left out are both reported",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version = "1.3.2.1"
}
` + instance("aws_neptune_cluster.x.id")},
			issues: []string{"main.tf:7:25 " + noIAM, "main.tf:7:25 " + old("1.3.2.1")},
		},
		{
			name: "IAM authentication false, through the cluster's identifier",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  cluster_identifier                  = "graph"
  engine_version                      = "1.4.6.1"
  iam_database_authentication_enabled = false
}
` + instance(`"graph"`)},
			issues: []string{"main.tf:9:25 " + noIAM},
		},
		{
			name: "1.4.6 with IAM authentication is accepted",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                      = "1.4.6.0"
  iam_database_authentication_enabled = true
}
` + instance("aws_neptune_cluster.x.cluster_identifier")},
		},
		{
			name: "an engine left to AWS and unknown values are silent",
			files: map[string]string{"main.tf": `variable "version" {}
variable "iam" {}

resource "aws_neptune_cluster" "x" {
  engine_version                      = var.version
  iam_database_authentication_enabled = var.iam
}
` + instance("aws_neptune_cluster.x.id")},
		},
		{
			name: "an unparsable engine_version is left alone",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version                      = "latest"
  iam_database_authentication_enabled = true
}
` + instance("aws_neptune_cluster.x.id")},
		},
		{
			name: "a cluster outside the module and a private instance are silent",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster" "x" {
  engine_version = "1.2.0.0"
}

resource "aws_neptune_cluster_instance" "elsewhere" {
  cluster_identifier  = "other-module-cluster"
  publicly_accessible = true
}

resource "aws_neptune_cluster_instance" "private" {
  cluster_identifier  = aws_neptune_cluster.x.id
  publicly_accessible = false
}
`},
		},
	})
}
