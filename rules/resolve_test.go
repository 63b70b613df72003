package rules

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func TestIndexKeyTellsMarksFromKeysWrittenOut(t *testing.T) {
	for src, want := range map[string]cty.Value{
		`1`:                   cty.NumberIntVal(1),
		`"graph"`:             cty.StringVal("graph"),
		`count.index`:         countIndexKey,
		`each.key`:            eachKeyKey,
		`"count.index"`:       cty.StringVal("count.index"),
		`each.value`:          cty.NilVal,
		`var.i`:               cty.NilVal,
		`count.index + 1`:     cty.NilVal,
		`"${var.prefix}-one"`: cty.NilVal,
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "k.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		if got := indexKey(expr); !got.RawEquals(want) {
			t.Errorf("indexKey(%s) = %#v, want %#v", src, got, want)
		}
	}
}

func TestWholeNumberAcceptsOnlyIndexes(t *testing.T) {
	for _, tc := range []struct {
		v    cty.Value
		want int
		ok   bool
	}{
		{cty.NumberIntVal(0), 0, true},
		{cty.NumberIntVal(3), 3, true},
		{cty.NumberFloatVal(1.5), 0, false},
		{cty.NumberIntVal(-1), 0, false},
		{cty.MustParseNumberVal("1e40"), 0, false},
		{cty.StringVal("1"), 0, false},
		{cty.UnknownVal(cty.Number), 0, false},
		{cty.NullVal(cty.Number), 0, false},
	} {
		if got, ok := wholeNumber(tc.v); got != tc.want || ok != tc.ok {
			t.Errorf("wholeNumber(%#v) = %d, %v; want %d, %v", tc.v, got, ok, tc.want, tc.ok)
		}
	}
}
