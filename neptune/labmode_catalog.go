package neptune

import (
	"strconv"
	"strings"
)

// labModeFeature is a current lab-mode feature (features-lab-mode.html,
// storage-gc.html). Integer features have no values and take minInt..maxInt.
type labModeFeature struct {
	name           string
	values         []string
	minInt, maxInt int
	sinceEngine    string
	sinceFamily    string
}

var enabledDisabled = []string{"enabled", "disabled"}

var labModeFeatures = []labModeFeature{
	{name: "ReadWriteConflictDetection", values: enabledDisabled, sinceEngine: "1.0.1.0", sinceFamily: "neptune1"},
	{name: "ObjectIndex", values: enabledDisabled, sinceEngine: "1.0.2.1", sinceFamily: "neptune1"},
	// The docs do not say when DatetimeMillisecond arrived; every family has it.
	{name: "DatetimeMillisecond", values: enabledDisabled, sinceEngine: "1.0.0.0", sinceFamily: "neptune1"},
	{name: "StrictTimeoutValidation", values: enabledDisabled, sinceEngine: "1.3.2.0", sinceFamily: "neptune1.3"},
	{name: "AccurateQRCMemoryEstimation", values: enabledDisabled, sinceEngine: "1.4.0.0", sinceFamily: "neptune1.4"},
	{name: "DictionaryGCMode", values: []string{"disabled", "soft_delete", "enabled"}, sinceEngine: "1.4.3.0", sinceFamily: "neptune1.4"},
	{name: "DictionaryGCConcurrency", minInt: 1, maxInt: 16, sinceEngine: "1.4.3.0", sinceFamily: "neptune1.4"},
}

// retiredFeature is a former lab-mode feature and what replaced it.
type retiredFeature struct {
	name    string
	instead string
}

var retiredFeatures = []retiredFeature{
	{name: "Streams", instead: "use the neptune_streams cluster parameter"},
	{name: "DFEQueryEngine", instead: "use the neptune_dfe_query_engine instance parameter"},
	{name: "NeptuneML", instead: "Neptune ML is generally available and needs no lab-mode entry"},
}

// auditLogName appears only in the /status "features" output, never as a
// lab-mode feature, yet remediation guides put it in neptune_lab_mode.
const auditLogName = "AuditLog"

// maxSuggestionDistance is how many edits a misspelt feature name may be from
// a catalog name and still get a suggestion.
const maxSuggestionDistance = 2

func findFeature(name string) (labModeFeature, bool) {
	for _, feature := range labModeFeatures {
		if feature.name == name {
			return feature, true
		}
	}
	return labModeFeature{}, false
}

// isAuditLog ignores case: any spelling of AuditLog is equally ineffective.
func isAuditLog(name string) bool {
	return strings.EqualFold(name, auditLogName)
}

func nearAuditLog(name string) bool {
	return editDistanceAtMost(name, auditLogName, maxSuggestionDistance)
}

// findRetiredFeature ignores case so that "streams=enabled" points to
// neptune_streams rather than to a suggestion of a retired name.
func findRetiredFeature(name string) (retiredFeature, bool) {
	for _, retired := range retiredFeatures {
		if strings.EqualFold(retired.name, name) {
			return retired, true
		}
	}
	return retiredFeature{}, false
}

// suggestFeature returns the catalog feature that name most likely means: one
// equal ignoring case, else the nearest within maxSuggestionDistance edits.
func suggestFeature(name string) (labModeFeature, bool) {
	for _, feature := range labModeFeatures {
		if strings.EqualFold(feature.name, name) {
			return feature, true
		}
	}
	best, bestDistance := labModeFeature{}, maxSuggestionDistance+1
	for _, feature := range labModeFeatures {
		if d, ok := editDistance(name, feature.name, maxSuggestionDistance); ok && d < bestDistance {
			best, bestDistance = feature, d
		}
	}
	return best, bestDistance <= maxSuggestionDistance
}

func (f labModeFeature) isInteger() bool {
	return len(f.values) == 0
}

func (f labModeFeature) accepts(value string) bool {
	if f.isInteger() {
		n, ok := smallDecimal(value)
		return ok && n >= f.minInt && n <= f.maxInt
	}
	for _, allowed := range f.values {
		if value == allowed {
			return true
		}
	}
	return false
}

// caseFixedValue returns the allowed value that value matches ignoring case.
func (f labModeFeature) caseFixedValue(value string) (string, bool) {
	for _, allowed := range f.values {
		if strings.EqualFold(allowed, value) {
			return allowed, true
		}
	}
	return "", false
}

// expectation completes "<entry> must be ...".
func (f labModeFeature) expectation() string {
	if f.isInteger() {
		return "an integer from " + strconv.Itoa(f.minInt) + " to " + strconv.Itoa(f.maxInt)
	}
	return orList(f.values)
}

// examples lists complete entries, e.g. "ObjectIndex=enabled or ObjectIndex=disabled".
func (f labModeFeature) examples() string {
	if f.isInteger() {
		return f.name + "=N with N from " + strconv.Itoa(f.minInt) + " to " + strconv.Itoa(f.maxInt)
	}
	entries := make([]string, len(f.values))
	for i, value := range f.values {
		entries[i] = f.name + "=" + value
	}
	return orList(entries)
}

func orList(items []string) string {
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// smallDecimal parses unsigned decimal digits. Leading zeros are skipped and
// anything above 9999 is rejected, so huge inputs cannot overflow.
func smallDecimal(text string) (int, bool) {
	if text == "" || !allDigits(text) {
		return 0, false
	}
	significant := strings.TrimLeft(text, "0")
	if len(significant) > maxVersionDigits {
		return 0, false
	}
	n := 0
	for i := 0; i < len(significant); i++ {
		n = n*10 + int(significant[i]-'0')
	}
	return n, true
}

func editDistanceAtMost(a, b string, limit int) bool {
	_, ok := editDistance(a, b, limit)
	return ok
}

// editDistance is the Levenshtein distance between a and b, ignoring ASCII
// case, when it is at most limit. Strings whose lengths differ by more than
// limit are rejected first, which keeps the cost linear in the entry's length.
func editDistance(a, b string, limit int) (int, bool) {
	if len(a)-len(b) > limit || len(b)-len(a) > limit {
		return 0, false
	}
	previous := make([]int, len(b)+1)
	current := make([]int, len(b)+1)
	for j := range previous {
		previous[j] = j
	}
	for i := 1; i <= len(a); i++ {
		current[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if asciiLower(a[i-1]) == asciiLower(b[j-1]) {
				cost = 0
			}
			current[j] = min(previous[j]+1, current[j-1]+1, previous[j-1]+cost)
		}
		previous, current = current, previous
	}
	distance := previous[len(b)]
	return distance, distance <= limit
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
