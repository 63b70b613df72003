package langserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

// errTimeout is a tflint run killed at the time limit.
var errTimeout = errors.New("tflint took too long")

// errNotFound is a tflint that cannot be started.
type errNotFound struct {
	path string
	err  error
}

func (e errNotFound) Error() string {
	return fmt.Sprintf("cannot run tflint (%s): %v; install tflint or set initializationOptions.tflintPath", e.path, e.err)
}

// tflintRun is one run of tflint on a module: the module is laid out in a
// temporary folder, with the editor's unsaved buffers over the files on disk.
type tflintRun struct {
	tflint  string
	timeout time.Duration
	root    string            // the workspace folder, or "" (the module alone)
	module  string            // the module's folder
	buffers map[string]string // unsaved text by absolute path, in the module
	args    []string          // after --format json
}

// result of a run. Files holds, after a --fix run, the module's .tf and
// .tf.json files as tflint left them (by original path).
type runResult struct {
	Output tflintjson.Output
	Files  map[string]string
}

func (r tflintRun) run(ctx context.Context) (runResult, error) {
	var res runResult
	tmp, err := os.MkdirTemp("", "neptune-langserver-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	copyDir, err := r.layOut(tmp)
	if err != nil {
		return res, fmt.Errorf("copying the module %s: %w", r.module, err)
	}
	args := append([]string{"--format", "json", "--force", "--no-color"}, r.args...)
	if config := r.config(); config != "" {
		args = append(args, "--config", config)
	}

	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.tflint, args...)
	cmd.Dir = copyDir
	// The editor's TFLINT_LOG would write logs into the JSON we read.
	cmd.Env = append(os.Environ(), "TFLINT_LOG=")
	killProcessGroupOnCancel(cmd)
	cmd.WaitDelay = 2 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return res, errTimeout
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	var execErr *exec.Error
	if errors.As(runErr, &execErr) || errors.Is(runErr, fs.ErrNotExist) || errors.Is(runErr, fs.ErrPermission) {
		return res, errNotFound{path: r.tflint, err: runErr}
	}
	if err := json.Unmarshal(stdout.Bytes(), &res.Output); err != nil {
		return res, fmt.Errorf("tflint failed (%v): %s", runErr, truncate(strings.TrimSpace(stderr.String()+"\n"+stdout.String()), 1000))
	}
	res.Files = map[string]string{}
	entries, _ := os.ReadDir(copyDir)
	for _, e := range entries {
		if e.Type().IsRegular() && isTerraformFile(e.Name()) {
			if data, err := os.ReadFile(filepath.Join(copyDir, e.Name())); err == nil {
				res.Files[filepath.Join(r.module, e.Name())] = string(data)
			}
		}
	}
	return res, nil
}

// layOut mirrors the workspace into tmp and returns the module's copy. The
// module's own Terraform, variable and tflint files are copied, with the
// buffers laid over them; every other entry on the way from the workspace folder to the module (sibling
// folders, called modules, .terraform) is a symbolic link to the original,
// so that relative module sources resolve. tflint --fix writes only the
// files of --filter, which are copies.
func (r tflintRun) layOut(tmp string) (string, error) {
	root := r.root
	rel, err := filepath.Rel(root, r.module)
	if root == "" || err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		root, rel = r.module, "."
	}
	orig, copyDir := root, tmp
	if rel != "." {
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if err := linkSiblings(orig, copyDir, part); err != nil {
				return "", err
			}
			orig, copyDir = filepath.Join(orig, part), filepath.Join(copyDir, part)
			if err := os.Mkdir(copyDir, 0o700); err != nil {
				return "", err
			}
		}
	}
	entries, err := os.ReadDir(orig)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	for _, e := range entries {
		src, dst := filepath.Join(orig, e.Name()), filepath.Join(copyDir, e.Name())
		if text, ok := r.buffers[src]; ok {
			if err := os.WriteFile(dst, []byte(text), 0o600); err != nil {
				return "", err
			}
			continue
		}
		if e.Type().IsRegular() && readByTflint(e.Name()) {
			if err := copyFile(src, dst); err != nil {
				return "", err
			}
			continue
		}
		// Folders, and files tflint reads but never writes (a state file, a
		// Lambda archive): linked, not copied. Best effort.
		_ = os.Symlink(src, dst)
	}
	for path, text := range r.buffers { // buffers never saved yet
		if filepath.Dir(path) != r.module {
			continue
		}
		dst := filepath.Join(copyDir, filepath.Base(path))
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		if err := os.WriteFile(dst, []byte(text), 0o600); err != nil {
			return "", err
		}
	}
	return copyDir, nil
}

// linkSiblings links every entry of dir but the one named keep into mirror.
func linkSiblings(dir, mirror, keep string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != keep {
			_ = os.Symlink(filepath.Join(dir, e.Name()), filepath.Join(mirror, e.Name()))
		}
	}
	return nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o600)
}

// config is the .tflint.hcl of a folder above the module, up to the
// workspace folder, when the module has none of its own (tflint itself
// looks only in its working folder, then the home folder).
func (r tflintRun) config() string {
	if r.root == "" {
		return ""
	}
	if _, err := os.Stat(filepath.Join(r.module, ".tflint.hcl")); err == nil {
		return ""
	}
	for dir := filepath.Dir(r.module); ; dir = filepath.Dir(dir) {
		rel, err := filepath.Rel(r.root, dir)
		if err != nil || strings.HasPrefix(rel, "..") {
			return ""
		}
		if path := filepath.Join(dir, ".tflint.hcl"); fileExists(path) {
			return path
		}
		if dir == filepath.Dir(dir) {
			return ""
		}
	}
}

func fileExists(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// readByTflint reports whether tflint reads a module's file as
// configuration, variables or its own configuration: those are copied, so
// that --fix writes copies and the buffers can be laid over them.
func readByTflint(name string) bool {
	return isTerraformFile(name) || strings.HasSuffix(name, ".tfvars") || strings.HasSuffix(name, ".tfvars.json") || name == ".tflint.hcl"
}

// isTerraformFile reports whether tflint reads the file as configuration:
// only .tf and .tf.json (it does not read OpenTofu's .tofu files).
func isTerraformFile(name string) bool {
	return strings.HasSuffix(name, ".tf") || strings.HasSuffix(name, ".tf.json")
}
