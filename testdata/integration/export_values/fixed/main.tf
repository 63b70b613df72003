variable "no_default" {
  type = list(string)
}

variable "slowquery_only" {
  type    = list(string)
  default = ["slowquery"]
}

variable "from_tfvars" {
  type = list(string)
}

locals {
  exports = ["slowquery"]
}

resource "aws_neptune_cluster" "absent" {
  cluster_identifier                   = "absent"
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.absent_audit.name
  enable_cloudwatch_logs_exports       = ["audit"]
}

resource "aws_neptune_cluster" "one_line" {
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "null_literal" {
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "empty" {
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "slowquery" {
  enable_cloudwatch_logs_exports = ["slowquery", "audit"]
}

resource "aws_neptune_cluster" "upper_case" {
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}

resource "aws_neptune_cluster" "good" {
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}

resource "aws_neptune_cluster" "toset" {
  enable_cloudwatch_logs_exports = toset(["slowquery"])
}

resource "aws_neptune_cluster" "variable_default" {
  enable_cloudwatch_logs_exports = var.slowquery_only
}

resource "aws_neptune_cluster" "variable_tfvars" {
  enable_cloudwatch_logs_exports = var.from_tfvars
}

resource "aws_neptune_cluster" "variable_unknown" {
  enable_cloudwatch_logs_exports = var.no_default
}

resource "aws_neptune_cluster" "local_value" {
  enable_cloudwatch_logs_exports = local.exports
}

resource "aws_neptune_cluster" "resource_reference" {
  enable_cloudwatch_logs_exports = aws_neptune_cluster.good.enable_cloudwatch_logs_exports
}

resource "aws_neptune_cluster" "conditional" {
  enable_cloudwatch_logs_exports = length(var.slowquery_only) > 0 ? ["audit"] : []
}

resource "aws_neptune_cluster" "heredoc_entry" {
  enable_cloudwatch_logs_exports = [<<EOT
slowquery
EOT
  ]
}

resource "aws_neptune_cluster" "ends_in_heredoc" {
  enable_cloudwatch_logs_exports = ["slowquery", true ? "slowquery" : <<EOT
slowquery
EOT
  ]
}

variable "null_exports" {
  type    = list(string)
  default = null
}

resource "aws_neptune_cluster" "variable_null" {
  enable_cloudwatch_logs_exports = var.null_exports
}

resource "aws_neptune_cluster_parameter_group" "absent_audit" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
