package integration

// A language server client for the tests: JSON-RPC over a process's stdio.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const lspWait = 30 * time.Second // the longest wait for any one message

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type lspDiagnostic struct {
	Range           lspRange `json:"range"`
	Severity        int      `json:"severity"`
	Message         string   `json:"message"`
	Code            string   `json:"code"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Data json.RawMessage `json:"data"`
}

type lspPublishDiagnostics struct {
	URI         string          `json:"uri"`
	Version     *int            `json:"version"`
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

// lspServer is a running language server: `tflint --langserver`, or the
// plugin's own (langserver_test.go).
type lspServer struct {
	t       *testing.T
	name    string
	tmpDir  string // the server's TMPDIR, when the test sets one
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
	return startLSP(t, cmd, "tflint --langserver")
}

// startLSP starts a language server command and reads its messages.
func startLSP(t *testing.T, cmd *exec.Cmd, name string) *lspServer {
	t.Helper()
	// Plugins inherit the server's stdin; do not let a straggler hold Wait forever.
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
		name:   name,
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
		t.Fatalf("starting %s: %v", name, err)
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
		// Killing the server would orphan its child processes (tflint's
		// plugins), so first let it stop them itself: it exits when its input
		// ends or on an interrupt.
		stdin.Close()
		if !s.waitExit(5 * time.Second) {
			if err := cmd.Process.Signal(os.Interrupt); err == nil && s.waitExit(5*time.Second) {
				t.Logf("%s (pid %d) needed an interrupt to exit", name, cmd.Process.Pid)
			} else {
				t.Errorf("%s (pid %d) did not exit; killing it", name, cmd.Process.Pid)
				cmd.Process.Kill()
				if !s.waitExit(10 * time.Second) {
					t.Errorf("%s (pid %d) did not end after being killed", name, cmd.Process.Pid)
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
	resp := s.call(method, params)
	if resp.Error != nil {
		s.t.Fatalf("%s failed: %d %s", method, resp.Error.Code, resp.Error.Message)
	}
	return resp.Result
}

// call sends a request and returns its response, result or error.
func (s *lspServer) call(method string, params any) lspMessage {
	s.t.Helper()
	id := s.nextID
	s.nextID++
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	s.send(msg)
	return s.await("the response to "+method, func(m lspMessage) bool {
		return m.Method == "" && string(m.ID) == strconv.Itoa(id)
	})
}

// sendRaw writes bytes as they are, for messages no client would send.
func (s *lspServer) sendRaw(data string) {
	s.t.Helper()
	if _, err := io.WriteString(s.stdin, data); err != nil {
		s.t.Fatalf("sending %q: %v", data, err)
	}
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
