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
		{" 1 ", false}, // Neptune compares exactly, as CheckValue does
		{"\t1\n", false},
		{"1 ", false},
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

// TestAuditLogEnabledAgreesWithTheCatalog: a value that turns the audit log
// on is one the catalog accepts, so no rule calls a value both on and invalid.
func TestAuditLogEnabledAgreesWithTheCatalog(t *testing.T) {
	spec, ok := LookupParameter(AuditLogParameter)
	if !ok {
		t.Fatal("the audit parameter is not in the catalog")
	}
	for _, value := range []string{"1", " 1", "1 ", "\t1\n", "01", "1.0", "true", "0", "", "+1"} {
		valid, _ := spec.CheckValue(value)
		if enabled := AuditLogEnabled(value); enabled && !valid || !enabled && valid && value != "0" {
			t.Errorf("%q: AuditLogEnabled = %v but CheckValue valid = %v", value, enabled, valid)
		}
	}
}
