package rules

import (
	"fmt"
	"sync"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

const wrapperVariables = `
variable "protect" {}
variable "settings" {}
variable "clusters" {}
variable "cluster_parameters" {}
variable "a" {}
variable "b" {}
`

// TestBlameFollowsWrapperModules checks where an issue in a called module
// is placed, as "line:column" of the range tflint then reads for var.X.
func TestBlameFollowsWrapperModules(t *testing.T) {
	for _, tc := range []struct {
		name, src, attribute, want string
	}{
		{"a variable itself", `
resource "aws_neptune_cluster" "x" {
  deletion_protection = var.protect
}`, "deletion_protection", "3:25"},
		{"part of an object local", `
locals {
  cfg = { name = var.a, protect = var.protect }
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.cfg.protect
}`, "deletion_protection", "3:35"},
		{"a string index into an object local", `
locals {
  cfg = { "protect" = var.protect, name = var.a }
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.cfg["protect"]
}`, "deletion_protection", "3:23"},
		{"nested objects", `
locals {
  cfg = { db = { protect = var.protect }, name = var.a }
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.cfg.db.protect
}`, "deletion_protection", "3:28"},
		{"part of a local that is a variable", `
locals {
  settings = var.settings
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.settings.protect
}`, "deletion_protection", "3:14"},
		{"part of a local through another local", `
locals {
  base = { protect = var.protect, name = var.a }
  cfg  = local.base
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.cfg.protect
}`, "deletion_protection", "3:22"},
		{"each.value of a for_each over a variable", `
resource "aws_neptune_cluster" "x" {
  for_each            = var.clusters
  deletion_protection = each.value.protect
}`, "deletion_protection", "3:25"},
		{"each.value of a for_each over a local", `
locals {
  clusters = { for k, v in var.clusters : k => v }
}
resource "aws_neptune_cluster" "x" {
  for_each            = local.clusters
  deletion_protection = each.value.protect
}`, "deletion_protection", "3:14"},
		{"part of a computed local is not blamed", `
locals {
  cfg = merge(var.a, var.b)
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.cfg.protect
}`, "deletion_protection", ""},
		{"a literal is not blamed", `
resource "aws_neptune_cluster" "x" {
  deletion_protection = false
}`, "deletion_protection", ""},
		{"a local cycle ends", `
locals {
  a = local.b.x
  b = local.a.y
}
resource "aws_neptune_cluster" "x" {
  deletion_protection = local.a.z
}`, "deletion_protection", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testModel(t, tc.src)
			attr := m.Clusters[0].Attr(tc.attribute)
			got, ok := m.blameRange(attr.Expr.Range())
			if tc.want == "" {
				if ok {
					t.Errorf("blamed %s, want nothing", got)
				}
				return
			}
			if !ok {
				t.Fatalf("blamed nothing, want %s", tc.want)
			}
			if at := fmt.Sprintf("%d:%d", got.Start.Line, got.Start.Column); at != tc.want {
				t.Errorf("blamed %s, want %s", at, tc.want)
			}
		})
	}
}

func TestBlameOfAGroupIsItsDynamicParameters(t *testing.T) {
	m := testModel(t, `
resource "aws_neptune_cluster_parameter_group" "x" {
  family = "neptune1.3"
  dynamic "parameter" {
    for_each = var.cluster_parameters
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}`)
	g := m.ClusterParameterGroups[0]
	got, ok := m.blameRange(g.Block.DefRange)
	if !ok || got.Start.Line != 5 || got.Start.Column != 16 {
		t.Errorf("group blamed %s (%v), want its dynamic for_each at 5:16", got, ok)
	}
	if !m.mayNeedTracing(g.Block.DefRange) {
		t.Errorf("a group with dynamic parameters may need tracing")
	}
}

func testModel(t *testing.T, src string) *Model {
	t.Helper()
	runner := helper.TestRunner(t, map[string]string{"variables.tf": wrapperVariables, "main.tf": src})
	m, err := loadModel(runner)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// calledRunner is a host runner for a module called as path.
type calledRunner struct {
	*helper.Runner
	path addrs.Module
}

func (r calledRunner) GetModulePath() (addrs.Module, error) { return r.path, nil }

// TestOneIssuePerModuleCall checks that the instances of a module call
// with count or for_each report an issue once, and that two calls of the
// same module each report it.
func TestOneIssuePerModuleCall(t *testing.T) {
	src := map[string]string{"main.tf": `
resource "aws_neptune_cluster" "x" {
  deletion_protection = false
}`}
	sent := newSentIssues()
	check := func(path addrs.Module) int {
		host := calledRunner{Runner: helper.TestRunner(t, src), path: path}
		runner := newRunner(host, false)
		runner.sent = sent
		if err := NewNeptuneClusterDeletionProtectionRule().Check(runner); err != nil {
			t.Fatal(err)
		}
		return len(host.Issues)
	}
	var wg sync.WaitGroup
	counts := make([]int, 4)
	for i := range counts {
		wg.Add(1)
		go func() { defer wg.Done(); counts[i] = check(addrs.Module{"graph"}) }()
	}
	wg.Wait()
	if total := counts[0] + counts[1] + counts[2] + counts[3]; total != 1 {
		t.Errorf("four instances of one call sent %d issues, want 1", total)
	}
	if n := check(addrs.Module{"other"}); n != 1 {
		t.Errorf("another call of the module sent %d issues, want 1", n)
	}
	if n := check(nil); n != 1 {
		t.Errorf("the root module sent %d issues, want 1", n)
	}
	if n := check(nil); n != 1 {
		t.Errorf("the root module is never deduplicated: sent %d issues, want 1", n)
	}
}

var _ tflint.Runner = calledRunner{}

// TestEachInspectionReportsCalledModulesAgain: tflint --langserver keeps the
// plugin between inspections, and each starts with ApplyGlobalConfig.
func TestEachInspectionReportsCalledModulesAgain(t *testing.T) {
	src := map[string]string{"main.tf": `
resource "aws_neptune_cluster" "x" {
  deletion_protection = false
}`}
	ruleset := NewRuleSet()
	for inspection := 1; inspection <= 2; inspection++ {
		if err := ruleset.ApplyGlobalConfig(&tflint.Config{}); err != nil {
			t.Fatal(err)
		}
		host := calledRunner{Runner: helper.TestRunner(t, src), path: addrs.Module{"graph"}}
		runner, err := ruleset.NewRunner(host)
		if err != nil {
			t.Fatal(err)
		}
		if err := NewNeptuneClusterDeletionProtectionRule().Check(runner); err != nil {
			t.Fatal(err)
		}
		if len(host.Issues) != 1 {
			t.Errorf("inspection %d sent %d issues, want 1", inspection, len(host.Issues))
		}
	}
}
