package rules

import "testing"

func TestNeptuneLabModeInvalid(t *testing.T) {
	group := func(body string) map[string]string {
		return map[string]string{"main.tf": "resource \"aws_neptune_cluster_parameter_group\" \"g\" {\n  family = \"neptune1.3\"\n" + body + "}\n"}
	}
	param := func(name, value string) string {
		return "\n  parameter {\n    name  = \"" + name + "\"\n    value = \"" + value + "\"\n  }\n"
	}
	const prefix = `main.tf:6:13 aws_neptune_cluster_parameter_group.g sets neptune_lab_mode entries that Neptune silently ignores: `
	runRuleCases(t, NewNeptuneLabModeInvalidRule(), []ruleCase{
		{
			name:   "AuditLog alone becomes the audit parameter in place",
			files:  group(param("neptune_lab_mode", "AuditLog")),
			issues: []string{prefix + `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
			fixed:  group(param("neptune_enable_audit_log", "1")),
		},
		{
			name:   "AuditLog next to the audit parameter: the block goes",
			files:  group(param("neptune_enable_audit_log", "1") + param("neptune_lab_mode", "AuditLog")),
			issues: []string{`main.tf:11:13 aws_neptune_cluster_parameter_group.g sets neptune_lab_mode entries that Neptune silently ignores: "AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
			fixed:  group(param("neptune_enable_audit_log", "1")),
		},
		{
			name:   "AuditLog among features: dropped, and the audit parameter added",
			files:  group(param("neptune_lab_mode", "ObjectIndex=enabled, AuditLog")),
			issues: []string{prefix + `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
			fixed:  group(param("neptune_lab_mode", "ObjectIndex=enabled") + param("neptune_enable_audit_log", "1")),
		},
		{
			name:  "two AuditLog blocks give one audit parameter",
			files: group(param("neptune_lab_mode", "AuditLog") + param("neptune_lab_mode", "AuditLog")),
			issues: []string{
				`main.tf:11:13 aws_neptune_cluster_parameter_group.g sets neptune_lab_mode entries that Neptune silently ignores: "AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`,
				prefix + `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`,
			},
			fixed: group(param("neptune_enable_audit_log", "1")),
		},
		{
			name:  "two lab modes with AuditLog among features add the audit parameter once",
			files: group(param("neptune_lab_mode", "ObjectIndex=enabled, AuditLog") + param("neptune_lab_mode", "AuditLog, DatetimeMillisecond=enabled")),
			issues: []string{
				`main.tf:11:13 aws_neptune_cluster_parameter_group.g sets neptune_lab_mode entries that Neptune silently ignores: "AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`,
				prefix + `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`,
			},
			fixed: group(param("neptune_lab_mode", "ObjectIndex=enabled") + param("neptune_lab_mode", "DatetimeMillisecond=enabled") + param("neptune_enable_audit_log", "1")),
		},
		{
			name:   "empty entries are dropped",
			files:  group(param("neptune_lab_mode", "ObjectIndex=enabled,,")),
			issues: []string{prefix + `empty entry (an extra comma)`},
			fixed:  group(param("neptune_lab_mode", "ObjectIndex=enabled")),
		},
		{
			name:   "unknown feature and bad value: no fix",
			files:  group(param("neptune_lab_mode", "Streams=enabled, ObjectIndex=on")),
			issues: []string{prefix + `"Streams" left lab mode (use the neptune_streams cluster parameter); "ObjectIndex=on" must be enabled or disabled`},
		},
		{
			name:   "feature newer than the family",
			files:  group(param("neptune_lab_mode", "AccurateQRCMemoryEstimation=enabled")),
			issues: []string{prefix + `"AccurateQRCMemoryEstimation" needs engine 1.4.0.0 or later (family neptune1.4), but the group's family is neptune1.3`},
		},
		{
			name:  "valid value",
			files: group(param("neptune_lab_mode", "ObjectIndex=enabled, ReadWriteConflictDetection=disabled")),
		},
		{
			name: "lab mode from a variable: reported, not fixed",
			files: map[string]string{"main.tf": `variable "lab" {
  default = "AuditLog"
}

resource "aws_neptune_cluster_parameter_group" "g" {
  parameter {
    name  = "neptune_lab_mode"
    value = var.lab
  }
}
`},
			issues: []string{`main.tf:8:13 aws_neptune_cluster_parameter_group.g sets neptune_lab_mode entries that Neptune silently ignores: "AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
		},
		{
			name:   "long lists of problems are cut short",
			files:  group(param("neptune_lab_mode", "A=enabled, B=enabled, C=enabled, D=enabled, E=enabled, F=enabled, G=enabled")),
			issues: []string{prefix + `"A" is not a known lab-mode feature; "B" is not a known lab-mode feature; "C" is not a known lab-mode feature; "D" is not a known lab-mode feature; "E" is not a known lab-mode feature; and 2 more`},
		},
	})
}
