package rules

import (
	"bytes"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Source edits shared by the fixes. Each returns tflint.ErrFixNotSupported
// when the source is not native HCL, so JSON files get findings but no fix.

// syntaxBlock finds the native syntax of a block, which knows its braces,
// and returns it with its file's text as the fixer holds it.
func (m *Model) syntaxBlock(f tflint.Fixer, block *hclext.Block) (*hclsyntax.Block, []byte, error) {
	name := block.DefRange.Filename
	if isJSONFile(name) {
		return nil, nil, tflint.ErrFixNotSupported
	}
	src := m.source(f, name)
	if found := m.blockInItem(name, src, block.TypeRange.Start.Byte); found != nil {
		return found, src, nil
	}
	file, err := m.File(name)
	if err != nil || file == nil {
		return nil, nil, tflint.ErrFixNotSupported
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, nil, tflint.ErrFixNotSupported
	}
	found := m.indexedBlocks(rangeKey{file: name, start: 0, end: -1}, body)[block.TypeRange.Start.Byte]
	if found == nil {
		return nil, nil, tflint.ErrFixNotSupported
	}
	return found, file.Bytes, nil
}

// source returns a file's text as the fixer holds it: the text the model
// was read from, since the model is read again after each rule's fixes.
func (m *Model) source(f tflint.Fixer, name string) []byte {
	if src, ok := m.sources[name]; ok {
		return src
	}
	if m.sources == nil {
		m.sources = map[string][]byte{}
	}
	src := sourceOf(f, name)
	m.sources[name] = src
	return src
}

// blockInItem finds a block by where its type starts, parsing only the
// top-level item that holds it: from the start of the resource the model read
// around it to the start of the next one, or the end of the file. Parsing the
// whole file in each fixing rule cost --fix as much as the rest of its work.
// Nil when it cannot tell, such as for a block outside any resource.
func (m *Model) blockInItem(name string, src []byte, at int) *hclsyntax.Block {
	starts := m.topLevel[name]
	i := sort.Search(len(starts), func(i int) bool { return starts[i].Byte > at }) - 1
	if i < 0 {
		return nil
	}
	start, end := starts[i], len(src)
	if i+1 < len(starts) {
		end = starts[i+1].Byte
	}
	if start.Byte < 0 || start.Byte > end || end > len(src) {
		return nil
	}
	key := rangeKey{file: name, start: start.Byte, end: end}
	if index, ok := m.syntaxBlocks[key]; ok {
		return index[at]
	}
	file, diags := hclsyntax.ParseConfig(src[start.Byte:end], name, start)
	body, ok := file.Body.(*hclsyntax.Body)
	if diags.HasErrors() || !ok {
		m.indexedBlocks(key, nil)
		return nil
	}
	return m.indexedBlocks(key, body)[at]
}

// blockIndex holds the native blocks of a piece of a file by the byte where
// their type starts.
type blockIndex map[int]*hclsyntax.Block

// indexedBlocks indexes the blocks of a parsed piece of a file with one walk:
// a walk per fix made --fix quadratic in the fixes of a file.
func (m *Model) indexedBlocks(key rangeKey, body *hclsyntax.Body) blockIndex {
	if index, ok := m.syntaxBlocks[key]; ok {
		return index
	}
	index := blockIndex{}
	if body != nil {
		_ = hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
			if b, ok := node.(*hclsyntax.Block); ok {
				if _, seen := index[b.TypeRange.Start.Byte]; !seen {
					index[b.TypeRange.Start.Byte] = b
				}
			}
			return nil
		})
	}
	if m.syntaxBlocks == nil {
		m.syntaxBlocks = map[rangeKey]blockIndex{}
	}
	m.syntaxBlocks[key] = index
	return index
}

// appendToBlock adds lines (without indentation) as the last items of a block.
func (m *Model) appendToBlock(f tflint.Fixer, block *hclext.Block, lines ...string) error {
	b, src, err := m.syntaxBlock(f, block)
	if err != nil {
		return err
	}
	added, err := insertIntoBlock(f, b, src, lines)
	if err != nil {
		return err
	}
	return keepLinesBelow(f, b, src, added)
}

// insertAttribute adds an argument to a block after its last argument, so
// that it stays above nested blocks such as lifecycle and timeouts, where
// terraform fmt users write arguments. A block with no argument gets it as
// its first line.
func (m *Model) insertAttribute(f tflint.Fixer, block *hclext.Block, line string) error {
	b, src, err := m.syntaxBlock(f, block)
	if err != nil {
		return err
	}
	if len(b.Body.Blocks) == 0 {
		return m.appendToBlock(f, block, line)
	}
	at, text, ok := attributeInsertion(b, src, line)
	if !ok {
		return tflint.ErrFixNotSupported
	}
	if strings.Contains(string(src[at:b.CloseBraceRange.Start.Byte]), "tflint-ignore") {
		return tflint.ErrFixNotSupported // the lines it annotates would move
	}
	pos := hcl.Pos{Byte: at}
	if err := f.InsertTextBefore(hcl.Range{Filename: b.TypeRange.Filename, Start: pos, End: pos}, inFileNewlines(src, text)); err != nil {
		return err
	}
	return keepLinesBelow(f, b, src, strings.Count(text, "\n"))
}

// attributeInsertion finds where a new argument line goes: at the start of
// the line after the last argument, or, with none, before the first nested
// block, followed by a blank line.
func attributeInsertion(b *hclsyntax.Block, src []byte, line string) (int, string, bool) {
	indent := strings.Repeat(" ", b.TypeRange.Start.Column-1) + "  "
	last := -1
	for _, attr := range b.Body.Attributes {
		if end := attr.SrcRange.End.Byte; end > last {
			last = end
		}
	}
	if last < 0 {
		first := b.Body.Blocks[0].TypeRange.Start.Byte
		for _, nested := range b.Body.Blocks {
			first = min(first, nested.TypeRange.Start.Byte)
		}
		start := lineStartBefore(src, first)
		if strings.TrimSpace(string(src[start:first])) != "" {
			return 0, "", false // the block opens on the line of another item
		}
		return start, indent + line + "\n\n", true
	}
	next := strings.IndexByte(string(src[last:]), '\n')
	if next < 0 || last+next >= b.CloseBraceRange.Start.Byte {
		return 0, "", false // the closing brace is on the argument's line
	}
	return last + next + 1, indent + line + "\n", true
}

// insertIntoBlock writes the lines before the block's closing brace and
// returns how many lines the file grew by.
func insertIntoBlock(f tflint.Fixer, b *hclsyntax.Block, src []byte, lines []string) (int, error) {
	filename := b.TypeRange.Filename
	outer := strings.Repeat(" ", b.TypeRange.Start.Column-1)
	inner := outer + "  "
	text := indentLines(lines, inner)
	closing := b.CloseBraceRange.Start
	lineStart := lineStartBefore(src, closing.Byte)
	switch {
	case strings.TrimSpace(string(src[lineStart:closing.Byte])) == "":
		at := hcl.Pos{Line: closing.Line, Column: 1, Byte: lineStart}
		return strings.Count(text, "\n"), f.InsertTextBefore(hcl.Range{Filename: filename, Start: at, End: at}, inFileNewlines(src, text))
	case b.OpenBraceRange.Start.Line == closing.Line:
		between := hcl.Range{Filename: filename, Start: b.OpenBraceRange.End, End: closing}
		existing := strings.TrimSpace(string(between.SliceBytes(src)))
		replacement := "\n"
		if existing != "" {
			replacement += inner + existing + "\n"
		}
		replacement += text + outer
		return strings.Count(replacement, "\n"), f.ReplaceText(between, inFileNewlines(src, replacement))
	default:
		text = "\n" + text + outer
		return strings.Count(text, "\n"), f.InsertTextBefore(b.CloseBraceRange, inFileNewlines(src, text))
	}
}

// inFileNewlines writes text's line breaks as src does, so that a fix does
// not mix LF lines into a CRLF file.
func inFileNewlines(src []byte, text string) string {
	if !bytes.Contains(src, []byte("\r\n")) {
		return text
	}
	return strings.ReplaceAll(text, "\n", "\r\n")
}

// keepLinesBelow removes as many blank lines after a block as a fix added
// to it, when a "tflint-ignore" annotation follows: tflint computes the
// annotated lines once per run, so shifting them would make it report, and
// fix, what the user chose to ignore. Without enough blank lines there the
// fix is not offered.
func keepLinesBelow(f tflint.Fixer, b *hclsyntax.Block, src []byte, added int) error {
	end := b.CloseBraceRange.End.Byte
	rest := string(src[end:])
	if added == 0 || !strings.Contains(rest, "tflint-ignore") {
		return nil
	}
	first := strings.IndexByte(rest, '\n')
	if first < 0 || strings.TrimSpace(rest[:first]) != "" {
		return tflint.ErrFixNotSupported
	}
	// Earlier fixes of this block may have taken blank lines already: with
	// --fix they are gone from the file the next rule reads.
	taken := blankLinesTaken(f, b.TypeRange.Filename, end)
	start := first + 1
	stop := start
	for i := 0; i < taken+added; i++ {
		next := strings.IndexByte(rest[stop:], '\n')
		if next < 0 || strings.TrimSpace(rest[stop:stop+next]) != "" {
			return tflint.ErrFixNotSupported
		}
		stop += next + 1
		if i+1 == taken {
			start = stop
		}
	}
	err := f.Remove(hcl.Range{
		Filename: b.TypeRange.Filename,
		Start:    hcl.Pos{Byte: end + start},
		End:      hcl.Pos{Byte: end + stop},
	})
	if err == nil {
		takeBlankLines(f, b.TypeRange.Filename, end, added)
	}
	return err
}

// replaceKeepingAnnotations replaces an expression. The fix is not offered
// when the old text holds a comment, which the new text would drop, nor when
// it spans several lines and a tflint-ignore annotation follows, since lines
// below would move.
func replaceKeepingAnnotations(f tflint.Fixer, rng hcl.Range, text string) error {
	if holdsComment(f.TextAt(rng).Bytes) || rng.End.Line > rng.Start.Line && annotationAfter(f, rng) {
		return tflint.ErrFixNotSupported
	}
	return f.ReplaceText(rng, text)
}

// holdsComment tells whether HCL source holds a comment, such as a list
// entry commented out.
func holdsComment(src []byte) bool {
	if !bytes.ContainsAny(src, "#/") {
		return false
	}
	tokens, _ := hclsyntax.LexExpression(src, "", hcl.InitialPos)
	for _, t := range tokens {
		if t.Type == hclsyntax.TokenComment {
			return true
		}
	}
	return false
}

// appendToFile adds a top-level block at the end of a file, where it moves
// no line that an annotation may refer to.
func (m *Model) appendToFile(f tflint.Fixer, filename string, lines ...string) error {
	if isJSONFile(filename) {
		return tflint.ErrFixNotSupported
	}
	src := m.source(f, filename)
	end := hcl.Pos{Byte: len(src)}
	text := "\n" + indentLines(lines, "")
	current := src
	if changed, ok := pendingChanges(f)[filename]; ok {
		current = changed // an earlier fix of this rule may have ended it with a newline
	}
	if len(current) > 0 && current[len(current)-1] != '\n' {
		text = "\n" + text
	}
	return f.InsertTextAfter(hcl.Range{Filename: filename, Start: end, End: end}, inFileNewlines(src, text))
}

func indentLines(lines []string, indent string) string {
	var sb strings.Builder
	for _, l := range lines {
		if l == "" {
			sb.WriteString("\n")
			continue
		}
		sb.WriteString(indent + l + "\n")
	}
	return sb.String()
}

// removeBlock deletes a nested block written as such (never one generated by
// a "dynamic" block, whose removal would delete every generated block), with
// the blank line before it when it was the last item of its parent. Lines
// below move up, so the fix is not offered when an annotation follows.
func (m *Model) removeBlock(f tflint.Fixer, block *hclext.Block) error {
	b, src, err := m.syntaxBlock(f, block)
	if err != nil {
		return err
	}
	if b.Type != block.Type || strings.Contains(string(src[b.CloseBraceRange.End.Byte:]), "tflint-ignore") {
		return tflint.ErrFixNotSupported
	}
	if blank, ok := blankLineBefore(b, src); ok && closesParentNext(b, src) {
		// It fails only when the removal of the block above took the blank
		// line with it already.
		_ = f.Remove(blank)
	}
	return f.RemoveExtBlock(block)
}

// blankLineBefore finds the blank line above a block and the comments that
// lead it, which RemoveExtBlock removes with the block.
func blankLineBefore(b *hclsyntax.Block, src []byte) (hcl.Range, bool) {
	lineStart := lineStartBefore(src, b.TypeRange.Start.Byte)
	for lineStart > 0 {
		prevStart := strings.LastIndexByte(string(src[:lineStart-1]), '\n') + 1
		line := strings.TrimSpace(string(src[prevStart:lineStart]))
		switch {
		case line == "":
			return hcl.Range{Filename: b.TypeRange.Filename, Start: hcl.Pos{Byte: prevStart}, End: hcl.Pos{Byte: lineStart}}, true
		case strings.HasPrefix(line, "#") || strings.HasPrefix(line, "//"):
			lineStart = prevStart
		default:
			return hcl.Range{}, false
		}
	}
	return hcl.Range{}, false
}

func closesParentNext(b *hclsyntax.Block, src []byte) bool {
	rest := strings.TrimLeft(string(src[b.CloseBraceRange.End.Byte:]), " \t\r\n")
	return strings.HasPrefix(rest, "}")
}

// lineStartBefore is the byte offset where the line holding offset at
// starts; hcl columns count characters, not bytes, so they cannot say.
func lineStartBefore(src []byte, at int) int {
	return strings.LastIndexByte(string(src[:at]), '\n') + 1
}
