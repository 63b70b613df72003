package rules

// NeptuneClusterIAMAuthenticationRule checks IAM database authentication (Security Hub Neptune.7).
type NeptuneClusterIAMAuthenticationRule struct{ clusterSetting }

// NewNeptuneClusterIAMAuthenticationRule returns the rule.
func NewNeptuneClusterIAMAuthenticationRule() *NeptuneClusterIAMAuthenticationRule {
	return &NeptuneClusterIAMAuthenticationRule{clusterSetting{
		name:      "neptune_cluster_iam_authentication",
		attribute: "iam_database_authentication_enabled",
		control:   "Neptune.7",
		why:       "any client that reaches the endpoint can query the graph without IAM credentials",
		ok:        isTrue,
		fixed:     literalTrue,
	}}
}
