# One instance here, readers added by a module: left alone.
resource "aws_neptune_cluster" "with_module_readers" {
  cluster_identifier = "with-module-readers"
}

resource "aws_neptune_cluster_instance" "with_module_readers" {
  cluster_identifier = aws_neptune_cluster.with_module_readers.id
  instance_class     = "db.r6g.large"
}

module "readers" {
  source     = "./modules/readers"
  cluster_id = aws_neptune_cluster.with_module_readers.id
}
