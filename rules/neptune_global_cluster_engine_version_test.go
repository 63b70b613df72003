package rules

import "testing"

func TestNeptuneGlobalClusterEngineVersionRule(t *testing.T) {
	global := func(version string) string {
		return `aws_neptune_global_cluster.g sets engine_version = "` + version + `", but Neptune global databases need engine 1.2.0.0 or later, so AWS refuses to create it: set engine_version to 1.2.0.0 or later`
	}
	member := func(address, version string) string {
		return address + ` sets engine_version = "` + version + `", but Neptune global databases need engine 1.2.0.0 or later, so AWS refuses to add it to its global cluster: set engine_version to 1.2.0.0 or later`
	}
	runRuleCases(t, NewNeptuneGlobalClusterEngineVersionRule(), []ruleCase{
		{
			name: "an old literal engine_version is reported on the value",
			files: map[string]string{"main.tf": `resource "aws_neptune_global_cluster" "g" {
  global_cluster_identifier = "g"
  engine                    = "neptune"
  engine_version            = "1.1.1.0"
}
`},
			issues: []string{"main.tf:4:31 " + global("1.1.1.0")},
		},
		{
			name: "an old version from a variable default and a 5-part version are reported",
			files: map[string]string{"main.tf": `variable "version" {
  default = "1.0.2.0.R2"
}

resource "aws_neptune_global_cluster" "g" {
  global_cluster_identifier = "g"
  engine_version            = var.version
}
`},
			issues: []string{"main.tf:7:31 " + global("1.0.2.0.R2")},
		},
		{
			name: "1.2.0.0 and later, left out, unknown, sensitive, unparsable or wrongly typed are silent",
			files: map[string]string{"main.tf": `variable "version" {}

variable "secret" {
  default   = "1.1.0.0"
  sensitive = true
}

resource "aws_neptune_global_cluster" "a" {
  engine_version = "1.2.0.0"
}

resource "aws_neptune_global_cluster" "b" {
  engine_version = "1.3"
}

resource "aws_neptune_global_cluster" "c" {
  global_cluster_identifier = "c"
}

resource "aws_neptune_global_cluster" "d" {
  engine_version = var.version
}

resource "aws_neptune_global_cluster" "e" {
  engine_version = var.secret
}

resource "aws_neptune_global_cluster" "f" {
  engine_version = "latest"
}

resource "aws_neptune_global_cluster" "h" {
  engine_version = ["1.1.0.0"]
}
`},
		},
		{
			name: "a member cluster on an old engine is reported, by reference or by identifier",
			files: map[string]string{"main.tf": `resource "aws_neptune_global_cluster" "g" {
  global_cluster_identifier = "g"
}

resource "aws_neptune_cluster" "primary" {
  engine_version            = "1.1.1.0"
  global_cluster_identifier = aws_neptune_global_cluster.g.id
}

resource "aws_neptune_cluster" "secondary" {
  engine_version            = "1.1.1.0"
  global_cluster_identifier = "g"
}
`},
			issues: []string{
				"main.tf:11:31 " + member("aws_neptune_cluster.secondary", "1.1.1.0"),
				"main.tf:6:31 " + member("aws_neptune_cluster.primary", "1.1.1.0"),
			},
		},
		{
			name: "old clusters outside a global cluster, or with an empty identifier, are silent",
			files: map[string]string{"main.tf": `variable "global" {
  default = ""
}

resource "aws_neptune_cluster" "alone" {
  engine_version = "1.1.1.0"
}

resource "aws_neptune_cluster" "empty" {
  engine_version            = "1.1.1.0"
  global_cluster_identifier = var.global
}
`},
		},
		{
			name: "count gives one finding per block",
			files: map[string]string{"main.tf": `resource "aws_neptune_global_cluster" "g" {
  count          = 2
  engine_version = "1.1.1.0"
}
`},
			issues: []string{"main.tf:3:20 " + global("1.1.1.0")},
		},
	})
}
