package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
)

// BenchmarkAllRules runs every rule over the benchmark's 1,000-cluster
// module through the SDK's mock host: the plugin's own CPU per module run,
// without tflint's round trips (which `make bench` measures).
func BenchmarkAllRules(b *testing.B) {
	files := corpusFiles(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		host := mockHost(files)
		b.StartTimer()
		runner := newRunner(host, false)
		for _, rule := range All() {
			if err := rule.Check(runner); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadModel is the model's share: one read of the module.
func BenchmarkLoadModel(b *testing.B) {
	host := mockHost(corpusFiles(b, 1000))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := loadModel(host); err != nil {
			b.Fatal(err)
		}
	}
}

func corpusFiles(b *testing.B, clusters int) map[string]string {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.WriteModule(dir, clusters); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]string{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		files[filepath.Base(path)] = string(data)
	}
	return files
}

// mockHost builds the SDK's mock host for a benchmark. helper.TestRunner
// wants a *testing.T only to mark itself a helper and to fail on files that
// do not parse, which the generated corpus always does.
func mockHost(files map[string]string) *helper.Runner {
	return helper.TestRunner(&testing.T{}, files)
}

// BenchmarkWantReferences is what finding the variables and locals of a
// 1,000-cluster module costs, to fetch them in one host call.
func BenchmarkWantReferences(b *testing.B) {
	m, err := loadModel(mockHost(corpusFiles(b, 1000)))
	if err != nil {
		b.Fatal(err)
	}
	resources := m.resources()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		eval := newEvaluator(nil)
		eval.direct = &fakeSource{}
		for _, r := range resources {
			wantReferences(eval, r.Block.Body)
		}
		if len(eval.wanted) != 2 {
			b.Fatalf("wanted %d references, want 2 (var.engine_version, var.log_exports)", len(eval.wanted))
		}
	}
}
