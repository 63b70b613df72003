variable "encrypted" {
  type    = bool
  default = false
}

variable "retention" {
  type = number
}

resource "aws_neptune_cluster" "defaults" {
  cluster_identifier                  = "defaults"
  deletion_protection                 = true
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_neptune_cluster" "unsafe" {
  cluster_identifier                  = "unsafe"
  storage_encrypted                   = false
  deletion_protection                 = true
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_neptune_cluster" "safe" {
  cluster_identifier                  = "safe"
  storage_encrypted                   = true
  kms_key_arn                         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  deletion_protection                 = true
  backup_retention_period             = 35
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_neptune_cluster" "from_variables" {
  cluster_identifier                  = "from-variables"
  storage_encrypted                   = var.encrypted
  deletion_protection                 = true
  backup_retention_period             = var.retention
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

resource "aws_neptune_cluster" "restored" {
  cluster_identifier                  = "restored"
  snapshot_identifier                 = "graph-final-snapshot"
  deletion_protection                 = "true"
  backup_retention_period             = "14"
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

variable "restore_from" {
  type    = string
  default = ""
}

# An empty snapshot_identifier is unset to the provider: this cluster is
# created new, so it must set storage_encrypted itself.
resource "aws_neptune_cluster" "restore_optional" {
  cluster_identifier                  = "restore-optional"
  snapshot_identifier                 = var.restore_from
  deletion_protection                 = true
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

# null is the same as leaving storage_encrypted out: the snapshot decides.
resource "aws_neptune_cluster" "restored_null" {
  cluster_identifier                  = "restored-null"
  snapshot_identifier                 = "graph-final-snapshot"
  storage_encrypted                   = null
  deletion_protection                 = true
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}

# A member takes its encryption from the global cluster, which is reported.
resource "aws_neptune_global_cluster" "graph" {
  global_cluster_identifier = "graph"
  engine                    = "neptune"
}

resource "aws_neptune_cluster" "member" {
  cluster_identifier                  = "member"
  global_cluster_identifier           = aws_neptune_global_cluster.graph.id
  deletion_protection                 = true
  backup_retention_period             = 14
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
}
