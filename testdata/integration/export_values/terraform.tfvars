from_tfvars = []
