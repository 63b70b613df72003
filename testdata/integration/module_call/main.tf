module "graph" {
  source               = "./modules/neptune"
  exports              = ["slowquery"]
  parameter_group_name = "default.neptune1.3"
}

module "graph_good" {
  source               = "./modules/neptune"
  exports              = ["audit"]
  parameter_group_name = "external-audit-group"
}
