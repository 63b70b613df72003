package neptune

import (
	"strings"
	"testing"
)

const realisticLabMode = "ReadWriteConflictDetection=enabled, ObjectIndex=enabled, AuditLog"

// longLabMode is about 10,000 characters of mixed valid and faulty entries.
var longLabMode = func() string {
	const chunk = "ObjectIndex=enabled, ObjectIndx=Enabled, Streams=disabled, DictionaryGCConcurrency=32,"
	return strings.Repeat(chunk, 10_000/len(chunk)+1)[:10_000]
}()

func BenchmarkParseLabMode(b *testing.B) {
	b.Run("realistic", func(b *testing.B) { benchmarkParse(b, realisticLabMode) })
	b.Run("10k", func(b *testing.B) { benchmarkParse(b, longLabMode) })
}

func benchmarkParse(b *testing.B, value string) {
	b.SetBytes(int64(len(value)))
	b.ReportAllocs()
	for b.Loop() {
		ParseLabMode(value)
	}
}

func BenchmarkCheckLabMode(b *testing.B) {
	b.Run("realistic", func(b *testing.B) { benchmarkCheck(b, realisticLabMode) })
	b.Run("10k", func(b *testing.B) { benchmarkCheck(b, longLabMode) })
}

func benchmarkCheck(b *testing.B, value string) {
	b.SetBytes(int64(len(value)))
	b.ReportAllocs()
	for b.Loop() {
		CheckLabMode(value, "neptune1.3")
	}
}

func BenchmarkFamilyForEngineVersion(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		FamilyForEngineVersion("1.3.2.0")
	}
}
