package rules

import (
	"fmt"
	"runtime/debug"

	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// guardedRule turns a panic in a rule into an ordinary finding on the block
// the rule was checking, so one bug reports itself, names the rule, the
// resource and the file, and lets the other rules' findings arrive, instead
// of killing the user's whole tflint run.
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
	r, _ := runner.(*Runner)
	defer func() {
		if p := recover(); p != nil {
			logger.Error(fmt.Sprintf("panic in %s: %v\n%s", g.Name(), p, debug.Stack()))
			err = g.reportCrash(runner, p)
		}
		if r != nil {
			// The findings made before a crash are sent too.
			if flushErr := r.finishRule(); err == nil {
				err = flushErr
			}
		}
	}()
	if r != nil {
		r.forgetVisit()
		r.startRule()
	}
	err = g.Rule.Check(runner)
	if r != nil {
		logger.Debug(fmt.Sprintf("neptune: %s done, %d host calls for the model so far", g.Name(), r.HostCalls()))
	}
	return err
}

// reportCrash emits the crash on the resource being checked; without one it
// can only fail the run.
func (g guardedRule) reportCrash(runner tflint.Runner, p any) error {
	var visiting *Resource
	if r, ok := runner.(*Runner); ok {
		r.mu.Lock()
		if r.model != nil {
			visiting = r.model.visiting
		}
		r.mu.Unlock()
	}
	if visiting == nil {
		return fmt.Errorf("rule %s crashed (%v); please report it", g.Name(), p)
	}
	message := fmt.Sprintf("rule %s crashed while checking %s (%v), so this block is unchecked by it; please report it with this block", g.Name(), visiting.Address(), p)
	return runner.EmitIssue(g.Rule, message, visiting.Block.DefRange)
}
