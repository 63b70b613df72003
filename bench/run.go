package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

const (
	configWithout = `plugin "terraform" {
  enabled = true
  preset  = "recommended"
}
`
	configWith = configWithout + `
plugin "neptune" {
  enabled = true
}
`
)

type bench struct {
	tflint, work string
	plugins      map[variant]string // the folder of each variant's plugin binary
	pairs        int
}

// variant is one way tflint runs in a round.
type variant string

const (
	without variant = "without" // no plugin: tflint and its bundled ruleset
	with    variant = "with"    // this plugin, every rule enabled
	floor   variant = "floor"   // bench/floor: reads every resource block, nothing else
	bound   variant = "bound"   // bench/bound: reads what the model reads, emits the same findings, checks nothing
)

var variants = []variant{without, with, floor, bound}

// sample is one tflint run: its wall time and the peak resident memory of
// tflint and every plugin process it started, summed.
type sample struct {
	seconds float64
	peakKB  int
}

type scenario struct {
	name, dir  string
	args       []string
	pairFactor int // runs of a tenth of a second need more pairs for a stable median
}

// findingsFile holds tflint's JSON output of this plugin on the scenario,
// which the bound plugin replays.
func (s scenario) findingsFile() string { return filepath.Join(s.dir, ".neptune-findings.json") }

// result holds the runs of every variant of one scenario.
type result struct {
	scenario
	runs map[variant][]sample
}

func (b *bench) run(only string) ([]result, error) {
	scenarios, err := b.prepare(only)
	if err != nil {
		return nil, err
	}
	var results []result
	for _, s := range scenarios {
		r, err := b.measure(s)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(os.Stderr, "%s: %s time / memory (floor plugin %s, bound plugin %s)\n", s.name, ratios(r, with), ratios(r, floor), ratios(r, bound))
		results = append(results, r)
	}
	return results, nil
}

// measure runs the variants of a scenario in turn, pairs times.
func (b *bench) measure(s scenario) (result, error) {
	r := result{scenario: s, runs: map[variant][]sample{}}
	if err := b.recordFindings(s); err != nil {
		return r, err
	}
	// Warm the page cache and the plugin binaries before measuring;
	// recording the findings has run this plugin and the bound one already.
	for _, v := range []variant{without, floor} {
		if _, err := b.once(s, v); err != nil {
			return r, err
		}
	}
	for i := 0; i < b.pairs*max(s.pairFactor, 1); i++ {
		for _, v := range variants {
			sample, err := b.once(s, v)
			if err != nil {
				return r, err
			}
			r.runs[v] = append(r.runs[v], sample)
		}
	}
	return r, nil
}

// recordFindings saves the plugin's findings on the scenario as JSON, and
// checks that the bound plugin replays every one of them.
func (b *bench) recordFindings(s scenario) error {
	out, err := b.command(s, with, "json").Output()
	if err != nil {
		return fmt.Errorf("recording findings of %s: %v", s.name, err)
	}
	if err := os.WriteFile(s.findingsFile(), out, 0o644); err != nil {
		return err
	}
	replayed, err := b.command(s, bound, "json").Output()
	if err != nil {
		return fmt.Errorf("replaying findings of %s: %v", s.name, err)
	}
	want, err := tflintjson.NeptuneFindings(out)
	if err != nil {
		return fmt.Errorf("recording findings of %s: %v", s.name, err)
	}
	got, err := tflintjson.NeptuneFindings(replayed)
	if err != nil || len(got) != len(want) {
		return fmt.Errorf("%s: the bound plugin replays %d findings of %d (%v)", s.name, len(got), len(want), err)
	}
	return nil
}

// prepare writes the corpora of the scenarios to run.
func (b *bench) prepare(only string) ([]scenario, error) {
	var out []scenario
	module := func(name string, clusters int) error {
		dir := filepath.Join(b.work, name)
		write := corpus.WriteModule
		if strings.HasSuffix(name, "-clean") {
			write = corpus.WriteCleanModule
		}
		if err := write(dir, clusters); err != nil {
			return err
		}
		if err := writeConfigs(dir); err != nil {
			return err
		}
		s := scenario{name: name, dir: dir}
		if clusters == 1 {
			s.pairFactor = 5
		}
		out = append(out, s)
		return nil
	}
	for _, m := range []struct {
		name     string
		clusters int
	}{{"startup", 1}, {"1000", 1000}, {"1000-clean", 1000}, {"5000", 5000}} {
		if only != "" && only != m.name {
			continue
		}
		if err := module(m.name, m.clusters); err != nil {
			return nil, err
		}
	}
	if only == "" || only == "recursive" {
		dir := filepath.Join(b.work, "recursive")
		for i := 0; i < 200; i++ {
			sub := filepath.Join(dir, fmt.Sprintf("stack_%03d", i))
			if err := corpus.WriteModule(sub, 1+i%3); err != nil {
				return nil, err
			}
			if err := writeConfigs(sub); err != nil {
				return nil, err
			}
		}
		if err := writeConfigs(dir); err != nil {
			return nil, err
		}
		out = append(out, scenario{name: "recursive", dir: dir, args: []string{"--recursive"}})
	}
	return out, nil
}

func writeConfigs(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, ".tflint.without.hcl"), []byte(configWithout), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".tflint.with.hcl"), []byte(configWith), 0o644)
}

// command is tflint on the scenario in one variant, with its output format.
func (b *bench) command(s scenario, v variant, format string) *exec.Cmd {
	config := filepath.Join(s.dir, ".tflint.with.hcl")
	if v == without {
		config = filepath.Join(s.dir, ".tflint.without.hcl")
	}
	args := append([]string{"--config", config, "--format", format, "--force"}, s.args...)
	cmd := exec.Command(b.tflint, args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+b.plugins[v], "TFLINT_LOG=", "NEPTUNE_BOUND_ISSUES="+s.findingsFile(), "NEPTUNE_BOUND_ROOT="+s.dir)
	return cmd
}

// once runs tflint on the scenario in one variant.
func (b *bench) once(s scenario, v variant) (sample, error) {
	cmd := b.command(s, v, "compact")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	peak := watchMemory(cmd.Process.Pid)
	err := cmd.Wait()
	elapsed := time.Since(start).Seconds()
	peakKB := <-peak
	if err != nil {
		return sample{}, fmt.Errorf("%v: %v\n%s", cmd.Args, err, stderr.String())
	}
	return sample{seconds: elapsed, peakKB: peakKB}, nil
}

// watchMemory samples the resident memory of pid and its descendants every
// few milliseconds until pid exits, and sends the highest sum.
func watchMemory(pid int) <-chan int {
	out := make(chan int, 1)
	go func() {
		peak := 0
		for {
			if _, err := os.Stat(fmt.Sprintf("/proc/%d/stat", pid)); err != nil || isZombie(pid) {
				break
			}
			if rss := treeRSS(pid); rss > peak {
				peak = rss
			}
			time.Sleep(5 * time.Millisecond)
		}
		out <- peak
	}()
	return out
}

func isZombie(pid int) bool {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	return len(fields) > 0 && fields[0] == "Z"
}

func treeRSS(root int) int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
		if len(fields) > 1 {
			if ppid, err := strconv.Atoi(fields[1]); err == nil {
				children[ppid] = append(children[ppid], pid)
			}
		}
	}
	total := 0
	queue := []int{root}
	for len(queue) > 0 {
		pid := queue[0]
		queue = append(queue[1:], children[pid]...)
		total += rssKB(pid)
	}
	return total
}

func rssKB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			fields := strings.Fields(line)
			if len(fields) >= 2 {
				kb, _ := strconv.Atoi(fields[1])
				return kb
			}
		}
	}
	return 0
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func seconds(samples []sample) []float64 {
	out := make([]float64, len(samples))
	for i, s := range samples {
		out[i] = s.seconds
	}
	return out
}

func kilobytes(samples []sample) []float64 {
	out := make([]float64, len(samples))
	for i, s := range samples {
		out[i] = float64(s.peakKB)
	}
	return out
}

// timeRatio is the median time of variant v over the median without a plugin.
func (r result) timeRatio(v variant) float64 {
	return median(seconds(r.runs[v])) / median(seconds(r.runs[without]))
}

// memoryRatio is the same for the peak memory.
func (r result) memoryRatio(v variant) float64 {
	return median(kilobytes(r.runs[v])) / median(kilobytes(r.runs[without]))
}

// pairRange is the min and max of the per-pair ratios, to show the noise.
func pairRange(with, without []float64) (float64, float64) {
	lo, hi := 0.0, 0.0
	for i := range with {
		r := with[i] / without[i]
		if i == 0 || r < lo {
			lo = r
		}
		if i == 0 || r > hi {
			hi = r
		}
	}
	return lo, hi
}
