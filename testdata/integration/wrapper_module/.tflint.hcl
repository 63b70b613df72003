config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

rule "neptune_cluster_storage_encrypted" {
  enabled = false
}

rule "neptune_cluster_backup_retention" {
  enabled = false
}

rule "neptune_cluster_iam_authentication" {
  enabled = false
}

rule "neptune_cluster_copy_tags_to_snapshot" {
  enabled = false
}
