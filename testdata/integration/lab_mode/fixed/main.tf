variable "lab_mode" {
  type    = string
  default = "Streams=enabled"
}

resource "aws_neptune_cluster_parameter_group" "only_audit_log" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "audit_log_and_feature" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex=enabled"
  }

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "audit_log_with_parameter" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "empty_entries" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_lab_mode"
    value = "ReadWriteConflictDetection=enabled"
  }
}

resource "aws_neptune_cluster_parameter_group" "not_fixable" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex, =enabled, Streams=enabled, DFEQueryEngine=viaQueryHint, NeptuneML=enabled, Objectindex=enabled, DictionaryGCConcurrency=32, ObjectIndex=disabled"
  }
}

resource "aws_neptune_cluster_parameter_group" "too_new" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_lab_mode"
    value = "AccurateQRCMemoryEstimation=enabled, DictionaryGCMode=soft_delete"
  }
}

resource "aws_neptune_cluster_parameter_group" "valid" {
  family = "neptune1.4"

  parameter {
    name  = "neptune_lab_mode"
    value = "AccurateQRCMemoryEstimation=enabled, DictionaryGCMode=soft_delete, DictionaryGCConcurrency=16, StrictTimeoutValidation=disabled"
  }
}

resource "aws_neptune_cluster_parameter_group" "from_variable" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_lab_mode"
    value = var.lab_mode
  }
}
