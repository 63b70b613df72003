package integration

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

var (
	hostCallsLine  = regexp.MustCompile(`neptune: neptune_cluster_audit_log_export done, (\d+) host calls`)
	anyRuleLine    = regexp.MustCompile(`neptune: \w+ done, (\d+) host calls`)
	failedTogether = regexp.MustCompile(`cannot evaluate (local\.loop_a, var\.exports|var\.exports, local\.loop_a) together`)
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
	// One read of the module, one evaluation for all its variables.
	if small > 2 {
		t.Errorf("the model made %d host calls, want at most 2", small)
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
	if small > 3 {
		t.Errorf("every rule made %d host calls, want at most 3", small)
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

// TestAVariableOutlivesALocalTheHostCannotEvaluate: the model asks for all
// its variables and locals in one call; a local the host cannot evaluate (a
// cycle) fails that call, and the others must still arrive, one by one.
func TestAVariableOutlivesALocalTheHostCannotEvaluate(t *testing.T) {
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{
		".tflint.hcl": defaultConfig,
		"main.tf": `variable "exports" {
  default = ["slowquery"]
}

locals {
  loop_a = local.loop_b
  loop_b = local.loop_a
}

resource "aws_neptune_cluster" "main" {
  enable_cloudwatch_logs_exports       = var.exports
  neptune_cluster_parameter_group_name = local.loop_a
}
`,
	})
	cmd := tflintCommand(dir, pluginDir, "debug", "--format", "json", "--force")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != 2 {
		t.Fatalf("tflint: %v\n%s", err, stderr.String())
	}
	if !failedTogether.MatchString(stderr.String()) {
		t.Fatalf("the variables were not asked for together, or the cycle did not fail them:\n%s", lastLines(stderr.String(), 30))
	}
	var out tflintjson.Output
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if got := issueLines(out); !strings.Contains(got, `exports ["slowquery"] to CloudWatch Logs but not "audit"`) {
		t.Errorf("no finding from the value of var.exports, fetched after the cycle failed:\n%s", got)
	}
}
