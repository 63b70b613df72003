package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const publiclyAccessibleAttribute = "publicly_accessible"

// NeptuneClusterInstancePublicRule reports instances with a public endpoint
// (Checkov CKV_AWS_102, KICS "Neptune Database Cluster Instance Is Publicly
// Accessible").
type NeptuneClusterInstancePublicRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterInstancePublicRule returns the rule.
func NewNeptuneClusterInstancePublicRule() *NeptuneClusterInstancePublicRule {
	return &NeptuneClusterInstancePublicRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterInstancePublicRule) Name() string {
	return "neptune_cluster_instance_public"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterInstancePublicRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterInstancePublicRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterInstancePublicRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports every instance that sets publicly_accessible to true.
func (r *NeptuneClusterInstancePublicRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, i := range m.ClusterInstances {
		m.Visit(i)
		attr, public := publicAttribute(m, i)
		if !public {
			continue
		}
		message := fmt.Sprintf("%s sets publicly_accessible = true, so the graph is reachable from the internet, guarded only by IAM authentication and security groups: set publicly_accessible = false unless the instance must be public (not fixed automatically: changing it replaces the instance)", i.Address())
		if err := e.emit(message, attr.Expr.Range(), nil); err != nil {
			return err
		}
	}
	return nil
}

// publicAttribute returns an instance's publicly_accessible when it is known
// to be true. Terraform converts "true" to true; a value it cannot convert is
// Terraform's to reject.
func publicAttribute(m *Model, i *Resource) (*hclext.Attribute, bool) {
	attr := i.Attr(publiclyAccessibleAttribute)
	if attr == nil {
		return nil, false // the provider's default is false
	}
	return attr, knownTrue(m.Value(attr))
}

// knownTrue tells whether a usable value converts to true.
func knownTrue(v cty.Value) bool {
	if !usable(v) {
		return false
	}
	b, err := convert.Convert(v, cty.Bool)
	return err == nil && b.IsKnown() && !b.IsNull() && b.True()
}

// knownFalse tells whether a value is null or converts to false: an optional
// boolean argument left out or null is false to the provider.
func knownFalse(v cty.Value) bool {
	if v == cty.NilVal || isNull(v) {
		return true
	}
	if !usable(v) {
		return false
	}
	b, err := convert.Convert(v, cty.Bool)
	return err == nil && b.IsKnown() && !b.IsNull() && b.False()
}
