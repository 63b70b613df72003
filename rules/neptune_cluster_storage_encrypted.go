package rules

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
