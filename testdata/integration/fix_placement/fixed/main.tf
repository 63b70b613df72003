provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "regions" {
  type    = map(string)
  default = { graph = "eu-west-1" }
}

# The new group must be created where the cluster is.
resource "aws_neptune_cluster" "west" {
  provider       = aws.west
  engine_version = "1.3.2.1"

  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.west_audit.name
}

resource "aws_neptune_cluster" "regional" {
  region                               = "eu-central-1"
  engine_version                       = "1.4.1.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.regional_audit.name
}

# One group cannot follow each.value into every region: no fix.
resource "aws_neptune_cluster" "per_region" {
  for_each                       = var.regions
  region                         = each.value
  engine_version                 = "1.4.1.0"
  enable_cloudwatch_logs_exports = ["audit"]
}

# New arguments go above lifecycle and timeouts.
resource "aws_neptune_cluster" "nested" {
  count                                = 2
  provider                             = aws.west
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.nested_audit.name
  enable_cloudwatch_logs_exports       = ["audit"]

  lifecycle {
    ignore_changes = [engine_version]
  }

  timeouts {
    create = "3h"
  }
}

resource "aws_neptune_cluster_parameter_group" "west_audit" {
  provider = aws.west
  family   = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "regional_audit" {
  region = "eu-central-1"
  family = "neptune1.4"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "nested_audit" {
  provider = aws.west
  family   = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
