# tflint-plugin-sdk formats every file a fix touches with hclwrite.Format, as
# `terraform fmt` would: the bucket below is realigned although no fix is
# about it. A file that no fix touches (other.tf) is left as it is.

resource "aws_s3_bucket" "untouched" {
  bucket = "x"
      tags = {  a = "b" }
}

resource "aws_neptune_cluster" "x" {
  engine_version = "1.3.2.1"
  storage_encrypted = true
  neptune_cluster_parameter_group_name = "g"
}
