package rules

// NeptuneClusterCopyTagsToSnapshotRule checks that snapshots get the cluster's tags (Security Hub Neptune.8).
type NeptuneClusterCopyTagsToSnapshotRule struct{ clusterSetting }

// NewNeptuneClusterCopyTagsToSnapshotRule returns the rule.
func NewNeptuneClusterCopyTagsToSnapshotRule() *NeptuneClusterCopyTagsToSnapshotRule {
	return &NeptuneClusterCopyTagsToSnapshotRule{clusterSetting{
		name:      "neptune_cluster_copy_tags_to_snapshot",
		attribute: "copy_tags_to_snapshot",
		control:   "Neptune.8",
		why:       "snapshots lose the tags that cost allocation and access policies rely on",
		ok:        isTrue,
		fixed:     literalTrue,
	}}
}
