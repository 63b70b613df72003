package neptune

// AuditLogParameter is the cluster parameter that turns Neptune audit logging on.
const AuditLogParameter = "neptune_enable_audit_log"

// LabModeParameter is the cluster parameter that lists lab-mode features.
const LabModeParameter = "neptune_lab_mode"

// AuditLogEnabled reports whether a neptune_enable_audit_log value turns audit
// logging on. Neptune allows only 0 and 1 and compares values exactly, as
// ParameterSpec.CheckValue does, so "true", "01", "1.0" or "1 " are not
// accepted; a Terraform number 1 arrives as the string "1".
func AuditLogEnabled(value string) bool {
	return value == "1"
}
