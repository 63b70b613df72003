package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
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
