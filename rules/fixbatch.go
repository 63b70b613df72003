package rules

import (
	"bytes"
	"fmt"
	"maps"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// fixBatch decides the fixes of one rule's issues with one parse per edited
// file, where checking each fix on its own cost a parse of the whole file per
// fix: --fix on a file of 150 clusters took 25 times as long as a plain run.
//
// The SDK (v0.25) runs a fix inside EmitIssueWithFix, marks the finding
// fixable unless the fix refuses, and sends the rule's edits to tflint only
// after the rule returns; tflint aborts the whole run if a file then does not
// parse. A mark cannot be taken back once sent, so the batch decides every fix
// of the rule when the SDK hands it the fixer for the first one: it runs all
// the fixes in order on the fixer (the trial), recording each fix's edits,
// parses each edited file once and, only if one does not parse, bisects the
// fixes to refuse the ones that break it. Under --fix, when tflint cannot
// ignore any of the findings (no annotation in their files), the trial's
// edits are the fixes and stay. Otherwise it resets the fixer, and each
// finding, as it is sent, replays its accepted fix's recorded edits.
type fixBatch struct {
	e       *emitter
	issues  []*pendingIssue
	fixer   undoableFixer
	settled bool
	alone   bool              // the fixer cannot be reset: each fix is checked on its own
	kept    bool              // the fixer keeps the trial's edits: every accepted fix will be applied
	result  map[string][]byte // the files as the trial left them
}

// undoableFixer is the SDK's fixer with the methods its host side uses.
type undoableFixer interface {
	tflint.Fixer
	Changes() map[string][]byte
	StashChanges()
	PopChangesFromStash()
	ApplyChanges()
}

// fixParses counts the parses made to check fixes, for tests.
var fixParses atomic.Int64

// apply is the fix function of one issue of the batch.
func (b *fixBatch) apply(f tflint.Fixer, issue *pendingIssue) error {
	if !b.settled {
		b.settled = true
		b.settle(f)
	}
	if b.alone {
		return b.e.checkedFix(f, issue)
	}
	if issue.refused {
		return tflint.ErrFixNotSupported
	}
	if b.kept {
		return nil // the fixer holds the trial's edits already
	}
	for _, edit := range issue.edits {
		if err := edit(f); err != nil {
			return tflint.ErrFixNotSupported
		}
	}
	return nil
}

// settle runs the trial. The SDK's fixer holds no edits when a rule starts
// (it hands them to tflint after each rule), so "reset" means empty.
func (b *fixBatch) settle(f tflint.Fixer) {
	fx, ok := f.(undoableFixer)
	if !ok || len(fx.Changes()) != 0 {
		b.alone = true
		return
	}
	b.fixer = fx
	defer func() {
		if p := recover(); p != nil {
			logger.Error(fmt.Sprintf("neptune: trying the fixes of %s panicked: %v", b.e.rule.Name(), p))
			b.alone, b.kept = true, false
		}
		if !b.kept {
			b.reset()
		}
		fx.StashChanges() // the SDK restores this when the finding is not fixed
	}()
	ledger := blankLineLedger{}
	if r, ok := b.e.runner.(*Runner); ok && r.blankLines != nil {
		ledger = r.blankLines
	}
	for _, issue := range b.fixes() {
		rec := &recordingFixer{Fixer: f, ledger: ledger, taken: blankLineLedger{}}
		fx.StashChanges()
		_, err := b.e.runFix(rec, issue)
		if err != nil {
			fx.PopChangesFromStash()
			issue.refused = true
			continue
		}
		issue.edits = rec.edits
		for at, n := range rec.taken {
			ledger[at] += n
		}
	}
	for {
		broken := b.brokenFiles()
		if len(broken) == 0 {
			break
		}
		b.refuseFirstBreaking(broken)
		b.replay(b.accepted(), true)
	}
	b.result = maps.Clone(fx.Changes())
	b.kept = b.e.fixing && !b.annotated(f)
}

// annotated tells whether a file with a finding of the batch holds a
// tflint-ignore annotation: tflint may then ignore a finding, and the SDK
// drop its fix, so the trial's edits cannot simply be kept.
func (b *fixBatch) annotated(f tflint.Fixer) bool {
	checked := map[string]bool{}
	for _, issue := range b.fixes() {
		name := issue.rng.Filename
		if checked[name] {
			continue
		}
		checked[name] = true
		if bytes.Contains(sourceOf(f, name), []byte("tflint-ignore")) {
			return true
		}
	}
	return false
}

func (b *fixBatch) fixes() []*pendingIssue {
	var fixes []*pendingIssue
	for _, issue := range b.issues {
		if issue.fix != nil {
			fixes = append(fixes, issue)
		}
	}
	return fixes
}

// accepted are the fixes that made edits and are not refused.
func (b *fixBatch) accepted() []*pendingIssue {
	var list []*pendingIssue
	for _, issue := range b.fixes() {
		if !issue.refused && len(issue.edits) > 0 {
			list = append(list, issue)
		}
	}
	return list
}

// brokenFiles checks every file the fixer holds edited, once, parsing only
// the pieces of the file the fixes changed (see changedPiecesParse).
func (b *fixBatch) brokenFiles() []string {
	var starts map[string][]hcl.Pos
	if r, ok := b.e.runner.(*Runner); ok {
		starts = r.topLevel()
	}
	var broken []string
	for name, src := range b.fixer.Changes() {
		if isJSONFile(name) {
			continue
		}
		if ok, decided := changedPiecesParse(sourceOf(b.fixer, name), src, starts[name]); decided && ok {
			fixParses.Add(1)
			continue
		}
		// A piece that does not parse alone is rare; the whole file decides.
		if unparsable(b.e.rule, name, src) {
			broken = append(broken, name)
		}
	}
	return broken
}

// changedPiecesParse tells whether a file the fixes turned from before into
// after still parses, parsing only what they changed. The file is cut where
// its top-level resources start (starts, positions in before, as the model
// read them), each cut found again in after by the resource's header line,
// which no fix edits. A body is a list of items each ended by a newline, so
// when every changed piece parses alone and ends with one, the whole file
// parses; the unchanged pieces parsed when tflint read the file. decided is
// false when the cuts cannot be found, and the whole file must be parsed.
// Checking the whole file in each fixing rule cost --fix as much as the rest
// of its work.
func changedPiecesParse(before, after []byte, starts []hcl.Pos) (ok, decided bool) {
	if len(starts) == 0 {
		return false, false
	}
	cuts := make([]int, len(starts))
	from := 0
	for i, start := range starts {
		header, found := headerLine(before, start.Byte)
		if !found {
			return false, false
		}
		at := nextLineStartingWith(after, from, header)
		if at < 0 {
			return false, false
		}
		cuts[i], from = at, at+len(header)
	}
	pos := hcl.InitialPos
	prevBefore, prevAfter := 0, 0
	for i := 0; i <= len(starts); i++ {
		endBefore, endAfter := len(before), len(after)
		if i < len(starts) {
			endBefore, endAfter = starts[i].Byte, cuts[i]
		}
		piece := after[prevAfter:endAfter]
		if !bytes.Equal(before[prevBefore:endBefore], piece) {
			last := i == len(starts)
			if !last && !bytes.HasSuffix(bytes.TrimRight(piece, " \t"), []byte("\n")) {
				return false, true
			}
			if _, diags := hclsyntax.ParseConfig(piece, "", pos); diags.HasErrors() {
				return false, true
			}
		}
		pos.Byte += len(piece)
		pos.Line += bytes.Count(piece, []byte("\n"))
		prevBefore, prevAfter = endBefore, endAfter
	}
	return true, true
}

// headerLine returns the line of a top-level block from where its type
// starts to the end of the line.
func headerLine(src []byte, start int) ([]byte, bool) {
	if start < 0 || start >= len(src) || !bytes.HasPrefix(src[start:], []byte("resource")) {
		return nil, false
	}
	if !startsLine(src, start) {
		return nil, false
	}
	end := bytes.IndexByte(src[start:], '\n')
	if end < 0 {
		return src[start:], true
	}
	return src[start : start+end+1], true
}

// nextLineStartingWith finds, from byte from, a line that starts (after its
// indentation) with prefix, and returns where prefix starts; -1 if none.
func nextLineStartingWith(src []byte, from int, prefix []byte) int {
	for from <= len(src) {
		i := bytes.Index(src[from:], prefix)
		if i < 0 {
			return -1
		}
		at := from + i
		if startsLine(src, at) {
			return at
		}
		from = at + 1
	}
	return -1
}

// startsLine tells whether only indentation comes before byte at on its line.
func startsLine(src []byte, at int) bool {
	lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
	return len(bytes.Trim(src[lineStart:at], " \t")) == 0
}

// refuseFirstBreaking finds, by bisection over the accepted fixes in order,
// the first one after which one of the broken files no longer parses, and
// refuses it. The files parse before any fix: tflint read them.
func (b *fixBatch) refuseFirstBreaking(broken []string) {
	list := b.accepted()
	if len(list) == 0 {
		return
	}
	lo, hi := 0, len(list) // the first lo fixes keep the files parsable, the first hi do not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		b.replay(list[:mid], false)
		if b.breaksAny(broken) {
			hi = mid
		} else {
			lo = mid
		}
	}
	list[hi-1].refused = true
}

func (b *fixBatch) breaksAny(names []string) bool {
	changes := b.fixer.Changes()
	for _, name := range names {
		if src, ok := changes[name]; ok && unparsable(b.e.rule, name, src) {
			return true
		}
	}
	return false
}

// replay resets the fixer and makes the recorded edits of fixes again; with
// final, a fix whose edits no longer apply is refused.
func (b *fixBatch) replay(fixes []*pendingIssue, final bool) {
	b.reset()
	for _, issue := range fixes {
		b.fixer.StashChanges()
		for _, edit := range issue.edits {
			if err := edit(b.fixer); err != nil {
				b.fixer.PopChangesFromStash()
				issue.refused = issue.refused || final
				break
			}
		}
	}
}

// reset empties the fixer: with no edits held, ApplyChanges changes no file
// and forgets the offsets that earlier edits moved.
func (b *fixBatch) reset() {
	changes := b.fixer.Changes()
	for name := range changes {
		delete(changes, name)
	}
	b.fixer.ApplyChanges()
}

// verify checks the files once more when the edits kept differ from the
// trial's, as when tflint ignored a finding by annotation and the SDK dropped
// its fix. A file that does not parse then loses this rule's edits, so that
// the run goes on.
func (b *fixBatch) verify() {
	if b.fixer == nil || b.alone {
		return
	}
	changes := b.fixer.Changes()
	for name, src := range changes {
		if trial, ok := b.result[name]; ok && bytes.Equal(trial, src) {
			continue
		}
		if unparsable(b.e.rule, name, src) {
			logger.Warn(fmt.Sprintf("neptune: the fixes of %s in %s are not applied", b.e.rule.Name(), name))
			delete(changes, name)
		}
	}
}

// fixOp is one edit a fix made, to be made again on the same fixer state.
type fixOp func(tflint.Fixer) error

// recordingFixer passes a fix's edits to the fixer and records those that
// succeed. It also keeps the ledger of blank lines taken below blocks.
type recordingFixer struct {
	tflint.Fixer
	edits  []fixOp
	ledger blankLineLedger // of the fixes accepted before this one
	taken  blankLineLedger // by this fix
}

// blankLineLedger counts, below a block, the blank lines that fixes took to
// keep a tflint-ignore annotation further down on its line (see
// keepLinesBelow). With --fix the lines are gone from the file that the next
// rule reads; without it every rule reads the file as it is, so the ledger
// lasts the whole run and a fix is marked fixable only if the lines it
// needs are left by the fixes before it, as --fix would find them.
type blankLineLedger map[blankLinesBelow]int

type blankLinesBelow struct {
	filename string
	at       int // the byte after the block's closing brace
}

func (r *recordingFixer) blankLinesTaken(filename string, at int) int {
	key := blankLinesBelow{filename, at}
	return r.ledger[key] + r.taken[key]
}

func (r *recordingFixer) takeBlankLines(filename string, at, n int) {
	r.taken[blankLinesBelow{filename, at}] += n
}

// blankLinesTaken is how many blank lines below the block ending at at
// earlier fixes took; 0 from a fixer that keeps no ledger.
func blankLinesTaken(f tflint.Fixer, filename string, at int) int {
	if l, ok := f.(*recordingFixer); ok {
		return l.blankLinesTaken(filename, at)
	}
	return 0
}

func takeBlankLines(f tflint.Fixer, filename string, at, n int) {
	if l, ok := f.(*recordingFixer); ok {
		l.takeBlankLines(filename, at, n)
	}
}

func (r *recordingFixer) record(op fixOp) error {
	if err := op(r.Fixer); err != nil {
		return err
	}
	r.edits = append(r.edits, op)
	return nil
}

// Changes lets fixes see the edits made so far, as on the SDK's fixer.
func (r *recordingFixer) Changes() map[string][]byte { return pendingChanges(r.Fixer) }

func (r *recordingFixer) ReplaceText(rng hcl.Range, texts ...any) error {
	return r.record(func(f tflint.Fixer) error { return f.ReplaceText(rng, texts...) })
}

func (r *recordingFixer) InsertTextBefore(rng hcl.Range, text string) error {
	return r.record(func(f tflint.Fixer) error { return f.InsertTextBefore(rng, text) })
}

func (r *recordingFixer) InsertTextAfter(rng hcl.Range, text string) error {
	return r.record(func(f tflint.Fixer) error { return f.InsertTextAfter(rng, text) })
}

func (r *recordingFixer) Remove(rng hcl.Range) error {
	return r.record(func(f tflint.Fixer) error { return f.Remove(rng) })
}

func (r *recordingFixer) RemoveAttribute(attr *hcl.Attribute) error {
	return r.record(func(f tflint.Fixer) error { return f.RemoveAttribute(attr) })
}

func (r *recordingFixer) RemoveBlock(block *hcl.Block) error {
	return r.record(func(f tflint.Fixer) error { return f.RemoveBlock(block) })
}

func (r *recordingFixer) RemoveExtBlock(block *hclext.Block) error {
	return r.record(func(f tflint.Fixer) error { return f.RemoveExtBlock(block) })
}
