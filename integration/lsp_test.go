package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

const (
	lspWait = 30 * time.Second // the longest wait for any one message

	lspOpenText    = "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\"slowquery\"]\n}\n"
	lspChangedText = "resource \"aws_neptune_cluster\" \"x\" {\n  enable_cloudwatch_logs_exports = [\"audit\"]\n}\n"

	lspExportRule    = "neptune_cluster_audit_log_export"
	lspExportMessage = `aws_neptune_cluster.x exports ["slowquery"] to CloudWatch Logs but not "audit"`
)

// lspExportRange is the finding's range as LSP reports it: 0-based lines and
// characters, end exclusive. It covers `["slowquery"]` on the second line,
// which `tflint --format json` reports as 2:36-2:49.
var lspExportRange = lspRange{Start: lspPosition{Line: 1, Character: 35}, End: lspPosition{Line: 1, Character: 48}}

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspDiagnostic struct {
	Range    lspRange `json:"range"`
	Severity int      `json:"severity"`
	Message  string   `json:"message"`
}

type lspPublishDiagnostics struct {
	URI         string          `json:"uri"`
	Diagnostics []lspDiagnostic `json:"diagnostics"`
}

// lspMessage is any JSON-RPC 2.0 message: a request, a notification or a response.
type lspMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// writeLSPMessage frames one message with a Content-Length header.
func writeLSPMessage(w io.Writer, msg any) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

// readLSPMessage reads one Content-Length framed message.
func readLSPMessage(r *bufio.Reader) (lspMessage, error) {
	var msg lspMessage
	header, err := textproto.NewReader(r).ReadMIMEHeader()
	if err != nil {
		return msg, err
	}
	length, err := strconv.Atoi(header.Get("Content-Length"))
	if err != nil || length < 0 {
		return msg, fmt.Errorf("bad Content-Length header %q in %v", header.Get("Content-Length"), header)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return msg, fmt.Errorf("reading a %d-byte message: %w", length, err)
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		return msg, fmt.Errorf("message is not JSON: %w: %s", err, body)
	}
	if msg.JSONRPC != "2.0" {
		return msg, fmt.Errorf("message is not JSON-RPC 2.0: %s", body)
	}
	return msg, nil
}

// syncBuffer collects the server's stderr while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) tail(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	lines := strings.Split(strings.TrimRight(b.buf.String(), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// lspServer is a running `tflint --langserver`.
type lspServer struct {
	t       *testing.T
	stdin   io.WriteCloser
	msgs    chan lspMessage // closed when stdout ends
	readErr error           // why stdout ended; read after msgs is closed
	stderr  *syncBuffer
	exited  chan struct{} // closed when the process has been waited for
	exitErr error         // read after exited is closed
	nextID  int
	seen    []string // messages skipped while waiting, for failure reports
}

func startLanguageServer(t *testing.T, dir string) *lspServer {
	t.Helper()
	// Debug logs go to stderr: they are shown when the test fails.
	cmd := tflintCommand(dir, pluginDir, "debug", "--langserver")
	// Plugins inherit tflint's stdin; do not let a straggler hold Wait forever.
	cmd.WaitDelay = 5 * time.Second
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	// An os.Pipe rather than StdoutPipe, so that Wait does not close the
	// reading end under the reader.
	stdoutR, stdoutW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = stdoutW
	s := &lspServer{
		t:      t,
		stdin:  stdin,
		msgs:   make(chan lspMessage, 64),
		stderr: &syncBuffer{},
		exited: make(chan struct{}),
		nextID: 1,
	}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		stdoutR.Close()
		stdoutW.Close()
		t.Fatalf("starting %s --langserver: %v", tflintBin, err)
	}
	stdoutW.Close()

	stop := make(chan struct{})
	go func() {
		s.exitErr = cmd.Wait()
		close(s.exited)
	}()
	go func() {
		defer close(s.msgs)
		r := bufio.NewReader(stdoutR)
		for {
			msg, err := readLSPMessage(r)
			if err != nil {
				s.readErr = err
				return
			}
			select {
			case s.msgs <- msg:
			case <-stop:
				return
			}
		}
	}()
	t.Cleanup(func() {
		close(stop)
		// Killing tflint would orphan its plugin processes, so first let it
		// stop them itself: it exits when its input ends or on an interrupt.
		stdin.Close()
		if !s.waitExit(5 * time.Second) {
			if err := cmd.Process.Signal(os.Interrupt); err == nil && s.waitExit(5*time.Second) {
				t.Logf("tflint --langserver (pid %d) needed an interrupt to exit", cmd.Process.Pid)
			} else {
				t.Errorf("tflint --langserver (pid %d) did not exit; killing it", cmd.Process.Pid)
				cmd.Process.Kill()
				if !s.waitExit(10 * time.Second) {
					t.Errorf("tflint --langserver (pid %d) did not end after being killed", cmd.Process.Pid)
				}
			}
		}
		stdoutR.Close()
	})
	return s
}

// waitExit reports whether the process has exited within the timeout.
func (s *lspServer) waitExit(timeout time.Duration) bool {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-s.exited:
		return true
	case <-timer.C:
		return false
	}
}

func (s *lspServer) send(msg map[string]any) {
	s.t.Helper()
	msg["jsonrpc"] = "2.0"
	if err := writeLSPMessage(s.stdin, msg); err != nil {
		s.t.Fatalf("sending %v: %v\nserver stderr:\n%s", msg["method"], err, s.stderr.tail(40))
	}
}

func (s *lspServer) notify(method string, params any) {
	s.t.Helper()
	s.send(map[string]any{"method": method, "params": params})
}

// request sends a request and returns its result, failing on an error response.
func (s *lspServer) request(method string, params any) json.RawMessage {
	s.t.Helper()
	id := s.nextID
	s.nextID++
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	s.send(msg)
	resp := s.await("the response to "+method, func(m lspMessage) bool {
		return m.Method == "" && string(m.ID) == strconv.Itoa(id)
	})
	if resp.Error != nil {
		s.t.Fatalf("%s failed: %d %s", method, resp.Error.Code, resp.Error.Message)
	}
	return resp.Result
}

// await returns the first message that matches, skipping others, and fails
// the test when none comes within lspWait or the server stops talking.
func (s *lspServer) await(what string, match func(lspMessage) bool) lspMessage {
	s.t.Helper()
	timeout := time.NewTimer(lspWait)
	defer timeout.Stop()
	for {
		select {
		case msg, ok := <-s.msgs:
			if !ok {
				s.t.Fatalf("waiting for %s: the server's output ended (%v)\nskipped messages: %v\nserver stderr:\n%s",
					what, s.readErr, s.seen, s.stderr.tail(40))
			}
			if match(msg) {
				return msg
			}
			s.seen = append(s.seen, fmt.Sprintf("%s%s %s%s", msg.Method, msg.ID, msg.Params, msg.Result))
		case <-timeout.C:
			s.t.Fatalf("waiting for %s: nothing within %s\nskipped messages: %v\nserver stderr:\n%s",
				what, lspWait, s.seen, s.stderr.tail(40))
		}
	}
}

// awaitDiagnostics returns the next diagnostics published for the file.
func (s *lspServer) awaitDiagnostics(what, path string) []lspDiagnostic {
	s.t.Helper()
	var params lspPublishDiagnostics
	s.await(what, func(m lspMessage) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p lspPublishDiagnostics
		if err := json.Unmarshal(m.Params, &p); err != nil {
			s.t.Fatalf("publishDiagnostics params do not decode: %v: %s", err, m.Params)
		}
		if !sameFileURI(p.URI, path) {
			return false
		}
		params = p
		return true
	})
	if params.Diagnostics == nil {
		s.t.Fatalf("%s: publishDiagnostics for %s has no diagnostics array", what, path)
	}
	return params.Diagnostics
}

// fileURI is the file URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// sameFileURI reports whether uri names path. tflint builds the URIs it
// publishes from paths without escaping them.
func sameFileURI(uri, path string) bool {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return false
	}
	want, _ := url.Parse(fileURI(path))
	return filepath.Clean(filepath.FromSlash(u.Path)) == filepath.Clean(filepath.FromSlash(want.Path))
}

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
