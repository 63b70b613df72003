variable "group_families" {
  type = map(string)
  default = {
    old = "neptune1.2"
    new = "neptune1.3"
  }
}

resource "aws_neptune_cluster_parameter_group" "shared_content" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = toset(["neptune_enable_audit_log", "neptune_streams"])
    content {
      name  = parameter.value
      value = "0"
    }
  }
}

resource "aws_neptune_cluster_parameter_group" "dynamic_lab_mode" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = toset(["neptune_lab_mode"])
    content {
      name  = parameter.value
      value = "AuditLog"
    }
  }
}

resource "aws_neptune_cluster_parameter_group" "dynamic_unknown_names" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = toset(["neptune_dfe_query_timeout", "neptune_bogus_thing"])
    content {
      name  = parameter.value
      value = "1"
    }
  }
}

resource "aws_neptune_cluster_parameter_group" "per_key" {
  for_each = var.group_families
  family   = each.value
}

resource "aws_neptune_cluster" "keyed" {
  for_each                             = var.group_families
  engine_version                       = each.key == "old" ? "1.2.0.0" : "1.3.0.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.per_key[each.key].name
}

resource "aws_neptune_cluster_parameter_group" "heredoc_lab_mode" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_lab_mode"
    value = <<-EOT
      ObjectIndex=enabled,
      AuditLog
    EOT
  }
}

resource "aws_neptune_cluster" "multi_line_list" {
  enable_cloudwatch_logs_exports = [
    "audit",
    "error",
  ]
}

# tflint-ignore: neptune_cluster_deletion_protection
resource "aws_neptune_cluster" "ignored_below" {
  enable_cloudwatch_logs_exports = ["audit"]
}
