# A reusable module linted on its own: count and for_each are unknown, so
# tflint makes no instances, yet what the blocks write out is checked.

variable "names" {
  type = set(string)
}

resource "aws_neptune_cluster" "per_name" {
  for_each                       = var.names
  cluster_identifier             = each.key
  storage_encrypted              = true
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_cloudwatch_log_group" "audit" {
  for_each = var.names
  name     = "/aws/neptune/${each.key}/audit"
}

resource "aws_cloudwatch_log_group" "members" {
  count = length(aws_neptune_cluster.per_name)
  name  = "/aws/neptune/graph/audit"
}

# A known count of zero makes no instance: nothing to report.
resource "aws_neptune_cluster" "disabled" {
  count                          = 0
  storage_encrypted              = true
  enable_cloudwatch_logs_exports = ["error"]
}
