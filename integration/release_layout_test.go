package integration

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// TestReleaseLayout packs the built plugin the way the release does (a zip
// per platform holding only the binary, and checksums.txt), installs it the
// way `tflint --init` does (checksum verified, binary extracted under
// TFLINT_PLUGIN_DIR/<source>/<version>/), and shows tflint loading it with
// `version` and `source` set. The download and signature check themselves
// need the network; the release workflow is where they run.
func TestReleaseLayout(t *testing.T) {
	release := t.TempDir()
	asset := fmt.Sprintf("tflint-ruleset-neptune_%s_%s.zip", runtime.GOOS, runtime.GOARCH)
	zipPath := filepath.Join(release, asset)
	writeReleaseZip(t, zipPath, filepath.Join(pluginDir, "tflint-ruleset-neptune"))
	writeChecksums(t, filepath.Join(release, "checksums.txt"), zipPath)

	pluginRoot := t.TempDir()
	installDir := filepath.Join(pluginRoot, project.Repository, project.Version)
	installLikeInit(t, filepath.Join(release, "checksums.txt"), zipPath, installDir)

	work := t.TempDir()
	config := fmt.Sprintf(`plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
  version = %q
  source  = %q
}
`, project.Version, project.Repository)
	writeFiles(t, work, map[string]string{".tflint.hcl": config, "main.tf": precommitMistake})

	version := runIn(t, work, pluginRoot, "--version")
	if !strings.Contains(version, "ruleset.neptune ("+project.Version+")") {
		t.Fatalf("tflint did not load the installed plugin:\n%s", version)
	}
	lint := runIn(t, work, pluginRoot, "--format", "compact", "--force")
	if !strings.Contains(lint, "(neptune_cluster_audit_log_export)") {
		t.Fatalf("the installed plugin reported nothing:\n%s", lint)
	}

	// The layout is what makes it work: another version is not found.
	writeFiles(t, work, map[string]string{".tflint.hcl": strings.Replace(config, project.Version, "9.9.9", 1)})
	if out, err := tflintCommand(work, pluginRoot, "", "--force").CombinedOutput(); err == nil || !strings.Contains(string(out), "not found") {
		t.Fatalf("a version that is not installed must not load (err %v):\n%s", err, out)
	}
}

func writeReleaseZip(t *testing.T, zipPath, binary string) {
	t.Helper()
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	header := &zip.FileHeader{Name: "tflint-ruleset-neptune", Method: zip.Deflate}
	header.SetMode(0o755)
	f, err := w.CreateHeader(header)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(zipPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeChecksums(t *testing.T, path, zipPath string) {
	t.Helper()
	sum := fileSHA256(t, zipPath)
	line := fmt.Sprintf("%s  %s\n", sum, filepath.Base(zipPath))
	if err := os.WriteFile(path, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
}

// installLikeInit verifies the zip against checksums.txt as tflint does
// (sha256, "hash  filename" lines) and extracts the binary.
func installLikeInit(t *testing.T, checksums, zipPath, installDir string) {
	t.Helper()
	f, err := os.Open(checksums)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) != 2 {
			t.Fatalf("checksums.txt line %q is not \"hash  filename\"", scanner.Text())
		}
		want[fields[1]] = fields[0]
	}
	if got := fileSHA256(t, zipPath); want[filepath.Base(zipPath)] != got {
		t.Fatalf("checksum of %s = %s, checksums.txt says %q", filepath.Base(zipPath), got, want[filepath.Base(zipPath)])
	}
	r, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if len(r.File) != 1 || r.File[0].Name != "tflint-ruleset-neptune" {
		t.Fatalf("the zip must hold only the binary, holds %d files", len(r.File))
	}
	if err := os.MkdirAll(installDir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := r.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(filepath.Join(installDir, "tflint-ruleset-neptune"), os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func fileSHA256(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runIn(t *testing.T, dir, pluginRoot string, args ...string) string {
	t.Helper()
	out, err := tflintCommand(dir, pluginRoot, "", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("tflint %v: %v\n%s", args, err, out)
	}
	return string(out)
}
