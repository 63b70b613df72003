package rules

import (
	"fmt"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// ruleCase is one table row of a rule's unit test: the files, the issues as
// "file:line:column message", and the files after the fixes.
type ruleCase struct {
	name   string
	files  map[string]string
	issues []string
	fixed  map[string]string
}

func runRuleCases(t *testing.T, rule tflint.Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runner := helper.TestRunner(t, tc.files)
			if err := guardAll([]tflint.Rule{rule})[0].Check(newRunner(runner, true)); err != nil {
				t.Fatalf("Check: %v", err)
			}
			if diff := cmp.Diff(tc.issues, issueLines(runner.Issues)); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
			want := tc.fixed
			if want == nil {
				want = map[string]string{}
			}
			got := map[string]string{}
			for name, src := range runner.Changes() {
				got[name] = string(src)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fixed files (-want +got):\n%s", diff)
			}
		})
	}
}

func issueLines(issues helper.Issues) []string {
	var lines []string
	for _, i := range issues {
		lines = append(lines, fmt.Sprintf("%s:%d:%d %s", i.Range.Filename, i.Range.Start.Line, i.Range.Start.Column, i.Message))
	}
	sort.Strings(lines)
	return lines
}
