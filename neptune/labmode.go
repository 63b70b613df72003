package neptune

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// LabModeEntry is one comma-separated entry of a neptune_lab_mode value.
type LabModeEntry struct {
	Text      string // the entry as written, without surrounding spaces
	Name      string // trimmed text before the first '=' ("" when there is no '=' or nothing before it)
	Value     string // trimmed text after the first '='
	HasEquals bool
}

// ParseLabMode splits a neptune_lab_mode value on commas into entries. Spaces
// around entries and around '=' are allowed. A blank value has no entries; a
// trailing comma yields a final empty entry.
func ParseLabMode(value string) []LabModeEntry {
	if strings.TrimSpace(value) == "" {
		return nil
	}
	entries := make([]LabModeEntry, 0, strings.Count(value, ",")+1)
	for text := range strings.SplitSeq(value, ",") {
		entries = append(entries, parseLabModeEntry(text))
	}
	return entries
}

func parseLabModeEntry(text string) LabModeEntry {
	text = strings.TrimSpace(text)
	name, value, hasEquals := strings.Cut(text, "=")
	if !hasEquals {
		return LabModeEntry{Text: text}
	}
	return LabModeEntry{
		Text:      text,
		Name:      strings.TrimSpace(name),
		Value:     strings.TrimSpace(value),
		HasEquals: true,
	}
}

// LabModeProblemKind classifies what is wrong with a lab-mode entry.
type LabModeProblemKind int

const (
	LabModeEmptyEntry       LabModeProblemKind = iota // "" between commas or trailing comma
	LabModeMissingEquals                              // "ObjectIndex"
	LabModeEmptyName                                  // "=enabled"
	LabModeDuplicateFeature                           // same feature twice (second and later occurrences)
	LabModeNotAFeature                                // "AuditLog": audit logging is the neptune_enable_audit_log parameter
	LabModeRetiredFeature                             // Streams, DFEQueryEngine, NeptuneML
	LabModeUnknownFeature                             // not in the catalog
	LabModeInvalidValue                               // value the feature does not take
	LabModeNewerThanFamily                            // feature introduced in a newer family than the group's
)

// LabModeProblem is one problem found in a neptune_lab_mode value.
type LabModeProblem struct {
	Index  int // index of the entry in ParseLabMode's result
	Entry  LabModeEntry
	Kind   LabModeProblemKind
	Reason string // a short clause naming the entry, without a trailing period
}

// Droppable reports whether an autofix may drop the entry. Only empty entries
// and AuditLog are safe to drop: they can never have had an effect, whereas
// dropping anything else could silently change what the user asked for.
func (p LabModeProblem) Droppable() bool {
	return p.Kind == LabModeEmptyEntry || p.Kind == LabModeNotAFeature
}

// CheckLabMode returns the problems of a neptune_lab_mode value in entry
// order, at most one per entry. family is the parameter group's family; when
// it is "" or does not parse, features are not checked against it.
func CheckLabMode(value, family string) []LabModeProblem {
	checker := labModeChecker{family: family, seen: map[string]bool{}}
	var problems []LabModeProblem
	for i, entry := range ParseLabMode(value) {
		if kind, reason, bad := checker.check(entry); bad {
			problems = append(problems, LabModeProblem{Index: i, Entry: entry, Kind: kind, Reason: reason})
		}
	}
	return problems
}

type labModeChecker struct {
	family string
	seen   map[string]bool
}

// check applies the checks from the most fundamental to the least. AuditLog
// and retired features are recognised before the missing '=' check so that a
// bare "AuditLog" is reported as what it is, not as "write AuditLog=enabled".
func (c *labModeChecker) check(entry LabModeEntry) (LabModeProblemKind, string, bool) {
	switch {
	case entry.Text == "":
		return LabModeEmptyEntry, "empty entry (an extra comma)", true
	case entry.HasEquals && entry.Name == "":
		return LabModeEmptyName, fmt.Sprintf(`%s has no feature name before "="`, quoted(entry.Text)), true
	}
	key := entryKey(entry)
	if isAuditLog(key) {
		return LabModeNotAFeature, notAFeatureReason(key), true
	}
	if retired, ok := findRetiredFeature(key); ok {
		return LabModeRetiredFeature, fmt.Sprintf("%s left lab mode (%s)", quoted(key), retired.instead), true
	}
	if !entry.HasEquals {
		return LabModeMissingEquals, missingEqualsReason(entry.Text), true
	}
	return c.checkFeature(entry)
}

func (c *labModeChecker) checkFeature(entry LabModeEntry) (LabModeProblemKind, string, bool) {
	feature, ok := findFeature(entry.Name)
	if !ok {
		return LabModeUnknownFeature, unknownFeatureReason(entry.Name), true
	}
	if c.seen[feature.name] {
		return LabModeDuplicateFeature, fmt.Sprintf("%s sets %s again (keep a single %s entry)", quoted(entry.Text), feature.name, feature.name), true
	}
	c.seen[feature.name] = true
	if !feature.accepts(entry.Value) {
		return LabModeInvalidValue, invalidValueReason(entry, feature), true
	}
	if c.isNewerThanFamily(feature) {
		return LabModeNewerThanFamily, fmt.Sprintf("%s needs engine %s or later (family %s), but the group's family is %s",
			quoted(feature.name), feature.sinceEngine, feature.sinceFamily, c.family), true
	}
	return 0, "", false
}

// isNewerThanFamily is false when the group's family is unknown or unparsable.
func (c *labModeChecker) isNewerThanFamily(feature labModeFeature) bool {
	atLeast, ok := FamilyAtLeast(c.family, feature.sinceFamily)
	return ok && !atLeast
}

// entryKey is what names the feature: the name before '=', or the whole text
// when the '=' is missing.
func entryKey(entry LabModeEntry) string {
	if entry.HasEquals {
		return entry.Name
	}
	return entry.Text
}

func notAFeatureReason(key string) string {
	return fmt.Sprintf("%s is not a lab-mode feature (audit logging is enabled by the %s parameter)", quoted(key), AuditLogParameter)
}

func missingEqualsReason(text string) string {
	feature, ok := findFeature(text)
	if !ok {
		feature, ok = suggestFeature(text)
	}
	if !ok {
		return fmt.Sprintf(`%s has no "=" (entries are written Feature=value)`, quoted(text))
	}
	return fmt.Sprintf(`%s has no "=" (write %s)`, quoted(text), feature.examples())
}

func unknownFeatureReason(name string) string {
	reason := fmt.Sprintf("%s is not a known lab-mode feature", quoted(name))
	if feature, ok := suggestFeature(name); ok {
		return reason + " (did you mean " + feature.name + "?)"
	}
	if nearAuditLog(name) {
		return reason + " (audit logging is enabled by the " + AuditLogParameter + " parameter)"
	}
	return reason
}

func invalidValueReason(entry LabModeEntry, feature labModeFeature) string {
	reason := fmt.Sprintf("%s must be %s", quoted(entry.Text), feature.expectation())
	if fixed, ok := feature.caseFixedValue(entry.Value); ok {
		return reason + " (values are case-sensitive: write " + feature.name + "=" + fixed + ")"
	}
	return reason
}

// maxQuotedBytes keeps reasons short when an entry is huge.
const maxQuotedBytes = 64

func quoted(text string) string {
	if len(text) <= maxQuotedBytes {
		return fmt.Sprintf("%q", text)
	}
	cut := maxQuotedBytes
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return fmt.Sprintf("%q", text[:cut]+"...")
}

// WithoutLabModeEntries rebuilds value without the entries at the indexes in
// drop, keeping the others' Text in order. Entries are joined with ", " when
// the original has a space after a comma, else with ",". It returns "" when
// nothing remains.
func WithoutLabModeEntries(value string, drop map[int]bool) string {
	var kept []string
	for i, entry := range ParseLabMode(value) {
		if !drop[i] {
			kept = append(kept, entry.Text)
		}
	}
	return strings.Join(kept, labModeSeparator(value))
}

func labModeSeparator(value string) string {
	if strings.Contains(value, ", ") {
		return ", "
	}
	return ","
}
