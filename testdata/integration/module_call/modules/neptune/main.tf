variable "exports" {
  type = list(string)
}

variable "parameter_group_name" {
  type = string
}

resource "aws_neptune_cluster" "this" {
  enable_cloudwatch_logs_exports       = var.exports
  neptune_cluster_parameter_group_name = var.parameter_group_name
}

resource "aws_neptune_cluster" "inner" {
  engine_version = "1.3.2.1"
}

# The argument reaches the cluster through a local: the finding still goes
# to the caller's argument.
locals {
  exports_seen = var.exports
}

resource "aws_neptune_cluster" "through_local" {
  enable_cloudwatch_logs_exports       = local.exports_seen
  neptune_cluster_parameter_group_name = var.parameter_group_name
}
