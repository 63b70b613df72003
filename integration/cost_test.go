package integration

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
)

var hostCallsLine = regexp.MustCompile(`neptune: neptune_cluster_audit_log_export done, (\d+) host calls`)

// TestHostCallsDoNotGrowWithResources is the CI guard of the plugin's cost:
// not a timing, which is noisy, but the number of host round trips the
// module model makes, which must stay the same however many clusters the
// module holds (emitting each issue aside). The full time and memory budget
// is checked by `make bench`.
func TestHostCallsDoNotGrowWithResources(t *testing.T) {
	small, large := hostCalls(t, 12), hostCalls(t, 60)
	if small != large {
		t.Errorf("the model made %d host calls for 12 clusters and %d for 60: it must not grow with the module", small, large)
	}
	// One read of the module, one evaluation per distinct variable.
	if small > 4 {
		t.Errorf("the model made %d host calls, want at most 4", small)
	}
}

func hostCalls(t *testing.T, clusters int) int {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.WriteModule(dir, clusters); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(defaultConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := tflintCommand(dir, pluginDir, "debug", "--format", "json", "--force")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tflint: %v\n%s", err, stderr.String())
	}
	match := hostCallsLine.FindSubmatch(stderr.Bytes())
	if match == nil {
		t.Fatalf("no host-call count in the plugin's debug log:\n%s", lastLines(stderr.String(), 20))
	}
	n, _ := strconv.Atoi(string(match[1]))
	return n
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
