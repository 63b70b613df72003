resource "aws_kms_key" "graph" {
  description = "Neptune graph"
}

resource "aws_neptune_cluster" "managed_key" {
  cluster_identifier = "managed-key"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "own_key" {
  cluster_identifier = "own-key"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.graph.arn
}

variable "key" {
  type    = string
  default = ""
}

resource "aws_neptune_cluster" "per_env" {
  for_each           = toset(["dev", "prod"])
  cluster_identifier = "graph-${each.key}"
  storage_encrypted  = true
  kms_key_arn        = var.key
}

# Keeps the key of its snapshot.
resource "aws_neptune_cluster" "restored" {
  cluster_identifier  = "restored"
  snapshot_identifier = "graph-final"
}
