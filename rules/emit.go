package rules

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// emitter sends a rule's issues, one per range: count and for_each give
// several instances of one block, and the user wants one finding and one fix.
type emitter struct {
	runner tflint.Runner
	rule   tflint.Rule
	seen   map[rangeKey]bool
}

func newEmitter(runner tflint.Runner, rule tflint.Rule) *emitter {
	return &emitter{runner: runner, rule: rule, seen: map[rangeKey]bool{}}
}

// emit reports an issue; fix may be nil when there is no safe fix.
func (e *emitter) emit(message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	key := keyOf(rng)
	if e.seen[key] {
		return nil
	}
	e.seen[key] = true
	if fix == nil {
		return e.runner.EmitIssue(e.rule, message, rng)
	}
	return e.runner.EmitIssueWithFix(e.rule, message, rng, func(f tflint.Fixer) error {
		if isJSONFile(rng.Filename) {
			return tflint.ErrFixNotSupported
		}
		return fix(f)
	})
}

func isJSONFile(name string) bool { return strings.HasSuffix(name, ".json") }
