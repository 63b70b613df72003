package neptune

import "testing"

func TestFamilyForEngineVersion(t *testing.T) {
	tests := []struct {
		version string
		family  string
		ok      bool
	}{
		{"1.0.5.0", "neptune1", true},
		{"1.0.1.0", "neptune1", true},
		{"1.1.1.0", "neptune1", true},
		{"1.1.9.9", "neptune1", true},
		{"1.2.0.0", "neptune1.2", true},
		{"1.2.0.1", "neptune1.2", true},
		{"1.3.2.0", "neptune1.3", true},
		{"1.3", "neptune1.3", true},
		{"1.3.2", "neptune1.3", true},
		{"1.4.5.1", "neptune1.4", true},
		{"1.10.0.0", "neptune1.10", true},
		{"2.0.0.0", "neptune2.0", true},
		{"2.1", "neptune2.1", true},
		{"9999.9999.9999.9999", "neptune9999.9999", true},
		{"  1.2.0.1  ", "neptune1.2", true},
		{"\t1.4.0.0\n", "neptune1.4", true},
		{"", "", false},
		{"   ", "", false},
		{"latest", "", false},
		{"1", "", false},
		{"v1.2", "", false},
		{"1.x", "", false},
		{"1..2", "", false},
		{"1.2.", "", false},
		{".1.2", "", false},
		{"-1.2", "", false},
		{"1.-2", "", false},
		{"+1.2", "", false},
		{"1.+2", "", false},
		{"12345.1", "", false},
		{"1.10000", "", false},
		{"1.2.0.1.0", "", false},
		{"1.0.1.0.200463.0", "", false},
		{"1.0.2.2.R2", "", false},
		{"01.2", "", false},
		{"1.02", "", false},
		{"0.9", "", false},
		{"0.0.0.0", "", false},
		{"1 .2", "", false},
		{"1.2 .0", "", false},
		{"1,2", "", false},
		{"１.２", "", false},
		{"1.2\x00", "", false},
	}
	for _, tt := range tests {
		family, ok := FamilyForEngineVersion(tt.version)
		if family != tt.family || ok != tt.ok {
			t.Errorf("FamilyForEngineVersion(%q) = %q, %v; want %q, %v", tt.version, family, ok, tt.family, tt.ok)
		}
	}
}

func TestParseFamily(t *testing.T) {
	tests := []struct {
		family       string
		major, minor int
		ok           bool
	}{
		{"neptune1", 1, 0, true},
		{"neptune1.2", 1, 2, true},
		{"neptune1.3", 1, 3, true},
		{"neptune1.4", 1, 4, true},
		{"neptune1.5", 1, 5, true},
		{"neptune1.10", 1, 10, true},
		{"neptune2.0", 2, 0, true},
		{"", 0, 0, false},
		{"neptune", 0, 0, false},
		{"neptune.", 0, 0, false},
		{"neptune1.", 0, 0, false},
		{"neptune.2", 0, 0, false},
		{"neptune1.0", 0, 0, false},
		{"neptune1.1", 0, 0, false},
		{"neptune0.5", 0, 0, false},
		{"neptune2", 0, 0, false},
		{"neptune01.2", 0, 0, false},
		{"neptune1.02", 0, 0, false},
		{"neptune1.2.0", 0, 0, false},
		{"neptune-1.2", 0, 0, false},
		{"neptune+1.2", 0, 0, false},
		{"Neptune1.2", 0, 0, false},
		{" neptune1.2", 0, 0, false},
		{"neptune1.2 ", 0, 0, false},
		{"default.neptune1.2", 0, 0, false},
		{"docdb4.0", 0, 0, false},
		{"1.2", 0, 0, false},
		{"neptune12345.1", 0, 0, false},
	}
	for _, tt := range tests {
		major, minor, ok := ParseFamily(tt.family)
		if major != tt.major || minor != tt.minor || ok != tt.ok {
			t.Errorf("ParseFamily(%q) = %d, %d, %v; want %d, %d, %v", tt.family, major, minor, ok, tt.major, tt.minor, tt.ok)
		}
	}
}

func TestFamilyAtLeast(t *testing.T) {
	tests := []struct {
		family, min string
		atLeast, ok bool
	}{
		{"neptune1", "neptune1", true, true},
		{"neptune1.2", "neptune1", true, true},
		{"neptune1", "neptune1.2", false, true},
		{"neptune1.3", "neptune1.4", false, true},
		{"neptune1.4", "neptune1.4", true, true},
		{"neptune1.4", "neptune1.3", true, true},
		{"neptune1.10", "neptune1.4", true, true},
		{"neptune2.0", "neptune1.4", true, true},
		{"neptune1.4", "neptune2.0", false, true},
		{"", "neptune1", false, false},
		{"neptune1", "", false, false},
		{"neptune1.1", "neptune1", false, false},
		{"neptune1.4", "nope", false, false},
	}
	for _, tt := range tests {
		atLeast, ok := FamilyAtLeast(tt.family, tt.min)
		if atLeast != tt.atLeast || ok != tt.ok {
			t.Errorf("FamilyAtLeast(%q, %q) = %v, %v; want %v, %v", tt.family, tt.min, atLeast, ok, tt.atLeast, tt.ok)
		}
	}
}

func TestIsDefaultParameterGroupName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"default.neptune1", true},
		{"default.neptune1.3", true},
		{"Default.neptune1.4", true},
		{"default.", true},
		{"default", false},
		{"defaults.neptune1", false},
		{"my-default.neptune1", false},
		{"neptune-audit", false},
		{"", false},
		{" default.neptune1", false},
	}
	for _, tt := range tests {
		if got := IsDefaultParameterGroupName(tt.name); got != tt.want {
			t.Errorf("IsDefaultParameterGroupName(%q) = %v; want %v", tt.name, got, tt.want)
		}
	}
}
