variable "cluster_id" {
  type = string
}

resource "aws_neptune_cluster_instance" "reader" {
  count              = 2
  cluster_identifier = var.cluster_id
  instance_class     = "db.r6g.large"
}
