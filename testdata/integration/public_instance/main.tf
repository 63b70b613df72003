# Public endpoints need engine 1.4.6.0 and IAM authentication: this one has both.
resource "aws_neptune_cluster" "public" {
  cluster_identifier                   = "public"
  engine_version                       = "1.4.6.1"
  iam_database_authentication_enabled  = true
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.audit.name
}

resource "aws_neptune_cluster_instance" "public" {
  identifier          = "public"
  cluster_identifier  = aws_neptune_cluster.public.id
  instance_class      = "db.r6g.large"
  publicly_accessible = true
}

# Neither: AWS refuses the public endpoint twice over.
resource "aws_neptune_cluster" "old" {
  count                                = 2
  cluster_identifier                   = "old-${count.index}"
  engine_version                       = ["1.3.2.1", "1.4.6.0"][count.index]
  enable_cloudwatch_logs_exports       = ["audit"]
  neptune_cluster_parameter_group_name = "shared-audit-group"
}

resource "aws_neptune_cluster_instance" "old" {
  count               = 2
  cluster_identifier  = aws_neptune_cluster.old[count.index].id
  instance_class      = "db.r6g.large"
  publicly_accessible = "true"
}

variable "public" {
  type    = bool
  default = false
}

resource "aws_neptune_cluster_instance" "private" {
  cluster_identifier  = aws_neptune_cluster.public.id
  instance_class      = "db.r6g.large"
  publicly_accessible = var.public
}

resource "aws_neptune_cluster_parameter_group" "audit" {
  family = "neptune1.4"

  parameter {
    name  = "neptune_enable_audit_log"
    value = "1"
  }
}
