package neptune

import (
	"slices"
	"strconv"
	"strings"
)

// ParameterLevel says which kind of parameter group a parameter belongs in.
type ParameterLevel int

const (
	ClusterLevel  ParameterLevel = iota // aws_neptune_cluster_parameter_group only
	InstanceLevel                       // aws_neptune_parameter_group only
	BothLevels                          // valid in either (neptune_query_timeout)
)

func (l ParameterLevel) String() string {
	switch l {
	case ClusterLevel:
		return "cluster"
	case InstanceLevel:
		return "instance"
	case BothLevels:
		return "cluster and instance"
	}
	return "ParameterLevel(" + strconv.Itoa(int(l)) + ")"
}

// ParameterSpec describes one Neptune DB parameter (parameters.html).
type ParameterSpec struct {
	Name       string
	Level      ParameterLevel
	Static     bool     // changes apply only after a reboot
	Allowed    []string // allowed values, exact match; empty when the value is a number range or free text
	Min, Max   int64    // inclusive range for numeric parameters; HasRange tells whether it applies
	HasRange   bool
	Boolean    bool   // a 0|1 parameter, where "true"/"false" map to "1"/"0"
	Deprecated string // "" or why, e.g. "Neptune accepts only TLS connections now; the parameter no longer has any effect"
	Since      string // "" or the engine version it arrived in, e.g. "1.2.1.0"

	unit string // what a numeric value counts, for the expectation clause
}

const maxInt32 = 1<<31 - 1

var zeroOrOne = []string{"0", "1"}

var parameterCatalog = []ParameterSpec{
	{Name: AuditLogParameter, Level: ClusterLevel, Static: true, Allowed: zeroOrOne, Boolean: true},
	// parameters.html spells the default "disable", slow-query-logs.html
	// "disabled": both are accepted rather than reject what AWS documents.
	{Name: SlowQueryLogParameter, Level: ClusterLevel, Allowed: []string{"info", "debug", "disable", "disabled"}, Since: SlowQueryLogMinVersion},
	// The docs say only "milliseconds" (default 5000); the range is an assumption
	// that accepts every non-negative 32-bit value rather than invent a tighter one.
	{Name: "neptune_slow_query_log_threshold", Level: ClusterLevel, Min: 0, Max: maxInt32, HasRange: true, unit: "milliseconds", Since: SlowQueryLogMinVersion},
	{Name: LabModeParameter, Level: ClusterLevel, Static: true},
	{Name: "neptune_query_timeout", Level: BothLevels, Static: true, Min: 10, Max: maxInt32, HasRange: true, unit: "milliseconds"},
	{Name: "neptune_streams", Level: ClusterLevel, Static: true, Allowed: zeroOrOne, Boolean: true},
	{Name: "neptune_streams_expiry_days", Level: ClusterLevel, Static: true, Min: 1, Max: 90, HasRange: true, unit: "days"},
	{Name: "neptune_lookup_cache", Level: ClusterLevel, Static: true, Allowed: zeroOrOne, Boolean: true},
	{Name: "neptune_autoscaling_config", Level: ClusterLevel, Static: true},
	{Name: "neptune_ml_iam_role", Level: ClusterLevel, Static: true},
	{Name: "neptune_ml_endpoint", Level: ClusterLevel, Static: true},
	{Name: "neptune_enable_inline_server_generated_edge_id", Level: ClusterLevel, Static: true, Allowed: zeroOrOne, Boolean: true},
	{Name: "neptune_enforce_ssl", Level: ClusterLevel, Static: true,
		Deprecated: "Neptune accepts only TLS connections now; the parameter no longer has any effect"},
	{Name: "neptune_dfe_query_engine", Level: InstanceLevel, Static: true, Allowed: []string{"enabled", "viaQueryHint"}},
	{Name: "neptune_result_cache", Level: InstanceLevel, Static: true, Allowed: zeroOrOne, Boolean: true},
	// parameters.html does not say whether UndoLogPurgeConfig is static. It
	// says all instance parameters are, so it is treated as static.
	{Name: "UndoLogPurgeConfig", Level: InstanceLevel, Static: true, Allowed: []string{"default", "aggressive"}},
}

var parameterIndex = indexParameters(parameterCatalog)

func indexParameters(specs []ParameterSpec) map[string]int {
	index := make(map[string]int, len(specs))
	for i, spec := range specs {
		index[spec.Name] = i
	}
	return index
}

// LookupParameter finds a parameter by exact name.
func LookupParameter(name string) (ParameterSpec, bool) {
	i, ok := parameterIndex[name]
	if !ok {
		return ParameterSpec{}, false
	}
	spec := parameterCatalog[i]
	// A copy of Allowed keeps callers from changing the catalog.
	spec.Allowed = slices.Clone(spec.Allowed)
	return spec, true
}

// CheckValue says whether value is allowed; when not, expectation is a short
// clause such as "must be 0 or 1". Free-text and deprecated parameters always
// pass: lab mode has its own check, and a deprecated value has no effect.
// Surrounding spaces are rejected because Neptune compares values exactly.
func (p ParameterSpec) CheckValue(value string) (ok bool, expectation string) {
	switch {
	case p.Deprecated != "":
		return true, ""
	case len(p.Allowed) > 0:
		if slices.Contains(p.Allowed, value) {
			return true, ""
		}
		return false, "must be " + orList(p.Allowed)
	case p.HasRange:
		if n, ok := parseWholeNumber(value); ok && n >= p.Min && n <= p.Max {
			return true, ""
		}
		return false, "must be " + p.rangeDescription()
	}
	return true, ""
}

// AvailableInFamily tells whether a group of the family can hold the
// parameter: false for one that arrived after the family's last engine, as
// the slow-query parameters (1.2.1.0) in a neptune1 group. ok=false when
// the family does not parse.
func (p ParameterSpec) AvailableInFamily(family string) (available bool, ok bool) {
	if p.Since == "" {
		_, _, ok := ParseFamily(family)
		return ok, ok
	}
	return FamilyNewestAtLeast(family, p.Since)
}

func (p ParameterSpec) rangeDescription() string {
	what := "a whole number"
	if p.unit != "" {
		what += " of " + p.unit
	}
	return what + " from " + strconv.FormatInt(p.Min, 10) + " to " + strconv.FormatInt(p.Max, 10)
}

// parseWholeNumber accepts decimal digits only: no sign, point or exponent.
// Values beyond int64 fail instead of wrapping.
func parseWholeNumber(text string) (int64, bool) {
	if text == "" || !allDigits(text) {
		return 0, false
	}
	n, err := strconv.ParseInt(text, 10, 64)
	return n, err == nil
}

// BooleanFix maps "true"/"false" (any case, trimmed) to "1"/"0" for Boolean
// parameters; ok=false otherwise.
func (p ParameterSpec) BooleanFix(value string) (fixed string, ok bool) {
	if !p.Boolean {
		return "", false
	}
	switch value = strings.TrimSpace(value); {
	case strings.EqualFold(value, "true"):
		return "1", true
	case strings.EqualFold(value, "false"):
		return "0", true
	}
	return "", false
}

// maxParameterSuggestionDistance is looser than the lab-mode limit because
// parameter names are long: the shortest is 15 characters.
const maxParameterSuggestionDistance = 3

// SuggestParameter returns the known parameter name that name most likely
// means, and false when none is close. It tries, in order: the nearest name
// within maxParameterSuggestionDistance edits (editDistance ignores case, so
// a name differing only in case is at distance 0), then a name whose words
// contain, or are contained in, name's words, which catches an inserted word
// as in neptune_dfe_query_timeout -> neptune_query_timeout.
func SuggestParameter(name string) (string, bool) {
	if suggestion, ok := nearestParameterName(name); ok {
		return suggestion, true
	}
	return parameterNameSharingWords(name)
}

// nearestParameterName breaks ties by catalog order.
func nearestParameterName(name string) (string, bool) {
	best, bestDistance := "", maxParameterSuggestionDistance+1
	for _, spec := range parameterCatalog {
		if d, ok := editDistance(name, spec.Name, maxParameterSuggestionDistance); ok && d < bestDistance {
			best, bestDistance = spec.Name, d
		}
	}
	return best, best != ""
}

var parameterCatalogWords = catalogWords(parameterCatalog)

func catalogWords(specs []ParameterSpec) [][]string {
	words := make([][]string, len(specs))
	for i, spec := range specs {
		words[i] = nameWords(spec.Name)
	}
	return words
}

// sharedParameterWord starts almost every parameter name, so sharing it says
// nothing about which parameter was meant.
const sharedParameterWord = "neptune"

// wordOverlap compares the word sets of a given name and a catalog name.
type wordOverlap struct {
	extra       int // given words the catalog name lacks
	missing     int // catalog words the given name lacks
	distinctive int // shared words other than sharedParameterWord
}

func (o wordOverlap) nested() bool {
	return (o.extra == 0 || o.missing == 0) && o.distinctive > 0
}

// closerThan prefers fewer differing words and then fewer unexplained words
// of the user's, so "neptune_streams_days" means neptune_streams_expiry_days
// rather than neptune_streams.
func (o wordOverlap) closerThan(other wordOverlap) bool {
	if total, otherTotal := o.extra+o.missing, other.extra+other.missing; total != otherTotal {
		return total < otherTotal
	}
	return o.extra < other.extra
}

// parameterNameSharingWords returns no suggestion when two catalog names fit
// equally well: guessing between them would mislead as often as it helps.
func parameterNameSharingWords(name string) (string, bool) {
	given := nameWords(name)
	best, ambiguous := -1, false
	var bestOverlap wordOverlap
	for i, known := range parameterCatalogWords {
		overlap := compareWords(given, known)
		switch {
		case !overlap.nested():
		case best < 0 || overlap.closerThan(bestOverlap):
			best, bestOverlap, ambiguous = i, overlap, false
		case !bestOverlap.closerThan(overlap):
			ambiguous = true
		}
	}
	if best < 0 || ambiguous {
		return "", false
	}
	return parameterCatalog[best].Name, true
}

// compareWords walks two sorted, duplicate-free word lists.
func compareWords(given, known []string) wordOverlap {
	var overlap wordOverlap
	i, j := 0, 0
	for i < len(given) && j < len(known) {
		switch strings.Compare(given[i], known[j]) {
		case -1:
			overlap.extra++
			i++
		case 1:
			overlap.missing++
			j++
		default:
			if given[i] != sharedParameterWord {
				overlap.distinctive++
			}
			i++
			j++
		}
	}
	overlap.extra += len(given) - i
	overlap.missing += len(known) - j
	return overlap
}

// nameWords returns the sorted, distinct lower-case words of a parameter
// name. Words end at any character that is not an ASCII letter or digit and
// where a lower-case letter meets an upper-case one, so "UndoLogPurgeConfig"
// and "undo_log_purge_config" have the same words.
func nameWords(name string) []string {
	var words []string
	for _, field := range strings.FieldsFunc(name, isNotWordRune) {
		words = appendCamelHumps(words, field)
	}
	slices.Sort(words)
	return slices.Compact(words)
}

// appendCamelHumps can index bytes: fields hold only ASCII letters and digits.
func appendCamelHumps(words []string, field string) []string {
	start := 0
	for i := 1; i < len(field); i++ {
		if isLower(rune(field[i-1])) && isUpper(rune(field[i])) {
			words = append(words, strings.ToLower(field[start:i]))
			start = i
		}
	}
	return append(words, strings.ToLower(field[start:]))
}

func isNotWordRune(r rune) bool {
	return !isLower(r) && !isUpper(r) && (r < '0' || r > '9')
}

func isLower(r rune) bool { return r >= 'a' && r <= 'z' }

func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }

// maxTypoDistance is how far a name may be from a known one to count as a
// slip of it rather than another parameter.
const maxTypoDistance = 2

// IsTypoOf reports whether name is a slip of the known parameter name: the
// same ignoring case, or within two edits.
func IsTypoOf(name, known string) bool {
	return editDistanceAtMost(strings.ToLower(name), strings.ToLower(known), maxTypoDistance)
}
