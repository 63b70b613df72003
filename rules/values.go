package rules

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// A value is "usable" when a rule may draw a conclusion from it: known, not
// null, and not sensitive or ephemeral (whose contents a rule must not print).
func usable(v cty.Value) bool {
	return v != cty.NilVal && v.IsWhollyKnown() && !v.IsNull() && !v.ContainsMarked()
}

// stringValue converts a usable primitive to the string Terraform would pass
// to the provider (the number 1 becomes "1").
func stringValue(v cty.Value) (string, bool) {
	if !usable(v) || !v.Type().IsPrimitiveType() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return "", false
	}
	return s.AsString(), true
}

// stringsValue reads a usable list, set or tuple of primitives as strings.
// ok is false for any other shape, which the rule then leaves alone.
func stringsValue(v cty.Value) ([]string, bool) {
	if !usable(v) {
		return nil, false
	}
	ty := v.Type()
	if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
		return nil, false
	}
	out := make([]string, 0, v.LengthInt())
	for it := v.ElementIterator(); it.Next(); {
		_, elem := it.Element()
		s, ok := stringValue(elem)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func isNull(v cty.Value) bool {
	return v != cty.NilVal && v.IsNull() && !v.IsMarked()
}

func exprOf(attr *hclext.Attribute) hcl.Expression {
	if attr == nil {
		return nil
	}
	return attr.Expr
}

// describeNull says where a null value comes from: "null" when written out,
// "null through var.x" when it comes through a reference.
func describeNull(attr *hclext.Attribute) string {
	if isNullLiteral(attr.Expr) {
		return "null"
	}
	if t, ok := pureTraversal(attr.Expr); ok {
		if name := traversalText(t); name != "" {
			return "null through " + name
		}
	}
	return "null"
}

// traversalText writes a reference as the user wrote it, e.g. var.x,
// local.cfg["db"] or var.list[count.index]; "" when a step cannot be shown.
func traversalText(t hcl.Traversal) string {
	var sb strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			sb.WriteString(s.Name)
		case hcl.TraverseAttr:
			sb.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			key, ok := indexText(s.Key)
			if !ok {
				return ""
			}
			sb.WriteString("[" + key + "]")
		default:
			return ""
		}
	}
	return sb.String()
}

func indexText(key cty.Value) (string, bool) {
	switch {
	case key == cty.NilVal || !key.IsKnown() || key.IsNull():
		return "", false
	case key.RawEquals(countIndexKey):
		return "count.index", true
	case key.RawEquals(eachKeyKey):
		return "each.key", true
	case key.Type() == cty.String:
		return strconv.Quote(key.AsString()), true
	case key.Type() == cty.Number:
		return key.AsBigFloat().Text('f', -1), true
	}
	return "", false
}
