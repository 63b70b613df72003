package integration

// The plugin's own language server, `tflint-ruleset-neptune langserver`,
// driven over its stdio with the pinned tflint and the freshly built plugin.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// langserverConfig enables only the export rule of this plugin's logging
// rules, so that a module whose export finding is fixed lints clean: the
// clusters export slowquery on the default group, which the slow-query rule
// reports without a fix.
const langserverConfig = defaultConfig + `
rule "neptune_cluster_audit_log_parameter" {
  enabled = false
}

rule "neptune_cluster_slow_query_log" {
  enabled = false
}
`

const (
	// Two clusters with a fixable export finding each.
	lspTwoClusters = "resource \"aws_neptune_cluster\" \"a\" {\n  enable_cloudwatch_logs_exports = [\"slowquery\"]\n}\n\n" +
		"resource \"aws_neptune_cluster\" \"b\" {\n  enable_cloudwatch_logs_exports = []\n}\n"
)

type lspCodeAction struct {
	Title       string          `json:"title"`
	Kind        string          `json:"kind"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
	Edit        *struct {
		DocumentChanges []struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version int    `json:"version"`
			} `json:"textDocument"`
			Edits []lspTextEdit `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
	Data json.RawMessage `json:"data"`
}

type lspTextEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

// writeModule writes files (name → text) into dir.
func writeModule(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// serveModule writes a module of main.tf under langserverConfig, starts the
// plugin's language server on it with opts, and opens main.tf.
func serveModule(t *testing.T, text string, opts map[string]any) (*lspServer, string) {
	t.Helper()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": text})
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, opts)
	s.open(mainTF, text)
	return s, mainTF
}

// startNeptuneServer starts `tflint-ruleset-neptune langserver` and
// initializes it on root with the pinned tflint, a 50 ms debounce, and the
// given initializationOptions over those.
func startNeptuneServer(t *testing.T, root string, opts map[string]any) *lspServer {
	t.Helper()
	cmd := exec.Command(filepath.Join(pluginDir, "tflint-ruleset-neptune"), "langserver")
	cmd.Dir = root
	tmp := t.TempDir()
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir, "TFLINT_LOG=", "TMPDIR="+tmp)
	s := startLSP(t, cmd, "tflint-ruleset-neptune langserver")
	s.tmpDir = tmp
	init := map[string]any{"tflintPath": tflintBin, "debounceMs": 50}
	for k, v := range opts {
		init[k] = v
	}
	s.request("initialize", map[string]any{
		"processId":             os.Getpid(),
		"rootUri":               fileURI(root),
		"capabilities":          map[string]any{},
		"initializationOptions": init,
	})
	s.notify("initialized", map[string]any{})
	return s
}

func (s *lspServer) open(path, text string) {
	s.t.Helper()
	s.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": fileURI(path), "languageId": "terraform", "version": 1, "text": text},
	})
}

func (s *lspServer) change(path string, version int, text string) {
	s.t.Helper()
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": fileURI(path), "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

// codeActions lists the actions on the lines of r.
func (s *lspServer) codeActions(path string, r lspRange, only ...string) []lspCodeAction {
	s.t.Helper()
	ctx := map[string]any{"diagnostics": []any{}}
	if len(only) > 0 {
		ctx["only"] = only
	}
	result := s.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": fileURI(path)},
		"range":        r,
		"context":      ctx,
	})
	var actions []lspCodeAction
	if err := json.Unmarshal(result, &actions); err != nil {
		s.t.Fatalf("codeAction result does not decode: %v: %s", err, result)
	}
	return actions
}

// awaitRuns waits until the server has logged at least n tflint runs (its
// log can trail its messages a little, being another pipe) and returns the
// count.
func (s *lspServer) awaitRuns(n int) int {
	s.t.Helper()
	deadline := time.Now().Add(lspWait)
	for s.tflintRuns() < n {
		if time.Now().After(deadline) {
			s.t.Fatalf("the server logged %d tflint runs, want %d\n%s", s.tflintRuns(), n, s.stderr.tail(20))
		}
		time.Sleep(10 * time.Millisecond)
	}
	return s.tflintRuns()
}

// tflintRuns counts the tflint runs the server has logged.
func (s *lspServer) tflintRuns() int {
	s.stderr.mu.Lock()
	defer s.stderr.mu.Unlock()
	return strings.Count(s.stderr.buf.String(), " tflint run ")
}

func findAction(actions []lspCodeAction, kind, titlePrefix string) *lspCodeAction {
	for i := range actions {
		if actions[i].Kind == kind && strings.HasPrefix(actions[i].Title, titlePrefix) {
			return &actions[i]
		}
	}
	return nil
}

// applyEdits applies LSP text edits (ASCII text: characters are bytes).
func applyEdits(t *testing.T, text string, edits []lspTextEdit) string {
	t.Helper()
	offset := func(p lspPosition) int {
		lines := strings.SplitAfter(text, "\n")
		if p.Line > len(lines) {
			t.Fatalf("edit position %+v is past the end of the text", p)
		}
		at := 0
		for _, l := range lines[:p.Line] {
			at += len(l)
		}
		return at + p.Character
	}
	sorted := append([]lspTextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return offset(sorted[i].Range.Start) > offset(sorted[j].Range.Start) })
	for _, e := range sorted {
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

// resolveEdits resolves an action and returns its edits for path at version.
func (s *lspServer) resolveEdits(action lspCodeAction, path string, version int) []lspTextEdit {
	s.t.Helper()
	result := s.request("codeAction/resolve", action)
	var resolved lspCodeAction
	if err := json.Unmarshal(result, &resolved); err != nil {
		s.t.Fatalf("codeAction/resolve result does not decode: %v: %s", err, result)
	}
	if resolved.Edit == nil || len(resolved.Edit.DocumentChanges) != 1 {
		s.t.Fatalf("the resolved action has no edit of one document: %s", result)
	}
	change := resolved.Edit.DocumentChanges[0]
	if !sameFileURI(change.TextDocument.URI, path) || change.TextDocument.Version != version {
		s.t.Fatalf("the edit is for %s version %d, want %s version %d", change.TextDocument.URI, change.TextDocument.Version, path, version)
	}
	return change.Edits
}

// assertNoCopiesLeft checks that the server removed its temporary copies.
func (s *lspServer) assertNoCopiesLeft() {
	s.t.Helper()
	entries, err := os.ReadDir(s.tmpDir)
	if err != nil {
		s.t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "neptune-langserver-") {
			s.t.Errorf("the server left its temporary copy %s", filepath.Join(s.tmpDir, e.Name()))
		}
	}
}

func assertClean(t *testing.T, dir string) {
	t.Helper()
	if out := runTflint(t, dir); len(out.Issues) > 0 {
		t.Errorf("tflint still reports issues after the edit:\n%s", issueLines(out))
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestLangserverDiagnosticsCarryRuleAndLink(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	diags := s.awaitDiagnostics("the diagnostics of the opened file", mainTF)
	d := findDiagnostic(diags, lspExportMessage)
	if d == nil {
		t.Fatalf("no diagnostic contains %q: %+v", lspExportMessage, diags)
	}
	if d.Code != lspExportRule {
		t.Errorf("code is %q, want the rule name %q", d.Code, lspExportRule)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != project.ReferenceLink(lspExportRule) {
		t.Errorf("codeDescription is %+v, want the rule's link %s", d.CodeDescription, project.ReferenceLink(lspExportRule))
	}
	if d.Range != lspExportRange {
		t.Errorf("range is %+v, want %+v", d.Range, lspExportRange)
	}
	if want := lspSeverity(t, lspExportRule); d.Severity != want {
		t.Errorf("severity is %d, want %d", d.Severity, want)
	}

	if result := s.request("shutdown", nil); string(result) != "null" {
		t.Errorf("shutdown returned %s, want null", result)
	}
	s.notify("exit", nil)
	if !s.waitExit(lspWait) {
		t.Fatalf("the server did not exit within %s of the exit notification", lspWait)
	}
	if s.exitErr != nil {
		t.Errorf("the server did not exit cleanly after shutdown and exit: %v\n%s", s.exitErr, s.stderr.tail(20))
	}
}

// The server lints the editor's buffers, not the files on disk: a changed
// buffer and a file never saved.
func TestLangserverLintsUnsavedBuffers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": lspChangedText})
	mainTF, newTF := filepath.Join(dir, "main.tf"), filepath.Join(dir, "new.tf")
	s := startNeptuneServer(t, dir, nil)

	s.open(mainTF, lspChangedText)
	if diags := s.awaitDiagnostics("the clean file's diagnostics", mainTF); len(diags) != 0 {
		t.Fatalf("the clean file has diagnostics: %+v", diags)
	}
	s.change(mainTF, 2, lspOpenText)
	diags := s.awaitDiagnostics("the changed buffer's diagnostics", mainTF)
	if findDiagnostic(diags, lspExportMessage) == nil {
		t.Fatalf("the unsaved change is not linted: %+v", diags)
	}

	unsaved := strings.ReplaceAll(lspOpenText, `"x"`, `"y"`)
	s.open(newTF, unsaved)
	diags = s.awaitDiagnostics("the diagnostics of a file that is not on disk", newTF)
	if findDiagnostic(diags, "aws_neptune_cluster.y exports") == nil {
		t.Fatalf("the never-saved file is not linted: %+v", diags)
	}
	if got := mustRead(t, mainTF); got != lspChangedText {
		t.Errorf("main.tf on disk changed:\n%s", got)
	}
	if _, err := os.Stat(newTF); err == nil {
		t.Errorf("the server wrote %s", newTF)
	}
}

// Changes in quick succession make one run once the debounce has passed,
// and the diagnostics are those of the last version.
func TestLangserverDebouncesChanges(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, map[string]any{"debounceMs": 1000})
	s.awaitDiagnostics("the opened file's diagnostics", mainTF)
	before := s.awaitRuns(1)
	for v := 2; v <= 6; v++ {
		text := lspOpenText
		if v == 6 {
			text = lspChangedText
		}
		s.change(mainTF, v, text)
	}
	var params lspPublishDiagnostics
	s.await("the diagnostics after the changes", func(m lspMessage) bool {
		return m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &params) == nil && sameFileURI(params.URI, mainTF)
	})
	if params.Version == nil || *params.Version != 6 {
		t.Errorf("the diagnostics are for version %v, want 6", params.Version)
	}
	if findDiagnostic(params.Diagnostics, lspExportMessage) != nil {
		t.Errorf("the diagnostics are not those of the last change: %+v", params.Diagnostics)
	}
	s.awaitRuns(before + 1)
	time.Sleep(200 * time.Millisecond) // a second run would have logged by now
	if runs := s.tflintRuns() - before; runs != 1 {
		t.Errorf("5 changes within the debounce ran tflint %d times, want 1\n%s", runs, s.stderr.tail(10))
	}
}

func TestLangserverQuickFix(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	dir := filepath.Dir(mainTF)
	s.awaitDiagnostics("the opened file's diagnostics", mainTF)

	runs := s.awaitRuns(1)
	actions := s.codeActions(mainTF, lspRange{Start: lspExportRange.Start, End: lspExportRange.Start})
	if got := s.tflintRuns(); got != runs {
		t.Errorf("listing code actions ran tflint %d times", got-runs)
	}
	fix := findAction(actions, "quickfix", "Fix "+lspExportRule)
	if fix == nil {
		t.Fatalf("no quick fix for %s among %+v", lspExportRule, actions)
	}
	if fix.Edit != nil {
		t.Errorf("the listed quick fix already has its edit: it must be computed on resolve")
	}
	if len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != lspExportRule {
		t.Errorf("the quick fix is not tied to its diagnostic: %+v", fix.Diagnostics)
	}
	edits := s.resolveEdits(*fix, mainTF, 1)
	s.assertNoCopiesLeft()
	// The smallest edit inserts `, "audit"` (or `", "audit` a character
	// earlier, which is as small).
	if len(edits) != 1 || edits[0].Range.Start != edits[0].Range.End || len(edits[0].NewText) != len(`, "audit"`) {
		t.Errorf("the fix's edits are %+v, want one insertion of 9 characters", edits)
	}
	if got := mustRead(t, mainTF); got != lspOpenText {
		t.Fatalf("resolving the fix wrote main.tf:\n%s", got)
	}
	writeModule(t, dir, map[string]string{"main.tf": applyEdits(t, lspOpenText, edits)})
	assertClean(t, dir)
}

func TestLangserverFixAll(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspTwoClusters, nil)
	dir := filepath.Dir(mainTF)
	if diags := s.awaitDiagnostics("the opened file's diagnostics", mainTF); len(diags) != 2 {
		t.Fatalf("want two export diagnostics, got %+v", diags)
	}
	actions := s.codeActions(mainTF, lspRange{}, "source.fixAll")
	fixAll := findAction(actions, "source.fixAll", "")
	if fixAll == nil || len(actions) != 1 {
		t.Fatalf("want one source.fixAll action, got %+v", actions)
	}
	edits := s.resolveEdits(*fixAll, mainTF, 1)
	writeModule(t, dir, map[string]string{"main.tf": applyEdits(t, lspTwoClusters, edits)})
	assertClean(t, dir)
}

func TestLangserverIgnoreAction(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	dir := filepath.Dir(mainTF)
	s.awaitDiagnostics("the opened file's diagnostics", mainTF)

	runs := s.awaitRuns(1)
	ignore := findAction(s.codeActions(mainTF, lspExportRange, "quickfix"), "quickfix", "Ignore "+lspExportRule)
	if ignore == nil || ignore.Edit == nil || len(ignore.Edit.DocumentChanges) != 1 {
		t.Fatalf("no ignore action with its edit: %+v", ignore)
	}
	if got := s.tflintRuns(); got != runs {
		t.Errorf("the ignore action ran tflint %d times", got-runs)
	}
	fixed := applyEdits(t, lspOpenText, ignore.Edit.DocumentChanges[0].Edits)
	want := strings.Replace(lspOpenText, "  enable_", "  # tflint-ignore: "+lspExportRule+"\n  enable_", 1)
	if fixed != want {
		t.Errorf("the ignore action makes\n%s\nwant\n%s", fixed, want)
	}
	writeModule(t, dir, map[string]string{"main.tf": fixed})
	assertClean(t, dir)

	// Once the buffer changes, the diagnostics' lines may be wrong: no
	// ignore action until the diagnostics of the change arrive, then one
	// at the finding's new line.
	s.change(mainTF, 2, "\n"+lspOpenText)
	if a := findAction(s.codeActions(mainTF, lspExportRange, "quickfix"), "quickfix", "Ignore "); a != nil {
		t.Errorf("an ignore action is offered for diagnostics older than the buffer: %+v", a)
	}
	s.awaitDiagnostics("the changed file's diagnostics", mainTF)
	moved := lspRange{Start: lspPosition{Line: 2}, End: lspPosition{Line: 2}}
	ignore = findAction(s.codeActions(mainTF, moved, "quickfix"), "quickfix", "Ignore "+lspExportRule)
	if ignore == nil || ignore.Edit == nil || ignore.Edit.DocumentChanges[0].TextDocument.Version != 2 {
		t.Fatalf("no ignore action for version 2: %+v", ignore)
	}
	if got := applyEdits(t, "\n"+lspOpenText, ignore.Edit.DocumentChanges[0].Edits); got != "\n"+want {
		t.Errorf("the ignore action on the changed buffer makes\n%s", got)
	}
}

// A fix listed for one version of the document is refused once the
// document has changed.
func TestLangserverRefusesStaleFix(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	s.awaitDiagnostics("the opened file's diagnostics", mainTF)
	fix := findAction(s.codeActions(mainTF, lspExportRange), "quickfix", "Fix ")
	if fix == nil {
		t.Fatal("no quick fix listed")
	}
	s.change(mainTF, 2, "\n"+lspOpenText)
	resp := s.call("codeAction/resolve", fix)
	if resp.Error == nil {
		t.Fatalf("a fix listed at version 1 resolved at version 2: %s", resp.Result)
	}
	if resp.Error.Code != -32801 {
		t.Errorf("the refusal has code %d (%s), want -32801 ContentModified", resp.Error.Code, resp.Error.Message)
	}
}

// Opening a file of a second module keeps the first module's diagnostics.
func TestLangserverKeepsOtherModules(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	writeModule(t, root, map[string]string{
		".tflint.hcl": langserverConfig, // found above each module
		"a/main.tf":   lspOpenText,
		"b/main.tf":   lspTwoClusters,
	})
	aTF, bTF := filepath.Join(root, "a", "main.tf"), filepath.Join(root, "b", "main.tf")
	s := startNeptuneServer(t, root, nil)
	s.open(aTF, lspOpenText)
	if findDiagnostic(s.awaitDiagnostics("module a's diagnostics", aTF), lspExportMessage) == nil {
		t.Fatal("module a has no export diagnostic: is the workspace's .tflint.hcl used?")
	}
	s.open(bTF, lspTwoClusters)
	s.await("module b's diagnostics", func(m lspMessage) bool {
		var p lspPublishDiagnostics
		if m.Method != "textDocument/publishDiagnostics" || json.Unmarshal(m.Params, &p) != nil {
			return false
		}
		if sameFileURI(p.URI, aTF) && len(p.Diagnostics) == 0 {
			t.Errorf("module a's diagnostics were cleared when module b was opened")
		}
		return sameFileURI(p.URI, bTF) && len(p.Diagnostics) == 2
	})
	if findAction(s.codeActions(aTF, lspExportRange), "quickfix", "Fix ") == nil {
		t.Errorf("module a's quick fix is gone after module b was linted")
	}
}

// awaitMessage returns the next window/showMessage.
func (s *lspServer) awaitMessage(what string) (kind int, text string) {
	s.t.Helper()
	var p struct {
		Type    int    `json:"type"`
		Message string `json:"message"`
	}
	s.await(what, func(m lspMessage) bool {
		return m.Method == "window/showMessage" && json.Unmarshal(m.Params, &p) == nil
	})
	return p.Type, p.Message
}

// assertAlive checks that the server still answers requests.
func assertAlive(t *testing.T, s *lspServer, path string) {
	t.Helper()
	s.codeActions(path, lspRange{})
}

func TestLangserverConfigError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig + "config {\n", "main.tf": lspOpenText})
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, nil)
	s.open(mainTF, lspOpenText)
	kind, text := s.awaitMessage("the configuration error")
	if kind != 1 || !strings.Contains(text, ".tflint.hcl") {
		t.Errorf("message %d %q, want an error naming .tflint.hcl", kind, text)
	}
	diags := s.awaitDiagnostics("the configuration error as a diagnostic", filepath.Join(dir, ".tflint.hcl"))
	if len(diags) != 1 || diags[0].Severity != 1 {
		t.Errorf("want one error diagnostic on .tflint.hcl, got %+v", diags)
	}
	assertAlive(t, s, mainTF)
}

func TestLangserverParseErrorIsADiagnostic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": lspOpenText})
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, nil)
	s.open(mainTF, lspOpenText+"resource \"x\" {\n")
	diags := s.awaitDiagnostics("the parse error", mainTF)
	if len(diags) != 1 || diags[0].Severity != 1 || diags[0].Range.Start.Line != 3 {
		t.Errorf("want one error diagnostic on line 4, got %+v", diags)
	}
	assertAlive(t, s, mainTF)
}

func TestLangserverTflintMissing(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, map[string]any{"tflintPath": filepath.Join(t.TempDir(), "no-such-tflint")})
	kind, text := s.awaitMessage("the message that tflint is missing")
	if kind != 1 || !strings.Contains(text, "no-such-tflint") || !strings.Contains(text, "tflintPath") {
		t.Errorf("message %d %q, want an error naming the path and tflintPath", kind, text)
	}
	assertAlive(t, s, mainTF)
}

// A tflint that hangs is killed at the time limit, with a message.
func TestLangserverKillsHungTflint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	hung := filepath.Join(dir, "hung-tflint")
	writeModule(t, dir, map[string]string{"main.tf": lspOpenText})
	if err := os.WriteFile(hung, []byte("#!/bin/sh\necho $$ > '"+pidFile+"'\nexec sleep 300\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, map[string]any{"tflintPath": hung, "timeoutMs": 1000})
	started := time.Now()
	s.open(mainTF, lspOpenText)
	kind, text := s.awaitMessage("the message that tflint was stopped")
	if kind != 2 || !strings.Contains(text, "stopped after 1s") {
		t.Errorf("message %d %q, want a warning that tflint was stopped after 1s", kind, text)
	}
	if elapsed := time.Since(started); elapsed > 20*time.Second {
		t.Errorf("the hung tflint was stopped after %s", elapsed)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(mustRead(t, pidFile)))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("the hung tflint (pid %d) still runs", pid)
		syscall.Kill(pid, syscall.SIGKILL)
	}
	s.assertNoCopiesLeft()
	assertAlive(t, s, mainTF)
}

// Messages that are not JSON, or not JSON-RPC, are skipped: the server
// keeps answering.
func TestLangserverSurvivesMalformedMessages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": lspOpenText})
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, nil)
	for _, body := range []string{`{not json`, `{"jsonrpc":"2.0"}`, `[]`, `{"jsonrpc":"2.0","id":99,"method":"textDocument/codeAction","params":"x"}`} {
		s.sendRaw("Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body)
	}
	resp := s.await("the error response to bad params", func(m lspMessage) bool { return string(m.ID) == "99" })
	if resp.Error == nil || resp.Error.Code != -32602 {
		t.Errorf("a request with bad params got %+v, want an InvalidParams error", resp)
	}
	s.open(mainTF, lspOpenText)
	if findDiagnostic(s.awaitDiagnostics("diagnostics after the malformed messages", mainTF), lspExportMessage) == nil {
		t.Error("no export diagnostic after the malformed messages")
	}
	if !strings.Contains(s.stderr.tail(50), "not JSON-RPC") {
		t.Errorf("the server did not log the malformed messages:\n%s", s.stderr.tail(20))
	}
}

// A module that calls a module in a sibling folder (`source = "../..."`) is
// linted with the called module: the temporary copy keeps the workspace's
// layout around it.
func TestLangserverFollowsModuleCallsOutsideTheModule(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	// The caller has a fixable cluster of its own.
	caller := strings.ReplaceAll(mustRead(t, "../testdata/integration/module_call/main.tf"), `"./modules/neptune"`, `"../modules/neptune"`) + "\n" + lspOpenText
	writeModule(t, root, map[string]string{
		".tflint.hcl":             langserverConfig,
		"app/main.tf":             caller,
		"modules/neptune/main.tf": mustRead(t, "../testdata/integration/module_call/modules/neptune/main.tf"),
	})
	appTF := filepath.Join(root, "app", "main.tf")
	s := startNeptuneServer(t, root, nil)
	s.open(appTF, caller)
	diags := s.awaitDiagnostics("the caller's diagnostics", appTF)
	if findDiagnostic(diags, `aws_neptune_cluster.through_local exports ["slowquery"]`) == nil {
		t.Errorf("the finding of the called module is not reported at the call: %+v", diags)
	}
	for _, d := range diags {
		if d.Severity == 1 && d.Code == "" {
			t.Errorf("tflint failed on the module call: %+v", d)
		}
	}

	// Fixing the caller, linted with the linked called module, writes
	// nothing in the workspace.
	before := readTree(t, root)
	fixAll := findAction(s.codeActions(appTF, lspRange{}, "source.fixAll"), "source.fixAll", "")
	if fixAll == nil {
		t.Fatal("no fix-all for the caller")
	}
	edits := s.resolveEdits(*fixAll, appTF, 1)
	if after := readTree(t, root); !reflect.DeepEqual(before, after) {
		t.Errorf("resolving the fix changed the workspace")
	}
	if fixed := applyEdits(t, caller, edits); !strings.Contains(fixed, `["slowquery", "audit"]`) {
		t.Errorf("the fix-all does not add audit to the caller's cluster:\n%s", fixed)
	}
	s.assertNoCopiesLeft()
}

// A change while tflint runs cancels the run: the first diagnostics are
// those of the change. The tflint here waits a second before linting.
func TestLangserverCancelsSupersededRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": lspOpenText})
	bin := t.TempDir()
	slow, started := filepath.Join(bin, "slow-tflint"), filepath.Join(bin, "started")
	script := "#!/bin/sh\ntouch '" + started + "'\nsleep 1\nexec '" + tflintBin + "' \"$@\"\n"
	if err := os.WriteFile(slow, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	mainTF := filepath.Join(dir, "main.tf")
	s := startNeptuneServer(t, dir, map[string]any{"tflintPath": slow})
	s.open(mainTF, lspOpenText)
	for deadline := time.Now().Add(lspWait); ; time.Sleep(10 * time.Millisecond) { // the first run is under way
		if _, err := os.Stat(started); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first run did not start\n%s", s.stderr.tail(10))
		}
	}
	s.change(mainTF, 2, lspChangedText)
	var params lspPublishDiagnostics
	s.await("the diagnostics of the change", func(m lspMessage) bool {
		return m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &params) == nil && sameFileURI(params.URI, mainTF)
	})
	if params.Version == nil || *params.Version != 2 || len(params.Diagnostics) != 0 {
		t.Errorf("the first diagnostics are %+v for version %v, want none for version 2", params.Diagnostics, params.Version)
	}
	s.awaitRuns(2)
	if log := s.stderr.tail(20); !strings.Contains(log, "context canceled") {
		t.Errorf("the first run was not cancelled:\n%s", log)
	}
}

// A change of .tflint.hcl reported by the editor's file watcher lints the
// open modules again.
func TestLangserverRelintsOnConfigChange(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	dir := filepath.Dir(mainTF)
	if findDiagnostic(s.awaitDiagnostics("the opened file's diagnostics", mainTF), lspExportMessage) == nil {
		t.Fatal("no export diagnostic")
	}
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig + "\nrule \"" + lspExportRule + "\" {\n  enabled = false\n}\n"})
	s.notify("workspace/didChangeWatchedFiles", map[string]any{
		"changes": []map[string]any{{"uri": fileURI(filepath.Join(dir, ".tflint.hcl")), "type": 2}},
	})
	if diags := s.awaitDiagnostics("the diagnostics under the new configuration", mainTF); len(diags) != 0 {
		t.Errorf("the rule disabled in .tflint.hcl still reports: %+v", diags)
	}
}

// A client that does not resolve code actions (its capabilities do not say
// so) gets each fix as a command; executing it sends the edit back with
// workspace/applyEdit.
func TestLangserverFixByCommand(t *testing.T) {
	t.Parallel()
	s, mainTF := serveModule(t, lspOpenText, nil)
	dir := filepath.Dir(mainTF)
	s.awaitDiagnostics("the opened file's diagnostics", mainTF)
	var fix struct {
		Command *struct {
			Command   string            `json:"command"`
			Arguments []json.RawMessage `json:"arguments"`
		} `json:"command"`
	}
	result := s.request("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": fileURI(mainTF)},
		"range":        lspExportRange,
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}},
	})
	var actions []json.RawMessage
	if err := json.Unmarshal(result, &actions); err != nil || len(actions) == 0 || json.Unmarshal(actions[0], &fix) != nil || fix.Command == nil {
		t.Fatalf("the first action has no command: %s", result)
	}
	s.send(map[string]any{"id": 500, "method": "workspace/executeCommand", "params": map[string]any{
		"command": fix.Command.Command, "arguments": fix.Command.Arguments,
	}})
	apply := s.await("workspace/applyEdit", func(m lspMessage) bool { return m.Method == "workspace/applyEdit" })
	var params struct {
		Edit struct {
			DocumentChanges []struct {
				Edits []lspTextEdit `json:"edits"`
			} `json:"documentChanges"`
		} `json:"edit"`
	}
	if err := json.Unmarshal(apply.Params, &params); err != nil || len(params.Edit.DocumentChanges) != 1 {
		t.Fatalf("workspace/applyEdit params: %v: %s", err, apply.Params)
	}
	s.send(map[string]any{"id": apply.ID, "result": map[string]any{"applied": true}})
	if resp := s.await("the command's response", func(m lspMessage) bool { return string(m.ID) == "500" }); resp.Error != nil {
		t.Fatalf("executeCommand failed: %+v", resp.Error)
	}
	writeModule(t, dir, map[string]string{"main.tf": applyEdits(t, lspOpenText, params.Edit.DocumentChanges[0].Edits)})
	assertClean(t, dir)
}

// Variables count: an unsaved change of terraform.tfvars relints the module
// with the buffer, and so does a change on disk reported by the watcher.
func TestLangserverRelintsOnVariables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const mainText = "variable \"exports\" {\n  type = list(string)\n}\n\nresource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = var.exports\n}\n"
	writeModule(t, dir, map[string]string{".tflint.hcl": langserverConfig, "main.tf": mainText, "terraform.tfvars": "exports = [\"audit\"]\n"})
	mainTF, tfvars := filepath.Join(dir, "main.tf"), filepath.Join(dir, "terraform.tfvars")
	s := startNeptuneServer(t, dir, nil)
	s.open(mainTF, mainText)
	if diags := s.awaitDiagnostics("the diagnostics with audit exported", mainTF); len(diags) != 0 {
		t.Fatalf("want none, got %+v", diags)
	}
	s.open(tfvars, "exports = [\"audit\"]\n")
	s.change(tfvars, 2, "exports = [\"slowquery\"]\n")
	if findDiagnostic(s.awaitDiagnostics("the diagnostics of the unsaved variables", mainTF), `exports ["slowquery"]`) == nil {
		t.Error("the unsaved terraform.tfvars is not used")
	}
	s.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": fileURI(tfvars)}})
	if diags := s.awaitDiagnostics("the diagnostics once the variables buffer is closed", mainTF); len(diags) != 0 {
		t.Errorf("the closed buffer still counts: %+v", diags)
	}
	writeModule(t, dir, map[string]string{"terraform.tfvars": "exports = [\"slowquery\"]\n"})
	s.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(tfvars), "type": 2}}})
	if findDiagnostic(s.awaitDiagnostics("the diagnostics of the changed variables file", mainTF), `exports ["slowquery"]`) == nil {
		t.Error("the change of terraform.tfvars on disk is not linted")
	}
}
