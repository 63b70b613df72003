package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeRuleset is a minimal rules/ruleset.go: All() and something after it
// that must stay untouched.
const fakeRuleset = `package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// All returns every rule.
func All() []tflint.Rule {
	return []tflint.Rule{
		NewNeptuneExistingRule(),
		// a comment after the last rule
	}
}

func other() []tflint.Rule {
	return []tflint.Rule{}
}
`

// newRepo lays out a temporary repository with rules/ruleset.go holding src.
func newRepo(t *testing.T, src string) string {
	t.Helper()
	root := t.TempDir()
	for _, dir := range []string{"rules", filepath.Join("docs", "rules")} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "rules", "ruleset.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func read(t *testing.T, root, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// registered lists the constructors called in the slice literal of All().
func registered(t *testing.T, src string) []string {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "ruleset.go", src, 0)
	if err != nil {
		t.Fatalf("ruleset.go does not parse after registration: %v\n%s", err, src)
	}
	lit := allLiteral(file)
	if lit == nil {
		t.Fatalf("ruleset.go lost its All() literal:\n%s", src)
	}
	var names []string
	for _, elt := range lit.Elts {
		call, ok := elt.(*ast.CallExpr)
		if !ok {
			t.Fatalf("unexpected element %T in All()", elt)
		}
		names = append(names, call.Fun.(*ast.Ident).Name)
	}
	return names
}

func TestGenerateWritesAndRegisters(t *testing.T) {
	root := newRepo(t, fakeRuleset)
	written, err := Generate(root, "neptune_cluster_iam_example")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		filepath.Join("rules", "neptune_cluster_iam_example.go"),
		filepath.Join("rules", "neptune_cluster_iam_example_test.go"),
		filepath.Join("docs", "rules", "neptune_cluster_iam_example.md"),
		filepath.Join("rules", "ruleset.go"),
	}
	if strings.Join(written, ",") != strings.Join(want, ",") {
		t.Errorf("written = %v, want %v", written, want)
	}

	rule := read(t, root, want[0])
	for _, s := range []string{
		"package rules",
		"type NeptuneClusterIAMExampleRule struct {\n\ttflint.DefaultRule\n}",
		"func NewNeptuneClusterIAMExampleRule() *NeptuneClusterIAMExampleRule {",
		`return "neptune_cluster_iam_example"`,
		"func (r *NeptuneClusterIAMExampleRule) Enabled() bool",
		"func (r *NeptuneClusterIAMExampleRule) Severity() tflint.Severity",
		"return project.ReferenceLink(r.Name())",
		"m, err := modelOf(runner)",
		"for _, c := range m.Clusters {\n\t\tm.Visit(c)",
	} {
		if !strings.Contains(rule, s) {
			t.Errorf("rule file lacks %q:\n%s", s, rule)
		}
	}
	if strings.Contains(rule, "TODO") {
		t.Errorf("rule file has a TODO:\n%s", rule)
	}

	test := read(t, root, want[1])
	for _, s := range []string{
		"func TestNeptuneClusterIAMExampleRule(t *testing.T) {",
		"runRuleCases(t, NewNeptuneClusterIAMExampleRule(), []ruleCase{",
		`resource "aws_neptune_cluster" "example"`,
	} {
		if !strings.Contains(test, s) {
			t.Errorf("test file lacks %q:\n%s", s, test)
		}
	}
	if strings.Contains(test, "issues:") {
		t.Errorf("the generated case must expect no issues:\n%s", test)
	}
	for _, rel := range want[:2] {
		if _, err := parser.ParseFile(token.NewFileSet(), rel, read(t, root, rel), 0); err != nil {
			t.Errorf("%s does not parse: %v", rel, err)
		}
	}

	doc := read(t, root, want[2])
	for _, s := range []string{"# neptune_cluster_iam_example\n", "| Severity | Enabled by default | Fixable |", "## Example", "## Why", "## How to fix", Placeholder} {
		if !strings.Contains(doc, s) {
			t.Errorf("doc page lacks %q:\n%s", s, doc)
		}
	}

	ruleset := read(t, root, want[3])
	got := registered(t, ruleset)
	if strings.Join(got, ",") != "NewNeptuneExistingRule,NewNeptuneClusterIAMExampleRule" {
		t.Errorf("All() lists %v, want the new rule appended", got)
	}
	if !strings.Contains(ruleset, "func other() []tflint.Rule {\n\treturn []tflint.Rule{}\n}") {
		t.Errorf("registration touched another function:\n%s", ruleset)
	}
	if !strings.Contains(ruleset, "// a comment after the last rule") {
		t.Errorf("registration lost a comment:\n%s", ruleset)
	}
}

func TestGenerateRefusesExistingRule(t *testing.T) {
	root := newRepo(t, fakeRuleset)
	if _, err := Generate(root, "neptune_cluster_example"); err != nil {
		t.Fatal(err)
	}
	before := read(t, root, filepath.Join("rules", "ruleset.go"))
	_, err := Generate(root, "neptune_cluster_example")
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second Generate: err = %v, want already exists", err)
	}
	if after := read(t, root, filepath.Join("rules", "ruleset.go")); after != before {
		t.Errorf("a refused Generate changed ruleset.go:\n%s", after)
	}
}

func TestGenerateRefusesRegisteredConstructor(t *testing.T) {
	// The constructor is listed, though its files are missing.
	root := newRepo(t, fakeRuleset)
	_, err := Generate(root, "neptune_existing")
	if err == nil || !strings.Contains(err.Error(), "already registered") {
		t.Fatalf("err = %v, want already registered", err)
	}
	assertNothingWritten(t, root, "neptune_existing")
}

func TestGenerateRefusesDeclaredConstructor(t *testing.T) {
	root := newRepo(t, fakeRuleset)
	other := "package rules\n\nfunc NewNeptuneElsewhereRule() *NeptuneElsewhereRule { return nil }\n"
	if err := os.WriteFile(filepath.Join(root, "rules", "elsewhere.go"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(root, "neptune_elsewhere")
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("err = %v, want already exists", err)
	}
	assertNothingWritten(t, root, "neptune_elsewhere")
}

func TestGenerateFailsWithoutAll(t *testing.T) {
	for name, src := range map[string]string{
		"no All":         "package rules\n\nfunc Some() []int { return []int{1} }\n",
		"All of a map":   "package rules\n\nfunc All() map[string]int { return map[string]int{} }\n",
		"does not parse": "package rules\n\nfunc All() []tflint.Rule { return []tflint.Rule{\n",
	} {
		t.Run(name, func(t *testing.T) {
			root := newRepo(t, src)
			_, err := Generate(root, "neptune_cluster_example")
			if err == nil {
				t.Fatal("Generate succeeded without an All() literal")
			}
			if !strings.Contains(err.Error(), "ruleset.go") {
				t.Errorf("error %q does not name ruleset.go", err)
			}
			assertNothingWritten(t, root, "neptune_cluster_example")
			if got := read(t, root, filepath.Join("rules", "ruleset.go")); got != src {
				t.Errorf("ruleset.go changed:\n%s", got)
			}
		})
	}
}

func TestGenerateRefusesBadNames(t *testing.T) {
	for _, name := range []string{"", "cluster_example", "neptune_", "neptune_Cluster", "neptune-cluster", "neptune_a__b", "neptune_a_", "neptune_a.b", "../neptune_x"} {
		root := newRepo(t, fakeRuleset)
		if _, err := Generate(root, name); err == nil {
			t.Errorf("Generate accepted %q", name)
		}
		assertNothingWritten(t, root, name)
	}
}

func TestRegisterSingleLineLiteral(t *testing.T) {
	for src, want := range map[string]string{
		"package rules\n\nfunc All() []tflint.Rule { return []tflint.Rule{NewNeptuneARule()} }\n":   "NewNeptuneARule,NewNeptuneBRule",
		"package rules\n\nfunc All() []tflint.Rule { return []tflint.Rule{NewNeptuneARule(), } }\n": "NewNeptuneARule,NewNeptuneBRule",
		"package rules\n\nfunc All() []tflint.Rule { return []tflint.Rule{} }\n":                    "NewNeptuneBRule",
	} {
		out, err := Register([]byte(src), "NewNeptuneBRule")
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := registered(t, string(out)); strings.Join(got, ",") != want {
			t.Errorf("All() lists %v, want %s:\n%s", got, want, out)
		}
	}
}

func TestCamel(t *testing.T) {
	for name, want := range map[string]string{
		"neptune_cluster_iam_authentication": "NeptuneClusterIAMAuthentication",
		"neptune_lab_mode_invalid":           "NeptuneLabModeInvalid",
		"neptune_cluster_kms_key_arn":        "NeptuneClusterKMSKeyARN",
		"neptune_v2_check":                   "NeptuneV2Check",
	} {
		if got := Camel(name); got != want {
			t.Errorf("Camel(%q) = %q, want %q", name, got, want)
		}
	}
}

func assertNothingWritten(t *testing.T, root, name string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, "docs", "rules"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("docs/rules has %d entries after a refused %q", len(entries), name)
	}
	matches, _ := filepath.Glob(filepath.Join(root, "rules", "neptune_*"))
	if len(matches) != 0 {
		t.Errorf("rules has %v after a refused %q", matches, name)
	}
}
