module github.com/neptune-lint/tflint-ruleset-neptune

go 1.26.8

require github.com/terraform-linters/tflint-plugin-sdk v0.25.0 // indirect
