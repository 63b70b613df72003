variable "audit_parameters" {
  type = list(object({ name = string, value = string }))
  default = [
    { name = "neptune_enable_audit_log", value = "0" },
  ]
}

variable "unknown_parameters" {
  type = list(object({ name = string, value = string }))
}

resource "aws_neptune_cluster" "main" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.off.name
}

resource "aws_neptune_cluster" "shared_a" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.missing.name
}

resource "aws_neptune_cluster" "shared_b" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.missing.name
}

resource "aws_neptune_cluster" "dynamic_known" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.dynamic_known.name
}

resource "aws_neptune_cluster" "dynamic_unknown" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.dynamic_unknown.name
}

resource "aws_neptune_cluster" "on_but_not_exported" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.on.name
}

resource "aws_neptune_cluster_parameter_group" "off" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "0"
  }
}

resource "aws_neptune_cluster_parameter_group" "missing" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }
}

resource "aws_neptune_cluster_parameter_group" "on" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = 1
  }
}

resource "aws_neptune_cluster_parameter_group" "text_true" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "true"
  }
}

resource "aws_neptune_cluster_parameter_group" "conflict" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_audit_log"
    value = "0"
  }
}

resource "aws_neptune_cluster_parameter_group" "unused_missing" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster_parameter_group" "dynamic_known" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = var.audit_parameters
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}

resource "aws_neptune_cluster_parameter_group" "dynamic_unknown" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = var.unknown_parameters
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}

variable "no_parameters" {
  type    = map(object({ name = string, value = string }))
  default = {}
}

# The dynamic block makes no parameter, and is known to make none.
resource "aws_neptune_cluster" "dynamic_empty" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.dynamic_empty.name
}

resource "aws_neptune_cluster_parameter_group" "dynamic_empty" {
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = var.no_parameters
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}

# Neptune compares values exactly: "1 " leaves the audit log off, for every rule.
resource "aws_neptune_cluster" "spaced" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.spaced.name
}

resource "aws_neptune_cluster_parameter_group" "spaced" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1 "
  }
}
