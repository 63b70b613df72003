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

func TestTryOfAGroupThatIsNotMadeIsTheNextArgument(t *testing.T) {
	for _, tc := range []struct {
		name, count, value string
		want               GroupUse
	}{
		// The SDK's test runner does not expand count, so count = 0 is in
		// the integration case parameter_resolution.
		{"an instance past the count, then null", "1", `try(aws_neptune_cluster_parameter_group.x[1].name, null)`, UsesDefaultGroup},
		{"an instance made", "1", `try(aws_neptune_cluster_parameter_group.x[0].name, null)`, UsesModuleGroup},
		{"no instance, then a default name", "1", `try(aws_neptune_cluster_parameter_group.x[2].id, "default.neptune1.3")`, UsesDefaultGroup},
		{"no instance, then an empty name", "1", `try(aws_neptune_cluster_parameter_group.x[2].id, "")`, UsesDefaultGroup},
		{"no instance, then an unknown", "1", `try(aws_neptune_cluster_parameter_group.x[1].name, var.name)`, UsesUnknownGroup},
		{"not try", "1", `coalesce(aws_neptune_cluster_parameter_group.x[1].name, null)`, UsesUnknownGroup},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testModel(t, `
variable "name" {}
resource "aws_neptune_cluster_parameter_group" "x" {
  count  = `+tc.count+`
  family = "neptune1.3"
}
resource "aws_neptune_cluster" "c" {
  neptune_cluster_parameter_group_name = `+tc.value+`
}`)
			if got := m.ClusterParameterGroup(m.Clusters[0]).Use; got != tc.want {
				t.Errorf("group use = %v, want %v", got, tc.want)
			}
		})
	}
}
