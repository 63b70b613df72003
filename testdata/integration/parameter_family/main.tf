resource "aws_neptune_cluster_parameter_group" "old" {
  family = "neptune1.2"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "shared_by_two_versions" {
  family = "neptune1.3"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_cluster_parameter_group" "right" {
  family = "neptune1"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}

resource "aws_neptune_parameter_group" "instances" {
  family = "neptune1.3"
}

resource "aws_neptune_cluster" "upgraded" {
  cluster_identifier                   = "upgraded"
  engine_version                       = "1.3.2.1"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.old.name
}

resource "aws_neptune_cluster" "new" {
  engine_version                       = "1.4.1.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared_by_two_versions.name
}

resource "aws_neptune_cluster" "current" {
  engine_version                       = "1.3.0.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.shared_by_two_versions.name
}

resource "aws_neptune_cluster" "legacy" {
  engine_version                       = "1.1.1.0"
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.right.id
}

resource "aws_neptune_cluster_instance" "writer" {
  cluster_identifier           = aws_neptune_cluster.legacy.id
  instance_class               = "db.r6g.large"
  neptune_parameter_group_name = aws_neptune_parameter_group.instances.name
}

resource "aws_neptune_cluster_instance" "by_identifier" {
  cluster_identifier           = "upgraded"
  instance_class               = "db.r6g.large"
  neptune_parameter_group_name = aws_neptune_parameter_group.instances.name
}
