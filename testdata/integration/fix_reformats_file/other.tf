resource "aws_s3_bucket" "other" {
  bucket = "y"
      tags = {  a = "b" }
}
