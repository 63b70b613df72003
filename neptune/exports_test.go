package neptune

import (
	"strings"
	"testing"
)

func TestExportLogTypes(t *testing.T) {
	if got := strings.Join(ExportLogTypes, ","); got != "audit,slowquery" {
		t.Errorf("ExportLogTypes = %q; want audit and slowquery", ExportLogTypes)
	}
}

func TestCheckExportLogType(t *testing.T) {
	tests := []struct {
		value  string
		ok     bool
		fixed  string
		reason string
	}{
		{"audit", true, "", ""},
		{"slowquery", true, "", ""},
		{"AUDIT", false, "audit", `"AUDIT" is not a Neptune log type (log types are case-sensitive: write audit)`},
		{"Audit", false, "audit", `"Audit" is not a Neptune log type (log types are case-sensitive: write audit)`},
		{"SlowQuery", false, "slowquery", `"SlowQuery" is not a Neptune log type (log types are case-sensitive: write slowquery)`},
		{" Audit ", false, "", `" Audit " is not a Neptune log type (did you mean audit?)`},
		{"audit ", false, "", `"audit " is not a Neptune log type (did you mean audit?)`},
		{"slow_query", false, "", `"slow_query" is not a Neptune log type (did you mean slowquery?)`},
		{"audits", false, "", `"audits" is not a Neptune log type (did you mean audit?)`},
		{"error", false, "", `"error" is not a Neptune log type (use audit or slowquery)`},
		{"debug", false, "", `"debug" is not a Neptune log type (use audit or slowquery)`},
		{"general", false, "", `"general" is not a Neptune log type (use audit or slowquery)`},
		{"postgresql", false, "", `"postgresql" is not a Neptune log type (use audit or slowquery)`},
		{"audit,slowquery", false, "", `"audit,slowquery" is not a Neptune log type (use audit or slowquery)`},
		{"", false, "", `"" is not a Neptune log type (use audit or slowquery)`},
		{strings.Repeat("a", 100), false, "", `"` + strings.Repeat("a", 64) + `..." is not a Neptune log type (use audit or slowquery)`},
	}
	for _, tt := range tests {
		ok, fixed, reason := CheckExportLogType(tt.value)
		if ok != tt.ok || fixed != tt.fixed || reason != tt.reason {
			t.Errorf("CheckExportLogType(%q) = %v, %q, %q; want %v, %q, %q", tt.value, ok, fixed, reason, tt.ok, tt.fixed, tt.reason)
		}
	}
}

func TestNearExportLogType(t *testing.T) {
	for value, want := range map[string]string{"audits": "audit", "slow_query": "slowquery", "AUDIT": "audit", " audit": "audit", "error": "", "general": ""} {
		got, ok := NearExportLogType(value)
		if got != want || ok != (want != "") {
			t.Errorf("NearExportLogType(%q) = %q, %v; want %q", value, got, ok, want)
		}
	}
}
