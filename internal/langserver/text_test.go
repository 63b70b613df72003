package langserver

import (
	"testing"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

func TestIgnoreEdit(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		want       textEdit
	}{
		{
			name: "a new annotation, indented like the line",
			text: "resource \"a\" \"b\" {\n  x = 1\n}\n",
			line: 1,
			want: textEdit{Range: lspRange{Start: position{Line: 1}, End: position{Line: 1}}, NewText: "  # tflint-ignore: r\n"},
		},
		{
			name: "the rule joins an annotation above, which a new line would push out of reach",
			text: "resource \"a\" \"b\" {\n  # tflint-ignore: other\n  x = 1\n}\n",
			line: 2,
			want: textEdit{Range: lspRange{Start: position{Line: 1, Character: 24}, End: position{Line: 1, Character: 24}}, NewText: ", r"},
		},
		{
			name: "CRLF line endings stay",
			text: "a = 1\r\nb = 2\r\n",
			line: 1,
			want: textEdit{Range: lspRange{Start: position{Line: 1}, End: position{Line: 1}}, NewText: "# tflint-ignore: r\r\n"},
		},
		{
			name: "the first line",
			text: "\tb = 2",
			line: 0,
			want: textEdit{Range: lspRange{}, NewText: "\t# tflint-ignore: r\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ignoreEdit(tt.text, tt.line, "r"); got != tt.want {
				t.Errorf("ignoreEdit = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// Positions count UTF-16 code units, and tflint's columns count characters.
func TestPositionsCountUTF16(t *testing.T) {
	text := "a = \"é😀\" # x\nb\n"
	starts := lineStarts(text)
	// tflint column 8 is the closing quote: after a, space, =, space, ", é, 😀.
	if got := fromTflint(text, starts, tflintjson.Pos{Line: 1, Column: 8}); got != (position{Line: 0, Character: 8}) {
		t.Errorf("fromTflint = %+v, want character 8 (😀 is two UTF-16 units)", got)
	}
	quote := len("a = \"é😀")
	if got := positionOf(text, starts, quote); got != (position{Line: 0, Character: 8}) {
		t.Errorf("positionOf = %+v, want character 8", got)
	}
	if got := offsetOf(text, starts, position{Line: 0, Character: 8}); got != quote {
		t.Errorf("offsetOf = %d, want %d", got, quote)
	}
	edits := textEdits(text, "a = \"é😀\" # y\nb\n")
	if len(edits) != 1 || edits[0].Range.Start != (position{Line: 0, Character: 12}) || edits[0].NewText != "y" {
		t.Errorf("textEdits = %+v, want y at character 12", edits)
	}
}
