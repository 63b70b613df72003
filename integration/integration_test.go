// Package integration runs the real tflint binary against the freshly built
// plugin on every case under testdata/integration.
//
// A case is a folder of Terraform files plus what the test expects:
//
//	want.txt         issues of a plain run, one per line (see formatIssue)
//	fixed/           every file that `tflint --fix` changes, as it must read after
//	want_fixed.txt   issues of a run after the fix (none of them fixable)
//	args             optional extra tflint arguments, one per line
//	.tflint.hcl      optional; otherwise a default config that enables only this
//	                 plugin, without its Security Hub parity rules
//
// Run `go test ./integration -update` to rewrite the expectations from the
// actual output, then review the diff before committing it.
package integration

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

var update = flag.Bool("update", false, "rewrite the expected files of every case")

const defaultConfig = `config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

# The Security Hub parity rules have their own cases; elsewhere they would
# bury the finding each case is about.
rule "neptune_cluster_storage_encrypted" {
  enabled = false
}

rule "neptune_cluster_deletion_protection" {
  enabled = false
}

rule "neptune_cluster_backup_retention" {
  enabled = false
}

rule "neptune_cluster_iam_authentication" {
  enabled = false
}

rule "neptune_cluster_copy_tags_to_snapshot" {
  enabled = false
}

rule "neptune_cluster_multi_az" {
  enabled = false
}

rule "neptune_cluster_snapshot_encrypted" {
  enabled = false
}
`

var (
	tflintBin string
	pluginDir string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code, err := setUp()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code = m.Run()
	os.RemoveAll(pluginDir)
	os.Exit(code)
}

func setUp() (int, error) {
	tflintBin = os.Getenv("TFLINT")
	if tflintBin == "" {
		tflintBin, _ = filepath.Abs("../.bin/tflint")
	}
	if _, err := os.Stat(tflintBin); err != nil {
		return 1, fmt.Errorf("the pinned tflint is not installed at %s: run `make tools` (or set TFLINT)", tflintBin)
	}
	dir, err := os.MkdirTemp("", "neptune-plugin-")
	if err != nil {
		return 1, err
	}
	pluginDir = dir
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "tflint-ruleset-neptune"), "..")
	if out, err := build.CombinedOutput(); err != nil {
		return 1, fmt.Errorf("building the plugin: %v\n%s", err, out)
	}
	return 0, nil
}

// formatIssue is one line of want.txt: range, rule, fixable mark, message,
// and the module-call chain when the issue comes from a called module.
func formatIssue(i tflintjson.Finding) string {
	line := fmt.Sprintf("%s %s", i.Range, i.Rule.Name)
	if i.Fixable {
		line += " [fixable]"
	}
	for _, c := range i.Callers {
		line += " <- " + c.String()
	}
	return line + ": " + i.Message
}

// tflintCommand is the pinned tflint run in dir, loading plugins from
// pluginRoot, at the given log level ("" for none, so that a developer's
// TFLINT_LOG does not leak into what the tests read).
func tflintCommand(dir, pluginRoot, logLevel string, args ...string) *exec.Cmd {
	cmd := exec.Command(tflintBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginRoot, "TFLINT_LOG="+logLevel)
	return cmd
}

func runTflint(t *testing.T, dir string, args ...string) tflintjson.Output {
	t.Helper()
	cmd := tflintCommand(dir, pluginDir, "", append([]string{"--format", "json", "--force"}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tflint %v: %v\nstdout: %s\nstderr: %s", args, err, stdout.String(), stderr.String())
	}
	out, err := tflintjson.Parse(stdout.Bytes())
	if err != nil {
		t.Fatalf("tflint output is not JSON: %v\n%s\nstderr: %s", err, stdout.String(), stderr.String())
	}
	if len(out.Errors) > 0 {
		t.Fatalf("tflint reported errors: %+v\nstderr: %s", out.Errors, stderr.String())
	}
	return out
}

func issueLines(out tflintjson.Output) string {
	lines := make([]string, 0, len(out.Issues))
	for _, i := range out.Issues {
		lines = append(lines, formatIssue(i))
	}
	sort.Strings(lines)
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}

func cases(t *testing.T) []string {
	entries, err := os.ReadDir("../testdata/integration")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no integration cases found")
	}
	return names
}

func TestIntegration(t *testing.T) {
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCase(t, filepath.Join("../testdata/integration", name))
		})
	}
}

func runCase(t *testing.T, caseDir string) {
	args := caseArgs(t, caseDir)

	plain := copyCase(t, caseDir)
	plainOut := runTflint(t, plain, args...)
	compareGolden(t, filepath.Join(caseDir, "want.txt"), issueLines(plainOut))

	fixed := copyCase(t, caseDir)
	before := readTree(t, fixed)
	runTflint(t, fixed, append(args, "--fix")...)
	after := readTree(t, fixed)
	compareFixedFiles(t, caseDir, before, after)
	assertFormatStable(t, before, after)
	assertForceNewUntouched(t, before, after)

	second := runTflint(t, fixed, args...)
	assertFixableWasFixed(t, plainOut, second)
	for _, i := range second.Issues {
		if i.Fixable {
			t.Errorf("still fixable after --fix: %s", formatIssue(i))
		}
	}
	compareGolden(t, filepath.Join(caseDir, "want_fixed.txt"), issueLines(second))

	runTflint(t, fixed, append(args, "--fix")...)
	if again := readTree(t, fixed); !sameTree(after, again) {
		t.Errorf("a second --fix changed the files again")
	}
}

// assertFixableWasFixed checks that what a plain run marks fixable is gone
// after --fix: a mark is a promise that --fix fixes the finding. Findings
// are named without their range, which the fixes of other findings move.
func assertFixableWasFixed(t *testing.T, plain, afterFix tflintjson.Output) {
	t.Helper()
	left := map[string]bool{}
	for _, i := range afterFix.Issues {
		left[i.Rule.Name+": "+i.Message] = true
	}
	for _, i := range plain.Issues {
		if i.Fixable && left[i.Rule.Name+": "+i.Message] {
			t.Errorf("marked fixable, but --fix leaves it: %s", formatIssue(i))
		}
	}
}

func caseArgs(t *testing.T, caseDir string) []string {
	data, err := os.ReadFile(filepath.Join(caseDir, "args"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(data))
}

var expectationFiles = map[string]bool{"want.txt": true, "want_fixed.txt": true, "args": true, "fixed": true}

// copyCase lays the case's Terraform files out in a fresh temporary folder.
func copyCase(t *testing.T, caseDir string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(caseDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(caseDir, path)
		if rel == "." {
			return nil
		}
		if expectationFiles[strings.Split(filepath.ToSlash(rel), "/")[0]] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, ".tflint.hcl")); os.IsNotExist(err) {
		if err := os.WriteFile(filepath.Join(dst, ".tflint.hcl"), []byte(defaultConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if strings.HasPrefix(rel, ".terraform") {
			return nil
		}
		data, err := os.ReadFile(path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// compareFixedFiles checks the changed files against fixed/ and that no other file changed.
func compareFixedFiles(t *testing.T, caseDir string, before, after map[string]string) {
	t.Helper()
	fixedDir := filepath.Join(caseDir, "fixed")
	if *update {
		os.RemoveAll(fixedDir)
	}
	for name, content := range after {
		want := filepath.Join(fixedDir, filepath.FromSlash(name))
		if content == before[name] {
			if _, err := os.Stat(want); err == nil && !*update {
				t.Errorf("%s: expected --fix to change it, but it did not", name)
			}
			continue
		}
		if *update {
			os.MkdirAll(filepath.Dir(want), 0o755)
			if err := os.WriteFile(want, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(want)
		if err != nil {
			t.Errorf("%s: --fix changed it, but there is no fixed/%s:\n%s", name, name, content)
			continue
		}
		if string(data) != content {
			t.Errorf("%s after --fix:\n%s\nwant:\n%s", name, content, data)
		}
	}
}

// assertFormatStable checks that every native HCL file changed by a fix is
// already in `terraform fmt` form.
func assertFormatStable(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, content := range after {
		if content == before[name] || !strings.HasSuffix(name, ".tf") {
			continue
		}
		if formatted := string(hclwrite.Format([]byte(content))); formatted != content {
			t.Errorf("%s is not format-stable after --fix:\n%s", name, content)
		}
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if got == "" {
			os.Remove(path)
			return
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		data, err = nil, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != got {
		t.Errorf("%s differs.\ngot:\n%s\nwant:\n%s", filepath.Base(path), got, data)
	}
}
