// Command langserver compares, on the same edit sequence, the plugin's
// language server (`tflint-ruleset-neptune langserver`) with
// `tflint --langserver`: how many tflint runs each makes and how long until
// the diagnostics of the last edit arrive, over a 1-cluster and a
// 100-cluster module, the two servers alternating in each round. It also
// times the plugin server's code-action listing (no tflint run) and the
// latency of one edit's diagnostics against the debounce plus one tflint
// run of the module from the command line. See BENCHMARKS.md.
//
//	go run ./bench/langserver -tflint .bin/tflint
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/corpus"
)

const config = `plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}
`

// edited is the file the sequence edits: it has a fixable finding, so that
// both servers publish its diagnostics after every run.
const edited = `resource "aws_neptune_cluster" "edited" {
  enable_cloudwatch_logs_exports = ["slowquery"]
}
`

var (
	tflint     = flag.String("tflint", ".bin/tflint", "the tflint binary")
	rounds     = flag.Int("rounds", 3, "rounds; the two servers alternate in each")
	keystrokes = flag.Int("keystrokes", 20, "edits in the typing sequence")
	interval   = flag.Duration("interval", 50*time.Millisecond, "time between two edits")
	debounce   = flag.Int("debounce", 300, "the plugin server's debounceMs")
)

func main() {
	flag.Parse()
	bin, err := filepath.Abs(*tflint)
	if err != nil {
		log.Fatal(err)
	}
	work, err := os.MkdirTemp("", "neptune-lsp-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	plugins := filepath.Join(work, "plugins")
	plugin := filepath.Join(plugins, "tflint-ruleset-neptune")
	if out, err := exec.Command("go", "build", "-o", plugin, ".").CombinedOutput(); err != nil {
		log.Fatalf("building the plugin: %v\n%s", err, out)
	}
	os.Setenv("TFLINT_PLUGIN_DIR", plugins)
	os.Setenv("TFLINT_LOG", "")

	fmt.Printf("%d edits %s apart, debounce %d ms, %d rounds (medians)\n\n", *keystrokes, *interval, *debounce, *rounds)
	fmt.Println("| module | server | tflint runs | open → diagnostics | first edit → last edit's diagnostics | one edit → its diagnostics | code-action listing |")
	fmt.Println("| --- | --- | --- | --- | --- | --- | --- |")
	for _, n := range []int{1, 100} {
		dir := filepath.Join(work, fmt.Sprintf("m%d", n))
		if err := corpus.WriteModule(dir, n); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(config), 0o644); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "edited.tf"), []byte(edited), 0o644); err != nil {
			log.Fatal(err)
		}
		var ours, theirs []session
		var cli []time.Duration
		for r := 0; r < *rounds; r++ {
			cli = append(cli, cliRun(bin, dir))
			ours = append(ours, run(dir, exec.Command(plugin, "langserver"), bin, true))
			theirs = append(theirs, run(dir, exec.Command(bin, "--langserver"), bin, false))
		}
		o, t := summarize(ours), summarize(theirs)
		fmt.Printf("| %d cluster(s) | plugin langserver | %d | %s | %s | %s | %s |\n", n, o.runs, ms(o.open), ms(o.sequence), ms(o.oneEdit), ms(o.listing))
		fmt.Printf("| | tflint --langserver | %d | %s | %s | %s | (none) |\n", t.runs, ms(t.open), ms(t.sequence), ms(t.oneEdit))
		fmt.Printf("| | ratio plugin/tflint | %.2f | %.2f | %.2f | %.2f | |\n",
			float64(o.runs)/float64(t.runs), ratio(o.open, t.open), ratio(o.sequence, t.sequence), ratio(o.oneEdit, t.oneEdit))
		fmt.Printf("| | one edit = debounce %d ms + the server's tflint run %s + %s; `tflint --format json` from the command line: %s | | | | | |\n",
			*debounce, ms(o.lastRun), ms(o.oneEdit-o.lastRun-time.Duration(*debounce)*time.Millisecond), ms(median(cli)))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func cliRun(bin, dir string) time.Duration {
	cmd := exec.Command(bin, "--format", "json", "--force")
	cmd.Dir = dir
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("tflint: %v\n%s", err, out)
	}
	return time.Since(start)
}

type session struct {
	runs                                      int
	open, sequence, oneEdit, listing, lastRun time.Duration
}

// lastRunTime is the time of the last tflint run the plugin's server logged
// ("tflint run N on DIR: 1.234s (<nil>)").
func lastRunTime(logged string) time.Duration {
	i := strings.LastIndex(logged, " tflint run ")
	if i < 0 {
		return 0
	}
	line := logged[i:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	k := strings.LastIndex(line, ": ")
	if k < 0 {
		return 0
	}
	fields := strings.Fields(line[k+2:])
	if len(fields) == 0 {
		return 0
	}
	d, _ := time.ParseDuration(fields[0])
	return d
}

func summarize(ss []session) session {
	var runs []int
	var open, seq, one, list, last []time.Duration
	for _, s := range ss {
		runs = append(runs, s.runs)
		open, seq, one, list = append(open, s.open), append(seq, s.sequence), append(one, s.oneEdit), append(list, s.listing)
		last = append(last, s.lastRun)
	}
	sort.Ints(runs)
	return session{runs: runs[len(runs)/2], open: median(open), sequence: median(seq), oneEdit: median(one), listing: median(list), lastRun: median(last)}
}

// published is one publishDiagnostics of the edited file.
type published struct {
	version *int
	at      time.Time
}

type client struct {
	conn  *jsonrpc2.Conn
	uri   string
	pubs  chan published
	mu    sync.Mutex
	count int // publishDiagnostics of the file
}

func (c *client) Handle(_ context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Method != "textDocument/publishDiagnostics" || req.Params == nil {
		if !req.Notif {
			conn.Reply(context.Background(), req.ID, nil)
		}
		return
	}
	var p struct {
		URI     string `json:"uri"`
		Version *int   `json:"version"`
	}
	json.Unmarshal(*req.Params, &p)
	if sameFile(p.URI, c.uri) {
		c.mu.Lock()
		c.count++
		c.mu.Unlock()
		c.pubs <- published{version: p.Version, at: time.Now()}
	}
}

func sameFile(a, b string) bool {
	ua, _ := url.Parse(a)
	ub, _ := url.Parse(b)
	return ua != nil && ub != nil && filepath.Clean(ua.Path) == filepath.Clean(ub.Path)
}

type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	p.WriteCloser.Close()
	return p.ReadCloser.Close()
}

type lockedBuffer struct {
	mu sync.Mutex
	bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.Buffer.Write(p)
}

// run drives one server through the edit sequence. ours tells the plugin's
// server, which versions its diagnostics and logs its tflint runs, from
// tflint's, which inspects once per notification, in order.
func run(dir string, cmd *exec.Cmd, bin string, ours bool) session {
	ctx := context.Background()
	cmd.Dir = dir
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(dir, "edited.tf")
	c := &client{uri: (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String(), pubs: make(chan published, 1000)}
	c.conn = jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(pipes{stdout, stdin}, jsonrpc2.VSCodeObjectCodec{}), c)
	defer func() {
		c.conn.Call(ctx, "shutdown", nil, nil)
		c.conn.Notify(ctx, "exit", nil)
		c.conn.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	}()
	var initResult any
	if err := c.conn.Call(ctx, "initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), "capabilities": map[string]any{},
		"initializationOptions": map[string]any{"tflintPath": bin, "debounceMs": *debounce},
	}, &initResult); err != nil {
		log.Fatalf("initialize: %v\n%s", err, stderr.String())
	}
	c.conn.Notify(ctx, "initialized", map[string]any{})
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	text := string(data) + "\n#"

	var s session
	wait := func(what string, done func(published) bool) time.Time {
		timeout := time.After(5 * time.Minute)
		for {
			select {
			case p := <-c.pubs:
				if done(p) {
					return p.at
				}
			case <-timeout:
				log.Fatalf("%s: no diagnostics within 5 minutes\n%s", what, stderr.String())
			}
		}
	}
	start := time.Now()
	c.conn.Notify(ctx, "textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": c.uri, "languageId": "terraform", "version": 1, "text": text}})
	s.open = wait("open", func(published) bool { return true }).Sub(start)
	time.Sleep(500 * time.Millisecond)

	// Typing: one character a keystroke into a trailing comment.
	version, seen := 1, 0
	start = time.Now()
	for i := 0; i < *keystrokes; i++ {
		version++
		text += "x"
		c.conn.Notify(ctx, "textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": c.uri, "version": version},
			"contentChanges": []map[string]any{{"text": text}},
		})
		time.Sleep(*interval)
	}
	last := version
	end := wait("the edit sequence", func(p published) bool {
		seen++
		if ours {
			return p.version != nil && *p.version == last
		}
		return seen == *keystrokes // tflint publishes once per change, in order
	})
	s.sequence = end.Sub(start)
	time.Sleep(500 * time.Millisecond)

	// One edit after a pause.
	version++
	text += "y"
	start = time.Now()
	c.conn.Notify(ctx, "textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": c.uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
	s.oneEdit = wait("one edit", func(p published) bool { return !ours || (p.version != nil && *p.version == version) }).Sub(start)

	if ours {
		var listings []time.Duration
		for i := 0; i < 20; i++ {
			var actions []json.RawMessage
			start := time.Now()
			if err := c.conn.Call(ctx, "textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": c.uri},
				"range":        map[string]any{"start": map[string]int{"line": 0, "character": 0}, "end": map[string]int{"line": 200, "character": 0}},
				"context":      map[string]any{"diagnostics": []any{}},
			}, &actions); err != nil {
				log.Fatalf("codeAction: %v", err)
			}
			listings = append(listings, time.Since(start))
			if len(actions) == 0 {
				log.Fatalf("no code actions listed")
			}
		}
		s.listing = median(listings)
	}
	stderr.mu.Lock()
	logged := stderr.String()
	stderr.mu.Unlock()
	if ours {
		s.runs = strings.Count(logged, " tflint run ")
		s.lastRun = lastRunTime(logged)
	} else {
		// tflint inspects once per notification and publishes the file's
		// diagnostics after each inspection: it has findings.
		c.mu.Lock()
		s.runs = c.count
		c.mu.Unlock()
	}
	return s
}
