package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// FuzzRules feeds arbitrary Terraform files through every rule, fixes
// included, and fails on any panic.
func FuzzRules(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/integration/*/main.tf")
	for _, path := range seeds {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(string(src))
		}
	}
	f.Add(`resource "aws_neptune_cluster" "x" { enable_cloudwatch_logs_exports = [null, 1, {}] }`)
	f.Add(`resource "aws_neptune_cluster_parameter_group" "g" { parameter { name = "neptune_lab_mode" value = ",,=,==,AuditLog" } }`)
	f.Fuzz(func(t *testing.T, src string) {
		if _, diags := hclparse.NewParser().ParseHCL([]byte(src), "main.tf"); diags.HasErrors() {
			t.Skip()
		}
		for _, rule := range All() {
			runner, ok := mockRunner(t, src)
			if !ok {
				t.Skip()
			}
			_ = rule.Check(newRunner(runner, true))
		}
	})
}

// mockRunner builds the SDK's mock host, which itself panics on some
// configurations that Terraform rejects (a variable with two labels, say).
func mockRunner(t *testing.T, src string) (runner *helper.Runner, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return helper.TestRunner(t, map[string]string{"main.tf": src}), true
}
