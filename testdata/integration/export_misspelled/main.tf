resource "aws_neptune_cluster" "audit_listed" {
  cluster_identifier              = "audit-listed"
  enabled_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "slowquery_listed" {
  enabled_cloudwatch_logs_exports = ["slowquery"]
}

resource "aws_neptune_cluster" "both_spellings" {
  enable_cloudwatch_logs_exports  = ["audit"]
  enabled_cloudwatch_logs_exports = ["audit"]
}
