resource "aws_neptune_cluster" "audit_listed" {
  cluster_identifier             = "audit-listed"
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "slowquery_listed" {
  enable_cloudwatch_logs_exports = ["slowquery", "audit"]
}

resource "aws_neptune_cluster" "both_spellings" {
  enable_cloudwatch_logs_exports  = ["audit"]
  enabled_cloudwatch_logs_exports = ["audit"]
}
