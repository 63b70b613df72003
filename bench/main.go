// Command bench measures what the neptune plugin adds to a tflint run: it
// builds the plugin, generates deterministic corpora, runs the pinned tflint
// with and without the plugin in alternation (A B A B ...), and prints the
// ratios of the medians with the min-max of the paired ratios, and each
// budget, judged by the median of the rounds' paired differences.
//
//	go run ./bench -tflint .bin/tflint            # every scenario
//	go run ./bench -tflint .bin/tflint -only 1000 -pairs 9
//	go run ./bench -gen /tmp/corpus -clusters 1000 # just write a corpus
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
)

func main() {
	tflint := flag.String("tflint", ".bin/tflint", "the tflint binary to measure")
	pairs := flag.Int("pairs", 5, "A/B pairs per scenario")
	only := flag.String("only", "", "run one scenario: startup, 1000, 1000-clean, 5000, recursive, typical or fix-150")
	awsPlugin := flag.String("aws", "", "a tflint-ruleset-aws binary to measure beside the plugin, as a reference")
	gen := flag.String("gen", "", "write a corpus module into this folder and exit")
	clusters := flag.Int("clusters", 1000, "clusters in the module written by -gen")
	raw := flag.String("raw", "", "also write every run's time, CPU and peak memory to this JSON file")
	flag.Parse()

	if *gen != "" {
		if err := corpus.WriteModule(*gen, *clusters); err != nil {
			log.Fatal(err)
		}
		return
	}
	bin, err := filepath.Abs(*tflint)
	if err != nil {
		log.Fatal(err)
	}
	work, err := os.MkdirTemp("", "neptune-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	plugins := map[variant]string{}
	for v, pkg := range map[variant]string{with: ".", floor: "./bench/floor", bound: "./bench/bound"} {
		plugins[v] = filepath.Join(work, string(v))
		build := exec.Command("go", "build", "-o", filepath.Join(plugins[v], "tflint-ruleset-neptune"), pkg)
		if out, err := build.CombinedOutput(); err != nil {
			log.Fatalf("building %s: %v\n%s", pkg, err, out)
		}
	}

	if *awsPlugin != "" {
		plugins[aws] = filepath.Join(work, string(aws))
		if err := copyFile(*awsPlugin, filepath.Join(plugins[aws], "tflint-ruleset-aws")); err != nil {
			log.Fatal(err)
		}
	}

	fmt.Printf("machine: %s/%s, %d CPUs, %s; tflint: %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), cpuModel(), version(bin))
	b := &bench{tflint: bin, plugins: plugins, work: work, pairs: *pairs}
	results, err := b.run(*only)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(report(results, b.hasAWS()))
	if *raw != "" {
		if err := writeRaw(*raw, results); err != nil {
			log.Fatal(err)
		}
	}
	if !allWithinBudget(results, b.hasAWS()) {
		os.Exit(1)
	}
}

// writeRaw saves every run, in round order, by scenario and variant.
func writeRaw(path string, results []result) error {
	type run struct {
		Seconds, CPUSeconds float64
		PeakKB              int
	}
	out := map[string]map[variant][]run{}
	for _, r := range results {
		out[r.name] = map[variant][]run{}
		for v, samples := range r.runs {
			for _, s := range samples {
				out[r.name][v] = append(out[r.name][v], run{Seconds: s.seconds, CPUSeconds: s.cpu, PeakKB: s.peakKB})
			}
		}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}

func version(bin string) string {
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return "unknown"
	}
	return strings.SplitN(strings.TrimSpace(string(out)), "\n", 2)[0]
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if _, name, ok := strings.Cut(line, ":"); ok {
				return strings.TrimSpace(name)
			}
		}
	}
	return "unknown CPU"
}
