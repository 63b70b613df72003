package neptune

import (
	"strings"
	"testing"
)

func BenchmarkLookupParameter(b *testing.B) {
	b.Run("found", func(b *testing.B) { benchmarkLookup(b, "neptune_query_timeout") })
	b.Run("found with allowed values", func(b *testing.B) { benchmarkLookup(b, "neptune_enable_audit_log") })
	b.Run("unknown", func(b *testing.B) { benchmarkLookup(b, "neptune_dfe_query_timeout") })
}

func benchmarkLookup(b *testing.B, name string) {
	b.ReportAllocs()
	for b.Loop() {
		LookupParameter(name)
	}
}

func BenchmarkSuggestParameter(b *testing.B) {
	b.Run("inserted word", func(b *testing.B) { benchmarkSuggest(b, "neptune_dfe_query_timeout") })
	b.Run("case only", func(b *testing.B) { benchmarkSuggest(b, "Neptune_Streams") })
	b.Run("typo", func(b *testing.B) { benchmarkSuggest(b, "neptune_enable_audit_logs") })
	b.Run("nothing close", func(b *testing.B) { benchmarkSuggest(b, "foo") })
	b.Run("10k", func(b *testing.B) { benchmarkSuggest(b, strings.Repeat("neptune_x_", 1_000)) })
}

func benchmarkSuggest(b *testing.B, name string) {
	b.SetBytes(int64(len(name)))
	b.ReportAllocs()
	for b.Loop() {
		SuggestParameter(name)
	}
}

func BenchmarkParseLogGroupName(b *testing.B) {
	b.Run("neptune", func(b *testing.B) { benchmarkParseLogGroup(b, "/aws/neptune/graph-prod-1/audit") })
	b.Run("rds style", func(b *testing.B) { benchmarkParseLogGroup(b, "/aws/neptune/cluster/graph-prod-1/audit") })
	b.Run("10k slashes", func(b *testing.B) { benchmarkParseLogGroup(b, "/aws/neptune/"+strings.Repeat("/", 10_000)) })
}

func benchmarkParseLogGroup(b *testing.B, name string) {
	b.ReportAllocs()
	for b.Loop() {
		ParseLogGroupName(name)
	}
}
