package neptune

import (
	"slices"
	"strings"
	"testing"
)

var labModeSeeds = []string{
	"",
	" ",
	"AuditLog",
	"Streams=disabled, ReadWriteConflictDetection=enabled",
	"A=enabled,",
	",,",
	"=",
	"a=b=c",
	"ObjectIndex=Enabled, ObjectIndex=enabled",
	"DictionaryGCConcurrency=32,DictionaryGCMode=soft_delete",
	"\xff\xfe=\x00,\u00a0,",
}

func FuzzParseLabMode(f *testing.F) {
	for _, seed := range labModeSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		entries := ParseLabMode(value)
		if strings.TrimSpace(value) == "" {
			if len(entries) != 0 {
				t.Fatalf("blank value %q gave %d entries", value, len(entries))
			}
			return
		}
		if want := strings.Count(value, ",") + 1; len(entries) != want {
			t.Fatalf("%q gave %d entries; want %d", value, len(entries), want)
		}
		for i, e := range entries {
			checkEntryInvariants(t, i, e)
		}
	})
}

func checkEntryInvariants(t *testing.T, i int, e LabModeEntry) {
	t.Helper()
	if e.Text != strings.TrimSpace(e.Text) || strings.Contains(e.Text, ",") {
		t.Fatalf("entry %d text %q is untrimmed or holds a comma", i, e.Text)
	}
	if e.HasEquals != strings.Contains(e.Text, "=") {
		t.Fatalf("entry %d %q: HasEquals = %v", i, e.Text, e.HasEquals)
	}
	if !e.HasEquals {
		if e.Name != "" || e.Value != "" {
			t.Fatalf("entry %d %q without '=' has name %q value %q", i, e.Text, e.Name, e.Value)
		}
		return
	}
	name, value, _ := strings.Cut(e.Text, "=")
	if e.Name != strings.TrimSpace(name) || e.Value != strings.TrimSpace(value) {
		t.Fatalf("entry %d %q split into %q and %q", i, e.Text, e.Name, e.Value)
	}
}

func FuzzCheckLabMode(f *testing.F) {
	families := []string{"", "neptune1", "neptune1.2", "neptune1.3", "neptune1.4", "neptune1.1"}
	for i, seed := range labModeSeeds {
		f.Add(seed, families[i%len(families)])
	}
	f.Fuzz(func(t *testing.T, value, family string) {
		entries := ParseLabMode(value)
		problems := CheckLabMode(value, family)
		if len(problems) > len(entries) {
			t.Fatalf("%d problems for %d entries", len(problems), len(entries))
		}
		_, _, familyKnown := ParseFamily(family)
		previous := -1
		for _, p := range problems {
			if p.Index <= previous || p.Index >= len(entries) {
				t.Fatalf("problem index %d out of order or range (previous %d, %d entries)", p.Index, previous, len(entries))
			}
			previous = p.Index
			if p.Entry != entries[p.Index] {
				t.Fatalf("problem entry %#v differs from entry %#v", p.Entry, entries[p.Index])
			}
			if p.Kind < LabModeEmptyEntry || p.Kind > LabModeNewerThanFamily {
				t.Fatalf("problem kind %d out of range", p.Kind)
			}
			if p.Reason == "" || strings.HasSuffix(p.Reason, ".") {
				t.Fatalf("bad reason %q", p.Reason)
			}
			if (p.Kind == LabModeEmptyEntry) != (p.Entry.Text == "") {
				t.Fatalf("kind %d for entry %q", p.Kind, p.Entry.Text)
			}
			if p.Kind == LabModeNewerThanFamily && !familyKnown {
				t.Fatalf("newer-than-family problem for unknown family %q", family)
			}
		}
	})
}

func FuzzFamilyForEngineVersion(f *testing.F) {
	for _, seed := range []string{"1.2.0.1", "1.1.9.9", " 1.3 ", "1", "1..2", "+1.2", "9999.9999.9999.9999", "0.1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, version string) {
		family, ok := FamilyForEngineVersion(version)
		if !ok {
			if family != "" {
				t.Fatalf("%q: not ok but family %q", version, family)
			}
			return
		}
		if _, _, parsed := ParseFamily(family); !parsed {
			t.Fatalf("%q gave family %q that ParseFamily rejects", version, family)
		}
		if atLeast, _ := FamilyAtLeast(family, "neptune1"); !atLeast {
			t.Fatalf("%q gave family %q older than neptune1", version, family)
		}
		if again, _ := FamilyForEngineVersion(" " + version + " "); again != family {
			t.Fatalf("%q with spaces gave %q; want %q", version, again, family)
		}
	})
}

func FuzzWithoutLabModeEntries(f *testing.F) {
	for i, seed := range labModeSeeds {
		f.Add(seed, uint64(i))
	}
	f.Fuzz(func(t *testing.T, value string, dropMask uint64) {
		entries := ParseLabMode(value)
		if !hasEmptyEntry(entries) {
			rebuilt := WithoutLabModeEntries(value, nil)
			if got, want := entryTexts(ParseLabMode(rebuilt)), entryTexts(entries); !slices.Equal(got, want) {
				t.Fatalf("%q rebuilt as %q: texts %q; want %q", value, rebuilt, got, want)
			}
		}
		drop := map[int]bool{}
		var kept []string
		for i, e := range entries {
			if dropMask&(1<<(i%64)) != 0 {
				drop[i] = true
			} else {
				kept = append(kept, e.Text)
			}
		}
		result := WithoutLabModeEntries(value, drop)
		if result == "" {
			if len(kept) > 1 || (len(kept) == 1 && kept[0] != "") {
				t.Fatalf("%q dropping %v gave \"\" but kept %q", value, drop, kept)
			}
			return
		}
		if got := entryTexts(ParseLabMode(result)); !slices.Equal(got, kept) {
			t.Fatalf("%q dropping %v gave %q with texts %q; want %q", value, drop, result, got, kept)
		}
		if strings.Contains(result, ", ") && !strings.Contains(value, ", ") {
			t.Fatalf("%q gave %q with a space the original lacks", value, result)
		}
	})
}

func hasEmptyEntry(entries []LabModeEntry) bool {
	return slices.ContainsFunc(entries, func(e LabModeEntry) bool { return e.Text == "" })
}

func entryTexts(entries []LabModeEntry) []string {
	texts := make([]string, len(entries))
	for i, e := range entries {
		texts[i] = e.Text
	}
	return texts
}

// Any two versions that parse are ordered one way or the other, and a
// version is never older than itself.
func FuzzEngineVersionAtLeast(f *testing.F) {
	for _, seed := range [][2]string{{"1.2.1.0", "1.2.0.2"}, {"1.2.1.0.R5", "1.2"}, {"1..2", "1.2"}, {"9999.9999.9999.9999", "1.0"}, {"1.2.R", "x"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ab, okA := EngineVersionAtLeast(a, b)
		ba, okB := EngineVersionAtLeast(b, a)
		if okA != okB {
			t.Fatalf("%q vs %q: ok %v one way, %v the other", a, b, okA, okB)
		}
		if okA && !ab && !ba {
			t.Fatalf("%q and %q are each older than the other", a, b)
		}
		if self, ok := EngineVersionAtLeast(a, a); ok && !self {
			t.Fatalf("%q is older than itself", a)
		}
	})
}
