package rules

import (
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
