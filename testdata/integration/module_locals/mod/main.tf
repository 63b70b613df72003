variable "encrypt" {
  type = bool
}

variable "protect" {
  type = bool
}

variable "name" {
  type = string
}

locals {
  encrypted = var.encrypt
  settings  = { protect = var.protect, name = var.name }
}

# Reported on the caller's encrypt argument, through the local.
resource "aws_neptune_global_cluster" "this" {
  global_cluster_identifier = var.name
  storage_encrypted         = local.encrypted
}

# Reported on the caller's protect argument through the part of the object
# it reads, and not on name as well.
resource "aws_neptune_cluster" "this" {
  cluster_identifier  = var.name
  storage_encrypted   = true
  deletion_protection = local.settings.protect
}
