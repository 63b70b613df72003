package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sdk "github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

const (
	lspOpenText    = "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\"slowquery\"]\n}\n"
	lspChangedText = "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"

	lspExportRule    = "neptune_cluster_audit_log_export"
	lspExportMessage = `aws_neptune_cluster.x exports ["slowquery"] to CloudWatch Logs but not "audit"`
)

// lspExportRange is the finding's range as LSP reports it: 0-based lines and
// characters, end exclusive. It covers `["slowquery"]` on the second line,
// which `tflint --format json` reports as 2:36-2:49.
var lspExportRange = lspRange{Start: lspPosition{Line: 1, Character: 35}, End: lspPosition{Line: 1, Character: 48}}

func lspSeverity(t *testing.T, rule string) int {
	t.Helper()
	for _, r := range rules.All() {
		if r.Name() != rule {
			continue
		}
		switch r.Severity() {
		case sdk.ERROR:
			return 1
		case sdk.WARNING:
			return 2
		case sdk.NOTICE:
			return 3
		}
		t.Fatalf("%s has an unexpected severity %s", rule, r.Severity())
	}
	t.Fatalf("%s is not a rule of rules.All()", rule)
	return 0
}

func findDiagnostic(diags []lspDiagnostic, substr string) *lspDiagnostic {
	for i := range diags {
		if strings.Contains(diags[i].Message, substr) {
			return &diags[i]
		}
	}
	return nil
}

// TestLanguageServer drives `tflint --langserver` as an editor would: the
// export finding appears when the file is opened and goes away when the
// editor's buffer is fixed. tflint lints the text sent in didOpen and
// didChange (it keeps it in memory over the files on disk), so the fixed
// text is never written to disk here.
func TestLanguageServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(defaultConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	mainTF := filepath.Join(dir, "main.tf")
	if err := os.WriteFile(mainTF, []byte(lspOpenText), 0o644); err != nil {
		t.Fatal(err)
	}

	// The CLI's 1-based, end-exclusive range of the finding is the LSP one plus one.
	var cliRange *tflintjson.Range
	for _, i := range runTflint(t, dir).Issues {
		if i.Rule.Name == lspExportRule && strings.Contains(i.Message, lspExportMessage) {
			r := i.Range
			cliRange = &r
		}
	}
	if cliRange == nil {
		t.Fatalf("tflint --format json does not report %s on the workspace", lspExportRule)
	}
	if got, want := *cliRange, (tflintjson.Range{
		Filename: "main.tf",
		Start:    tflintjson.Pos{Line: lspExportRange.Start.Line + 1, Column: lspExportRange.Start.Character + 1},
		End:      tflintjson.Pos{Line: lspExportRange.End.Line + 1, Column: lspExportRange.End.Character + 1},
	}); got != want {
		t.Fatalf("tflint --format json reports the finding at %s, the test expects %s", got, want)
	}

	s := startLanguageServer(t, dir)
	uri := fileURI(mainTF)

	result := s.request("initialize", map[string]any{
		"processId":    os.Getpid(),
		"rootUri":      fileURI(dir),
		"capabilities": map[string]any{},
	})
	// didChange below sends the whole text, which needs full synchronization.
	var initResult struct {
		Capabilities struct {
			TextDocumentSync struct {
				OpenClose bool `json:"openClose"`
				Change    int  `json:"change"`
			} `json:"textDocumentSync"`
		} `json:"capabilities"`
	}
	if err := json.Unmarshal(result, &initResult); err != nil {
		t.Fatalf("initialize result does not decode: %v: %s", err, result)
	}
	if ts := initResult.Capabilities.TextDocumentSync; !ts.OpenClose || ts.Change != 1 {
		t.Fatalf("the server does not ask for open/close and full-text change notifications: %s", result)
	}
	s.notify("initialized", map[string]any{})

	s.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "terraform", "version": 1, "text": lspOpenText},
	})
	opened := s.awaitDiagnostics("the diagnostics of the opened file", mainTF)
	d := findDiagnostic(opened, lspExportMessage)
	if d == nil {
		t.Fatalf("after didOpen, no diagnostic contains %q: %+v", lspExportMessage, opened)
	}
	if d.Range != lspExportRange {
		t.Errorf("the export diagnostic covers %+v, want %+v", d.Range, lspExportRange)
	}
	if want := lspSeverity(t, lspExportRule); d.Severity != want {
		t.Errorf("the export diagnostic has severity %d, want %d", d.Severity, want)
	}

	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []map[string]any{{"text": lspChangedText}},
	})
	changed := s.awaitDiagnostics("the diagnostics of the changed file", mainTF)
	if d := findDiagnostic(changed, lspExportMessage); d != nil {
		t.Errorf("after didChange to %q, the export diagnostic is still published: %+v", lspChangedText, *d)
	}
	if d := findDiagnostic(changed, `to CloudWatch Logs but not "audit"`); d != nil {
		t.Errorf("after didChange to %q, an export diagnostic is still published: %+v", lspChangedText, *d)
	}
	t.Logf("diagnostics after the change: %+v", changed)
	if data, err := os.ReadFile(mainTF); err != nil || string(data) != lspOpenText {
		t.Errorf("main.tf on disk changed during the session (%v):\n%s", err, data)
	}

	if result := s.request("shutdown", nil); string(result) != "null" {
		t.Errorf("shutdown returned %s, want null", result)
	}
	s.notify("exit", nil)
	if !s.waitExit(lspWait) {
		t.Fatalf("tflint --langserver did not exit within %s of the exit notification", lspWait)
	}
	if s.exitErr != nil {
		t.Errorf("tflint --langserver did not exit cleanly: %v\nserver stderr:\n%s", s.exitErr, s.stderr.tail(40))
	}
}
