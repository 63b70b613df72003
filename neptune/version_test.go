package neptune

import "testing"

func TestEngineVersionAtLeast(t *testing.T) {
	tests := []struct {
		version, min string
		atLeast, ok  bool
	}{
		{"1.2.1.0", "1.2.1.0", true, true},
		{"1.2.1.1", "1.2.1.0", true, true},
		{"1.2.0.2", "1.2.1.0", false, true},
		{"1.3.0.0", "1.2.1.0", true, true},
		{"1.1.1.0", "1.2.0.0", false, true},
		{"1.2", "1.2.1.0", false, true}, // a line names its oldest release
		{"1.3", "1.2.1.0", true, true},
		{"2.0.0.0", "1.4.6.0", true, true},
		{"1.4.5.1", "1.4.6.0", false, true},
		{"1.4.6.3", "1.4.6.0", true, true},
		{"1.2.1.0.R5", "1.2.1.0", true, true},
		{"1.0.2.0.R2", "1.2.0.0", false, true},
		{" 1.2.0.0 ", "1.2.0.0", true, true},
		{"1.2.0.0.R", "1.2.0.0", false, false},
		{"1.2.0.0.0", "1.2.0.0", false, false},
		{"", "1.2.0.0", false, false},
		{"1", "1.2.0.0", false, false},
		{"latest", "1.2.0.0", false, false},
		{"0.9", "1.2.0.0", false, false},
		{"1.02.0.0", "1.2.0.0", false, false},
		{"1.2.0.0", "junk", false, false},
		{"99999.1", "1.2.0.0", false, false},
	}
	for _, tt := range tests {
		atLeast, ok := EngineVersionAtLeast(tt.version, tt.min)
		if atLeast != tt.atLeast || ok != tt.ok {
			t.Errorf("EngineVersionAtLeast(%q, %q) = %v, %v; want %v, %v", tt.version, tt.min, atLeast, ok, tt.atLeast, tt.ok)
		}
	}
}

func TestFamilyNewestAtLeast(t *testing.T) {
	tests := []struct {
		family, min string
		atLeast, ok bool
	}{
		{"neptune1", SlowQueryLogMinVersion, false, true},
		{"neptune1", "1.1.1.0", true, true},
		{"neptune1.2", SlowQueryLogMinVersion, true, true}, // 1.2.1.x engines have it
		{"neptune1.2", "1.2.0.0", true, true},
		{"neptune1.3", SlowQueryLogMinVersion, true, true},
		{"neptune1.3", PublicEndpointMinVersion, false, true},
		{"neptune1.4", PublicEndpointMinVersion, true, true},
		{"neptune2.0", PublicEndpointMinVersion, true, true},
		{"neptune1.1", SlowQueryLogMinVersion, false, false},
		{"default.neptune1.3", SlowQueryLogMinVersion, false, false},
		{"neptune1.3", "x", false, false},
	}
	for _, tt := range tests {
		atLeast, ok := FamilyNewestAtLeast(tt.family, tt.min)
		if atLeast != tt.atLeast || ok != tt.ok {
			t.Errorf("FamilyNewestAtLeast(%q, %q) = %v, %v; want %v, %v", tt.family, tt.min, atLeast, ok, tt.atLeast, tt.ok)
		}
	}
}

func TestAvailableInFamily(t *testing.T) {
	tests := []struct {
		parameter, family string
		available, ok     bool
	}{
		{"neptune_enable_slow_query_log", "neptune1", false, true},
		{"neptune_slow_query_log_threshold", "neptune1", false, true},
		{"neptune_enable_slow_query_log", "neptune1.2", true, true},
		{"neptune_enable_slow_query_log", "neptune1.4", true, true},
		{"neptune_enable_audit_log", "neptune1", true, true},
		{"neptune_enable_audit_log", "neptune1.1", false, false},
		{"neptune_enable_slow_query_log", "", false, false},
	}
	for _, tt := range tests {
		spec, _ := LookupParameter(tt.parameter)
		available, ok := spec.AvailableInFamily(tt.family)
		if available != tt.available || ok != tt.ok {
			t.Errorf("%s.AvailableInFamily(%q) = %v, %v; want %v, %v", tt.parameter, tt.family, available, ok, tt.available, tt.ok)
		}
	}
}

func TestSlowQueryLog(t *testing.T) {
	tests := []struct {
		value string
		want  SlowQueryLogState
	}{
		{"info", SlowQueryLogOn},
		{"debug", SlowQueryLogOn},
		{"disable", SlowQueryLogOff},
		{"disabled", SlowQueryLogOff},
		{"INFO", SlowQueryLogInvalid},
		{" info", SlowQueryLogInvalid},
		{"1", SlowQueryLogInvalid},
		{"", SlowQueryLogInvalid},
	}
	for _, tt := range tests {
		if got := SlowQueryLog(tt.value); got != tt.want {
			t.Errorf("SlowQueryLog(%q) = %v; want %v", tt.value, got, tt.want)
		}
	}
}
