variable "clusters" {
  type = map(list(string))
  default = {
    a = ["audit"]
    b = ["slowquery"]
  }
}

resource "aws_neptune_cluster" "counted" {
  count                          = 3
  cluster_identifier             = "counted-${count.index}"
  enable_cloudwatch_logs_exports = ["audit"]
}

resource "aws_neptune_cluster" "none" {
  count = 0
}

resource "aws_neptune_cluster" "per_key" {
  for_each                       = var.clusters
  cluster_identifier             = each.key
  enable_cloudwatch_logs_exports = each.value
}

resource "aws_neptune_cluster" "literal_in_for_each" {
  for_each                       = toset(["x", "y"])
  cluster_identifier             = each.key
  enable_cloudwatch_logs_exports = ["slowquery", "audit"]
}
