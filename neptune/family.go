package neptune

import (
	"strconv"
	"strings"
)

const (
	familyPrefix = "neptune"
	// Engines before 1.2.0.0 all share this one family, without a minor part.
	firstFamily = "neptune1"
	// Neptune engine versions have at most four parts of at most four digits.
	maxVersionParts  = 4
	maxVersionDigits = 4
	maxVersionLength = maxVersionParts*maxVersionDigits + maxVersionParts - 1
)

// FamilyForEngineVersion maps an engine_version such as "1.3.2.0" or "1.3" to
// its parameter group family: "neptune1" below 1.2, else "neptune<major>.<minor>".
// Surrounding spaces are allowed; anything malformed returns ok=false.
func FamilyForEngineVersion(version string) (family string, ok bool) {
	major, minor, ok := parseEngineVersion(strings.TrimSpace(version))
	if !ok {
		return "", false
	}
	if usesFirstFamily(major, minor) {
		return firstFamily, true
	}
	return familyPrefix + strconv.Itoa(major) + "." + strconv.Itoa(minor), true
}

// ParseFamily parses "neptune1" as (1, 0) and "neptune<major>.<minor>" from
// neptune1.2 on. Families that do not exist, such as "neptune1.1", return ok=false.
func ParseFamily(family string) (major, minor int, ok bool) {
	if family == firstFamily {
		return 1, 0, true
	}
	rest, found := strings.CutPrefix(family, familyPrefix)
	if !found {
		return 0, 0, false
	}
	majorText, minorText, found := strings.Cut(rest, ".")
	if !found {
		return 0, 0, false
	}
	major, majorOK := parseVersionNumber(majorText)
	minor, minorOK := parseVersionNumber(minorText)
	if !majorOK || !minorOK || major == 0 || usesFirstFamily(major, minor) {
		return 0, 0, false
	}
	return major, minor, true
}

// FamilyAtLeast reports whether family is the same as or newer than min.
// ok=false when either does not parse.
func FamilyAtLeast(family, min string) (atLeast bool, ok bool) {
	major, minor, ok := ParseFamily(family)
	if !ok {
		return false, false
	}
	minMajor, minMinor, ok := ParseFamily(min)
	if !ok {
		return false, false
	}
	if major != minMajor {
		return major > minMajor, true
	}
	return minor >= minMinor, true
}

// IsDefaultParameterGroupName reports whether name is an AWS default group
// such as "default.neptune1.3". Those keep audit logging off and cannot be
// modified. The prefix is matched case-insensitively because RDS stores
// parameter group names in lowercase.
func IsDefaultParameterGroupName(name string) bool {
	const prefix = "default."
	return len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix)
}

func usesFirstFamily(major, minor int) bool {
	return major == 1 && minor < 2
}

// parseEngineVersion accepts two to four dot-separated numbers. Major version
// 0 is rejected: no Neptune engine or family exists for it.
func parseEngineVersion(version string) (major, minor int, ok bool) {
	if len(version) > maxVersionLength {
		return 0, 0, false
	}
	parts := strings.Split(version, ".")
	if len(parts) < 2 || len(parts) > maxVersionParts {
		return 0, 0, false
	}
	numbers := make([]int, len(parts))
	for i, part := range parts {
		if numbers[i], ok = parseVersionNumber(part); !ok {
			return 0, 0, false
		}
	}
	if numbers[0] == 0 {
		return 0, 0, false
	}
	return numbers[0], numbers[1], true
}

// parseVersionNumber accepts 1 to 4 ASCII digits without a sign. Leading
// zeros are rejected because no Neptune version or family is written that way.
func parseVersionNumber(text string) (int, bool) {
	if text == "" || len(text) > maxVersionDigits || (len(text) > 1 && text[0] == '0') {
		return 0, false
	}
	if !allDigits(text) {
		return 0, false
	}
	n, err := strconv.Atoi(text)
	return n, err == nil
}

func allDigits(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return true
}
