package neptune

import (
	"reflect"
	"strings"
	"testing"
)

func entry(text, name, value string) LabModeEntry {
	return LabModeEntry{Text: text, Name: name, Value: value, HasEquals: true}
}

func bare(text string) LabModeEntry {
	return LabModeEntry{Text: text}
}

func TestParseLabMode(t *testing.T) {
	tests := []struct {
		value string
		want  []LabModeEntry
	}{
		{"", nil},
		{"   ", nil},
		{"\t \n", nil},
		{"ObjectIndex=enabled", []LabModeEntry{entry("ObjectIndex=enabled", "ObjectIndex", "enabled")}},
		{"Streams=disabled, ReadWriteConflictDetection=enabled", []LabModeEntry{
			entry("Streams=disabled", "Streams", "disabled"),
			entry("ReadWriteConflictDetection=enabled", "ReadWriteConflictDetection", "enabled"),
		}},
		{"  ObjectIndex = enabled ,DatetimeMillisecond=disabled  ", []LabModeEntry{
			entry("ObjectIndex = enabled", "ObjectIndex", "enabled"),
			entry("DatetimeMillisecond=disabled", "DatetimeMillisecond", "disabled"),
		}},
		{"A=enabled,", []LabModeEntry{entry("A=enabled", "A", "enabled"), {}}},
		{",,", []LabModeEntry{{}, {}, {}}},
		{",", []LabModeEntry{{}, {}}},
		{"=", []LabModeEntry{entry("=", "", "")}},
		{"=enabled", []LabModeEntry{entry("=enabled", "", "enabled")}},
		{"ObjectIndex=", []LabModeEntry{entry("ObjectIndex=", "ObjectIndex", "")}},
		{"a=b=c", []LabModeEntry{entry("a=b=c", "a", "b=c")}},
		{"AuditLog", []LabModeEntry{bare("AuditLog")}},
		{"ObjectIndex, AuditLog", []LabModeEntry{bare("ObjectIndex"), bare("AuditLog")}},
		{"\xff=\xfe", []LabModeEntry{entry("\xff=\xfe", "\xff", "\xfe")}},
	}
	for _, tt := range tests {
		got := ParseLabMode(tt.value)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseLabMode(%q) =\n  %#v\nwant\n  %#v", tt.value, got, tt.want)
		}
	}
}

func TestParseLabModeHugeValue(t *testing.T) {
	const n = 200_000
	value := strings.Repeat("ObjectIndex=enabled,", n-1) + "ObjectIndex=enabled"
	entries := ParseLabMode(value)
	if len(entries) != n {
		t.Fatalf("len(ParseLabMode(huge)) = %d; want %d", len(entries), n)
	}
	if entries[n-1] != entry("ObjectIndex=enabled", "ObjectIndex", "enabled") {
		t.Errorf("last entry = %#v", entries[n-1])
	}
}

var kindNames = map[LabModeProblemKind]string{
	LabModeEmptyEntry:       "EmptyEntry",
	LabModeMissingEquals:    "MissingEquals",
	LabModeEmptyName:        "EmptyName",
	LabModeDuplicateFeature: "DuplicateFeature",
	LabModeNotAFeature:      "NotAFeature",
	LabModeRetiredFeature:   "RetiredFeature",
	LabModeUnknownFeature:   "UnknownFeature",
	LabModeInvalidValue:     "InvalidValue",
	LabModeNewerThanFamily:  "NewerThanFamily",
}

// want is the expected problem of one entry, by index.
type want struct {
	index  int
	kind   LabModeProblemKind
	reason string
}

func TestCheckLabMode(t *testing.T) {
	tests := []struct {
		name   string
		value  string
		family string
		want   []want
	}{
		{"blank", "", "neptune1.3", nil},
		{"all valid", "ReadWriteConflictDetection=enabled, ObjectIndex=disabled, DatetimeMillisecond=enabled", "neptune1", nil},
		{"all features on 1.4", "ReadWriteConflictDetection=disabled,ObjectIndex=enabled,DatetimeMillisecond=enabled,StrictTimeoutValidation=disabled,AccurateQRCMemoryEstimation=enabled,DictionaryGCMode=soft_delete,DictionaryGCConcurrency=16", "neptune1.4", nil},
		{"spaces around equals", " ObjectIndex = enabled ", "", nil},
		{"bare AuditLog", "AuditLog", "neptune1.3", []want{
			{0, LabModeNotAFeature, `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
		}},
		{"AuditLog with value", "ObjectIndex=enabled, AuditLog=enabled", "", []want{
			{1, LabModeNotAFeature, `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
		}},
		{"AuditLog in other case", "auditlog=1", "", []want{
			{0, LabModeNotAFeature, `"auditlog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
		}},
		{"docs example with Streams", "Streams=disabled, ReadWriteConflictDetection=enabled", "neptune1.2", []want{
			{0, LabModeRetiredFeature, `"Streams" left lab mode (use the neptune_streams cluster parameter)`},
		}},
		{"bare Streams", "Streams", "", []want{
			{0, LabModeRetiredFeature, `"Streams" left lab mode (use the neptune_streams cluster parameter)`},
		}},
		{"DFEQueryEngine", "DFEQueryEngine=viaQueryHint", "", []want{
			{0, LabModeRetiredFeature, `"DFEQueryEngine" left lab mode (use the neptune_dfe_query_engine instance parameter)`},
		}},
		{"NeptuneML lower case", "neptuneml=enabled", "", []want{
			{0, LabModeRetiredFeature, `"neptuneml" left lab mode (Neptune ML is generally available and needs no lab-mode entry)`},
		}},
		{"missing equals", "ObjectIndex", "", []want{
			{0, LabModeMissingEquals, `"ObjectIndex" has no "=" (write ObjectIndex=enabled or ObjectIndex=disabled)`},
		}},
		{"missing equals three values", "DictionaryGCMode", "", []want{
			{0, LabModeMissingEquals, `"DictionaryGCMode" has no "=" (write DictionaryGCMode=disabled, DictionaryGCMode=soft_delete or DictionaryGCMode=enabled)`},
		}},
		{"missing equals integer", "DictionaryGCConcurrency", "", []want{
			{0, LabModeMissingEquals, `"DictionaryGCConcurrency" has no "=" (write DictionaryGCConcurrency=N with N from 1 to 16)`},
		}},
		{"missing equals wrong case", "objectindex", "", []want{
			{0, LabModeMissingEquals, `"objectindex" has no "=" (write ObjectIndex=enabled or ObjectIndex=disabled)`},
		}},
		{"missing equals unknown", "Foo", "", []want{
			{0, LabModeMissingEquals, `"Foo" has no "=" (entries are written Feature=value)`},
		}},
		{"empty name", "=enabled", "", []want{
			{0, LabModeEmptyName, `"=enabled" has no feature name before "="`},
		}},
		{"only equals", "=", "", []want{
			{0, LabModeEmptyName, `"=" has no feature name before "="`},
		}},
		{"trailing comma", "ObjectIndex=enabled,", "", []want{
			{1, LabModeEmptyEntry, "empty entry (an extra comma)"},
		}},
		{"only commas", ",,", "", []want{
			{0, LabModeEmptyEntry, "empty entry (an extra comma)"},
			{1, LabModeEmptyEntry, "empty entry (an extra comma)"},
			{2, LabModeEmptyEntry, "empty entry (an extra comma)"},
		}},
		{"blank between commas", "ObjectIndex=enabled,  ,DatetimeMillisecond=enabled", "", []want{
			{1, LabModeEmptyEntry, "empty entry (an extra comma)"},
		}},
		{"unknown with no suggestion", "a=b=c", "", []want{
			{0, LabModeUnknownFeature, `"a" is not a known lab-mode feature`},
		}},
		{"unknown wrong case", "objectIndex=enabled", "", []want{
			{0, LabModeUnknownFeature, `"objectIndex" is not a known lab-mode feature (did you mean ObjectIndex?)`},
		}},
		{"unknown misspelt", "ObjectIndx=enabled, ReadWriteConflictDetetcion=enabled", "", []want{
			{0, LabModeUnknownFeature, `"ObjectIndx" is not a known lab-mode feature (did you mean ObjectIndex?)`},
			{1, LabModeUnknownFeature, `"ReadWriteConflictDetetcion" is not a known lab-mode feature (did you mean ReadWriteConflictDetection?)`},
		}},
		{"unknown with inner space", "Object Index=enabled", "", []want{
			{0, LabModeUnknownFeature, `"Object Index" is not a known lab-mode feature (did you mean ObjectIndex?)`},
		}},
		{"unknown three edits away", "ObjIndex=enabled", "", []want{
			{0, LabModeUnknownFeature, `"ObjIndex" is not a known lab-mode feature`},
		}},
		{"unknown near AuditLog", "AuditLogs=enabled", "", []want{
			{0, LabModeUnknownFeature, `"AuditLogs" is not a known lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
		}},
		{"duplicate", "ObjectIndex=enabled, ObjectIndex=disabled, ObjectIndex=enabled", "", []want{
			{1, LabModeDuplicateFeature, `"ObjectIndex=disabled" sets ObjectIndex again (keep a single ObjectIndex entry)`},
			{2, LabModeDuplicateFeature, `"ObjectIndex=enabled" sets ObjectIndex again (keep a single ObjectIndex entry)`},
		}},
		{"duplicate beats invalid value", "ObjectIndex=enabled,ObjectIndex=Enabled", "", []want{
			{1, LabModeDuplicateFeature, `"ObjectIndex=Enabled" sets ObjectIndex again (keep a single ObjectIndex entry)`},
		}},
		{"bare name does not count as a first occurrence", "ObjectIndex, ObjectIndex=enabled", "", []want{
			{0, LabModeMissingEquals, `"ObjectIndex" has no "=" (write ObjectIndex=enabled or ObjectIndex=disabled)`},
		}},
		{"duplicate retired reported as retired", "Streams=enabled,Streams=enabled", "", []want{
			{0, LabModeRetiredFeature, `"Streams" left lab mode (use the neptune_streams cluster parameter)`},
			{1, LabModeRetiredFeature, `"Streams" left lab mode (use the neptune_streams cluster parameter)`},
		}},
		{"value wrong case", "ObjectIndex=Enabled", "", []want{
			{0, LabModeInvalidValue, `"ObjectIndex=Enabled" must be enabled or disabled (values are case-sensitive: write ObjectIndex=enabled)`},
		}},
		{"value not accepted", "ReadWriteConflictDetection=true", "", []want{
			{0, LabModeInvalidValue, `"ReadWriteConflictDetection=true" must be enabled or disabled`},
		}},
		{"value empty", "ObjectIndex=", "", []want{
			{0, LabModeInvalidValue, `"ObjectIndex=" must be enabled or disabled`},
		}},
		{"value b=c", "ObjectIndex=b=c", "", []want{
			{0, LabModeInvalidValue, `"ObjectIndex=b=c" must be enabled or disabled`},
		}},
		{"GC mode value", "DictionaryGCMode=SOFT_DELETE", "neptune1.4", []want{
			{0, LabModeInvalidValue, `"DictionaryGCMode=SOFT_DELETE" must be disabled, soft_delete or enabled (values are case-sensitive: write DictionaryGCMode=soft_delete)`},
		}},
		{"GC concurrency too big", "DictionaryGCConcurrency=32", "neptune1.4", []want{
			{0, LabModeInvalidValue, `"DictionaryGCConcurrency=32" must be an integer from 1 to 16`},
		}},
		{"GC concurrency repeated with bad numbers", "DictionaryGCConcurrency=0,DictionaryGCConcurrency=+4,DictionaryGCConcurrency=4", "neptune1.4", []want{
			{0, LabModeInvalidValue, `"DictionaryGCConcurrency=0" must be an integer from 1 to 16`},
			{1, LabModeDuplicateFeature, `"DictionaryGCConcurrency=+4" sets DictionaryGCConcurrency again (keep a single DictionaryGCConcurrency entry)`},
			{2, LabModeDuplicateFeature, `"DictionaryGCConcurrency=4" sets DictionaryGCConcurrency again (keep a single DictionaryGCConcurrency entry)`},
		}},
		{"GC concurrency bounds", "DictionaryGCConcurrency=1, DictionaryGCMode=enabled", "neptune1.4", nil},
		{"GC concurrency 16 with leading zeros", "DictionaryGCConcurrency=0016", "neptune1.4", nil},
		{"GC concurrency 17", "DictionaryGCConcurrency=17", "neptune1.4", []want{
			{0, LabModeInvalidValue, `"DictionaryGCConcurrency=17" must be an integer from 1 to 16`},
		}},
		{"newer than family", "AccurateQRCMemoryEstimation=enabled", "neptune1.3", []want{
			{0, LabModeNewerThanFamily, `"AccurateQRCMemoryEstimation" needs engine 1.4.0.0 or later (family neptune1.4), but the group's family is neptune1.3`},
		}},
		{"StrictTimeoutValidation on neptune1.2", "StrictTimeoutValidation=enabled", "neptune1.2", []want{
			{0, LabModeNewerThanFamily, `"StrictTimeoutValidation" needs engine 1.3.2.0 or later (family neptune1.3), but the group's family is neptune1.2`},
		}},
		{"StrictTimeoutValidation on neptune1.3", "StrictTimeoutValidation=enabled", "neptune1.3", nil},
		{"GC on neptune1", "DictionaryGCMode=enabled, DictionaryGCConcurrency=4", "neptune1", []want{
			{0, LabModeNewerThanFamily, `"DictionaryGCMode" needs engine 1.4.3.0 or later (family neptune1.4), but the group's family is neptune1`},
			{1, LabModeNewerThanFamily, `"DictionaryGCConcurrency" needs engine 1.4.3.0 or later (family neptune1.4), but the group's family is neptune1`},
		}},
		{"newer family is fine", "AccurateQRCMemoryEstimation=enabled", "neptune2.0", nil},
		{"unknown family skips the check", "AccurateQRCMemoryEstimation=enabled", "", nil},
		{"unparsable family skips the check", "AccurateQRCMemoryEstimation=enabled", "neptune1.1", nil},
		{"invalid value beats newer than family", "AccurateQRCMemoryEstimation=on", "neptune1.2", []want{
			{0, LabModeInvalidValue, `"AccurateQRCMemoryEstimation=on" must be enabled or disabled`},
		}},
		{"one problem per entry, in order", "AuditLog, Streams=disabled,,ObjectIndex, =x, Foo=enabled, ObjectIndex=enabled, ObjectIndex=disabled, DatetimeMillisecond=yes, StrictTimeoutValidation=enabled", "neptune1.2", []want{
			{0, LabModeNotAFeature, `"AuditLog" is not a lab-mode feature (audit logging is enabled by the neptune_enable_audit_log parameter)`},
			{1, LabModeRetiredFeature, `"Streams" left lab mode (use the neptune_streams cluster parameter)`},
			{2, LabModeEmptyEntry, "empty entry (an extra comma)"},
			{3, LabModeMissingEquals, `"ObjectIndex" has no "=" (write ObjectIndex=enabled or ObjectIndex=disabled)`},
			{4, LabModeEmptyName, `"=x" has no feature name before "="`},
			{5, LabModeUnknownFeature, `"Foo" is not a known lab-mode feature`},
			{7, LabModeDuplicateFeature, `"ObjectIndex=disabled" sets ObjectIndex again (keep a single ObjectIndex entry)`},
			{8, LabModeInvalidValue, `"DatetimeMillisecond=yes" must be enabled or disabled`},
			{9, LabModeNewerThanFamily, `"StrictTimeoutValidation" needs engine 1.3.2.0 or later (family neptune1.3), but the group's family is neptune1.2`},
		}},
		{"invalid UTF-8 is quoted", "\xff=enabled", "", []want{
			{0, LabModeUnknownFeature, `"\xff" is not a known lab-mode feature`},
		}},
		{"long entry is shortened on a rune boundary", strings.Repeat("x", 63) + "é=enabled", "", []want{
			{0, LabModeUnknownFeature, `"` + strings.Repeat("x", 63) + `..." is not a known lab-mode feature`},
		}},
		{"long entry is shortened in the reason", strings.Repeat("x", 100) + "=enabled", "", []want{
			{0, LabModeUnknownFeature, `"` + strings.Repeat("x", 64) + `..." is not a known lab-mode feature`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := CheckLabMode(tt.value, tt.family)
			entries := ParseLabMode(tt.value)
			if len(problems) != len(tt.want) {
				t.Fatalf("CheckLabMode(%q, %q) returned %d problems; want %d:\n%s", tt.value, tt.family, len(problems), len(tt.want), describe(problems))
			}
			for i, w := range tt.want {
				p := problems[i]
				if p.Index != w.index || p.Kind != w.kind || p.Reason != w.reason {
					t.Errorf("problem %d = {%d %s %q}; want {%d %s %q}", i, p.Index, kindNames[p.Kind], p.Reason, w.index, kindNames[w.kind], w.reason)
				}
				if p.Entry != entries[p.Index] {
					t.Errorf("problem %d entry = %#v; want %#v", i, p.Entry, entries[p.Index])
				}
			}
		})
	}
}

func TestCheckLabModeConcurrencyValues(t *testing.T) {
	tests := []struct {
		value string
		valid bool
	}{
		{"1", true},
		{"16", true},
		{" 8 ", true},
		{"0016", true},
		{"0", false},
		{"17", false},
		{"32", false},
		{"", false},
		{"+4", false},
		{"-1", false},
		{"4.0", false},
		{"0x4", false},
		{"４", false},
		{"99999999999999999999", false},
		// 2^64+5 wraps to 5 if the parser overflows.
		{"18446744073709551621", false},
	}
	for _, tt := range tests {
		value := "DictionaryGCConcurrency=" + tt.value
		problems := CheckLabMode(value, "neptune1.4")
		if valid := len(problems) == 0; valid != tt.valid {
			t.Errorf("CheckLabMode(%q) valid = %v; want %v (%s)", value, valid, tt.valid, describe(problems))
		}
		if !tt.valid && len(problems) == 1 && problems[0].Kind != LabModeInvalidValue {
			t.Errorf("CheckLabMode(%q) kind = %s; want InvalidValue", value, kindNames[problems[0].Kind])
		}
	}
}

func describe(problems []LabModeProblem) string {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString("  " + kindNames[p.Kind] + ": " + p.Reason + "\n")
	}
	return b.String()
}

func TestCheckLabModeReasonsHaveNoTrailingPeriod(t *testing.T) {
	value := "AuditLog, Streams=disabled,,ObjectIndex, =x, Foo=enabled, ObjectIndex=enabled, ObjectIndex=disabled, DatetimeMillisecond=yes, StrictTimeoutValidation=enabled"
	seen := map[LabModeProblemKind]bool{}
	for _, p := range CheckLabMode(value, "neptune1.2") {
		seen[p.Kind] = true
		if p.Reason == "" || strings.HasSuffix(p.Reason, ".") {
			t.Errorf("reason %q is empty or ends with a period", p.Reason)
		}
	}
	if len(seen) != len(kindNames) {
		t.Errorf("value covers %d problem kinds; want all %d", len(seen), len(kindNames))
	}
}

func TestCheckLabModeHugeValue(t *testing.T) {
	const n = 100_000
	value := strings.Repeat("ObjectIndx=enabled, AuditLog,", n)
	problems := CheckLabMode(value, "neptune1.3")
	if len(problems) != 2*n+1 {
		t.Fatalf("len(problems) = %d; want %d", len(problems), 2*n+1)
	}
	if last := problems[len(problems)-1]; last.Kind != LabModeEmptyEntry || last.Index != 2*n {
		t.Errorf("last problem = %+v; want the trailing empty entry", last)
	}
}

func TestDroppable(t *testing.T) {
	droppable := map[LabModeProblemKind]bool{LabModeEmptyEntry: true, LabModeNotAFeature: true}
	for kind, name := range kindNames {
		got := LabModeProblem{Kind: kind}.Droppable()
		if got != droppable[kind] {
			t.Errorf("Droppable() for %s = %v; want %v", name, got, droppable[kind])
		}
	}
}

func TestDroppableFromCheck(t *testing.T) {
	value := "AuditLog,ObjectIndex=enabled,,Streams=enabled,auditlog=enabled"
	var dropped []int
	for _, p := range CheckLabMode(value, "") {
		if p.Droppable() {
			dropped = append(dropped, p.Index)
		}
	}
	if want := []int{0, 2, 4}; !reflect.DeepEqual(dropped, want) {
		t.Errorf("droppable indexes = %v; want %v", dropped, want)
	}
}

func TestWithoutLabModeEntries(t *testing.T) {
	tests := []struct {
		value string
		drop  map[int]bool
		want  string
	}{
		{"", nil, ""},
		{"   ", map[int]bool{0: true}, ""},
		{"AuditLog", map[int]bool{0: true}, ""},
		{"ObjectIndex=enabled", nil, "ObjectIndex=enabled"},
		{"AuditLog,ObjectIndex=enabled", map[int]bool{0: true}, "ObjectIndex=enabled"},
		{"AuditLog, ObjectIndex=enabled, DatetimeMillisecond=enabled", map[int]bool{0: true}, "ObjectIndex=enabled, DatetimeMillisecond=enabled"},
		{"ObjectIndex=enabled,AuditLog,DatetimeMillisecond=enabled", map[int]bool{1: true}, "ObjectIndex=enabled,DatetimeMillisecond=enabled"},
		{"ObjectIndex=enabled,AuditLog, DatetimeMillisecond=enabled", map[int]bool{1: true}, "ObjectIndex=enabled, DatetimeMillisecond=enabled"},
		{"ObjectIndex=enabled ,AuditLog ,DatetimeMillisecond=enabled", map[int]bool{1: true}, "ObjectIndex=enabled,DatetimeMillisecond=enabled"},
		{"ObjectIndex=enabled,\tDatetimeMillisecond=enabled", nil, "ObjectIndex=enabled,DatetimeMillisecond=enabled"},
		{"  ObjectIndex = enabled ,", map[int]bool{1: true}, "ObjectIndex = enabled"},
		{"A=enabled,,B=enabled,", map[int]bool{1: true, 3: true}, "A=enabled,B=enabled"},
		{"A=enabled,,B=enabled,", nil, "A=enabled,,B=enabled,"},
		{",,", map[int]bool{0: true, 1: true, 2: true}, ""},
		{"A=enabled,B=enabled", map[int]bool{0: true, 1: true}, ""},
		{"A=enabled,B=enabled", map[int]bool{-1: true, 7: true}, "A=enabled,B=enabled"},
		{"A=enabled, B=enabled", map[int]bool{1: false}, "A=enabled, B=enabled"},
	}
	for _, tt := range tests {
		if got := WithoutLabModeEntries(tt.value, tt.drop); got != tt.want {
			t.Errorf("WithoutLabModeEntries(%q, %v) = %q; want %q", tt.value, tt.drop, got, tt.want)
		}
	}
}
