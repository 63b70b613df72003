locals {
  group_name = aws_neptune_cluster_parameter_group.through_local.name
  via_local  = local.group_name
}

data "aws_neptune_cluster_parameter_group" "shared" {}

resource "aws_neptune_cluster_parameter_group" "by_name" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "by_id" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "counted" {
  count  = 2
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "keyed" {
  for_each = toset(["k"])
  family   = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "through_local" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "named" {
  name   = "audit-named"
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = 1
  }
}

resource "aws_neptune_cluster" "by_name" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.by_name.name
}

resource "aws_neptune_cluster" "by_id" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.by_id.id
}

resource "aws_neptune_cluster" "by_count_index" {
  count                                = 2
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.counted[count.index].name
}

resource "aws_neptune_cluster" "by_key" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.keyed["k"].name
}

resource "aws_neptune_cluster" "by_local" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = local.via_local
}

resource "aws_neptune_cluster" "by_literal_name" {
  neptune_cluster_parameter_group_name = "audit-named"
}

resource "aws_neptune_cluster" "external_name" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = "managed-elsewhere"
}

resource "aws_neptune_cluster" "data_source" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = data.aws_neptune_cluster_parameter_group.shared.name
}

resource "aws_neptune_cluster" "default_named" {
  engine_version                       = "1.2.1.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = "default.neptune1.2"
}

resource "aws_neptune_cluster" "null_group" {
  engine_version                       = "1.1.1.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = null
}

resource "aws_neptune_cluster" "no_engine_version" {
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "odd_engine_version" {
  engine_version                 = "latest"
  enable_cloudwatch_logs_exports = ["audit"]
}

# "" is no group to the provider, which then attaches the default one.
resource "aws_neptune_cluster" "empty_group_name" {
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = ""
}

# The group is not made, so try falls back to null: the default group.
resource "aws_neptune_cluster_parameter_group" "optional" {
  count  = 0
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "try_optional_group" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = try(aws_neptune_cluster_parameter_group.optional[0].name, null)
}
