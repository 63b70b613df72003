// Command bound is the cheapest plugin that can report what the neptune
// plugin reports: it reads the same attributes from the host in the same one
// call as the plugin's model, then emits the findings listed in the file
// named by NEPTUNE_BOUND_ISSUES (tflint's JSON output of the real plugin on
// the folder NEPTUNE_BOUND_ROOT), each the way the real plugin emits it, and
// checks nothing. The benchmark runs it to show how much of the plugin's
// cost the SDK's protocol imposes on any plugin that reports these findings.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

type namedRule struct {
	tflint.DefaultRule
	name string
}

func (r *namedRule) Name() string              { return r.name }
func (r *namedRule) Enabled() bool             { return true }
func (r *namedRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *namedRule) Link() string              { return "" }
func (r *namedRule) Check(tflint.Runner) error { return nil }

type emitFindings struct{ tflint.DefaultRule }

func (emitFindings) Name() string              { return "bound_emit_findings" }
func (emitFindings) Enabled() bool             { return true }
func (emitFindings) Severity() tflint.Severity { return tflint.NOTICE }
func (emitFindings) Link() string              { return "" }

func (emitFindings) Check(runner tflint.Runner) error {
	if _, err := runner.GetModuleContent(rules.ModuleSchema(), &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}); err != nil {
		return err
	}
	findings, err := readFindings(os.Getenv("NEPTUNE_BOUND_ISSUES"))
	if err != nil {
		return err
	}
	module, err := moduleFolder()
	if err != nil {
		return err
	}
	sources := map[string][]byte{}
	for _, f := range findings {
		local, inModule := strings.CutPrefix(filepath.ToSlash(f.Range.Filename), module)
		if !inModule {
			continue
		}
		src, ok := sources[f.Range.Filename]
		if !ok {
			if src, err = os.ReadFile(filepath.FromSlash(local)); err != nil {
				return err
			}
			sources[f.Range.Filename] = src
		}
		rng := hcl.Range{Filename: f.Range.Filename, Start: pos(src, f.Range.Start), End: pos(src, f.Range.End)}
		rule := &namedRule{name: f.Rule.Name}
		if f.Fixable {
			err = runner.EmitIssueWithFix(rule, f.Message, rng, func(tflint.Fixer) error { return nil })
		} else {
			err = runner.EmitIssue(rule, f.Message, rng)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// moduleFolder is the prefix of the module's files in the findings: with
// --recursive, tflint starts the plugins in each module's folder but names
// files from where it was run.
func moduleFolder() (string, error) {
	root := os.Getenv("NEPTUNE_BOUND_ROOT")
	if root == "" {
		return "", nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, wd)
	if err != nil || rel == "." {
		return "", err
	}
	return filepath.ToSlash(rel) + "/", nil
}

func readFindings(path string) ([]tflintjson.Finding, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	findings, err := tflintjson.NeptuneFindings(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return findings, nil
}

// pos turns tflint's line and character column into an hcl.Pos with its byte offset.
func pos(src []byte, p tflintjson.Pos) hcl.Pos {
	line, offset := 1, 0
	for offset < len(src) && line < p.Line {
		if src[offset] == '\n' {
			line++
		}
		offset++
	}
	for column := 1; column < p.Column && offset < len(src); column++ {
		_, size := utf8.DecodeRune(src[offset:])
		offset += size
	}
	return hcl.Pos{Line: p.Line, Column: p.Column, Byte: offset}
}

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: &tflint.BuiltinRuleSet{
		Name: "neptune", Version: "0.0.0", Rules: []tflint.Rule{&emitFindings{}},
	}})
}
