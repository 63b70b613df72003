# A wrapper module called twice: each finding is reported once, on the
# argument that causes it.
module "graph" {
  source = "./mod"
  count  = 2

  protect = false
  settings = {
    exports = ["slowquery"]
  }
  clusters = {
    analytics = { protect = false, exports = ["slowquery"] }
    search    = { protect = true, exports = ["audit"] }
  }
  cluster_parameters = {
    timeout = { name = "neptune_query_timeout", value = "5000" }
  }
  audit_parameters = {
    neptune_enable_audit_log = "0"
  }
  defaults  = { protect = false }
  overrides = {}
}
