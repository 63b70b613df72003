# Exports the slow-query log, but the default group keeps it disabled.
resource "aws_neptune_cluster" "default_group" {
  cluster_identifier                   = "default-group"
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.default_group_audit.name
}

# Exports it, and its own group does not set the parameter: the fix adds it.
resource "aws_neptune_cluster" "missing" {
  cluster_identifier                   = "missing"
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.missing.name
}

resource "aws_neptune_cluster_parameter_group" "missing" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}

# Exports it, and the group leaves it at the default: the fix sets "info".
resource "aws_neptune_cluster" "disabled" {
  count                                = 2
  cluster_identifier                   = "disabled-${count.index}"
  engine_version                       = "1.4.1.0"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.disabled.name
}

resource "aws_neptune_cluster_parameter_group" "disabled" {
  family = "neptune1.4"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}

# The log is on, but not exported: the fix adds "slowquery" to the list.
resource "aws_neptune_cluster" "not_exported" {
  cluster_identifier                   = "not-exported"
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.on.name
}

resource "aws_neptune_cluster_parameter_group" "on" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "debug"
  }
}

# The engine predates slow-query logging.
resource "aws_neptune_cluster" "old_engine" {
  cluster_identifier                   = "old-engine"
  engine_version                       = "1.1.1.0"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.old.name
}

resource "aws_neptune_cluster_parameter_group" "old" {
  family = "neptune1"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}

variable "slow_level" {
  type = string
}

# Unknown until apply: silent.
resource "aws_neptune_cluster" "unknown" {
  cluster_identifier                   = "unknown"
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit", "slowquery"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.unknown.name
}

resource "aws_neptune_cluster_parameter_group" "unknown" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = var.slow_level
  }
}

resource "aws_neptune_cluster_parameter_group" "default_group_audit" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "info"
  }
}
