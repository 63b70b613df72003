module "db" {
  source  = "./mod"
  encrypt = false
  protect = false
  name    = "mydb"
}
