# tflint-ignore: neptune_cluster_audit_log_export, neptune_cluster_audit_log_parameter
resource "aws_neptune_cluster" "ignored" {
  engine_version = "1.3.2.1"
}

resource "aws_neptune_cluster" "reported" {
  engine_version                       = "1.3.2.1"
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.main.name
}

resource "aws_neptune_cluster_parameter_group" "main" {
  family = "neptune1.3"

  parameter {
    name = "neptune_enable_audit_log"
    # tflint-ignore: neptune_cluster_audit_log_parameter
    value = "0"
  }

  parameter {
    name  = "neptune_lab_mode"
    value = "ObjectIndex=enabled, AuditLog" # tflint-ignore: neptune_lab_mode_invalid
  }
}
