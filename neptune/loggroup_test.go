package neptune

import "testing"

var logGroupKindNames = map[LogGroupNameKind]string{
	NotANeptuneLogGroup:      "NotANeptuneLogGroup",
	NeptuneLogGroup:          "NeptuneLogGroup",
	RDSStyleLogGroup:         "RDSStyleLogGroup",
	UnknownLogType:           "UnknownLogType",
	MalformedNeptuneLogGroup: "MalformedNeptuneLogGroup",
}

func TestLogGroupName(t *testing.T) {
	tests := []struct {
		clusterID, logType, want string
	}{
		{"mydbcluster", "audit", "/aws/neptune/mydbcluster/audit"},
		{"graph-prod-1", "slowquery", "/aws/neptune/graph-prod-1/slowquery"},
		{"cluster", "audit", "/aws/neptune/cluster/audit"},
	}
	for _, tt := range tests {
		if got := LogGroupName(tt.clusterID, tt.logType); got != tt.want {
			t.Errorf("LogGroupName(%q, %q) = %q; want %q", tt.clusterID, tt.logType, got, tt.want)
		}
	}
}

func TestParseLogGroupName(t *testing.T) {
	tests := []struct {
		name string
		want LogGroupNameInfo
	}{
		{"/aws/neptune/mydbcluster/audit", LogGroupNameInfo{NeptuneLogGroup, "mydbcluster", "audit"}},
		{"/aws/neptune/x/audit", LogGroupNameInfo{NeptuneLogGroup, "x", "audit"}},
		{"/aws/neptune/x/slowquery", LogGroupNameInfo{NeptuneLogGroup, "x", "slowquery"}},
		{"/aws/neptune/cluster/audit", LogGroupNameInfo{NeptuneLogGroup, "cluster", "audit"}},
		{"/aws/neptune/cluster/x/audit", LogGroupNameInfo{RDSStyleLogGroup, "x", "audit"}},
		{"/aws/neptune/cluster/x/slowquery", LogGroupNameInfo{RDSStyleLogGroup, "x", "slowquery"}},
		{"/aws/neptune/cluster/x/error", LogGroupNameInfo{RDSStyleLogGroup, "x", "error"}},
		{"/aws/neptune/cluster/cluster/audit", LogGroupNameInfo{RDSStyleLogGroup, "cluster", "audit"}},
		{"/aws/neptune/x/error", LogGroupNameInfo{UnknownLogType, "x", "error"}},
		{"/aws/neptune/x/Audit", LogGroupNameInfo{UnknownLogType, "x", "Audit"}},
		{"/aws/neptune/x/audit ", LogGroupNameInfo{UnknownLogType, "x", "audit "}},
		{"/aws/neptune/x/slow_query", LogGroupNameInfo{UnknownLogType, "x", "slow_query"}},
		{"/aws/neptune/cluster/x", LogGroupNameInfo{UnknownLogType, "cluster", "x"}},
		{"/aws/neptune/", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/x", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/x/", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/x/audit/", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune//audit", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/x//audit", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/cluster//audit", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/cluster/x/audit/", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/cluster/x/audit/more", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/instance/x/audit", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/neptune/a/b/c/d/e/f", LogGroupNameInfo{Kind: MalformedNeptuneLogGroup}},
		{"/aws/rds/cluster/x/audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"/aws/docdb/x/audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"/aws/neptune", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"aws/neptune/x/audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"/AWS/Neptune/x/audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{" /aws/neptune/x/audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
		{"neptune-audit", LogGroupNameInfo{Kind: NotANeptuneLogGroup}},
	}
	for _, tt := range tests {
		got := ParseLogGroupName(tt.name)
		if got != tt.want {
			t.Errorf("ParseLogGroupName(%q) = {%s %q %q}; want {%s %q %q}", tt.name,
				logGroupKindNames[got.Kind], got.ClusterID, got.LogType,
				logGroupKindNames[tt.want.Kind], tt.want.ClusterID, tt.want.LogType)
		}
	}
}
