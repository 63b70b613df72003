plugin "neptune" {
  enabled = true
}
