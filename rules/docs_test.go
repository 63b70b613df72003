package rules

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules/README.md from the rule list")

const docsDir = "../docs/rules/"

// TestEveryRuleIsDocumented keeps docs/rules in step with the rules: a page
// per rule, Link() pointing at it, and the index generated from All().
func TestEveryRuleIsDocumented(t *testing.T) {
	for _, rule := range All() {
		page := docsDir + rule.Name() + ".md"
		data, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("%s has no documentation page %s", rule.Name(), page)
			continue
		}
		for _, section := range []string{"## Example", "## Why", "## How to fix"} {
			if !strings.Contains(string(data), section) {
				t.Errorf("%s lacks a %q section", page, section)
			}
		}
		if rule.Link() != project.ReferenceLink(rule.Name()) {
			t.Errorf("%s links to %s", rule.Name(), rule.Link())
		}
	}
	index := docsIndex()
	if *updateDocs {
		if err := os.WriteFile(docsDir+"README.md", []byte(index), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	current, _ := os.ReadFile(docsDir + "README.md")
	if string(current) != index {
		t.Errorf("docs/rules/README.md is stale: run `go test ./rules -run TestEveryRuleIsDocumented -update-docs`")
	}
}

func docsIndex() string {
	var sb strings.Builder
	sb.WriteString("# Rules\n\nGenerated from the rule list by `go test ./rules -run TestEveryRuleIsDocumented -update-docs`; do not edit by hand.\n\n")
	sb.WriteString("| Rule | Severity | Enabled by default |\n| --- | --- | --- |\n")
	for _, rule := range All() {
		enabled := "no"
		if rule.Enabled() {
			enabled = "yes"
		}
		fmt.Fprintf(&sb, "| [%s](%s.md) | %s | %s |\n", rule.Name(), rule.Name(), rule.Severity(), enabled)
	}
	return sb.String()
}
