package rules

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
)

// FuzzRules feeds arbitrary Terraform files through every rule, fixes
// included, and fails on any panic.
func FuzzRules(f *testing.F) {
	seeds, _ := filepath.Glob("../testdata/integration/*/main.tf")
	modules, _ := filepath.Glob("../testdata/integration/*/mod*/main.tf")
	seeds = append(seeds, modules...)
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
		done := make(chan struct{})
		go func() {
			defer close(done)
			host, ok := mockRunner(t, src)
			if !ok {
				return
			}
			// One runner for every rule, as tflint gives one per module;
			// then as a called module, whose issues are traced to callers.
			runner := newRunner(host, true)
			for _, rule := range All() {
				_ = rule.Check(runner)
			}
			called := newRunner(calledRunner{Runner: host, path: addrs.Module{"m"}}, false)
			called.sent = newSentIssues()
			for _, rule := range All() {
				_ = rule.Check(called)
			}
		}()
		select {
		case <-done:
		case <-time.After(hangLimit):
			stacks := make([]byte, 1<<20)
			n := runtime.Stack(stacks, true)
			t.Fatalf("the rules took over %s on this input:\n%s", hangLimit, stacks[:n])
		}
	})
}

// hangLimit is far above what any input takes (milliseconds): a rule that
// needs it is stuck, and a stuck rule hangs the user's tflint.
const hangLimit = 10 * time.Second

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
