package main

import (
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

func TestPosCountsCharactersAndLines(t *testing.T) {
	src := []byte("a = 1\n# ＝ comment\nb = \"x\"\n")
	cases := []struct {
		in   tflintjson.Pos
		want int
	}{
		{tflintjson.Pos{Line: 1, Column: 1}, 0},
		{tflintjson.Pos{Line: 2, Column: 1}, 6},
		{tflintjson.Pos{Line: 2, Column: 4}, 6 + 2 + len("＝")},
		{tflintjson.Pos{Line: 3, Column: 5}, 6 + len("# ＝ comment\n") + 4},
		{tflintjson.Pos{Line: 9, Column: 9}, len(src)},
	}
	for _, c := range cases {
		got := pos(src, c.in)
		if got != (hcl.Pos{Line: c.in.Line, Column: c.in.Column, Byte: c.want}) {
			t.Errorf("pos(%+v) = %+v, want byte %d", c.in, got, c.want)
		}
	}
}
