// Package corpus writes the deterministic Terraform modules the benchmark
// and the host-call guard measure.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// clustersPerFile sets how densely the corpus packs files, as real code does.
const clustersPerFile = 6 // 6 clusters x 8 or 9 resources a file

// WriteModule writes a root module of n Neptune clusters, each with its own
// cluster parameter group, an instance (two, as Neptune.9 asks, for a
// cluster with the Security Hub settings) and five unrelated resources, with
// a deterministic mix of good and bad settings.
func WriteModule(dir string, n int) error {
	return writeModule(dir, n, writeCluster)
}

// WriteCleanModule writes the same module with every setting right, so
// that a run measures what the plugin costs per resource, not per finding.
func WriteCleanModule(dir string, n int) error {
	return writeModule(dir, n, writeCleanCluster)
}

// WriteFixModule writes n clusters into one file, each with findings that
// --fix fixes (the export, the audit parameter, the lab mode and the
// Security Hub settings), so that --fix makes several fixes per cluster in
// that one file.
func WriteFixModule(dir string, n int) error {
	return writeModuleIn(dir, n, n, writeFixableCluster)
}

func writeFixableCluster(sb *strings.Builder, i int) {
	writeClusterWith(sb, i, clusterSettings{
		exports: `["slowquery"]`, audit: `"0"`, labMode: "ObjectIndex=enabled, AuditLog",
		group: fmt.Sprintf("aws_neptune_cluster_parameter_group.g%d.name", i),
	})
}

func writeModule(dir string, n int, cluster func(*strings.Builder, int)) error {
	return writeModuleIn(dir, n, clustersPerFile, cluster)
}

func writeModuleIn(dir string, n, perFile int, cluster func(*strings.Builder, int)) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "variables.tf"), []byte(variablesTF), 0o644); err != nil {
		return err
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		cluster(&sb, i)
		if (i+1)%perFile == 0 || i == n-1 {
			name := filepath.Join(dir, fmt.Sprintf("graph_%04d.tf", i/perFile))
			if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
				return err
			}
			sb.Reset()
		}
	}
	return nil
}

const variablesTF = `terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.65"
    }
  }
}

variable "engine_version" {
  type    = string
  default = "1.3.2.1"
}

variable "log_exports" {
  type    = list(string)
  default = ["audit", "slowquery"]
}

variable "environment" {
  type    = string
  default = "bench"
}

locals {
  tags = {
    environment = var.environment
  }
}
`

// writeCleanCluster writes a cluster with no finding: the mix below with
// every rule satisfied.
func writeCleanCluster(sb *strings.Builder, i int) {
	writeClusterWith(sb, i, clusterSettings{
		exports: "var.log_exports", audit: `"1"`, labMode: "ObjectIndex=enabled",
		group: fmt.Sprintf("aws_neptune_cluster_parameter_group.g%d.name", i), hardening: hardening, slowQuery: true,
	})
}

const hardening = `
  deletion_protection                  = true
  backup_retention_period              = 14
  iam_database_authentication_enabled  = true
  copy_tags_to_snapshot                = true`

// replica writes a second instance for a cluster with the Security Hub
// settings: Neptune.9 asks for instances in two Availability Zones.
func replica(i int, s clusterSettings) string {
	if s.hardening == "" {
		return ""
	}
	return fmt.Sprintf(`
resource "aws_neptune_cluster_instance" "r%[1]d" {
  cluster_identifier = aws_neptune_cluster.c%[1]d.id
  instance_class     = "db.r6g.large"
}
`, i)
}

// slowQueryParameter writes the parameter that makes an exported slowquery
// log hold something.
func slowQueryParameter(s clusterSettings) string {
	if !s.slowQuery {
		return ""
	}
	return `
  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
`
}

type clusterSettings struct {
	exports, audit, labMode, group, hardening string
	slowQuery                                 bool
}

// writeCluster writes one cluster's nine resources. Every seventh cluster
// misses the export, every fifth sets the audit parameter to 0, every
// eleventh runs on a default group, every thirteenth has a bad lab mode,
// and every ninth lacks the Security Hub settings and its second instance.
func writeCluster(sb *strings.Builder, i int) {
	s := clusterSettings{hardening: hardening, slowQuery: true}
	if i%9 == 7 {
		s.hardening = ""
	}
	s.exports = `var.log_exports`
	switch {
	case i%7 == 3:
		s.exports = `["slowquery"]`
	case i%7 == 5:
		s.exports = `["audit"]`
	}
	s.audit = `"1"`
	if i%5 == 2 {
		s.audit = `"0"`
	}
	s.group = fmt.Sprintf("aws_neptune_cluster_parameter_group.g%d.name", i)
	if i%11 == 4 {
		s.group = `"default.neptune1.3"`
	}
	s.labMode = "ObjectIndex=enabled"
	if i%13 == 6 {
		s.labMode = "AuditLog"
	}
	writeClusterWith(sb, i, s)
}

func writeClusterWith(sb *strings.Builder, i int, s clusterSettings) {
	fmt.Fprintf(sb, `resource "aws_neptune_cluster_parameter_group" "g%[1]d" {
  name   = "graph-%[1]d"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = %[2]s
  }

  parameter {
    name  = "neptune_lab_mode"
    value = %[3]q
  }
%[8]s
  tags = local.tags
}

resource "aws_neptune_cluster" "c%[1]d" {
  cluster_identifier                   = "graph-%[1]d"
  engine_version                       = var.engine_version
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = %[4]s
  neptune_cluster_parameter_group_name = %[5]s
  tags                                 = local.tags%[6]s
}

resource "aws_neptune_cluster_instance" "i%[1]d" {
  cluster_identifier = aws_neptune_cluster.c%[1]d.id
  instance_class     = "db.r6g.large"
}
%[7]s
resource "aws_s3_bucket" "b%[1]d" {
  bucket = "graph-%[1]d-exports"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "v%[1]d" {
  bucket = aws_s3_bucket.b%[1]d.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_security_group" "s%[1]d" {
  name        = "graph-%[1]d"
  description = "Neptune clients of graph %[1]d"
}

resource "aws_iam_role" "r%[1]d" {
  name               = "graph-%[1]d-loader"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "aws_iam_role_policy_attachment" "p%[1]d" {
  role       = aws_iam_role.r%[1]d.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

`, i, s.audit, s.labMode, s.exports, s.group, s.hardening, replica(i, s), slowQueryParameter(s))
}

// WriteTypicalModule writes a repository as most users of the plugin have
// one: resources of many types unrelated to Neptune, some repeated with
// count or for_each, reading variables and locals, 40 to a file, and the
// given number of Neptune clusters (the mix of WriteModule) in their own
// file.
func WriteTypicalModule(dir string, resources, clusters int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "variables.tf"), []byte(variablesTF+typicalVariablesTF), 0o644); err != nil {
		return err
	}
	var sb strings.Builder
	for i := 0; i < resources; i++ {
		writeUnrelated(&sb, i)
		if (i+1)%40 == 0 || i == resources-1 {
			name := filepath.Join(dir, fmt.Sprintf("app_%04d.tf", i/40))
			if err := os.WriteFile(name, []byte(sb.String()), 0o644); err != nil {
				return err
			}
			sb.Reset()
		}
	}
	for i := 0; i < clusters; i++ {
		writeCluster(&sb, i)
	}
	return os.WriteFile(filepath.Join(dir, "neptune.tf"), []byte(sb.String()), 0o644)
}

const typicalVariablesTF = `
variable "instance_count" {
  type    = number
  default = 2
}

variable "queues" {
  type    = set(string)
  default = ["orders", "billing"]
}

locals {
  name_prefix = "app-${var.environment}"
  ports       = [80, 443]
}
`

// writeUnrelated writes the i-th resource of a cycle of ten common types.
func writeUnrelated(sb *strings.Builder, i int) {
	switch i % 10 {
	case 0:
		fmt.Fprintf(sb, "resource \"aws_s3_bucket\" \"u%[1]d\" {\n  bucket = \"${local.name_prefix}-%[1]d\"\n  tags   = local.tags\n}\n\n", i)
	case 1:
		fmt.Fprintf(sb, "resource \"aws_iam_role\" \"u%[1]d\" {\n  name               = \"${local.name_prefix}-%[1]d\"\n  assume_role_policy = jsonencode({ Version = \"2012-10-17\", Statement = [] })\n}\n\n", i)
	case 2:
		fmt.Fprintf(sb, "resource \"aws_security_group\" \"u%[1]d\" {\n  name = \"${local.name_prefix}-%[1]d\"\n\n  dynamic \"ingress\" {\n    for_each = local.ports\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = \"tcp\"\n      cidr_blocks = [\"10.0.0.0/8\"]\n    }\n  }\n}\n\n", i)
	case 3:
		fmt.Fprintf(sb, "resource \"aws_instance\" \"u%[1]d\" {\n  count         = var.instance_count\n  ami           = \"ami-0123456789abcdef0\"\n  instance_type = \"t3.micro\"\n  tags          = merge(local.tags, { Name = \"${local.name_prefix}-%[1]d-${count.index}\" })\n}\n\n", i)
	case 4:
		fmt.Fprintf(sb, "resource \"aws_sqs_queue\" \"u%[1]d\" {\n  for_each = var.queues\n  name     = \"${local.name_prefix}-%[1]d-${each.key}\"\n}\n\n", i)
	case 5:
		fmt.Fprintf(sb, "resource \"aws_cloudwatch_metric_alarm\" \"u%[1]d\" {\n  alarm_name          = \"${local.name_prefix}-%[1]d\"\n  comparison_operator = \"GreaterThanThreshold\"\n  evaluation_periods  = 2\n  metric_name         = \"CPUUtilization\"\n  namespace           = \"AWS/EC2\"\n  period              = 300\n  statistic           = \"Average\"\n  threshold           = 80\n}\n\n", i)
	case 6:
		fmt.Fprintf(sb, "resource \"aws_dynamodb_table\" \"u%[1]d\" {\n  name         = \"${local.name_prefix}-%[1]d\"\n  billing_mode = \"PAY_PER_REQUEST\"\n  hash_key     = \"id\"\n\n  attribute {\n    name = \"id\"\n    type = \"S\"\n  }\n}\n\n", i)
	case 7:
		fmt.Fprintf(sb, "resource \"aws_kms_key\" \"u%[1]d\" {\n  description         = \"key %[1]d\"\n  enable_key_rotation = true\n}\n\n", i)
	case 8:
		fmt.Fprintf(sb, "resource \"aws_lambda_function\" \"u%[1]d\" {\n  function_name = \"${local.name_prefix}-%[1]d\"\n  role          = aws_iam_role.u%[2]d.arn\n  handler       = \"index.handler\"\n  runtime       = \"nodejs20.x\"\n  filename      = \"lambda.zip\"\n\n  environment {\n    variables = { STAGE = var.environment }\n  }\n}\n\n", i, i-7)
	default:
		fmt.Fprintf(sb, "resource \"aws_route53_record\" \"u%[1]d\" {\n  zone_id = \"Z0123456789\"\n  name    = \"u%[1]d.example.com\"\n  type    = \"CNAME\"\n  ttl     = 300\n  records = [\"${local.name_prefix}.example.com\"]\n}\n\n", i)
	}
}
