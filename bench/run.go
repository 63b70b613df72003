package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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
	configAWS = configWithout + `
plugin "aws" {
  enabled = true
}
`
)

type bench struct {
	tflint, work string
	plugins      map[variant]string // the folder of each variant's plugin binary
	pairs        int
}

// hasAWS tells whether tflint-ruleset-aws was given to measure beside.
func (b *bench) hasAWS() bool { return b.plugins[aws] != "" }

// variant is one way tflint runs in a round.
type variant string

const (
	without variant = "without" // no plugin: tflint and its bundled ruleset
	with    variant = "with"    // this plugin, every rule enabled
	floor   variant = "floor"   // bench/floor: reads every resource block, nothing else
	bound   variant = "bound"   // bench/bound: reads what the model reads, emits the same findings, checks nothing
	fixing  variant = "fixing"  // this plugin under tflint --fix, on a fresh copy of the corpus each run
	aws     variant = "aws"     // tflint-ruleset-aws with its default rules, as a reference plugin
)

var variants = []variant{without, with, floor, bound}

// sample is one tflint run: its wall time and the peak resident memory of
// tflint and every plugin process it started, summed.
type sample struct {
	seconds float64
	cpu     float64 // user and system seconds of tflint and the plugins it waited for
	peakKB  int
}

type scenario struct {
	name, dir  string
	args       []string
	pairFactor int       // runs of a tenth of a second need more pairs for a stable median
	variants   []variant // what runs in each round; the first is the base of the ratios
	pristine   string    // for --fix: the corpus, copied over dir before each run
}

// base is the variant the others are compared with.
func (s scenario) base() variant { return s.variants[0] }

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
		if s.base() == with {
			fmt.Fprintf(os.Stderr, "%s: --fix %s time / CPU / memory of the plain run\n", s.name, ratios(r, fixing))
		} else {
			fmt.Fprintf(os.Stderr, "%s: %s time / CPU / memory (floor plugin %s, bound plugin %s)\n", s.name, ratios(r, with), ratios(r, floor), ratios(r, bound))
		}
		results = append(results, r)
	}
	return results, nil
}

// measure runs the variants of a scenario in turn, pairs times.
func (b *bench) measure(s scenario) (result, error) {
	r := result{scenario: s, runs: map[variant][]sample{}}
	if slices.Contains(s.variants, bound) {
		if err := b.recordFindings(s); err != nil {
			return r, err
		}
	}
	// Warm the page cache and the plugin binaries before measuring.
	for _, v := range s.variants {
		if _, err := b.once(s, v); err != nil {
			return r, err
		}
	}
	for i := 0; i < b.pairs*max(s.pairFactor, 1); i++ {
		for _, v := range s.variants {
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
		s := scenario{name: name, dir: dir, variants: b.withReference(name)}
		switch clusters {
		case 1:
			s.pairFactor = 5
		case 1000:
			s.pairFactor = 2 // a round takes seconds: twice the pairs cost a minute
		}
		out = append(out, s)
		return nil
	}
	if only == "" || only == "typical" {
		dir := filepath.Join(b.work, "typical")
		if err := corpus.WriteTypicalModule(dir, 2000, 5); err != nil {
			return nil, err
		}
		if err := writeConfigs(dir); err != nil {
			return nil, err
		}
		out = append(out, scenario{name: "typical", dir: dir, variants: variants, pairFactor: 3})
	}
	if only == "" || only == "fix-150" {
		pristine := filepath.Join(b.work, "fix-150-pristine")
		if err := corpus.WriteFixModule(pristine, 150); err != nil {
			return nil, err
		}
		if err := writeConfigs(pristine); err != nil {
			return nil, err
		}
		out = append(out, scenario{name: "fix-150", dir: filepath.Join(b.work, "fix-150"), pristine: pristine, variants: []variant{with, fixing}})
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
		out = append(out, scenario{name: "recursive", dir: dir, args: []string{"--recursive"}, variants: b.withReference("recursive")})
	}
	return out, nil
}

// withReference is the variants of a scenario whose budget compares the
// plugin with tflint-ruleset-aws, when it was given.
func (b *bench) withReference(name string) []variant {
	if b.hasAWS() && awsBudgeted[name] {
		return append(slices.Clone(variants), aws)
	}
	return variants
}

func writeConfigs(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, ".tflint.without.hcl"), []byte(configWithout), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, ".tflint.aws.hcl"), []byte(configAWS), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ".tflint.with.hcl"), []byte(configWith), 0o644)
}

// command is tflint on the scenario in one variant, with its output format.
func (b *bench) command(s scenario, v variant, format string) *exec.Cmd {
	config := filepath.Join(s.dir, ".tflint.with.hcl")
	switch v {
	case without:
		config = filepath.Join(s.dir, ".tflint.without.hcl")
	case aws:
		config = filepath.Join(s.dir, ".tflint.aws.hcl")
	}
	args := append([]string{"--config", config, "--format", format, "--force"}, s.args...)
	plugins := b.plugins[v]
	if v == fixing {
		args = append(args, "--fix")
		plugins = b.plugins[with]
	}
	cmd := exec.Command(b.tflint, args...)
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+plugins, "TFLINT_LOG=", "NEPTUNE_BOUND_ISSUES="+s.findingsFile(), "NEPTUNE_BOUND_ROOT="+s.dir)
	return cmd
}

// restore lays the scenario's corpus out again, for a run that fixes it.
func restore(s scenario) error {
	if s.pristine == "" {
		return nil
	}
	if err := os.RemoveAll(s.dir); err != nil {
		return err
	}
	return os.CopyFS(s.dir, os.DirFS(s.pristine))
}

// once runs tflint on the scenario in one variant.
func (b *bench) once(s scenario, v variant) (sample, error) {
	if err := restore(s); err != nil {
		return sample{}, err
	}
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
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return sample{seconds: elapsed, cpu: cpu, peakKB: peakKB}, nil
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

func cpuSeconds(samples []sample) []float64 {
	out := make([]float64, len(samples))
	for i, s := range samples {
		out[i] = s.cpu
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

// timeRatio is the median time of variant v over the median of the
// scenario's base (tflint without a plugin, or the plain run for --fix).
func (r result) timeRatio(v variant) float64 {
	return median(seconds(r.runs[v])) / median(seconds(r.runs[r.base()]))
}

// cpuRatio is the same for the CPU time, which the other work on a shared
// machine disturbs less than the wall time.
func (r result) cpuRatio(v variant) float64 {
	return median(cpuSeconds(r.runs[v])) / median(cpuSeconds(r.runs[r.base()]))
}

// memoryRatio is the same for the peak memory.
func (r result) memoryRatio(v variant) float64 {
	return median(kilobytes(r.runs[v])) / median(kilobytes(r.runs[r.base()]))
}

// pairedExcess is the median, over the rounds, of how much more variant v
// cost than variant over in the same round, as a fraction of the base
// variant's time in that round. The variants of a round run seconds apart,
// so load that comes and goes on a shared machine over minutes, which moves
// the medians of whole variants apart, mostly cancels out.
func (r result) pairedExcess(v, over variant) float64 {
	a, b, base := seconds(r.runs[v]), seconds(r.runs[over]), seconds(r.runs[r.base()])
	excess := make([]float64, 0, len(a))
	for i := range a {
		if i < len(b) && i < len(base) && base[i] > 0 {
			excess = append(excess, (a[i]-b[i])/base[i])
		}
	}
	return median(excess)
}

// pairedRatio is the median, over the rounds, of variant v's time over the
// base variant's in the same round.
func (r result) pairedRatio(v variant) float64 {
	return median(roundRatios(seconds(r.runs[v]), seconds(r.runs[r.base()])))
}

// pairRange is the min and max of the per-pair ratios, to show the noise.
func pairRange(with, without []float64) (float64, float64) {
	ratios := roundRatios(with, without)
	if len(ratios) == 0 {
		return 0, 0
	}
	return slices.Min(ratios), slices.Max(ratios)
}

// roundRatios divides each round's time by the same round's time of another
// variant.
func roundRatios(times, over []float64) []float64 {
	ratios := make([]float64, 0, len(times))
	for i := range times {
		if i < len(over) && over[i] > 0 {
			ratios = append(ratios, times[i]/over[i])
		}
	}
	return ratios
}
