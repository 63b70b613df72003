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

func (panickingRule) Name() string              { return "test_panics" }
func (panickingRule) Enabled() bool             { return true }
func (panickingRule) Severity() tflint.Severity { return tflint.ERROR }
func (panickingRule) Link() string              { return "" }
func (panickingRule) Check(tflint.Runner) error { panic("boom") }

func TestGuardTurnsAPanicIntoAnError(t *testing.T) {
	rules := guardAll([]tflint.Rule{&panickingRule{}})
	err := rules[0].Check(helper.TestRunner(t, nil))
	if err == nil || !strings.Contains(err.Error(), "test_panics") || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want an error naming the rule and the panic", err)
	}
}

func TestRuleSetGuardsEveryEnabledRule(t *testing.T) {
	rs := NewRuleSet()
	// Rules disabled by default are turned on, so that every rule is checked.
	config := map[string]*tflint.RuleConfig{}
	for _, r := range All() {
		if !r.Enabled() {
			config[r.Name()] = &tflint.RuleConfig{Name: r.Name(), Enabled: true}
		}
	}
	if err := rs.ApplyGlobalConfig(&tflint.Config{Rules: config}); err != nil {
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

type panickingOnResourceRule struct {
	tflint.DefaultRule
}

func (panickingOnResourceRule) Name() string              { return "test_panics_on_resource" }
func (panickingOnResourceRule) Enabled() bool             { return true }
func (panickingOnResourceRule) Severity() tflint.Severity { return tflint.ERROR }
func (panickingOnResourceRule) Link() string              { return "" }
func (panickingOnResourceRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	m.Visit(m.Clusters[0])
	var nothing map[string]int
	nothing["x"] = 1 // a nil-map write, the kind of slip that panics
	return nil
}

func TestGuardReportsACrashOnTheResource(t *testing.T) {
	host := helper.TestRunner(t, map[string]string{"main.tf": "resource \"aws_neptune_cluster\" \"x\" {}\n"})
	runner := newRunner(host, false)
	if _, err := runner.Model(); err != nil {
		t.Fatal(err)
	}
	rule := guardAll([]tflint.Rule{&panickingOnResourceRule{}})[0]
	if err := rule.Check(runner); err != nil {
		t.Fatalf("want the crash reported as a finding, got the error %v", err)
	}
	if len(host.Issues) != 1 {
		t.Fatalf("want one finding, got %d", len(host.Issues))
	}
	issue := host.Issues[0]
	if issue.Range.Filename != "main.tf" || issue.Range.Start.Line != 1 ||
		!strings.Contains(issue.Message, "test_panics_on_resource crashed while checking aws_neptune_cluster.x") ||
		!strings.Contains(issue.Message, "nil map") {
		t.Errorf("finding = %q at %s", issue.Message, issue.Range)
	}
}
