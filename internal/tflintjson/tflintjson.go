// Package tflintjson reads tflint's JSON output (--format json), for the
// language server, the integration tests and the benchmark.
package tflintjson

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

// Output is tflint's JSON output: the findings and the errors of a run.
type Output struct {
	Issues []Finding
	Errors []Error
}

// Error is an error of a run, such as a bad configuration or a file that
// does not parse; Range is nil when it has no place.
type Error struct {
	Summary  string
	Message  string
	Severity string
	Range    *Range
}

// Finding is one issue of tflint's JSON output. Callers is the chain of
// module calls when the finding is in a called module.
type Finding struct {
	Rule struct {
		Name     string
		Severity string
		Link     string
	}
	Message string
	Range   Range
	Callers []Range
	Fixable bool
}

// Range is a span of a file as tflint prints it.
type Range struct {
	Filename   string
	Start, End Pos
}

// Pos is a position as tflint prints it: a line and a character column.
type Pos struct{ Line, Column int }

// String is the range as file:line:column-line:column, with forward slashes.
func (r Range) String() string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", filepath.ToSlash(r.Filename), r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// Parse decodes tflint's JSON output.
func Parse(output []byte) (Output, error) {
	var out Output
	err := json.Unmarshal(output, &out)
	return out, err
}

// NeptuneFindings returns the findings of this plugin's rules, leaving out
// those of other plugins.
func NeptuneFindings(output []byte) ([]Finding, error) {
	out, err := Parse(output)
	if err != nil {
		return nil, err
	}
	var ours []Finding
	for _, f := range out.Issues {
		if strings.HasPrefix(f.Rule.Name, "neptune_") {
			ours = append(ours, f)
		}
	}
	return ours, nil
}
