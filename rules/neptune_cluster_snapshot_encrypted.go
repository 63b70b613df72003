package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneClusterSnapshotEncryptedRule maps Security Hub Neptune.6 (cluster
// snapshots encrypted at rest) to the one place Terraform decides it: a
// cluster restored from a snapshot is encrypted exactly when the snapshot
// is, so the cluster must state storage_encrypted = true for a plan to show
// an unencrypted snapshot.
type NeptuneClusterSnapshotEncryptedRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterSnapshotEncryptedRule returns the rule.
func NewNeptuneClusterSnapshotEncryptedRule() *NeptuneClusterSnapshotEncryptedRule {
	return &NeptuneClusterSnapshotEncryptedRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterSnapshotEncryptedRule) Name() string {
	return "neptune_cluster_snapshot_encrypted"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterSnapshotEncryptedRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterSnapshotEncryptedRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterSnapshotEncryptedRule) Link() string {
	return project.ReferenceLink(r.Name())
}

// Check reports restored clusters that leave storage_encrypted out or null.
// An explicit false is neptune_cluster_storage_encrypted's finding, so that
// a cluster gets one finding about its encryption, not two.
func (r *NeptuneClusterSnapshotEncryptedRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		m.Visit(c)
		if !restoredFromSnapshot(m, c) {
			continue
		}
		attr := c.Attr("storage_encrypted")
		rng := c.Block.DefRange
		if attr != nil {
			if !isNull(m.Value(attr)) {
				continue
			}
			rng = attr.Expr.Range()
		}
		message := fmt.Sprintf("%s is restored from a snapshot without storage_encrypted = true, so it is encrypted only if the snapshot is, and nothing in the plan says which (Security Hub Neptune.6): set storage_encrypted = true so that Terraform plans a replacement if the snapshot is not encrypted (not fixed automatically: the argument forces replacement)",
			c.Address())
		if err := e.emit(message, rng, nil); err != nil {
			return err
		}
	}
	return nil
}

// restoredFromSnapshot tells whether a cluster is known to be restored: its
// snapshot_identifier refers to a snapshot resource, or is a known string
// other than "", which the provider treats as unset.
func restoredFromSnapshot(m *Model, c *Resource) bool {
	attr := c.Attr("snapshot_identifier")
	if attr == nil {
		return false
	}
	if t, ok := pureTraversal(attr.Expr); ok && t.RootName() == "aws_neptune_cluster_snapshot" {
		return true
	}
	id, ok := m.String(attr)
	return ok && id != ""
}
