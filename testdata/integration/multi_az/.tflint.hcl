config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

rule "neptune_cluster_multi_az" {
  enabled = true
}
