package integration

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovimAppliesQuickFix runs a real editor, headless Neovim, on the
// plugin's language server (neovim_fix.lua): it opens a file with a fixable
// finding, waits for the diagnostics, applies the first quick fix and
// writes the buffer. The file must then hold the fix and lint clean.
func TestNeovimAppliesQuickFix(t *testing.T) {
	t.Parallel()
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nvim is not installed; .ci/run installs it")
		}
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	script, err := filepath.Abs("neovim_fix.lua")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	home := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": lspOpenText})
	mainTF := filepath.Join(dir, "main.tf")
	result := filepath.Join(home, "result")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_DATA_HOME="+home, "XDG_STATE_HOME="+home, "XDG_CACHE_HOME="+home,
		"TFLINT_PLUGIN_DIR="+pluginDir, "TFLINT_LOG=",
		"NEPTUNE_SERVER="+filepath.Join(pluginDir, "tflint-ruleset-neptune"),
		"NEPTUNE_TFLINT="+tflintBin,
		"NEPTUNE_ROOT="+dir,
		"NEPTUNE_FILE="+mainTF,
		"NEPTUNE_RESULT="+result,
	)
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	status, readErr := os.ReadFile(result)
	if err != nil || readErr != nil || string(status) != "ok" {
		t.Fatalf("neovim: %v; result %q (%v)\noutput:\n%s\nlsp log:\n%s", err, status, readErr, out, nvimLog(home))
	}
	want := strings.Replace(lspOpenText, `["slowquery"]`, `["slowquery", "audit"]`, 1)
	if got := mustRead(t, mainTF); got != want {
		t.Errorf("after the quick fix main.tf reads\n%s\nwant\n%s", got, want)
	}
	assertClean(t, dir)
}

// nvimLog is Neovim's LSP log, for a failure report.
func nvimLog(home string) string {
	var logs []string
	filepath.WalkDir(home, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".log") {
			data, _ := os.ReadFile(path)
			logs = append(logs, path+":\n"+string(data))
		}
		return nil
	})
	return strings.Join(logs, "\n")
}
