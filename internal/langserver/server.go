// Package langserver is a Language Server Protocol server over stdio that
// runs the user's tflint on the module of each open Terraform file and
// serves its findings as diagnostics, and the fixes of fixable findings as
// code actions. It never writes a user's file: tflint runs on a temporary
// copy of the module with the editor's buffers laid over it, and fixes reach
// files only as workspace edits the editor applies.
package langserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

const (
	defaultDebounce = 300 * time.Millisecond
	defaultTimeout  = 2 * time.Minute
)

// Main serves one editor over stdin and stdout until it exits, and returns
// the process exit code: 0 after shutdown and exit, 1 otherwise.
func Main(args []string) int {
	if len(args) > 0 {
		fmt.Fprintf(os.Stderr, "usage: tflint-ruleset-neptune langserver\n\n"+
			"A language server over stdio that runs tflint on the open Terraform modules.\n"+
			"initializationOptions: tflintPath, debounceMs, timeoutMs.\n")
		return 2
	}
	return Serve(context.Background(), os.Stdin, os.Stdout, os.Stderr)
}

type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }

// Serve runs the server on a stream until the stream ends or the editor
// sends exit.
func Serve(ctx context.Context, in io.Reader, out io.Writer, logw io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{
		ctx:      ctx,
		log:      log.New(logw, "neptune-langserver: ", log.LstdFlags),
		docs:     map[string]*document{},
		modules:  map[string]*module{},
		debounce: defaultDebounce,
		timeout:  defaultTimeout,
		tflint:   "tflint",
		ready:    make(chan struct{}),
	}
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(stdio{in, out}, tolerantCodec{}), s)
	s.conn = conn
	close(s.ready)
	<-conn.DisconnectNotify()
	s.stopAll()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.exitCode == nil {
		return 1
	}
	return *s.exitCode
}

type document struct {
	uri     string
	version int
	text    string
}

// module is the lint state of one module folder.
type module struct {
	timer      *time.Timer
	cancel     context.CancelFunc
	generation int
	// published holds, by URI, the diagnostics the last run of this module
	// found. A file's diagnostics are those of every module.
	published map[string][]diagnostic
	// versions are the versions of the open files the last run linted.
	versions map[string]int
}

type server struct {
	ctx   context.Context
	conn  *jsonrpc2.Conn
	ready chan struct{} // closed once conn is set
	log   *log.Logger

	mu       sync.Mutex
	root     string
	tflint   string
	debounce time.Duration
	timeout  time.Duration
	watch    bool
	resolves bool                 // the client resolves code actions' edits
	docs     map[string]*document // by path
	modules  map[string]*module   // by folder
	runs     int                  // tflint runs started, for the log
	missing  bool                 // tflint could not be started; said once
	shutdown bool
	exitCode *int
}

// Handle dispatches one message. It runs on jsonrpc2's read loop, so
// notifications are handled in order; the slow requests run on their own.
func (s *server) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	<-s.ready
	switch req.Method {
	case "codeAction/resolve":
		go s.reply(ctx, req, func() (any, error) { return s.resolve(ctx, req) })
		return
	case "workspace/executeCommand":
		go s.reply(ctx, req, func() (any, error) { return s.executeCommand(ctx, req) })
		return
	}
	if req.Notif {
		if err := s.notification(req); err != nil {
			s.log.Printf("%s: %v", req.Method, err)
		}
		return
	}
	s.reply(ctx, req, func() (any, error) { return s.request(req) })
}

func (s *server) reply(ctx context.Context, req *jsonrpc2.Request, handle func() (any, error)) {
	if req.Notif {
		return
	}
	result, err := handle()
	if err != nil {
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) {
			rpcErr = &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()}
		}
		if err := s.conn.ReplyWithError(ctx, req.ID, rpcErr); err != nil {
			s.log.Printf("replying to %s: %v", req.Method, err)
		}
		return
	}
	if err := s.conn.Reply(ctx, req.ID, result); err != nil {
		s.log.Printf("replying to %s: %v", req.Method, err)
	}
}

func decode(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + " needs params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s params: %v", req.Method, err)}
	}
	return nil
}

func (s *server) request(req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "initialize":
		var p initializeParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.initialize(p)
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopAll()
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
}

func (s *server) notification(req *jsonrpc2.Request) error {
	switch req.Method {
	case "initialized":
		s.registerWatchers()
	case "exit":
		s.mu.Lock()
		code := 1
		if s.shutdown {
			code = 0
		}
		s.exitCode = &code
		s.mu.Unlock()
		return s.conn.Close()
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decode(req, &p); err != nil {
			return err
		}
		s.open(p.TextDocument)
	case "textDocument/didChange":
		var p didChangeParams
		if err := decode(req, &p); err != nil {
			return err
		}
		return s.change(p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := decode(req, &p); err != nil {
			return err
		}
		s.saved(pathOf(p.TextDocument.URI))
	case "textDocument/didClose":
		var p didCloseParams
		if err := decode(req, &p); err != nil {
			return err
		}
		s.close(pathOf(p.TextDocument.URI))
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := decode(req, &p); err != nil {
			return err
		}
		for _, c := range p.Changes {
			s.saved(pathOf(c.URI))
		}
	case malformedMethod:
		var p struct{ Error, Body string }
		_ = decode(req, &p)
		s.message(messageLog, fmt.Sprintf("ignored a message that is not JSON-RPC (%s): %s", p.Error, p.Body))
	}
	return nil
}

func (s *server) initialize(p initializeParams) (any, error) {
	var opts Options
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		if err := json.Unmarshal(p.InitializationOptions, &opts); err != nil {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: "initializationOptions: " + err.Error()}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case p.RootURI != "":
		s.root = pathOf(p.RootURI)
	case len(p.WorkspaceFolders) > 0:
		s.root = pathOf(p.WorkspaceFolders[0].URI)
	case p.RootPath != "":
		s.root = filepath.Clean(p.RootPath)
	}
	if opts.TflintPath != "" {
		s.tflint = opts.TflintPath
	}
	if opts.DebounceMs != nil && *opts.DebounceMs >= 0 {
		s.debounce = time.Duration(*opts.DebounceMs) * time.Millisecond
	}
	if opts.TimeoutMs != nil && *opts.TimeoutMs > 0 {
		s.timeout = time.Duration(*opts.TimeoutMs) * time.Millisecond
	}
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	for _, property := range p.Capabilities.TextDocument.CodeAction.ResolveSupport.Properties {
		s.resolves = s.resolves || property == "edit"
	}
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // the whole text
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{kindQuickFix, kindFixAll},
				"resolveProvider": true,
			},
			"executeCommandProvider": map[string]any{"commands": []string{applyFixCommand}},
		},
		"serverInfo": map[string]any{"name": "tflint-ruleset-neptune langserver", "version": project.Version},
	}, nil
}

// registerWatchers asks the editor to report changes of the files that
// change tflint's findings without being open: configuration and variables.
func (s *server) registerWatchers() {
	s.mu.Lock()
	watch := s.watch
	s.mu.Unlock()
	if !watch {
		return
	}
	var watchers []map[string]string
	for _, glob := range []string{"**/.tflint.hcl", "**/*.tfvars", "**/*.tfvars.json", "**/*.tf", "**/*.tf.json"} {
		watchers = append(watchers, map[string]string{"globPattern": glob})
	}
	params := map[string]any{"registrations": []map[string]any{{
		"id":              "neptune-watch",
		"method":          "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": watchers},
	}}}
	go func() {
		if _, err := s.conn.DispatchCall(s.ctx, "client/registerCapability", params); err != nil {
			s.log.Printf("registering file watchers: %v", err)
		}
	}()
}

func (s *server) open(item textDocumentItem) {
	path := pathOf(item.URI)
	if path == "" {
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: item.URI, version: item.Version, text: item.Text}
	s.mu.Unlock()
	if isTerraformFile(path) {
		s.schedule(filepath.Dir(path), 0)
	}
}

func (s *server) change(p didChangeParams) error {
	path := pathOf(p.TextDocument.URI)
	s.mu.Lock()
	doc := s.docs[path]
	if doc == nil {
		s.mu.Unlock()
		return fmt.Errorf("%s is not open", p.TextDocument.URI)
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			doc.text = c.Text
			continue
		}
		starts := lineStarts(doc.text) // a client that sends ranges anyway
		doc.text = doc.text[:offsetOf(doc.text, starts, c.Range.Start)] + c.Text + doc.text[offsetOf(doc.text, starts, c.Range.End):]
	}
	doc.version = p.TextDocument.Version
	debounce := s.debounce
	s.mu.Unlock()
	s.relint(path, debounce) // an unsaved .tflint.hcl or .tfvars counts too
	return nil
}

// saved reruns tflint where a saved file can change findings.
func (s *server) saved(path string) { s.relint(path, 0) }

// relint reruns tflint, after delay, where a file change can change
// findings: its module for a Terraform file or variables, every module
// below a .tflint.hcl.
func (s *server) relint(path string, delay time.Duration) {
	if path == "" {
		return
	}
	name := filepath.Base(path)
	switch {
	case name == ".tflint.hcl":
		for _, dir := range s.lintedModules() {
			if dir == filepath.Dir(path) || strings.HasPrefix(dir, filepath.Dir(path)+string(filepath.Separator)) {
				s.schedule(dir, delay)
			}
		}
	case isTerraformFile(name) || strings.HasSuffix(name, ".tfvars") || strings.HasSuffix(name, ".tfvars.json"):
		dir := filepath.Dir(path)
		for _, m := range s.lintedModules() {
			if m == dir {
				s.schedule(dir, delay)
			}
		}
	}
}

func (s *server) close(path string) {
	s.mu.Lock()
	delete(s.docs, path)
	dir := filepath.Dir(path)
	stillOpen := false
	for p := range s.docs {
		if filepath.Dir(p) == dir && isTerraformFile(p) {
			stillOpen = true
		}
	}
	s.mu.Unlock()
	if stillOpen {
		s.schedule(dir, 0) // the closed file reads from disk again
		return
	}
	s.forget(dir)
}

// lintedModules are the folders with an open file or published findings.
func (s *server) lintedModules() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	for p := range s.docs {
		if isTerraformFile(p) {
			seen[filepath.Dir(p)] = true
		}
	}
	for dir, m := range s.modules {
		if len(m.published) > 0 {
			seen[dir] = true
		}
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs
}

// message shows (or, for messageLog, logs) a message in the editor.
func (s *server) message(kind int, text string) {
	s.log.Print(text)
	method := "window/showMessage"
	if kind == messageLog {
		method = "window/logMessage"
	}
	if err := s.conn.Notify(s.ctx, method, showMessageParams{Type: kind, Message: text}); err != nil {
		s.log.Printf("%s: %v", method, err)
	}
}

// stopAll cancels every pending and running tflint run.
func (s *server) stopAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.modules {
		if m.timer != nil {
			m.timer.Stop()
		}
		if m.cancel != nil {
			m.cancel()
		}
		m.generation++
	}
}
