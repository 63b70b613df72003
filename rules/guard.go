package rules

import (
	"fmt"
	"runtime/debug"

	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// guardedRule turns a panic in a rule into an error naming the rule, so one
// bug reports itself instead of killing the user's whole tflint run.
type guardedRule struct {
	tflint.Rule
}

func guardAll(rules []tflint.Rule) []tflint.Rule {
	guarded := make([]tflint.Rule, len(rules))
	for i, rule := range rules {
		if _, done := rule.(guardedRule); done {
			guarded[i] = rule
			continue
		}
		guarded[i] = guardedRule{Rule: rule}
	}
	return guarded
}

func (g guardedRule) Check(runner tflint.Runner) (err error) {
	defer func() {
		if p := recover(); p != nil {
			logger.Error(fmt.Sprintf("panic in %s: %v\n%s", g.Name(), p, debug.Stack()))
			err = fmt.Errorf("rule %s crashed on this configuration (%v); please report it with the block it names", g.Name(), p)
		}
	}()
	err = g.Rule.Check(runner)
	if r, ok := runner.(*Runner); ok {
		logger.Debug(fmt.Sprintf("neptune: %s done, %d host calls for the model so far", g.Name(), r.HostCalls()))
	}
	return err
}
