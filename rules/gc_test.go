package rules

import (
	"runtime/debug"
	"testing"
)

func currentGCPercent() int {
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent
}

func TestGCIsTightOnlyWhileAReaderReads(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	first := tightenGCWhileReading()
	if got := currentGCPercent(); got != readingGCPercent {
		t.Fatalf("while reading: GC percent %d, want %d", got, readingGCPercent)
	}
	second := tightenGCWhileReading()
	first()
	if got := currentGCPercent(); got != readingGCPercent {
		t.Fatalf("while a second runner still reads: GC percent %d, want %d", got, readingGCPercent)
	}
	second()
	if got := currentGCPercent(); got != 100 {
		t.Fatalf("after the last reader: GC percent %d, want 100", got)
	}
}

func TestGCSettingOfTheUserWins(t *testing.T) {
	t.Setenv("GOGC", "200")
	defer debug.SetGCPercent(debug.SetGCPercent(200))

	restore := tightenGCWhileReading()
	if got := currentGCPercent(); got != 200 {
		t.Fatalf("GOGC=200 set: GC percent %d while reading, want 200", got)
	}
	restore()
}
