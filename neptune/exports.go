package neptune

import (
	"slices"
	"strings"
)

// ExportLogTypes are the values enable_cloudwatch_logs_exports accepts
// (provider validation): "audit", "slowquery".
var ExportLogTypes = []string{"audit", "slowquery"}

// maxLogTypeSuggestionDistance catches slips such as "slow_query" or "audits"
// while "error" or "general", RDS log types, stay far from both.
const maxLogTypeSuggestionDistance = 2

// CheckExportLogType checks one enable_cloudwatch_logs_exports value. The
// provider compares case-sensitively, so a value that is valid only when
// lower-cased is rejected and fixed holds the lower-cased value. Surrounding
// spaces are not trimmed: fixed is "" then, and reason names the nearest type.
func CheckExportLogType(value string) (ok bool, fixed string, reason string) {
	if slices.Contains(ExportLogTypes, value) {
		return true, "", ""
	}
	if lower := strings.ToLower(value); slices.Contains(ExportLogTypes, lower) {
		return false, lower, quoted(value) + " is not a Neptune log type (log types are case-sensitive: write " + lower + ")"
	}
	return false, "", quoted(value) + " is not a Neptune log type (" + logTypeHint(value) + ")"
}

func logTypeHint(value string) string {
	if logType, ok := NearExportLogType(value); ok {
		return "did you mean " + logType + "?"
	}
	return "use " + orList(ExportLogTypes)
}

// NearExportLogType returns the log type a value is a slip of ("audits",
// "slow_query"), so that a fix does not drop what the user meant.
func NearExportLogType(value string) (string, bool) {
	for _, logType := range ExportLogTypes {
		if editDistanceAtMost(strings.ToLower(value), logType, maxLogTypeSuggestionDistance) {
			return logType, true
		}
	}
	return "", false
}
