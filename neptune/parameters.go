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

// SlowQueryLogParameter is the cluster parameter that turns slow-query logging on.
const SlowQueryLogParameter = "neptune_enable_slow_query_log"

// SlowQueryLogState is what a neptune_enable_slow_query_log value does.
type SlowQueryLogState int

const (
	SlowQueryLogInvalid SlowQueryLogState = iota // not a value Neptune takes
	SlowQueryLogOff                              // "disable", or "disabled" as slow-query-logs.html spells it
	SlowQueryLogOn                               // "info" or "debug"
)

// SlowQueryLog reads a neptune_enable_slow_query_log value. parameters.html
// gives the default as "disable", slow-query-logs.html as "disabled": both
// are accepted as off. Values are compared exactly, as Neptune does.
func SlowQueryLog(value string) SlowQueryLogState {
	switch value {
	case "info", "debug":
		return SlowQueryLogOn
	case "disable", "disabled":
		return SlowQueryLogOff
	}
	return SlowQueryLogInvalid
}
