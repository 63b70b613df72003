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
