resource "aws_neptune_cluster_parameter_group" "missing" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "uses_missing" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.missing.name
}

# tflint-ignore: neptune_cluster_audit_log_export
resource "aws_neptune_cluster" "ignored" {
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.spaced.name
}

resource "aws_neptune_cluster_parameter_group" "spaced" {
  family = "neptune1.3"
}





resource "aws_neptune_cluster" "uses_spaced" {
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.spaced.name
  # tflint-ignore: neptune_cluster_audit_log_parameter
  engine_version = "1.3.2.1"
}
