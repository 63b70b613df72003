package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneClusterKMSKeyRule requires a customer managed KMS key on every
// cluster (Checkov CKV_AWS_347, Trivy AWS-0128). It is a policy, not a
// mistake, so it is disabled by default.
type NeptuneClusterKMSKeyRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterKMSKeyRule returns the rule.
func NewNeptuneClusterKMSKeyRule() *NeptuneClusterKMSKeyRule {
	return &NeptuneClusterKMSKeyRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterKMSKeyRule) Name() string {
	return "neptune_cluster_kms_key"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterKMSKeyRule) Enabled() bool { return false }

// Severity returns the rule severity.
func (r *NeptuneClusterKMSKeyRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterKMSKeyRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports clusters whose kms_key_arn is left out, null or "". A
// restored cluster is skipped: it keeps its snapshot's key, and the provider
// does not send kms_key_arn when it restores.
func (r *NeptuneClusterKMSKeyRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		m.Visit(c)
		if mayBeRestored(m, c) {
			continue
		}
		attr := c.Attr("kms_key_arn")
		rng := c.Block.DefRange
		if attr != nil {
			v := m.Value(attr)
			if s, known := stringValue(v); !isNull(v) && (!known || s != "") {
				continue
			}
			rng = attr.Expr.Range()
		}
		message := fmt.Sprintf("%s does not set kms_key_arn, so its storage is encrypted, if at all, with the AWS managed key, whose key policy you cannot change (Checkov CKV_AWS_347, Trivy AWS-0128): set kms_key_arn to a customer managed key (not fixed automatically: changing it replaces the cluster)", c.Address())
		if err := e.emit(message, rng, nil); err != nil {
			return err
		}
	}
	return nil
}

// mayBeRestored tells whether snapshot_identifier is set or may be: only a
// null or "" value makes a new cluster.
func mayBeRestored(m *Model, c *Resource) bool {
	attr := c.Attr("snapshot_identifier")
	if attr == nil {
		return false
	}
	v := m.Value(attr)
	s, known := stringValue(v)
	return !isNull(v) && (!known || s != "")
}
