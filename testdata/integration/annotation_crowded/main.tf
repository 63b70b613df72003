# Each fix below adds a line to a block, and takes a blank line below it so
# that the annotation further down stays on its line. Only as many fixes as
# there are blank lines can be applied, and only those are marked fixable.

resource "aws_neptune_cluster" "crowded" {
  storage_encrypted = true
}

# tflint-ignore: neptune_cluster_audit_log_export
resource "aws_neptune_cluster" "ignored" {
  storage_encrypted                   = true
  deletion_protection                 = true
  backup_retention_period             = 7
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_neptune_cluster" "roomier" {
  storage_encrypted              = true
  enable_cloudwatch_logs_exports = ["audit"]
}


# tflint-ignore: neptune_cluster_deletion_protection
resource "aws_neptune_cluster" "ignored_too" {
  storage_encrypted                   = true
  enable_cloudwatch_logs_exports      = ["audit"]
  backup_retention_period             = 7
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}
