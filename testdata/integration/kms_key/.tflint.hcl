config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

# Disabled by default: a policy, turned on here.
rule "neptune_cluster_kms_key" {
  enabled = true
}
