package rules

import (
	"strings"
	"testing"
)

// The SDK's test runner does not expand count or for_each, so each counted
// block is one instance here; the integration tests cover the expanded case.
func TestNeptuneParameterGroupFamily(t *testing.T) {
	// The docs example: one cluster group and one instance group, both in
	// the wrong family for engine 1.3.2.1.
	const example = `resource "aws_neptune_cluster" "example" {
  cluster_identifier                   = "example"
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.example.name
}

resource "aws_neptune_cluster_parameter_group" "example" {
  family = "neptune1.2"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_instance" "example" {
  cluster_identifier           = aws_neptune_cluster.example.id
  instance_class               = "db.r6g.large"
  neptune_parameter_group_name = aws_neptune_parameter_group.example.name
}

resource "aws_neptune_parameter_group" "example" {
  family = "neptune1"
}
`
	exampleFixed := strings.Replace(strings.Replace(example,
		`family = "neptune1.2"`, `family = "neptune1.3"`, 1),
		`family = "neptune1"`+"\n", `family = "neptune1.3"`+"\n", 1)

	runRuleCases(t, NewNeptuneParameterGroupFamilyRule(), []ruleCase{
		{
			name:  "docs example: cluster and instance groups are reported on family and fixed",
			files: map[string]string{"main.tf": example},
			issues: []string{
				`main.tf:23:12 aws_neptune_parameter_group.example has family "neptune1", which AWS refuses for the engine versions that use it (aws_neptune_cluster_instance.example needs neptune1.3): set family to match the engine version`,
				`main.tf:8:12 aws_neptune_cluster_parameter_group.example has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.example needs neptune1.3): set family to match the engine version`,
			},
			fixed: map[string]string{"main.tf": exampleFixed},
		},
		{
			name: "matching families are silent, neptune1 below 1.2 and two-part versions included",
			files: map[string]string{"main.tf": `
resource "aws_neptune_cluster_parameter_group" "v10" { family = "neptune1" }
resource "aws_neptune_cluster_parameter_group" "v11" { family = "neptune1" }
resource "aws_neptune_cluster_parameter_group" "v12" { family = "neptune1.2" }
resource "aws_neptune_cluster_parameter_group" "v14" { family = "neptune1.4" }
resource "aws_neptune_cluster" "v10" {
  engine_version                       = "1.0.5.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.v10.name
}
resource "aws_neptune_cluster" "v11" {
  engine_version                       = "1.1.1.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.v11.id
}
resource "aws_neptune_cluster" "v12" {
  engine_version                       = "1.2.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.v12.name
}
resource "aws_neptune_cluster" "v14" {
  engine_version                       = "1.4"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.v14.name
}
`},
		},
		{
			name: "a version below 1.2 needs neptune1, not neptune1.1",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" { family = "neptune1.1" }
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.1.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
`},
			issues: []string{`main.tf:1:63 aws_neptune_cluster_parameter_group.g has family "neptune1.1", which AWS refuses for the engine versions that use it (aws_neptune_cluster.c needs neptune1): set family to match the engine version`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" { family = "neptune1" }
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.1.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
`},
		},
		{
			name: "missing, unknown or non-numeric engine versions are silent",
			files: map[string]string{"main.tf": `
variable "version" {}
resource "aws_neptune_cluster_parameter_group" "g" { family = "neptune1.2" }
resource "aws_neptune_cluster" "none" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
resource "aws_neptune_cluster" "unknown" {
  engine_version                       = var.version
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
resource "aws_neptune_cluster" "word" {
  engine_version                       = "latest"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
resource "aws_neptune_cluster" "major_only" {
  engine_version                       = "1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
resource "aws_neptune_cluster_instance" "i" {
  cluster_identifier           = aws_neptune_cluster.none.id
  neptune_parameter_group_name = aws_neptune_parameter_group.i.name
}
resource "aws_neptune_parameter_group" "i" { family = "neptune1" }
`},
		},
		{
			name: "an unknown family is silent",
			files: map[string]string{"main.tf": `
variable "family" {}
resource "aws_neptune_cluster_parameter_group" "g" { family = var.family }
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
`},
		},
		{
			name: "a family from a variable is reported on the expression without a fix",
			files: map[string]string{"main.tf": `
variable "family" {
  default = "neptune1.2"
}
resource "aws_neptune_cluster_parameter_group" "g" {
  family = var.family
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
}
`},
			issues: []string{`main.tf:6:12 aws_neptune_cluster_parameter_group.g has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.c needs neptune1.3): set family to match the engine version`},
		},
		{
			name: "a group shared by clusters of differing versions names each, without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "shared" {
  family = "neptune1.2"
}
resource "aws_neptune_cluster" "a" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
resource "aws_neptune_cluster" "b" {
  engine_version                       = "1.4.1.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
`},
			issues: []string{`main.tf:2:12 aws_neptune_cluster_parameter_group.shared has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.a, aws_neptune_cluster.c needs neptune1.3; aws_neptune_cluster.b needs neptune1.4): set family to match the engine version`},
		},
		{
			name: "a shared group right for one version names only the others, without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "shared" {
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "current" {
  engine_version                       = "1.3.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
resource "aws_neptune_cluster" "new" {
  engine_version                       = "1.4.1.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
`},
			issues: []string{`main.tf:2:12 aws_neptune_cluster_parameter_group.shared has family "neptune1.3", which AWS refuses for the engine versions that use it (aws_neptune_cluster.new needs neptune1.4): set family to match the engine version`},
		},
		{
			name: "a group shared by clusters of one version is fixed",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "shared" {
  family = "neptune1.2"
}
resource "aws_neptune_cluster" "a" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
resource "aws_neptune_cluster" "b" {
  engine_version                       = "1.3.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.id
}
`},
			issues: []string{`main.tf:2:12 aws_neptune_cluster_parameter_group.shared has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.a, aws_neptune_cluster.b needs neptune1.3): set family to match the engine version`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "shared" {
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "a" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.name
}
resource "aws_neptune_cluster" "b" {
  engine_version                       = "1.3.0.0"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared.id
}
`},
		},
		{
			name: "groups and clusters found by name and identifier strings",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "c" {
  name   = "audit"
  family = "neptune1.2"
}
resource "aws_neptune_parameter_group" "i" {
  name   = "instances"
  family = "neptune1.2"
}
resource "aws_neptune_cluster" "x" {
  cluster_identifier                   = "prod"
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = "audit"
}
resource "aws_neptune_cluster_instance" "w" {
  cluster_identifier           = "prod"
  neptune_parameter_group_name = "instances"
}
`},
			issues: []string{
				`main.tf:3:12 aws_neptune_cluster_parameter_group.c has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.x needs neptune1.3): set family to match the engine version`,
				`main.tf:7:12 aws_neptune_parameter_group.i has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster_instance.w needs neptune1.3): set family to match the engine version`,
			},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "c" {
  name   = "audit"
  family = "neptune1.3"
}
resource "aws_neptune_parameter_group" "i" {
  name   = "instances"
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "x" {
  cluster_identifier                   = "prod"
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = "audit"
}
resource "aws_neptune_cluster_instance" "w" {
  cluster_identifier           = "prod"
  neptune_parameter_group_name = "instances"
}
`},
		},
		{
			name: "instances of clusters on differing versions share an instance group, without a fix",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "i" {
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "legacy" {
  engine_version = "1.1.1.0"
}
resource "aws_neptune_cluster" "current" {
  cluster_identifier = "current"
  engine_version     = "1.3.2.1"
}
resource "aws_neptune_cluster_instance" "old" {
  cluster_identifier           = aws_neptune_cluster.legacy.id
  neptune_parameter_group_name = aws_neptune_parameter_group.i.name
}
resource "aws_neptune_cluster_instance" "new" {
  cluster_identifier           = aws_neptune_cluster.current.cluster_identifier
  neptune_parameter_group_name = aws_neptune_parameter_group.i.id
}
`},
			issues: []string{`main.tf:2:12 aws_neptune_parameter_group.i has family "neptune1.3", which AWS refuses for the engine versions that use it (aws_neptune_cluster_instance.old needs neptune1): set family to match the engine version`},
		},
		{
			name: "the instance's own engine_version is not used",
			files: map[string]string{"main.tf": `resource "aws_neptune_parameter_group" "i" {
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "c" {
  engine_version = "1.3.2.1"
}
resource "aws_neptune_cluster_instance" "w" {
  cluster_identifier           = aws_neptune_cluster.c.id
  engine_version               = "1.2.0.0"
  neptune_parameter_group_name = aws_neptune_parameter_group.i.name
}
`},
		},
		{
			name: "unused groups, default groups and unknown clusters are silent",
			files: map[string]string{"main.tf": `
variable "cluster" {}
resource "aws_neptune_cluster_parameter_group" "unused" { family = "neptune1" }
resource "aws_neptune_parameter_group" "i" { family = "neptune1" }
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = "default.neptune1.2"
}
resource "aws_neptune_cluster_instance" "unknown" {
  cluster_identifier           = var.cluster
  neptune_parameter_group_name = aws_neptune_parameter_group.i.name
}
resource "aws_neptune_cluster_instance" "elsewhere" {
  cluster_identifier           = "other-module-cluster"
  neptune_parameter_group_name = aws_neptune_parameter_group.i.name
}
`},
		},
		{
			name: "a counted group with a literal family is checked and fixed",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  count  = 2
  family = "neptune1.2"
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g[0].name
}
`},
			issues: []string{`main.tf:3:12 aws_neptune_cluster_parameter_group.g has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.c needs neptune1.3): set family to match the engine version`},
			fixed: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  count  = 2
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g[0].name
}
`},
		},
		{
			name: "a for_each group whose family is each.value is silent",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  for_each = { a = "neptune1.2", b = "neptune1.3" }
  family   = each.value
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g["b"].name
}
`},
		},
		{
			name: "JSON files are reported without a fix",
			files: map[string]string{"main.tf.json": `{
  "resource": {
    "aws_neptune_cluster_parameter_group": {"g": {"family": "neptune1.2"}},
    "aws_neptune_cluster": {"c": {
      "engine_version": "1.3.2.1",
      "neptune_cluster_parameter_group_name": "${aws_neptune_cluster_parameter_group.g.name}"
    }}
  }
}
`},
			issues: []string{`main.tf.json:3:61 aws_neptune_cluster_parameter_group.g has family "neptune1.2", which AWS refuses for the engine versions that use it (aws_neptune_cluster.c needs neptune1.3): set family to match the engine version`},
		},
		{
			name: "a heredoc family followed by an annotation is not rewritten",
			files: map[string]string{"main.tf": `resource "aws_neptune_cluster_parameter_group" "g" {
  family = <<EOT
neptune1.2
EOT
}
resource "aws_neptune_cluster" "c" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.g.name
  # tflint-ignore: neptune_cluster_deletion_protection
  deletion_protection = false
}
`},
			issues: []string{`main.tf:2:12 aws_neptune_cluster_parameter_group.g has family "neptune1.2\n", which AWS refuses for the engine versions that use it (aws_neptune_cluster.c needs neptune1.3): set family to match the engine version`},
		},
	})
}
