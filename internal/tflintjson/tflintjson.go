// Package tflintjson reads tflint's JSON output (--format json) as far as
// the benchmark needs it: the findings of this plugin.
package tflintjson

import (
	"encoding/json"
	"strings"
)

// Finding is one issue of tflint's JSON output.
type Finding struct {
	Rule    struct{ Name string }
	Message string
	Range   struct {
		Filename   string
		Start, End Pos
	}
	Fixable bool
}

// Pos is a position as tflint prints it: a line and a character column.
type Pos struct{ Line, Column int }

// NeptuneFindings returns the findings of this plugin's rules, leaving out
// those of other plugins.
func NeptuneFindings(output []byte) ([]Finding, error) {
	var out struct{ Issues []Finding }
	if err := json.Unmarshal(output, &out); err != nil {
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
