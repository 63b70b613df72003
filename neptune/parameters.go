package neptune

import "strings"

// AuditLogParameter is the cluster parameter that turns Neptune audit logging on.
const AuditLogParameter = "neptune_enable_audit_log"

// LabModeParameter is the cluster parameter that lists lab-mode features.
const LabModeParameter = "neptune_lab_mode"

// AuditLogEnabled reports whether a neptune_enable_audit_log value turns audit
// logging on. Neptune allows only 0 and 1, so "true", "on", "01" or "1.0" are
// not accepted; a Terraform number 1 arrives as the string "1".
func AuditLogEnabled(value string) bool {
	return strings.TrimSpace(value) == "1"
}
