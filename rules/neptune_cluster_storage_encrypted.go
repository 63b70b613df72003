package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// NeptuneClusterStorageEncryptedRule checks encryption at rest (Security Hub Neptune.1).
type NeptuneClusterStorageEncryptedRule struct{ clusterSetting }

// NewNeptuneClusterStorageEncryptedRule returns the rule.
func NewNeptuneClusterStorageEncryptedRule() *NeptuneClusterStorageEncryptedRule {
	return &NeptuneClusterStorageEncryptedRule{clusterSetting{
		name:      "neptune_cluster_storage_encrypted",
		attribute: "storage_encrypted",
		control:   "Neptune.1",
		why:       "the graph and its snapshots are stored unencrypted",
		ok:        isTrue,
		fixed:     literalTrue,
		noFix:     "(not fixed automatically: changing it replaces the cluster, so migrate through an encrypted snapshot)",
		// A restored or secondary cluster is encrypted like its source.
		inheritedFrom: []string{"snapshot_identifier", "global_cluster_identifier"},
	}}
}

// Check reports clusters, and global clusters, whose storage is not encrypted:
// a member of a global cluster is encrypted as the global cluster is.
func (r *NeptuneClusterStorageEncryptedRule) Check(runner tflint.Runner) error {
	if err := r.check(runner, r, 0); err != nil {
		return err
	}
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, g := range m.GlobalClusters {
		m.Visit(g)
		if err := r.checkGlobalCluster(m, e, g); err != nil {
			return err
		}
	}
	return nil
}

// checkGlobalCluster reports a global cluster made without encryption. One
// made from an existing cluster (source_db_cluster_identifier) takes that
// cluster's encryption, which is checked there.
func (r *NeptuneClusterStorageEncryptedRule) checkGlobalCluster(m *Model, e *emitter, g *Resource) error {
	if source := g.Attr("source_db_cluster_identifier"); source != nil {
		if v := m.Value(source); !isNull(v) {
			if s, known := stringValue(v); !known || s != "" {
				return nil
			}
		}
	}
	attr := g.Attr(r.attribute)
	state, rng := "does not set storage_encrypted", g.Block.DefRange
	if attr != nil {
		v := m.Value(attr)
		if !isNull(v) && (!usable(v) || isTrue(v, 0)) {
			return nil
		}
		if !isNull(v) {
			state = "sets storage_encrypted = false"
		}
		rng = attr.Expr.Range()
	}
	message := fmt.Sprintf("%s %s, so its member clusters store the graph and its snapshots unencrypted (Security Hub %s): set storage_encrypted = true (not fixed automatically: changing it replaces the global cluster)",
		g.Address(), state, r.control)
	return e.emit(message, rng, nil)
}
