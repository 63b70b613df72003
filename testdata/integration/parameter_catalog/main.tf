resource "aws_neptune_cluster_parameter_group" "guide" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_dfe_query_timeout"
    value = "60000"
  }

  parameter {
    name  = "neptune_enforce_ssl"
    value = "1"
  }

  parameter {
    name  = "neptune_streams"
    value = "true"
  }

  parameter {
    name  = "neptune_query_timeout"
    value = "5"
  }

  parameter {
    name  = "neptune_enable_slow_query_log"
    value = "verbose"
  }

  parameter {
    name  = "neptune_streams_expiry_days"
    value = "91"
  }

  parameter {
    name         = "neptune_lookup_cache"
    value        = "1"
    apply_method = "immediate"
  }

  parameter {
    name         = "neptune_slow_query_log_threshold"
    value        = "5000"
    apply_method = "immediate"
  }

  parameter {
    name  = "neptune_dfe_query_engine"
    value = "enabled"
  }
}

resource "aws_neptune_parameter_group" "instances" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }

  parameter {
    name  = "neptune_query_timeout"
    value = "120000"
  }

  parameter {
    name  = "neptune_result_cache"
    value = "false"
  }

  parameter {
    name  = "totally_unknown_setting"
    value = "1"
  }

  parameter {
    name  = "neptune_query_timout"
    value = "60000"
  }
}
