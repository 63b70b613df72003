package rules

import "testing"

func TestNeptuneClusterInstancePublicRule(t *testing.T) {
	public := func(address string) string {
		return address + " sets publicly_accessible = true, so the graph is reachable from the internet, guarded only by IAM authentication and security groups: set publicly_accessible = false unless the instance must be public (not fixed automatically: changing it replaces the instance)"
	}
	runRuleCases(t, NewNeptuneClusterInstancePublicRule(), []ruleCase{
		{
			name: "true and \"true\" are reported on the value, without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_instance" "a" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}

resource "aws_neptune_cluster_instance" "b" {
  cluster_identifier  = "graph"
  instance_class      = "db.r6g.large"
  publicly_accessible = "true"
}
`},
			issues: []string{
				"main.tf:10:25 " + public("aws_neptune_cluster_instance.b"),
				"main.tf:4:25 " + public("aws_neptune_cluster_instance.a"),
			},
		},
		{
			name: "false, absent, null, unknown, sensitive and unconvertible values are silent",
			files: map[string]string{"main.tf": `variable "public" {
  type = bool
}

variable "secret" {
  default   = true
  sensitive = true
}

resource "aws_neptune_cluster_instance" "a" {
  cluster_identifier  = "graph"
  publicly_accessible = false
}

resource "aws_neptune_cluster_instance" "b" {
  cluster_identifier = "graph"
}

resource "aws_neptune_cluster_instance" "c" {
  publicly_accessible = null
}

resource "aws_neptune_cluster_instance" "d" {
  publicly_accessible = var.public
}

resource "aws_neptune_cluster_instance" "e" {
  publicly_accessible = var.secret
}

resource "aws_neptune_cluster_instance" "f" {
  publicly_accessible = "yes"
}

resource "aws_neptune_cluster_instance" "g" {
  publicly_accessible = [true]
}
`},
		},
		{
			name: "a variable default is reported on the expression",
			files: map[string]string{"main.tf": `variable "public" {
  default = true
}

resource "aws_neptune_cluster_instance" "a" {
  publicly_accessible = var.public
}
`},
			issues: []string{"main.tf:6:25 " + public("aws_neptune_cluster_instance.a")},
		},
		{
			name: "count and for_each give one finding per block",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_instance" "a" {
  count               = 3
  publicly_accessible = true
}

resource "aws_neptune_cluster_instance" "b" {
  for_each            = toset(["x", "y"])
  publicly_accessible = true
}
`},
			issues: []string{
				"main.tf:3:25 " + public("aws_neptune_cluster_instance.a"),
				"main.tf:8:25 " + public("aws_neptune_cluster_instance.b"),
			},
		},
		{
			name:  "a cluster's own publicly_accessible-like arguments are not this rule's",
			files: map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {\n  publicly_accessible = true\n}\n"},
		},
	})
}
