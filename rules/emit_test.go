package rules

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// A fix that fails, or that would leave a file tflint cannot parse, must not
// abort the run: the finding stays, without its edits.
func TestFixThatFailsOrBreaksTheFileIsDropped(t *testing.T) {
	const src = "resource \"aws_neptune_cluster\" \"x\" {\n  engine = \"neptune\"\n}\n"
	at := engineValue(src)
	for name, fix := range map[string]func(tflint.Fixer) error{
		"error":      func(f tflint.Fixer) error { return errors.New("range overlaps") },
		"unparsable": func(f tflint.Fixer) error { return f.ReplaceText(at, `"neptune`) },
	} {
		t.Run(name, func(t *testing.T) {
			runner := helper.TestRunner(t, map[string]string{"main.tf": src})
			e := newEmitter(runner, NewNeptuneClusterAuditLogExportRule())
			if err := e.emit("m", at, fix); err != nil {
				t.Fatalf("emit: %v", err)
			}
			if len(runner.Issues) != 1 {
				t.Fatalf("got %d issues, want the finding", len(runner.Issues))
			}
			if changes := runner.Changes(); len(changes) != 0 {
				t.Fatalf("the fix's edits were kept: %q", changes)
			}
		})
	}
}

// engineValue is the range of the quoted value of engine in src.
func engineValue(src string) hcl.Range {
	start := strings.Index(src, `"neptune"`)
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 2, Column: 12, Byte: start}, End: hcl.Pos{Line: 2, Column: 21, Byte: start + len(`"neptune"`)}}
}

func TestFixThatParsesIsApplied(t *testing.T) {
	const src = "resource \"aws_neptune_cluster\" \"x\" {\n  engine = \"neptune\"\n}\n"
	at := engineValue(src)
	runner := helper.TestRunner(t, map[string]string{"main.tf": src})
	e := newEmitter(runner, NewNeptuneClusterAuditLogExportRule())
	if err := e.emit("m", at, func(f tflint.Fixer) error { return f.ReplaceText(at, `"neptune2"`) }); err != nil {
		t.Fatalf("emit: %v", err)
	}
	if got := string(runner.Changes()["main.tf"]); got != "resource \"aws_neptune_cluster\" \"x\" {\n  engine = \"neptune2\"\n}\n" {
		t.Fatalf("fixed file:\n%s", got)
	}
}

// fixingRule emits one finding per resource block of its file, each with a
// fix that appends an attribute to the block; the blocks named in breaks get
// a fix that leaves the file unparsable instead.
type fixingRule struct {
	tflint.DefaultRule
	breaks map[string]bool
}

func (fixingRule) Name() string              { return "test_fixing" }
func (fixingRule) Enabled() bool             { return true }
func (fixingRule) Severity() tflint.Severity { return tflint.ERROR }
func (fixingRule) Link() string              { return "" }

func (r *fixingRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		c := c
		fix := func(f tflint.Fixer) error { return m.appendToBlock(f, c.Block, "fixed = true") }
		if r.breaks[c.Name] {
			fix = func(f tflint.Fixer) error { return m.appendToBlock(f, c.Block, `fixed = "unterminated`) }
		}
		if err := e.emit(c.Name, c.Block.DefRange, fix); err != nil {
			return err
		}
	}
	return nil
}

func clustersFile(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "resource \"aws_neptune_cluster\" \"c%d\" {\n  engine = \"neptune\"\n}\n\n", i)
	}
	return sb.String()
}

// markingHost records the fixable mark the SDK would send with each finding:
// whether its fix ran without refusing.
type markingHost struct {
	*helper.Runner
	marks map[string]bool
}

func (h *markingHost) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	return h.Runner.EmitIssueWithFix(rule, message, rng, func(f tflint.Fixer) error {
		err := fix(f)
		h.marks[message] = err == nil
		return err
	})
}

// fixRun runs rule as the plugin does, under --fix, and returns the marks,
// the file after the fixes, and how many parses checking the fixes took.
func fixRun(t *testing.T, rule tflint.Rule, src string) (map[string]bool, string, int64) {
	t.Helper()
	host := &markingHost{Runner: helper.TestRunner(t, map[string]string{"main.tf": src}), marks: map[string]bool{}}
	before := fixParses.Load()
	if err := guardAll([]tflint.Rule{rule})[0].Check(newRunner(host, true)); err != nil {
		t.Fatalf("Check: %v", err)
	}
	return host.marks, string(host.Runner.Changes()["main.tf"]), fixParses.Load() - before
}

// Checking that the fixes leave a parsable file takes one parse of the file
// per rule, not one per fix: --fix once grew with the square of the fixes.
func TestFixesOfARuleAreCheckedWithOneParsePerFile(t *testing.T) {
	for _, n := range []int{75, 150} {
		marks, fixed, parses := fixRun(t, &fixingRule{}, clustersFile(n))
		if parses != 1 {
			t.Errorf("%d fixes in one file took %d parses to check, want 1", n, parses)
		}
		if got := strings.Count(fixed, "= true"); got != n {
			t.Errorf("%d fixes applied of %d", got, n)
		}
		for name, fixable := range marks {
			if !fixable {
				t.Errorf("%s is not marked fixable", name)
			}
		}
	}
}

// A fix that would break the file is refused alone: the finding stays
// without the fixable mark, every other fix is applied, and finding it takes
// a few parses (a bisection), not one per fix.
func TestOnlyTheFixesThatBreakTheFileAreRefused(t *testing.T) {
	rule := &fixingRule{breaks: map[string]bool{"c40": true, "c41": true, "c97": true}}
	marks, fixed, parses := fixRun(t, rule, clustersFile(150))
	if len(marks) != 150 {
		t.Fatalf("%d findings, want 150", len(marks))
	}
	for name, fixable := range marks {
		if fixable == rule.breaks[name] {
			t.Errorf("%s marked fixable: %v", name, fixable)
		}
	}
	if _, diags := hclsyntax.ParseConfig([]byte(fixed), "main.tf", hcl.InitialPos); diags.HasErrors() {
		t.Fatalf("the fixed file does not parse: %s", diags)
	}
	if got := strings.Count(fixed, "= true"); got != 147 {
		t.Errorf("%d fixes applied, want 147", got)
	}
	if parses > 3*(1+8+1) {
		t.Errorf("%d parses to find 3 breaking fixes among 150", parses)
	}
}

// plainHost drops every fix's edits once the finding is sent, as the SDK does
// without --fix.
type plainHost struct{ *markingHost }

func (h plainHost) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	var fixer undoableFixer
	err := h.markingHost.EmitIssueWithFix(rule, message, rng, func(f tflint.Fixer) error {
		fixer = f.(undoableFixer)
		return fix(f)
	})
	if fixer != nil {
		fixer.PopChangesFromStash()
	}
	return err
}

// Without --fix, a fix that needs the blank line above an annotation that
// the fix of an earlier rule takes is not marked fixable: --fix would find
// the line gone and refuse it.
func TestFixesCompetingForTheLinesAboveAnAnnotationAreMarkedAsFixApplies(t *testing.T) {
	const src = `resource "aws_neptune_cluster" "c0" {
  engine = "neptune"
}

# tflint-ignore: test_fixing
resource "aws_neptune_cluster" "c1" {
  engine = "neptune"
}
`
	host := plainHost{&markingHost{Runner: helper.TestRunner(t, map[string]string{"main.tf": src}), marks: map[string]bool{}}}
	runner := newRunner(host, false)
	var marks []map[string]bool
	for range 2 {
		host.marks = map[string]bool{}
		if err := guardAll([]tflint.Rule{&fixingRule{}})[0].Check(runner); err != nil {
			t.Fatal(err)
		}
		marks = append(marks, host.marks)
	}
	if !marks[0]["c0"] || marks[1]["c0"] {
		t.Errorf("c0 marked fixable by the first rule: %v, by the second: %v; want only the first", marks[0]["c0"], marks[1]["c0"])
	}
	if !marks[0]["c1"] || !marks[1]["c1"] {
		t.Errorf("c1, with no annotation below, is not marked fixable by both rules: %v", marks)
	}
}
