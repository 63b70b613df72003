package neptune

import (
	"slices"
	"strings"
	"testing"
)

func TestParameterLevelString(t *testing.T) {
	tests := []struct {
		level ParameterLevel
		want  string
	}{
		{ClusterLevel, "cluster"},
		{InstanceLevel, "instance"},
		{BothLevels, "cluster and instance"},
		{ParameterLevel(7), "ParameterLevel(7)"},
		{ParameterLevel(-1), "ParameterLevel(-1)"},
	}
	for _, tt := range tests {
		if got := tt.level.String(); got != tt.want {
			t.Errorf("ParameterLevel(%d).String() = %q; want %q", int(tt.level), got, tt.want)
		}
	}
}

const sslDeprecation = "Neptune accepts only TLS connections now; the parameter no longer has any effect"

// wantCatalog is neptune-facts.md §8, one entry per parameter.
var wantCatalog = []struct {
	name       string
	level      ParameterLevel
	static     bool
	allowed    []string
	min, max   int64
	hasRange   bool
	boolean    bool
	deprecated string
	since      string
}{
	{name: "neptune_enable_audit_log", level: ClusterLevel, static: true, allowed: []string{"0", "1"}, boolean: true},
	{name: "neptune_enable_slow_query_log", level: ClusterLevel, allowed: []string{"info", "debug", "disable", "disabled"}, since: "1.2.1.0"},
	{name: "neptune_slow_query_log_threshold", level: ClusterLevel, min: 0, max: 2147483647, hasRange: true, since: "1.2.1.0"},
	{name: "neptune_lab_mode", level: ClusterLevel, static: true},
	{name: "neptune_query_timeout", level: BothLevels, static: true, min: 10, max: 2147483647, hasRange: true},
	{name: "neptune_streams", level: ClusterLevel, static: true, allowed: []string{"0", "1"}, boolean: true},
	{name: "neptune_streams_expiry_days", level: ClusterLevel, static: true, min: 1, max: 90, hasRange: true},
	{name: "neptune_lookup_cache", level: ClusterLevel, static: true, allowed: []string{"0", "1"}, boolean: true},
	{name: "neptune_autoscaling_config", level: ClusterLevel, static: true},
	{name: "neptune_ml_iam_role", level: ClusterLevel, static: true},
	{name: "neptune_ml_endpoint", level: ClusterLevel, static: true},
	{name: "neptune_enable_inline_server_generated_edge_id", level: ClusterLevel, static: true, allowed: []string{"0", "1"}, boolean: true},
	{name: "neptune_enforce_ssl", level: ClusterLevel, static: true, deprecated: sslDeprecation},
	{name: "neptune_dfe_query_engine", level: InstanceLevel, static: true, allowed: []string{"enabled", "viaQueryHint"}},
	{name: "neptune_result_cache", level: InstanceLevel, static: true, allowed: []string{"0", "1"}, boolean: true},
	{name: "UndoLogPurgeConfig", level: InstanceLevel, static: true, allowed: []string{"default", "aggressive"}},
}

func TestParameterCatalog(t *testing.T) {
	if len(parameterCatalog) != len(wantCatalog) {
		t.Errorf("catalog has %d parameters; want %d", len(parameterCatalog), len(wantCatalog))
	}
	for _, w := range wantCatalog {
		p, ok := LookupParameter(w.name)
		if !ok {
			t.Errorf("LookupParameter(%q) not found", w.name)
			continue
		}
		if p.Name != w.name || p.Level != w.level || p.Static != w.static || !slices.Equal(p.Allowed, w.allowed) ||
			p.Min != w.min || p.Max != w.max || p.HasRange != w.hasRange || p.Boolean != w.boolean || p.Deprecated != w.deprecated || p.Since != w.since {
			t.Errorf("LookupParameter(%q) = %+v; want %+v", w.name, p, w)
		}
	}
}

func TestLookupParameterUnknown(t *testing.T) {
	for _, name := range []string{
		"neptune_dfe_query_timeout",
		"",
		"NEPTUNE_STREAMS",
		"neptune_streams ",
		" neptune_streams",
		"undologpurgeconfig",
		"enable_cloudwatch_logs_exports",
	} {
		if p, ok := LookupParameter(name); ok {
			t.Errorf("LookupParameter(%q) = %+v; want not found", name, p)
		}
	}
}

func TestLookupParameterReturnsACopy(t *testing.T) {
	p, _ := LookupParameter("neptune_streams")
	p.Allowed[0] = "true"
	again, _ := LookupParameter("neptune_enable_audit_log")
	if !slices.Equal(again.Allowed, []string{"0", "1"}) {
		t.Errorf("changing a looked-up spec changed the catalog: Allowed = %q", again.Allowed)
	}
}

func TestCheckValue(t *testing.T) {
	const (
		zeroOrOneExpectation = "must be 0 or 1"
		timeoutExpectation   = "must be a whole number of milliseconds from 10 to 2147483647"
		expiryExpectation    = "must be a whole number of days from 1 to 90"
		thresholdExpectation = "must be a whole number of milliseconds from 0 to 2147483647"
	)
	tests := []struct {
		parameter, value string
		expectation      string // "" when the value is allowed
	}{
		{"neptune_enable_audit_log", "1", ""},
		{"neptune_enable_audit_log", "0", ""},
		{"neptune_enable_audit_log", "true", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "TRUE", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "", zeroOrOneExpectation},
		{"neptune_enable_audit_log", " 1", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "1 ", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "01", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "1.0", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "+1", zeroOrOneExpectation},
		{"neptune_enable_audit_log", "2", zeroOrOneExpectation},
		{"neptune_streams", "yes", zeroOrOneExpectation},
		{"neptune_streams", "1", ""},
		{"neptune_lookup_cache", "on", zeroOrOneExpectation},
		{"neptune_result_cache", "false", zeroOrOneExpectation},
		{"neptune_enable_inline_server_generated_edge_id", "1", ""},
		{"neptune_enable_slow_query_log", "info", ""},
		{"neptune_enable_slow_query_log", "debug", ""},
		{"neptune_enable_slow_query_log", "disable", ""},
		{"neptune_enable_slow_query_log", "disabled", ""},
		{"neptune_enable_slow_query_log", "verbose", "must be info, debug, disable or disabled"},
		{"neptune_enable_slow_query_log", "INFO", "must be info, debug, disable or disabled"},
		{"neptune_enable_slow_query_log", "1", "must be info, debug, disable or disabled"},
		{"neptune_dfe_query_engine", "viaQueryHint", ""},
		{"neptune_dfe_query_engine", "enabled", ""},
		{"neptune_dfe_query_engine", "viaqueryhint", "must be enabled or viaQueryHint"},
		{"neptune_dfe_query_engine", "disabled", "must be enabled or viaQueryHint"},
		{"UndoLogPurgeConfig", "aggressive", ""},
		{"UndoLogPurgeConfig", "default", ""},
		{"UndoLogPurgeConfig", "fast", "must be default or aggressive"},
		{"neptune_query_timeout", "10", ""},
		{"neptune_query_timeout", "120000", ""},
		{"neptune_query_timeout", "2147483647", ""},
		{"neptune_query_timeout", "0000000010", ""},
		{"neptune_query_timeout", "9", timeoutExpectation},
		{"neptune_query_timeout", "0", timeoutExpectation},
		{"neptune_query_timeout", "2147483648", timeoutExpectation},
		{"neptune_query_timeout", "9223372036854775807", timeoutExpectation},
		{"neptune_query_timeout", "9223372036854775808", timeoutExpectation},
		{"neptune_query_timeout", "99999999999999999999999999999999", timeoutExpectation},
		// 2^64+10 wraps to 10 if the parser overflows.
		{"neptune_query_timeout", "18446744073709551626", timeoutExpectation},
		{"neptune_query_timeout", "", timeoutExpectation},
		{"neptune_query_timeout", " 120000", timeoutExpectation},
		{"neptune_query_timeout", "120000 ", timeoutExpectation},
		{"neptune_query_timeout", "+5000", timeoutExpectation},
		{"neptune_query_timeout", "+5", timeoutExpectation},
		{"neptune_query_timeout", "-20", timeoutExpectation},
		{"neptune_query_timeout", "1e3", timeoutExpectation},
		{"neptune_query_timeout", "1000.0", timeoutExpectation},
		{"neptune_query_timeout", "0x10", timeoutExpectation},
		{"neptune_query_timeout", "1_000", timeoutExpectation},
		{"neptune_query_timeout", "１０００", timeoutExpectation},
		{"neptune_streams_expiry_days", "1", ""},
		{"neptune_streams_expiry_days", "7", ""},
		{"neptune_streams_expiry_days", "90", ""},
		{"neptune_streams_expiry_days", "0", expiryExpectation},
		{"neptune_streams_expiry_days", "91", expiryExpectation},
		{"neptune_streams_expiry_days", "365", expiryExpectation},
		{"neptune_slow_query_log_threshold", "0", ""},
		{"neptune_slow_query_log_threshold", "5000", ""},
		{"neptune_slow_query_log_threshold", "2147483647", ""},
		{"neptune_slow_query_log_threshold", "2147483648", thresholdExpectation},
		{"neptune_slow_query_log_threshold", "5s", thresholdExpectation},
		{"neptune_slow_query_log_threshold", "-1", thresholdExpectation},
	}
	for _, tt := range tests {
		p, found := LookupParameter(tt.parameter)
		if !found {
			t.Fatalf("LookupParameter(%q) not found", tt.parameter)
		}
		ok, expectation := p.CheckValue(tt.value)
		if ok != (tt.expectation == "") || expectation != tt.expectation {
			t.Errorf("%s.CheckValue(%q) = %v, %q; want %v, %q", tt.parameter, tt.value, ok, expectation, tt.expectation == "", tt.expectation)
		}
	}
}

func TestCheckValueAcceptsAnyFreeTextOrDeprecatedValue(t *testing.T) {
	values := []string{"", " ", "1", "true", "AuditLog", `{"tags":[{"key":"a","value":"b"}]}`, "arn:aws:iam::123456789012:role/ml", "\xff"}
	for _, name := range []string{"neptune_lab_mode", "neptune_autoscaling_config", "neptune_ml_iam_role", "neptune_ml_endpoint", "neptune_enforce_ssl"} {
		p, _ := LookupParameter(name)
		for _, value := range values {
			if ok, expectation := p.CheckValue(value); !ok || expectation != "" {
				t.Errorf("%s.CheckValue(%q) = %v, %q; want true, \"\"", name, value, ok, expectation)
			}
		}
	}
}

func TestCheckValueOfAHandMadeRange(t *testing.T) {
	p := ParameterSpec{Name: "x", Min: 5, Max: 6, HasRange: true}
	if ok, expectation := p.CheckValue("7"); ok || expectation != "must be a whole number from 5 to 6" {
		t.Errorf("CheckValue(%q) = %v, %q", "7", ok, expectation)
	}
}

func TestBooleanFix(t *testing.T) {
	tests := []struct {
		parameter, value string
		fixed            string
		ok               bool
	}{
		{"neptune_enable_audit_log", "true", "1", true},
		{"neptune_enable_audit_log", "false", "0", true},
		{"neptune_enable_audit_log", "TRUE", "1", true},
		{"neptune_enable_audit_log", " True\t", "1", true},
		{"neptune_enable_audit_log", " FALSE ", "0", true},
		{"neptune_streams", "true", "1", true},
		{"neptune_lookup_cache", "false", "0", true},
		{"neptune_result_cache", "True", "1", true},
		{"neptune_enable_inline_server_generated_edge_id", "false", "0", true},
		{"neptune_enable_audit_log", "1", "", false},
		{"neptune_enable_audit_log", "yes", "", false},
		{"neptune_enable_audit_log", "on", "", false},
		{"neptune_enable_audit_log", "enabled", "", false},
		{"neptune_enable_audit_log", "", "", false},
		{"neptune_enable_audit_log", "truee", "", false},
		{"neptune_enable_audit_log", "t", "", false},
		{"neptune_enable_slow_query_log", "true", "", false},
		{"neptune_dfe_query_engine", "true", "", false},
		{"neptune_query_timeout", "false", "", false},
		{"neptune_lab_mode", "true", "", false},
		{"neptune_enforce_ssl", "true", "", false},
	}
	for _, tt := range tests {
		p, _ := LookupParameter(tt.parameter)
		fixed, ok := p.BooleanFix(tt.value)
		if fixed != tt.fixed || ok != tt.ok {
			t.Errorf("%s.BooleanFix(%q) = %q, %v; want %q, %v", tt.parameter, tt.value, fixed, ok, tt.fixed, tt.ok)
		}
		if ok {
			if valid, _ := p.CheckValue(fixed); !valid {
				t.Errorf("%s.BooleanFix(%q) = %q, which CheckValue rejects", tt.parameter, tt.value, fixed)
			}
		}
	}
}

func TestSuggestParameter(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"neptune_dfe_query_timeout", "neptune_query_timeout"},
		{"Neptune_Streams", "neptune_streams"},
		{"NEPTUNE_ENABLE_AUDIT_LOG", "neptune_enable_audit_log"},
		{"neptune_enable_audit_logs", "neptune_enable_audit_log"},
		{"neptune_audit_log", "neptune_enable_audit_log"},
		{"neptune_enable_auditlog", "neptune_enable_audit_log"},
		{"neptune_stream", "neptune_streams"},
		{"neptune_streams_expiry", "neptune_streams_expiry_days"},
		{"neptune_streams_days", "neptune_streams_expiry_days"},
		{"neptune_query_timeout_ms", "neptune_query_timeout"},
		{"neptune_dfe_engine", "neptune_dfe_query_engine"},
		{"enable_slow_query_log", "neptune_enable_slow_query_log"},
		// Equally close to neptune_enable_slow_query_log and neptune_slow_query_log_threshold.
		{"neptune_slow_query_log", ""},
		{"neptune_enable_slowquery_log", "neptune_enable_slow_query_log"},
		{"neptune_enforce_tls", "neptune_enforce_ssl"},
		{"undo_log_purge_config", "UndoLogPurgeConfig"},
		{"UndoLogPurge", "UndoLogPurgeConfig"},
		{"neptune_query_timeout", "neptune_query_timeout"},
		{"foo", ""},
		{"", ""},
		{"neptune", ""},
		{"neptune_", ""},
		{"neptune_foo", ""},
		{"audit", "neptune_enable_audit_log"},
		{"streams", "neptune_streams"},
		{"enable_cloudwatch_logs_exports", ""},
		// Equally close to neptune_enable_audit_log and UndoLogPurgeConfig.
		{"log", ""},
		{strings.Repeat("neptune_", 10_000), ""},
	}
	for _, tt := range tests {
		got, ok := SuggestParameter(tt.name)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("SuggestParameter(%.40q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.want != "")
		}
	}
}

func TestSuggestParameterFindsEveryNameInAnyCase(t *testing.T) {
	for _, spec := range parameterCatalog {
		for _, name := range []string{spec.Name, strings.ToUpper(spec.Name), strings.ToLower(spec.Name)} {
			if got, ok := SuggestParameter(name); !ok || got != spec.Name {
				t.Errorf("SuggestParameter(%q) = %q, %v; want %q", name, got, ok, spec.Name)
			}
		}
	}
}

func TestNameWords(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"neptune_dfe_query_timeout", []string{"dfe", "neptune", "query", "timeout"}},
		{"UndoLogPurgeConfig", []string{"config", "log", "purge", "undo"}},
		{"neptune-ML.endpoint", []string{"endpoint", "ml", "neptune"}},
		{"neptune_neptune__streams", []string{"neptune", "streams"}},
		{"DFEQuery", []string{"dfequery"}},
		{"\xffstreams é", []string{"streams"}},
		{"", nil},
		{"___", nil},
	}
	for _, tt := range tests {
		if got := nameWords(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("nameWords(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestIsTypoOf(t *testing.T) {
	cases := []struct {
		name, known string
		want        bool
	}{
		{"Neptune_Query_Timeout", "neptune_query_timeout", true},
		{"neptune_query_timout", "neptune_query_timeout", true},
		{"neptune_dfe_query_timeout", "neptune_query_timeout", false},
		{"neptune_streams", "neptune_streams", true},
		{"foo", "neptune_streams", false},
	}
	for _, c := range cases {
		if got := IsTypoOf(c.name, c.known); got != c.want {
			t.Errorf("IsTypoOf(%q, %q) = %v, want %v", c.name, c.known, got, c.want)
		}
	}
}
