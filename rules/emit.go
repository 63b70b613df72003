package rules

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// emitter sends a rule's issues once: count and for_each give several
// instances of one block, and the user wants one finding and one fix. Blocks
// made by one "dynamic" block share a range but may differ, so findings are
// told apart by message, and only the first at a range gets a fix.
//
// Under the plugin's Runner the issues wait for the end of the rule (see
// Runner.finishRule), so that all the rule's fixes are tried together and a
// file is parsed once per rule, not once per fix (see fixBatch).
type emitter struct {
	runner  tflint.Runner
	rule    tflint.Rule
	seen    map[issueKey]bool
	sentAt  map[rangeKey]bool
	fixed   map[rangeKey]bool
	fixing  bool
	batched bool
	pending []*pendingIssue
}

type issueKey struct {
	at      rangeKey
	message string
}

// pendingIssue is an issue waiting for the end of its rule.
type pendingIssue struct {
	message string
	rng     hcl.Range
	fix     func(tflint.Fixer) error // nil: no fix is offered

	refused bool    // the fix failed, or broke a file; the finding stays
	edits   []fixOp // what the fix did to the fixer in the trial
}

func newEmitter(runner tflint.Runner, rule tflint.Rule) *emitter {
	e := &emitter{runner: runner, rule: rule, seen: map[issueKey]bool{}, sentAt: map[rangeKey]bool{}, fixed: map[rangeKey]bool{}, fixing: true}
	if r, ok := runner.(*Runner); ok {
		e.fixing = r.fixEnabled
		e.batched = r.adopt(e)
	}
	return e
}

// emit reports an issue; fix may be nil when there is no safe fix.
func (e *emitter) emit(message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	key := issueKey{keyOf(rng), message}
	if e.seen[key] {
		return nil
	}
	e.seen[key] = true
	e.sentAt[key.at] = true
	if e.fixed[key.at] {
		fix = nil
	}
	if fix != nil {
		e.fixed[key.at] = true
	}
	issue := &pendingIssue{message: message, rng: rng, fix: fix}
	if e.batched {
		e.pending = append(e.pending, issue)
		return nil
	}
	if fix == nil {
		return e.runner.EmitIssue(e.rule, message, rng)
	}
	return e.runner.EmitIssueWithFix(e.rule, message, rng, func(f tflint.Fixer) error {
		return e.checkedFix(f, issue)
	})
}

// flush sends the issues held for the end of the rule, in the order the rule
// found them.
func (e *emitter) flush() error {
	batch := &fixBatch{e: e, issues: e.pending}
	e.pending = nil
	for _, issue := range batch.issues {
		var err error
		if issue.fix == nil {
			err = e.runner.EmitIssue(e.rule, issue.message, issue.rng)
		} else {
			issue := issue
			err = e.runner.EmitIssueWithFix(e.rule, issue.message, issue.rng, func(f tflint.Fixer) error {
				return batch.apply(f, issue)
			})
		}
		if err != nil {
			return err
		}
	}
	batch.verify()
	return nil
}

// runFix runs a fix as the SDK would, and tells whether it ran at all. A fix
// that panics or fails is refused (tflint.ErrFixNotSupported), so that the
// SDK drops its edits and keeps the finding instead of aborting the run.
func (e *emitter) runFix(f tflint.Fixer, issue *pendingIssue) (ran bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			logger.Error(fmt.Sprintf("neptune: fix of %s panicked: %v", e.rule.Name(), p))
			ran, err = true, tflint.ErrFixNotSupported
		}
	}()
	if isJSONFile(issue.rng.Filename) {
		return false, tflint.ErrFixNotSupported
	}
	if !e.fixing && !annotationAfter(f, issue.rng) && !holdsComment(f.TextAt(issue.rng).Bytes) {
		// Without --fix the SDK only asks whether a fix exists. The rules
		// decide that when they build the fix; running it could only refuse
		// edits that move an annotated line or drop a comment, so its cost
		// is skipped when neither can happen.
		return false, nil
	}
	if err := issue.fix(f); err != nil {
		if !errors.Is(err, tflint.ErrFixNotSupported) {
			logger.Warn(fmt.Sprintf("neptune: fix of %s failed, so it is not offered: %s", e.rule.Name(), err))
		}
		return true, tflint.ErrFixNotSupported
	}
	return true, nil
}

// checkedFix runs one fix on its own and refuses it when it leaves a file
// that does not parse: the host would otherwise abort the user's whole
// tflint run, every other fix with it. It parses the file per fix, so it
// serves only issues emitted outside a batch.
func (e *emitter) checkedFix(f tflint.Fixer, issue *pendingIssue) error {
	before := maps.Clone(pendingChanges(f))
	ran, err := e.runFix(f, issue)
	if err != nil || !ran {
		return err
	}
	for name, src := range pendingChanges(f) {
		if old, ok := before[name]; ok && bytes.Equal(old, src) || isJSONFile(name) {
			continue
		}
		if unparsable(e.rule, name, src) {
			return tflint.ErrFixNotSupported
		}
	}
	return nil
}

func unparsable(rule tflint.Rule, name string, src []byte) bool {
	if isJSONFile(name) {
		return false
	}
	fixParses.Add(1)
	if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
		logger.Warn(fmt.Sprintf("neptune: a fix of %s would leave %s unparsable: %s", rule.Name(), name, diags))
		return true
	}
	return false
}

// pendingChanges returns the files the fixer has edited so far, as the SDK's
// fixer keeps them; nil from a fixer that does not say.
func pendingChanges(f tflint.Fixer) map[string][]byte {
	if c, ok := f.(interface{ Changes() map[string][]byte }); ok {
		return c.Changes()
	}
	return nil
}

// reportedAt tells whether an issue was already sent at rng, for rules
// whose messages name each instance's own value.
func (e *emitter) reportedAt(rng hcl.Range) bool { return e.sentAt[keyOf(rng)] }

func isJSONFile(name string) bool { return strings.HasSuffix(name, ".json") }

// annotationAfter reports whether a tflint-ignore comment follows the start
// of rng in its file; every edit of a fix happens at or after that point.
func annotationAfter(f tflint.Fixer, rng hcl.Range) bool {
	src := sourceOf(f, rng.Filename)
	if rng.Start.Byte < 0 || rng.Start.Byte > len(src) {
		return true
	}
	return bytes.Contains(src[rng.Start.Byte:], []byte("tflint-ignore"))
}

// sourceOf returns a file's text as the fixer holds it, with no host call:
// the fixer only hands out ranges, so the file's length is found by bisection.
func sourceOf(f tflint.Fixer, filename string) []byte {
	lo, hi := 0, 1<<31-1
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if f.TextAt(wholeRange(filename, mid)).Bytes != nil {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return f.TextAt(wholeRange(filename, lo)).Bytes
}

func wholeRange(filename string, end int) hcl.Range {
	return hcl.Range{Filename: filename, Start: hcl.Pos{Byte: 0}, End: hcl.Pos{Byte: end}}
}
