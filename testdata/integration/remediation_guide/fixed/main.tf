# A restatement of a widely copied "enable Amazon Neptune audit logging" guide.
# It looks complete and it passes the usual scanners, but no audit event ever
# reaches CloudWatch Logs. Each "# Mistake:" comment marks a step that does not
# do what the guide claims. Do not apply this file: it is input for
# `tflint` with the neptune ruleset. See docs/rules/ for the correct forms.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.65"
    }
  }
}

resource "aws_neptune_cluster_parameter_group" "audit" {
  name        = "neptune-audit"
  family      = "neptune1.3"
  description = "Neptune cluster parameters with audit logging"

  # Mistake: AuditLog is not a lab-mode feature and the entry has no "=value".
  # Neptune ignores it without an error. Audit logging is turned on by the
  # neptune_enable_audit_log parameter set to "1", which this group lacks.
  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster" "main" {
  cluster_identifier                   = "neptune-main"
  engine                               = "neptune"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name

  # Mistake: misspelled. aws_neptune_cluster takes enable_cloudwatch_logs_exports;
  # the "enabled_" spelling belongs to aws_rds_cluster and aws_docdb_cluster.
  # Terraform rejects it with "Unsupported argument".
  enable_cloudwatch_logs_exports = ["audit"]
}

# Mistake: no neptune_cluster_parameter_group_name, so this cluster uses the
# default group (default.neptune1.3), where neptune_enable_audit_log stays 0 and
# cannot be changed. The export satisfies scanners but ships no audit events.
resource "aws_neptune_cluster" "reporting" {
  cluster_identifier                   = "neptune-reporting"
  engine                               = "neptune"
  engine_version                       = "1.3.2.1"
  storage_encrypted                    = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.reporting_audit.name
}

# Mistake: wrong path (the RDS pattern). Neptune writes to
# /aws/neptune/<cluster identifier>/audit, without "cluster/", so this group
# stays empty and Neptune creates its own group that never expires.
resource "aws_cloudwatch_log_group" "neptune_audit" {
  name              = "/aws/neptune/${aws_neptune_cluster.main.cluster_identifier}/audit"
  retention_in_days = 90
}

# Mistake: not needed. Neptune exports logs through the service-linked role
# AWSServiceRoleForRDS, and aws_neptune_cluster has no argument that would use
# this role for logs. CloudWatchLogsFullAccess is also far broader than needed.
resource "aws_iam_role" "neptune_cloudwatch" {
  name = "neptune-cloudwatch-logs"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "neptune_cloudwatch" {
  role       = aws_iam_role.neptune_cloudwatch.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"
}

resource "aws_neptune_cluster_parameter_group" "reporting_audit" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
