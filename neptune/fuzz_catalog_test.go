package neptune

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func FuzzCheckValue(f *testing.F) {
	for _, seed := range []string{"", "1", "0", "true", " 1", "+5", "1e3", "0x10", "9", "10", "90", "91", "2147483647", "2147483648",
		"18446744073709551626", "verbose", "viaQueryHint", "aggressive", "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		for _, spec := range parameterCatalog {
			ok, expectation := spec.CheckValue(value)
			checkValueResult(t, spec, value, ok, expectation)
			if fixed, fixable := spec.BooleanFix(value); fixable {
				if valid, _ := spec.CheckValue(fixed); !valid {
					t.Fatalf("%s: BooleanFix(%q) = %q, which CheckValue rejects", spec.Name, value, fixed)
				}
			}
		}
	})
}

func checkValueResult(t *testing.T, spec ParameterSpec, value string, ok bool, expectation string) {
	t.Helper()
	if ok != (expectation == "") {
		t.Fatalf("%s.CheckValue(%q) = %v, %q", spec.Name, value, ok, expectation)
	}
	if !ok && (!strings.HasPrefix(expectation, "must be ") || strings.HasSuffix(expectation, ".")) {
		t.Fatalf("%s.CheckValue(%q): badly formed expectation %q", spec.Name, value, expectation)
	}
	if !ok || spec.Deprecated != "" {
		return
	}
	if len(spec.Allowed) > 0 && !slices.Contains(spec.Allowed, value) {
		t.Fatalf("%s accepted %q, which is not in %q", spec.Name, value, spec.Allowed)
	}
	if spec.HasRange {
		n, err := strconv.ParseUint(value, 10, 63)
		if err != nil || int64(n) < spec.Min || int64(n) > spec.Max {
			t.Fatalf("%s accepted %q, which is not a whole number from %d to %d", spec.Name, value, spec.Min, spec.Max)
		}
	}
}

func FuzzSuggestParameter(f *testing.F) {
	for _, seed := range []string{"neptune_dfe_query_timeout", "Neptune_Streams", "neptune_enable_audit_logs", "foo", "", "neptune",
		"undo_log_purge", "log", "neptune_slow_query_log", "\xffneptune\x00streams"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		suggestion, ok := SuggestParameter(name)
		if !ok {
			if suggestion != "" {
				t.Fatalf("SuggestParameter(%q) = %q without ok", name, suggestion)
			}
			if _, known := LookupParameter(name); known {
				t.Fatalf("SuggestParameter(%q) has no suggestion for a catalog name", name)
			}
			return
		}
		if _, known := LookupParameter(suggestion); !known {
			t.Fatalf("SuggestParameter(%q) = %q, which is not in the catalog", name, suggestion)
		}
		if _, known := LookupParameter(name); known && suggestion != name {
			t.Fatalf("SuggestParameter(%q) = %q; a catalog name should suggest itself", name, suggestion)
		}
	})
}

func FuzzParseLogGroupName(f *testing.F) {
	for _, seed := range []string{"/aws/neptune/x/audit", "/aws/neptune/cluster/x/audit", "/aws/neptune/cluster/audit", "/aws/neptune/x/error",
		"/aws/neptune/", "/aws/neptune/x/audit/", "/aws/rds/cluster/x/audit", "/aws/neptune//", "/aws/neptune/cluster/x/y/z"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		info := ParseLogGroupName(name)
		if (info.Kind == NotANeptuneLogGroup) == strings.HasPrefix(name, neptuneLogGroupPrefix) {
			t.Fatalf("ParseLogGroupName(%q) kind %d disagrees with the prefix", name, info.Kind)
		}
		switch info.Kind {
		case NeptuneLogGroup, UnknownLogType:
			if rebuilt := LogGroupName(info.ClusterID, info.LogType); rebuilt != name {
				t.Fatalf("ParseLogGroupName(%q) = %+v, which rebuilds as %q", name, info, rebuilt)
			}
			if (info.Kind == NeptuneLogGroup) != slices.Contains(ExportLogTypes, info.LogType) {
				t.Fatalf("ParseLogGroupName(%q) = %+v: kind disagrees with the log type", name, info)
			}
		case RDSStyleLogGroup:
			if want := "/aws/neptune/cluster/" + info.ClusterID + "/" + info.LogType; want != name {
				t.Fatalf("ParseLogGroupName(%q) = %+v, which is not from %q", name, info, want)
			}
			if rebuilt, want := LogGroupName(info.ClusterID, info.LogType), "/aws/neptune/"+info.ClusterID+"/"+info.LogType; rebuilt != want {
				t.Fatalf("RDS-style %q rebuilds as %q; want %q", name, rebuilt, want)
			}
		case NotANeptuneLogGroup, MalformedNeptuneLogGroup:
			if info.ClusterID != "" || info.LogType != "" {
				t.Fatalf("ParseLogGroupName(%q) = %+v: parts set for kind %d", name, info, info.Kind)
			}
			return
		default:
			t.Fatalf("ParseLogGroupName(%q) kind %d out of range", name, info.Kind)
		}
		if info.ClusterID == "" || info.LogType == "" || strings.Contains(info.ClusterID+info.LogType, "/") {
			t.Fatalf("ParseLogGroupName(%q) = %+v: empty part or part with a slash", name, info)
		}
	})
}
