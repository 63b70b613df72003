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
type emitter struct {
	runner tflint.Runner
	rule   tflint.Rule
	seen   map[issueKey]bool
	sentAt map[rangeKey]bool
	fixed  map[rangeKey]bool
	fixing bool
}

type issueKey struct {
	at      rangeKey
	message string
}

func newEmitter(runner tflint.Runner, rule tflint.Rule) *emitter {
	fixing := true
	if r, ok := runner.(*Runner); ok {
		fixing = r.fixEnabled
	}
	return &emitter{runner: runner, rule: rule, seen: map[issueKey]bool{}, sentAt: map[rangeKey]bool{}, fixed: map[rangeKey]bool{}, fixing: fixing}
}

// emit reports an issue; fix may be nil when there is no safe fix.
func (e *emitter) emit(message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	key := issueKey{keyOf(rng), message}
	if e.seen[key] {
		return nil
	}
	e.seen[key] = true
	e.sentAt[key.at] = true
	if fix == nil || e.fixed[key.at] {
		return e.runner.EmitIssue(e.rule, message, rng)
	}
	e.fixed[key.at] = true
	return e.runner.EmitIssueWithFix(e.rule, message, rng, func(f tflint.Fixer) (err error) {
		// A fix that panics must not leave half its edits: the SDK drops
		// them when the fix reports that it is not supported.
		defer func() {
			if p := recover(); p != nil {
				logger.Error(fmt.Sprintf("neptune: fix of %s panicked: %v", e.rule.Name(), p))
				err = tflint.ErrFixNotSupported
			}
		}()
		if isJSONFile(rng.Filename) {
			return tflint.ErrFixNotSupported
		}
		if !e.fixing && !annotationAfter(f, rng) && !holdsComment(f.TextAt(rng).Bytes) {
			// Without --fix the SDK only asks whether a fix exists. The rules
			// decide that when they build the fix; running it could only
			// refuse edits that move an annotated line or drop a comment, so
			// the costly part (parsing the file) is skipped when neither can
			// happen. checkedFix's parse check is a net for bugs in fixes,
			// not a decision a finding's mark can show.
			return nil
		}
		return e.checkedFix(f, fix)
	})
}

// checkedFix runs a fix and refuses it, dropping its edits, when it fails
// or leaves a file that does not parse: the SDK would otherwise abort the
// user's whole tflint run, every other fix with it.
func (e *emitter) checkedFix(f tflint.Fixer, fix func(tflint.Fixer) error) error {
	before := maps.Clone(pendingChanges(f))
	if err := fix(f); err != nil {
		if !errors.Is(err, tflint.ErrFixNotSupported) {
			logger.Warn(fmt.Sprintf("neptune: fix of %s failed, so it is not offered: %s", e.rule.Name(), err))
		}
		return tflint.ErrFixNotSupported
	}
	for name, src := range pendingChanges(f) {
		if old, ok := before[name]; ok && bytes.Equal(old, src) || isJSONFile(name) {
			continue
		}
		if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
			logger.Warn(fmt.Sprintf("neptune: fix of %s would leave %s unparsable, so it is not offered: %s", e.rule.Name(), name, diags))
			return tflint.ErrFixNotSupported
		}
	}
	return nil
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
