package rules

// NeptuneClusterDeletionProtectionRule checks deletion protection (Security Hub Neptune.4).
type NeptuneClusterDeletionProtectionRule struct{ clusterSetting }

// NewNeptuneClusterDeletionProtectionRule returns the rule.
func NewNeptuneClusterDeletionProtectionRule() *NeptuneClusterDeletionProtectionRule {
	return &NeptuneClusterDeletionProtectionRule{clusterSetting{
		name:      "neptune_cluster_deletion_protection",
		attribute: "deletion_protection",
		control:   "Neptune.4",
		why:       "one terraform destroy or console click deletes the database",
		ok:        isTrue,
		fixed:     literalTrue,
	}}
}
