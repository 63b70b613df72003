variable "secret_exports" {
  type      = list(string)
  default   = ["slowquery"]
  sensitive = true
}

variable "secret_lab_mode" {
  type      = string
  default   = "AuditLog"
  sensitive = true
}

locals {
  loop_a = local.loop_b
  loop_b = local.loop_a
  huge   = join(",", [for i in range(600) : "Feature${i}=enabled"])
}

resource "aws_neptune_cluster" "number" {
  enable_cloudwatch_logs_exports = 42
}

resource "aws_neptune_cluster" "object" {
  enable_cloudwatch_logs_exports = {}
}

resource "aws_neptune_cluster" "nested" {
  enable_cloudwatch_logs_exports = [[1]]
}

resource "aws_neptune_cluster" "string" {
  enable_cloudwatch_logs_exports = "audit"
}

resource "aws_neptune_cluster" "sensitive" {
  enable_cloudwatch_logs_exports = var.secret_exports
}

resource "aws_neptune_cluster" "group_is_a_list" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = ["default.neptune1.3"]
}

resource "aws_neptune_cluster" "group_loop" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = local.loop_a
}

resource "aws_neptune_cluster_parameter_group" "odd" {
  family = 13

  parameter {}

  parameter {
    name = "neptune_enable_audit_log"
  }

  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex＝enabled"
  }

  parameter {
    name  = "neptune_lab_mode"
    value = local.huge
  }

  parameter {
    name  = "neptune_lab_mode"
    value = var.secret_lab_mode
  }

  parameter {
    name  = ["neptune_enable_audit_log"]
    value = { a = 1 }
  }

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
