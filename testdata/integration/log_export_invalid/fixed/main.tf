variable "exports" {
  type    = list(string)
  default = ["audit", "error"]
}

resource "aws_neptune_cluster" "mixed" {
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}

resource "aws_neptune_cluster" "only_wrong" {
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "from_variable" {
  enable_cloudwatch_logs_exports = var.exports
}

resource "aws_neptune_cluster" "valid" {
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}

resource "aws_neptune_cluster" "near_miss" {
  enable_cloudwatch_logs_exports = ["audits", "error", "audit"]
}

resource "aws_neptune_cluster" "commented" {
  enable_cloudwatch_logs_exports = [
    "audit", # required by the security team
    "error",
    # "slowquery",
  ]
}
