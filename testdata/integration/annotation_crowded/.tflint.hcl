config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}
