resource "aws_neptune_cluster" "main" {
  cluster_identifier             = "graph-main"
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_cloudwatch_log_group" "rds_pattern_template" {
  name              = "/aws/neptune/cluster/${aws_neptune_cluster.main.cluster_identifier}/audit"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "rds_pattern_literal" {
  name              = "/aws/neptune/cluster/graph-main/slowquery"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "right" {
  name              = "/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/audit"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "wrong_type_for_cluster" {
  name = "/aws/neptune/${aws_neptune_cluster.main.id}/error"
}

resource "aws_cloudwatch_log_group" "wrong_type_literal" {
  name = "/aws/neptune/graph-main/general"
}

resource "aws_cloudwatch_log_group" "unrelated" {
  name = "/aws/lambda/graph-loader"
}

resource "aws_cloudwatch_log_group" "other_cluster" {
  name = "/aws/neptune/not-in-this-module/error"
}

variable "log_group" {
  type    = string
  default = "/aws/neptune/cluster/graph-main/audit"
}

resource "aws_cloudwatch_log_group" "rds_pattern_from_variable" {
  name = var.log_group
}

resource "aws_cloudwatch_log_group" "rds_pattern_wrong_type" {
  name = "/aws/neptune/cluster/graph-main/error"
}

variable "log_type" {
  type = string
}

resource "aws_cloudwatch_log_group" "type_known_at_apply" {
  name = "/aws/neptune/${aws_neptune_cluster.main.id}/${var.log_type}"
}

resource "aws_cloudwatch_log_group" "per_type" {
  for_each = toset(["audit", "slowquery"])
  name     = "/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/${each.key}"
}

resource "aws_cloudwatch_log_group" "rds_pattern_type_known_at_apply" {
  name = "/aws/neptune/cluster/graph-main/${var.log_type}"
}

# One finding for the block, not one per instance; one fix repairs both.
resource "aws_cloudwatch_log_group" "rds_pattern_counted" {
  count = 2
  name  = "/aws/neptune/cluster/graph-${count.index}/audit"
}

# The escape hides "cluster/" from a fix, so none is offered.
resource "aws_cloudwatch_log_group" "rds_pattern_escaped" {
  name = "/aws/neptune/\u0063luster/graph-main/audit"
}

locals {
  log_root = "/aws/neptune/cluster"
  audit_lg = "/aws/neptune/cluster/${aws_neptune_cluster.main.cluster_identifier}/audit"
}

# Known parts from locals are read in; the names are computed, so no fix.
resource "aws_cloudwatch_log_group" "rds_pattern_mixed" {
  name = "${local.log_root}/${aws_neptune_cluster.main.cluster_identifier}/audit"
}

resource "aws_cloudwatch_log_group" "rds_pattern_through_local" {
  name = local.audit_lg
}
