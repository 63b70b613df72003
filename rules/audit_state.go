package rules

import "github.com/neptune-lint/tflint-ruleset-neptune/neptune"

type auditState int

const (
	auditUnknown  auditState = iota // values or dynamic blocks not known here
	auditMissing                    // no neptune_enable_audit_log block: it stays 0
	auditOn                         // every block sets "1"
	auditOff                        // every block sets the same value, not "1"
	auditConflict                   // blocks disagree
)

// auditLogState tells whether a cluster parameter group turns the audit log on.
func auditLogState(m *Model, g *ParameterGroup) auditState {
	params := m.ParametersNamed(g, neptune.AuditLogParameter)
	if len(params) == 0 {
		if m.HasUnresolvedParameters(g) {
			return auditUnknown
		}
		return auditMissing
	}
	values := map[string]bool{}
	for _, p := range params {
		v, ok := m.String(p.Value)
		if !ok {
			return auditUnknown
		}
		values[v] = true
	}
	switch {
	case len(values) > 1:
		return auditConflict
	case neptune.AuditLogEnabled(firstKey(values)):
		return auditOn
	default:
		return auditOff
	}
}

func firstKey(set map[string]bool) string {
	for k := range set {
		return k
	}
	return ""
}
