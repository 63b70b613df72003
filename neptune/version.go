package neptune

import "strings"

// Engine versions that features arrived in, from the Neptune User Guide.
const (
	// GlobalDatabaseMinVersion: CreateGlobalCluster takes "1.2.0.0 or above"
	// (api-global-dbs.html).
	GlobalDatabaseMinVersion = "1.2.0.0"
	// SlowQueryLogMinVersion: "Slow-query logging was introduced in Neptune
	// engine release 1.2.1.0" (slow-query-logs.html).
	SlowQueryLogMinVersion = "1.2.1.0"
	// PublicEndpointMinVersion: "Neptune engine release 1.4.6.x supports
	// public endpoints" (neptune-public-endpoints.html).
	PublicEndpointMinVersion = "1.4.6.0"
)

// EngineVersionAtLeast reports whether an engine_version such as "1.2.0.2",
// "1.3" or "1.2.1.0.R5" is min or newer; ok=false when either does not parse.
// Missing parts count as 0, so "1.2" is older than "1.2.1.0": a two-part
// version names the oldest release of its line.
func EngineVersionAtLeast(version, min string) (atLeast bool, ok bool) {
	v, ok := engineVersionParts(version)
	if !ok {
		return false, false
	}
	m, ok := engineVersionParts(min)
	if !ok {
		return false, false
	}
	for i := range v {
		if v[i] != m[i] {
			return v[i] > m[i], true
		}
	}
	return true, true
}

// engineVersionParts reads two to four numbers, then an optional release
// suffix such as ".R5" that older versions carry and that does not order
// them against other lines.
func engineVersionParts(version string) ([maxVersionParts]int, bool) {
	var parts [maxVersionParts]int
	version = strings.TrimSpace(version)
	if i := strings.LastIndex(version, ".R"); i > 0 && allDigits(version[i+2:]) && len(version) > i+2 {
		version = version[:i]
	}
	if len(version) > maxVersionLength {
		return parts, false
	}
	fields := strings.Split(version, ".")
	if len(fields) < 2 || len(fields) > maxVersionParts {
		return parts, false
	}
	for i, field := range fields {
		n, ok := parseVersionNumber(field)
		if !ok {
			return parts, false
		}
		parts[i] = n
	}
	if parts[0] == 0 {
		return parts, false
	}
	return parts, true
}

// FamilyNewestAtLeast reports whether the newest engine of a parameter group
// family can be min or newer, so whether a group of that family can hold a
// feature that arrived in min: "neptune1" (engines before 1.2) cannot hold
// one from 1.2.1.0; "neptune1.2" can, as its 1.2.1.x engines have it.
func FamilyNewestAtLeast(family, min string) (atLeast bool, ok bool) {
	major, minor, ok := ParseFamily(family)
	if !ok {
		return false, false
	}
	m, ok := engineVersionParts(min)
	if !ok {
		return false, false
	}
	if family == firstFamily {
		return m[0] < 1 || m[0] == 1 && m[1] < 2, true
	}
	if major != m[0] {
		return major > m[0], true
	}
	return minor >= m[1], true
}
