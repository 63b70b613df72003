package rules

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// countingRunner counts the host round trips the evaluator makes.
type countingRunner struct {
	tflint.Runner
	evaluations int
}

func (c *countingRunner) EvaluateExpr(expr hcl.Expression, target interface{}, opts *tflint.EvaluateExprOption) error {
	c.evaluations++
	return c.Runner.EvaluateExpr(expr, target, opts)
}

func TestEvaluatorAsksTheHostOncePerVariable(t *testing.T) {
	host := &countingRunner{Runner: helper.TestRunner(t, map[string]string{"main.tf": `
variable "exports" {
  default = ["slowquery"]
}
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = var.exports }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = var.exports }
resource "aws_neptune_cluster" "c" { enable_cloudwatch_logs_exports = concat(var.exports, ["audit"]) }
resource "aws_neptune_cluster" "d" { enable_cloudwatch_logs_exports = ["audit"] }
resource "aws_neptune_cluster" "e" { enable_cloudwatch_logs_exports = aws_neptune_cluster.d.enable_cloudwatch_logs_exports }
resource "aws_neptune_cluster" "f" { enable_cloudwatch_logs_exports = var.exports == null ? ["audit"] : var.exports }
`})}
	m, err := loadModel(host)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]cty.Value{}
	for _, c := range m.Clusters {
		got[c.Name] = m.Value(c.Attr(exportsAttribute))
	}
	slowquery := cty.TupleVal([]cty.Value{cty.StringVal("slowquery")})
	for name, want := range map[string]cty.Value{"a": slowquery, "b": slowquery, "f": slowquery} {
		if list, _ := stringsValue(got[name]); len(list) != 1 || list[0] != "slowquery" {
			t.Errorf("%s = %#v, want %#v", name, got[name], want)
		}
	}
	if got["e"].IsKnown() {
		t.Errorf("e = %#v, want unknown: tflint does not know resource attributes", got["e"])
	}
	// var.exports once, and concat(...) because functions need the host (the
	// SDK's mock host has no functions; the integration tests cover them).
	if host.evaluations != 2 {
		t.Errorf("host evaluations = %d, want 2", host.evaluations)
	}
}

func TestEvaluatorKeepsSensitiveValuesMarked(t *testing.T) {
	host := helper.TestRunner(t, map[string]string{"main.tf": `
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = ["slowquery"] }
`})
	m, err := loadModel(host)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := stringsValue(cty.TupleVal([]cty.Value{cty.StringVal("x").Mark("sensitive")})); ok {
		t.Error("a list holding a sensitive value must not be usable")
	}
	if _, ok := stringValue(cty.StringVal("1").Mark("sensitive")); ok {
		t.Error("a sensitive string must not be usable")
	}
	if _, ok := stringsValue(m.Value(m.Clusters[0].Attr(exportsAttribute))); !ok {
		t.Error("a literal list must be usable")
	}
}

// Under --fix the model is read again after each rule's fixes, but the
// values of variables and locals, which no fix edits, are not fetched again.
func TestModelReadAfterAFixKeepsTheFetchedVariables(t *testing.T) {
	host := &countingRunner{Runner: helper.TestRunner(t, map[string]string{"main.tf": `
variable "exports" {
  default = ["slowquery"]
}
resource "aws_neptune_cluster" "a" { enable_cloudwatch_logs_exports = var.exports }
resource "aws_neptune_cluster" "b" { enable_cloudwatch_logs_exports = ["slowquery"] }
`})}
	runner := newRunner(host, true)
	rule := guardAll([]tflint.Rule{NewNeptuneClusterAuditLogExportRule()})[0]
	for run := 1; run <= 2; run++ {
		if err := rule.Check(runner); err != nil {
			t.Fatal(err)
		}
		if host.evaluations != 1 {
			t.Fatalf("after run %d: host evaluations = %d, want 1 (var.exports, once)", run, host.evaluations)
		}
	}
	if runner.HostCalls() < 3 {
		t.Errorf("host calls = %d: the fix of b should have made the model be read twice", runner.HostCalls())
	}
}
