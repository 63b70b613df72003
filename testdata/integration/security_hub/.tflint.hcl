plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

rule "neptune_cluster_backup_retention" {
  enabled  = true
  min_days = 14
}

rule "neptune_cluster_audit_log_parameter" {
  enabled = false
}

rule "neptune_cluster_audit_log_export" {
  enabled = false
}
