package rules

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector runs at readingGCPercent while the model reads a module:
// the SDK decodes the host's answer into short-lived garbage that sets the
// plugin's peak memory on a large module. Elsewhere the plugin keeps Go's
// default, because at 25% a small heap is collected every megabyte, which
// cost each module of a --recursive run about 4 ms of CPU (see
// BENCHMARKS.md). A GOGC set by the user wins.
const (
	readingGCPercent = 25
	// Above this heap size the read's garbage is collected before the
	// default setting returns, which would let the heap double from its
	// size in mid-read. Below it, a forced collection costs more than it
	// saves.
	collectAfterReadBytes = 16 << 20
)

var readingGC struct {
	sync.Mutex
	readers int
	saved   int
}

// tightenGCWhileReading lowers the collector's setting until the returned
// function is called. Module runners may read in parallel: the first reader
// lowers it and the last one restores it.
func tightenGCWhileReading() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	readingGC.Lock()
	if readingGC.readers == 0 {
		readingGC.saved = debug.SetGCPercent(readingGCPercent)
	}
	readingGC.readers++
	readingGC.Unlock()
	return func() {
		readingGC.Lock()
		defer readingGC.Unlock()
		readingGC.readers--
		if readingGC.readers > 0 {
			return
		}
		if heapObjectBytes() > collectAfterReadBytes {
			runtime.GC()
		}
		debug.SetGCPercent(readingGC.saved)
	}
}

func heapObjectBytes() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
