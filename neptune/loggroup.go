package neptune

import (
	"slices"
	"strings"
)

// neptuneLogGroupPrefix starts every log group Neptune writes to.
const neptuneLogGroupPrefix = "/aws/neptune/"

// rdsClusterSegment is what the RDS pattern /aws/rds/cluster/<id>/<type> puts
// before the identifier; guides copy it into Neptune names.
const rdsClusterSegment = "cluster"

// LogGroupName is the CloudWatch log group Neptune writes a cluster's log
// type to: /aws/neptune/<cluster identifier>/<log type>.
func LogGroupName(clusterID, logType string) string {
	return neptuneLogGroupPrefix + clusterID + "/" + logType
}

// LogGroupNameKind classifies a CloudWatch log group name.
type LogGroupNameKind int

const (
	NotANeptuneLogGroup      LogGroupNameKind = iota // does not start with /aws/neptune/
	NeptuneLogGroup                                  // /aws/neptune/<id>/<audit|slowquery>
	RDSStyleLogGroup                                 // /aws/neptune/cluster/<id>/<type>: the RDS pattern Neptune never writes to
	UnknownLogType                                   // /aws/neptune/<id>/<something else>
	MalformedNeptuneLogGroup                         // starts with /aws/neptune/ but has the wrong number of parts or empty parts
)

// LogGroupNameInfo is what ParseLogGroupName found. ClusterID and LogType
// are set for every kind but NotANeptuneLogGroup and MalformedNeptuneLogGroup.
type LogGroupNameInfo struct {
	Kind      LogGroupNameKind
	ClusterID string
	LogType   string
}

// ParseLogGroupName splits a log group name without validating the cluster
// identifier. "/aws/neptune/cluster/audit" is a Neptune group: it is where a
// cluster named "cluster" writes its audit log. Only the five-part
// "/aws/neptune/cluster/<id>/<type>" is the RDS pattern, whatever its type.
func ParseLogGroupName(name string) LogGroupNameInfo {
	rest, found := strings.CutPrefix(name, neptuneLogGroupPrefix)
	if !found {
		return LogGroupNameInfo{Kind: NotANeptuneLogGroup}
	}
	parts := strings.SplitN(rest, "/", 4)
	if slices.Contains(parts, "") {
		return LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}
	}
	switch {
	case len(parts) == 2:
		return LogGroupNameInfo{Kind: neptuneLogTypeKind(parts[1]), ClusterID: parts[0], LogType: parts[1]}
	case len(parts) == 3 && parts[0] == rdsClusterSegment:
		return LogGroupNameInfo{Kind: RDSStyleLogGroup, ClusterID: parts[1], LogType: parts[2]}
	}
	return LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}
}

func neptuneLogTypeKind(logType string) LogGroupNameKind {
	if slices.Contains(ExportLogTypes, logType) {
		return NeptuneLogGroup
	}
	return UnknownLogType
}
