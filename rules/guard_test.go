package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

type panickingRule struct {
	tflint.DefaultRule
}

func (panickingRule) Name() string              { return "neptune_test_panics" }
func (panickingRule) Enabled() bool             { return true }
func (panickingRule) Severity() tflint.Severity { return tflint.ERROR }
func (panickingRule) Link() string              { return "" }
func (panickingRule) Check(tflint.Runner) error { panic("boom") }

func TestGuardTurnsAPanicIntoAnError(t *testing.T) {
	rules := guardAll([]tflint.Rule{&panickingRule{}})
	err := rules[0].Check(helper.TestRunner(t, nil))
	if err == nil || !strings.Contains(err.Error(), "neptune_test_panics") || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want an error naming the rule and the panic", err)
	}
}

func TestRuleSetGuardsEveryEnabledRule(t *testing.T) {
	rs := NewRuleSet()
	if err := rs.ApplyGlobalConfig(&tflint.Config{Rules: map[string]*tflint.RuleConfig{}}); err != nil {
		t.Fatal(err)
	}
	if len(rs.EnabledRules) != len(All()) {
		t.Fatalf("enabled %d rules, want %d", len(rs.EnabledRules), len(All()))
	}
	for _, r := range rs.EnabledRules {
		if _, ok := r.(guardedRule); !ok {
			t.Errorf("%s is not guarded", r.Name())
		}
	}
}
