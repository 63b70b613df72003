package langserver

import (
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/aymanbagabas/go-udiff"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

// lineStarts returns the byte offset of every line of text.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineText is the text of 0-based line n, without its line break.
func lineText(text string, starts []int, n int) string {
	if n < 0 || n >= len(starts) {
		return ""
	}
	end := len(text)
	if n+1 < len(starts) {
		end = starts[n+1]
	}
	return strings.TrimRight(text[starts[n]:end], "\r\n")
}

// utf16Len is the length of s in UTF-16 code units, LSP's default unit.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// fromTflint converts tflint's 1-based line and character column to an LSP
// position in text.
func fromTflint(text string, starts []int, p tflintjson.Pos) position {
	line := max(p.Line-1, 0)
	col := max(p.Column-1, 0)
	s := lineText(text, starts, line)
	prefix := s
	for i := range s {
		if col == 0 {
			prefix = s[:i]
			break
		}
		col--
	}
	return position{Line: line, Character: utf16Len(prefix)}
}

// positionOf is the LSP position of a byte offset of text.
func positionOf(text string, starts []int, offset int) position {
	line := 0
	for line+1 < len(starts) && starts[line+1] <= offset {
		line++
	}
	return position{Line: line, Character: utf16Len(text[starts[line]:offset])}
}

// offsetOf is the byte offset of an LSP position in text.
func offsetOf(text string, starts []int, p position) int {
	if p.Line >= len(starts) {
		return len(text)
	}
	s := lineText(text, starts, p.Line)
	units := 0
	for i, r := range s {
		if units >= p.Character {
			return starts[p.Line] + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	return starts[p.Line] + len(s)
}

// textEdits are the smallest edits that turn before into after.
func textEdits(before, after string) []textEdit {
	starts := lineStarts(before)
	var edits []textEdit
	for _, e := range udiff.Strings(before, after) {
		edits = append(edits, textEdit{
			Range:   lspRange{Start: positionOf(before, starts, e.Start), End: positionOf(before, starts, e.End)},
			NewText: e.New,
		})
	}
	return edits
}

// ignoreAnnotation matches a line that is only a tflint-ignore annotation.
var ignoreAnnotation = regexp.MustCompile(`^(\s*(?:#|//)\s*tflint-ignore:\s*)([^\n*/#]*?)\s*$`)

// ignoreEdit is the edit that makes tflint ignore rule on 0-based line n of
// text: the rule is added to an annotation on the line above, or a new
// annotation line goes above, indented like the line.
func ignoreEdit(text string, n int, rule string) textEdit {
	starts := lineStarts(text)
	if above := lineText(text, starts, n-1); n > 0 {
		if m := ignoreAnnotation.FindStringSubmatchIndex(above); m != nil {
			end := position{Line: n - 1, Character: utf16Len(above[:m[5]])}
			return textEdit{Range: lspRange{Start: end, End: end}, NewText: ", " + rule}
		}
	}
	line := lineText(text, starts, n)
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	eol := "\n"
	if n+1 < len(starts) && strings.HasSuffix(text[:starts[n+1]], "\r\n") {
		eol = "\r\n"
	}
	at := position{Line: n}
	return textEdit{Range: lspRange{Start: at, End: at}, NewText: indent + "# tflint-ignore: " + rule + eol}
}

// pathOf is the file path of a file URI, or "" for another scheme.
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // /C:/... on Windows
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// uriOf is the file URI of an absolute path.
func uriOf(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
