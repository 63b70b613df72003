package rules

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// Runner is the host runner of one module, extended with the module model
// that every rule reads. tflint gives each module its own runner, and may run
// module runners in parallel, so the model lives here and never in a rule.
type Runner struct {
	tflint.Runner
	fixEnabled bool

	mu        sync.Mutex
	model     *Model
	refs      map[string]cty.Value // of variables and locals, fetched by models a fix made stale; no fix edits them
	hostCalls int                  // of the models forgotten after fixes

	moduleOnce sync.Once
	modulePath []string // empty for the root module
	sent       *sentIssues

	batching   bool            // a rule is running under guardedRule
	emitters   []*emitter      // of that rule, to flush when it ends
	blankLines blankLineLedger // taken by fixes of the rules so far (see blankLineLedger)
}

func newRunner(host tflint.Runner, fixEnabled bool) *Runner {
	return &Runner{Runner: host, fixEnabled: fixEnabled}
}

// startRule makes the emitters of the rule about to run hold their issues
// until finishRule, so that its fixes are decided together.
func (r *Runner) startRule() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batching, r.emitters = true, nil
	if r.fixEnabled || r.blankLines == nil {
		r.blankLines = blankLineLedger{} // with --fix, the file read by this rule holds the earlier fixes
	}
}

// adopt registers an emitter of the running rule; false outside a rule run,
// where the emitter sends each issue at once.
func (r *Runner) adopt(e *emitter) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.batching {
		r.emitters = append(r.emitters, e)
	}
	return r.batching
}

// finishRule sends the issues the rule's emitters hold.
func (r *Runner) finishRule() error {
	r.mu.Lock()
	emitters := r.emitters
	r.batching, r.emitters = false, nil
	r.mu.Unlock()
	for _, e := range emitters {
		if err := e.flush(); err != nil {
			return err
		}
	}
	return nil
}

// topLevel returns where the resources of each file start, as the current
// model read them; nil without a model.
func (r *Runner) topLevel() map[string][]hcl.Pos {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.model == nil {
		return nil
	}
	return r.model.topLevel
}

// modelOf returns the module model for any runner; rules call it first.
func modelOf(runner tflint.Runner) (*Model, error) {
	r, ok := runner.(*Runner)
	if !ok {
		r = newRunner(runner, false)
	}
	return r.Model()
}

// Model loads the module model on first use and after a fix was applied.
func (r *Runner) Model() (*Model, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.model == nil {
		var model *Model
		var err error
		if r.refs != nil {
			model, err = reloadModel(r.Runner, r.refs)
		} else {
			model, err = loadModel(r.Runner)
		}
		if err != nil {
			return nil, err
		}
		r.model = model
	}
	return r.model, nil
}

// EmitIssue reports an issue where tflint can trace it to a caller, once
// for all the instances of a module call.
func (r *Runner) EmitIssue(rule tflint.Rule, message string, issueRange hcl.Range) error {
	issueRange = r.traceable(issueRange)
	if !r.firstOfModuleCall(rule, message, issueRange) {
		return nil
	}
	return r.Runner.EmitIssue(rule, message, issueRange)
}

// firstOfModuleCall tells whether an issue is the first of its module call.
func (r *Runner) firstOfModuleCall(rule tflint.Rule, message string, issueRange hcl.Range) bool {
	if r.sent == nil {
		return true
	}
	path := r.modulePathOnce()
	return len(path) == 0 || r.sent.first(path, rule.Name(), message, issueRange)
}

func (r *Runner) modulePathOnce() []string {
	r.moduleOnce.Do(func() {
		if path, err := r.Runner.GetModulePath(); err == nil {
			r.modulePath = path
		}
	})
	return r.modulePath
}

// traceable moves an issue in a called module from an expression that
// reaches input variables only through locals or for_each to the expression
// that names them (see reachingVariables). The module path comes first: it
// is asked for once per module, and every issue needs it anyway (see
// firstOfModuleCall), while looking for the expression at the range indexes
// every expression of the module, which the root module never needs.
func (r *Runner) traceable(issueRange hcl.Range) hcl.Range {
	r.mu.Lock()
	model := r.model
	r.mu.Unlock()
	if model == nil || len(r.modulePathOnce()) == 0 || !model.mayNeedTracing(issueRange) {
		return issueRange
	}
	return model.reachingVariables(issueRange)
}

// EmitIssueWithFix forgets the model once a fix is made with --fix: the SDK
// applies it before the next rule runs, so every range in the model moves.
// In a called module, where tflint fixes nothing, the issue is placed where
// tflint can trace it to a caller.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, issueRange hcl.Range, fix func(f tflint.Fixer) error) error {
	issueRange = r.traceable(issueRange)
	if !r.firstOfModuleCall(rule, message, issueRange) {
		return nil
	}
	return r.Runner.EmitIssueWithFix(rule, message, issueRange, func(f tflint.Fixer) error {
		err := fix(f)
		if err == nil && r.fixEnabled {
			r.mu.Lock()
			if r.model != nil {
				r.hostCalls += r.model.HostCalls()
				r.refs = r.model.eval.refs
			}
			r.model = nil
			r.mu.Unlock()
		}
		return err
	})
}

// forgetVisit clears the resource a previous rule was checking, so that a
// crash is never blamed on it.
func (r *Runner) forgetVisit() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.model != nil {
		r.model.Visit(nil)
	}
}

// HostCalls is the number of host round trips made for the module model,
// emitted issues aside. It depends on the distinct variables and locals the
// rules read, and on function calls, not on the number of resources.
func (r *Runner) HostCalls() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.model == nil {
		return r.hostCalls
	}
	return r.hostCalls + r.model.HostCalls()
}
