# Global databases start at engine 1.2.0.0: AWS refuses this one.
resource "aws_neptune_global_cluster" "old" {
  global_cluster_identifier = "old"
  engine                    = "neptune"
  engine_version            = "1.1.1.0"
  storage_encrypted         = true
}

resource "aws_neptune_global_cluster" "current" {
  global_cluster_identifier = "current"
  engine                    = "neptune"
  engine_version            = "1.3.2.1"
  storage_encrypted         = true
}

variable "member_versions" {
  type    = list(string)
  default = ["1.3.2.1", "1.1.0.0"]
}

# The second member's engine is too old to join.
resource "aws_neptune_cluster" "member" {
  count                                = 2
  cluster_identifier                   = "member-${count.index}"
  engine_version                       = var.member_versions[count.index]
  global_cluster_identifier            = aws_neptune_global_cluster.current.id
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = "shared-audit-group"
}
