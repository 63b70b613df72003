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

var (
	hostCallsLine = regexp.MustCompile(`neptune: neptune_cluster_audit_log_export done, (\d+) host calls`)
	anyRuleLine   = regexp.MustCompile(`neptune: \w+ done, (\d+) host calls`)
)

// allRulesConfig turns on every rule, the one disabled by default too.
const allRulesConfig = `plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

rule "neptune_cluster_kms_key" {
  enabled = true
}
`

// TestHostCallsDoNotGrowWithResources is the CI guard of the plugin's cost:
// not a timing, which is noisy, but the number of host round trips the
// module model makes, which must stay the same however many clusters the
// module holds (emitting each issue aside). The full time and memory budget
// is checked by `make bench`.
func TestHostCallsDoNotGrowWithResources(t *testing.T) {
	small, large := hostCalls(t, 12, defaultConfig, hostCallsLine), hostCalls(t, 60, defaultConfig, hostCallsLine)
	if small != large {
		t.Errorf("the model made %d host calls for 12 clusters and %d for 60: it must not grow with the module", small, large)
	}
	// One read of the module, one evaluation per distinct variable.
	if small > 4 {
		t.Errorf("the model made %d host calls, want at most 4", small)
	}
}

// TestHostCallsOfEveryRuleDoNotGrowWithResources runs every rule and reads
// the count after the last one: the rules added later (instances, global
// clusters, module calls) must not ask the host per resource either.
func TestHostCallsOfEveryRuleDoNotGrowWithResources(t *testing.T) {
	small, large := hostCalls(t, 12, allRulesConfig, anyRuleLine), hostCalls(t, 60, allRulesConfig, anyRuleLine)
	t.Logf("every rule: %d host calls for 12 clusters, %d for 60", small, large)
	if small != large {
		t.Errorf("every rule made %d host calls for 12 clusters and %d for 60: it must not grow with the module", small, large)
	}
	if small > 6 {
		t.Errorf("every rule made %d host calls, want at most 6", small)
	}
}

// hostCalls returns the count of the last log line line matches.
func hostCalls(t *testing.T, clusters int, config string, line *regexp.Regexp) int {
	t.Helper()
	dir := t.TempDir()
	if err := corpus.WriteModule(dir, clusters); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := tflintCommand(dir, pluginDir, "debug", "--format", "json", "--force")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tflint: %v\n%s", err, stderr.String())
	}
	matches := line.FindAllSubmatch(stderr.Bytes(), -1)
	if matches == nil {
		t.Fatalf("no host-call count in the plugin's debug log:\n%s", lastLines(stderr.String(), 20))
	}
	n, _ := strconv.Atoi(string(matches[len(matches)-1][1]))
	return n
}

func lastLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
