variable "protect" {
  type = bool
}

variable "settings" {
  type = object({ exports = list(string) })
}

variable "clusters" {
  type = map(object({ protect = bool, exports = list(string) }))
}

variable "cluster_parameters" {
  type    = map(object({ name = string, value = string }))
  default = {}
}

variable "audit_parameters" {
  type = map(string)
}

variable "defaults" {
  type = object({ protect = bool })
}

variable "overrides" {
  type = map(bool)
}

locals {
  cfg      = { protect = var.protect, name = "wrapped" }
  settings = var.settings
  clusters = { for name, cluster in var.clusters : name => cluster }
  # Which of the two arguments sets protect cannot be told: not blamed.
  merged = merge(var.defaults, var.overrides)
}

resource "aws_neptune_cluster_parameter_group" "this" {
  name   = local.cfg.name
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = var.cluster_parameters
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}

# Reported on the caller's protect (through part of an object local) and
# settings (through part of a local that is a variable).
resource "aws_neptune_cluster" "single" {
  cluster_identifier                   = local.cfg.name
  engine_version                       = "1.3.2.0"
  deletion_protection                  = local.cfg.protect
  enable_cloudwatch_logs_exports       = local.settings.exports
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.this.name
}

# Reported on the caller's clusters, through each.value and a local.
resource "aws_neptune_cluster" "each" {
  for_each                             = local.clusters
  cluster_identifier                   = each.key
  engine_version                       = "1.3.2.0"
  deletion_protection                  = each.value.protect
  enable_cloudwatch_logs_exports       = each.value.exports
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.this.name
}

resource "aws_neptune_cluster" "merged" {
  cluster_identifier                   = "merged"
  engine_version                       = "1.3.2.0"
  deletion_protection                  = local.merged.protect
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.this.name
}

# A parameter a dynamic block makes is reported on the argument it iterates over.
resource "aws_neptune_cluster_parameter_group" "audit" {
  name   = "audit"
  family = "neptune1.3"

  dynamic "parameter" {
    for_each = var.audit_parameters
    iterator = p
    content {
      name  = p.key
      value = p.value
    }
  }
}

resource "aws_neptune_cluster" "audited" {
  cluster_identifier                   = "audited"
  engine_version                       = "1.3.2.0"
  deletion_protection                  = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name
}
