package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

const twoClusters = `resource "aws_neptune_cluster" "a" {
  engine = "neptune"
}

resource "aws_neptune_cluster" "b" {
  engine = "neptune"
}
`

func TestChangedPiecesParse(t *testing.T) {
	heredoc := "resource \"aws_neptune_cluster\" \"a\" {\n  engine = \"neptune\"\n}\n\n" +
		"resource \"aws_neptune_cluster\" \"b\" {\n  engine = \"neptune\"\n  note = <<EOT\nx\nEOT\n}\n"
	cases := []struct {
		name, before, after string
		ok, decided         bool
	}{
		{"unchanged", twoClusters, twoClusters, true, true},
		{"an argument added", twoClusters, strings.Replace(twoClusters, "}\n\nresource", "  deletion_protection = true\n}\n\nresource", 1), true, true},
		{"a block appended", twoClusters, twoClusters + "\nresource \"aws_neptune_cluster_parameter_group\" \"a_audit\" {\n  family = \"neptune1.3\"\n}\n", true, true},
		{"an unterminated string in the first piece", twoClusters, strings.Replace(twoClusters, `engine = "neptune"`, `engine = "neptune`, 1), false, true},
		{"a brace removed from the last piece", twoClusters, strings.TrimSuffix(twoClusters, "}\n"), false, true},
		{"a piece that runs into the next header", twoClusters, strings.Replace(twoClusters, "}\n\nresource", "}resource", 1), false, false},
		{"a heredoc left open swallows the next header", heredoc, strings.Replace(heredoc, "  engine = \"neptune\"\n}\n\n", "  engine = <<EOT\n}\n\n", 1), false, true},
		{"a header moved off the start of a line", twoClusters, strings.Replace(twoClusters, "\nresource \"aws_neptune_cluster\" \"b\"", "\nx = 1 resource \"aws_neptune_cluster\" \"b\"", 1), false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ok, decided := changedPiecesParse([]byte(c.before), []byte(c.after), resourceStartsOf([]byte(c.before)))
			if ok != c.ok || decided != c.decided {
				t.Errorf("changedPiecesParse = %v, %v; want %v, %v", ok, decided, c.ok, c.decided)
			}
		})
	}
}

func TestChangedPiecesParseNeedsResourceStarts(t *testing.T) {
	if _, decided := changedPiecesParse([]byte(twoClusters), []byte(twoClusters), nil); decided {
		t.Error("without the resources' starts the check must leave the whole file to the parser")
	}
	wrong := []hcl.Pos{{Line: 2, Column: 3, Byte: 38}} // inside the first block
	if _, decided := changedPiecesParse([]byte(twoClusters), []byte(twoClusters), wrong); decided {
		t.Error("a start that is not a resource header must leave the whole file to the parser")
	}
}

// FuzzChangedPiecesParse checks that the piecewise check never passes a
// file that does not parse: an edit anywhere in a valid file, cut where its
// resources start.
func FuzzChangedPiecesParse(f *testing.F) {
	f.Add(0, 0, "")
	f.Add(20, 0, `"`)
	f.Add(60, 3, "<<EOT\n")
	f.Add(40, 1, "}\nresource \"aws_neptune_cluster\" \"b\" {\n")
	f.Add(0, 0, "/*")
	f.Fuzz(func(t *testing.T, at, remove int, insert string) {
		before := []byte(twoClusters + "\n# trailing\n" + heredocTail)
		if at < 0 || at > len(before) || remove < 0 || at+remove > len(before) {
			return
		}
		after := append(append(append([]byte{}, before[:at]...), insert...), before[at+remove:]...)
		starts := resourceStartsOf(before)
		ok, decided := changedPiecesParse(before, after, starts)
		if !decided || !ok {
			return
		}
		if _, diags := hclsyntax.ParseConfig(after, "main.tf", hcl.InitialPos); diags.HasErrors() {
			t.Fatalf("passed a file that does not parse:\n%s\n%s", after, diags)
		}
	})
}

const heredocTail = `resource "aws_neptune_cluster" "c" {
  note = <<EOT
resource "aws_neptune_cluster" "d" {
EOT
}
`

// resourceStartsOf returns where the top-level resources of src start, as
// the model reads them.
func resourceStartsOf(src []byte) []hcl.Pos {
	file, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	var starts []hcl.Pos
	for _, b := range file.Body.(*hclsyntax.Body).Blocks {
		if b.Type == "resource" {
			starts = append(starts, b.TypeRange.Start)
		}
	}
	return starts
}

// fileCountingRunner counts the files the host is asked for: the SDK parses
// the whole file for each.
type fileCountingRunner struct {
	tflint.Runner
	files int
}

func (c *fileCountingRunner) GetFile(name string) (*hcl.File, error) {
	c.files++
	return c.Runner.GetFile(name)
}

// A fix finds its block by parsing the resource that holds it, not the
// whole file, which --fix did once per fixing rule.
func TestFixesParseOnlyTheResourceTheyEdit(t *testing.T) {
	inner := helper.TestRunner(t, map[string]string{"main.tf": twoClusters})
	host := &fileCountingRunner{Runner: inner}
	rule := guardAll([]tflint.Rule{NewNeptuneClusterDeletionProtectionRule()})[0]
	if err := rule.Check(newRunner(host, true)); err != nil {
		t.Fatal(err)
	}
	fixed := string(inner.Changes()["main.tf"])
	if strings.Count(fixed, "deletion_protection = true") != 2 {
		t.Fatalf("both clusters should be fixed:\n%s", fixed)
	}
	if host.files != 0 {
		t.Errorf("the host was asked for %d files", host.files)
	}
}
