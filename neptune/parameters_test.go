package neptune

import "testing"

func TestParameterNames(t *testing.T) {
	if AuditLogParameter != "neptune_enable_audit_log" {
		t.Errorf("AuditLogParameter = %q", AuditLogParameter)
	}
	if LabModeParameter != "neptune_lab_mode" {
		t.Errorf("LabModeParameter = %q", LabModeParameter)
	}
}

func TestAuditLogEnabled(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{
		{"1", true},
		{" 1 ", true},
		{"\t1\n", true},
		{"0", false},
		{"", false},
		{"true", false},
		{"TRUE", false},
		{"on", false},
		{"01", false},
		{"1.0", false},
		{"+1", false},
		{"11", false},
		{"1 1", false},
		{"enabled", false},
	}
	for _, tt := range tests {
		if got := AuditLogEnabled(tt.value); got != tt.want {
			t.Errorf("AuditLogEnabled(%q) = %v; want %v", tt.value, got, tt.want)
		}
	}
}
