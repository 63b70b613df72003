package langserver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

func (s *server) moduleLocked(dir string) *module {
	m := s.modules[dir]
	if m == nil {
		m = &module{published: map[string][]diagnostic{}}
		s.modules[dir] = m
	}
	return m
}

// schedule runs tflint on the module after delay; a later call before then
// pushes the run back (debounce).
func (s *server) schedule(dir string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	m := s.moduleLocked(dir)
	if m.timer != nil {
		m.timer.Stop()
	}
	m.timer = time.AfterFunc(delay, func() { s.lint(dir) })
}

// buffersLocked are the texts of the open files of a module.
func (s *server) buffersLocked(dir string) map[string]string {
	buffers := map[string]string{}
	for path, doc := range s.docs {
		if filepath.Dir(path) == dir {
			buffers[path] = doc.text
		}
	}
	return buffers
}

// lint runs tflint on a module and publishes what it finds. A newer run of
// the same module cancels this one: only the last one publishes.
func (s *server) lint(dir string) {
	s.mu.Lock()
	m := s.moduleLocked(dir)
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	m.cancel = cancel
	m.generation++
	generation := m.generation
	run := s.runLocked(dir)
	versions := map[string]int{}
	for path := range run.buffers {
		versions[path] = s.docs[path].version
	}
	s.runs++
	n := s.runs
	s.mu.Unlock()

	started := time.Now()
	res, err := run.run(ctx)
	s.log.Printf("tflint run %d on %s: %s (%v)", n, dir, time.Since(started).Round(time.Millisecond), err)

	s.mu.Lock()
	if generation != m.generation {
		s.mu.Unlock()
		return // superseded: a newer run publishes
	}
	m.cancel = nil
	if err != nil {
		notFound := errors.As(err, new(errNotFound))
		sayIt := !notFound || !s.missing
		s.missing = s.missing || notFound
		s.mu.Unlock()
		switch {
		case errors.Is(err, context.Canceled):
		case errors.Is(err, errTimeout):
			s.message(messageWarning, fmt.Sprintf("tflint on %s was stopped after %s; its findings are not updated", dir, run.timeout))
		case sayIt:
			s.message(messageError, err.Error())
		}
		return
	}
	s.missing = false
	found, messages := s.diagnosticsLocked(dir, res)
	uris := map[string]bool{}
	for uri := range m.published {
		uris[uri] = true
	}
	for uri := range found {
		uris[uri] = true
	}
	for path, doc := range s.docs { // an open file with no findings hears so
		if filepath.Dir(path) == dir && isTerraformFile(path) {
			uris[doc.uri] = true
		}
	}
	m.published = found
	m.versions = versions
	s.mu.Unlock()

	for _, text := range messages {
		s.message(messageError, text)
	}
	for uri := range uris {
		s.publish(uri)
	}
}

func (s *server) runLocked(dir string) tflintRun {
	return tflintRun{
		tflint:  s.tflint,
		timeout: s.timeout,
		root:    s.root,
		module:  dir,
		buffers: s.buffersLocked(dir),
	}
}

// diagnosticsLocked converts a run's findings into diagnostics by file URI.
// tflint errors with a place become diagnostics there; the others are
// returned as messages to show.
func (s *server) diagnosticsLocked(dir string, res runResult) (map[string][]diagnostic, []string) {
	found := map[string][]diagnostic{}
	texts := map[string]string{}
	textOf := func(path string) string {
		if text, ok := texts[path]; ok {
			return text
		}
		text, ok := res.Files[path]
		if doc := s.docs[path]; doc != nil && !ok {
			text = doc.text
		} else if !ok {
			data, _ := os.ReadFile(path)
			text = string(data)
		}
		texts[path] = text
		return text
	}
	rangeOf := func(r tflintjson.Range) (string, lspRange) {
		path := r.Filename
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		text := textOf(path)
		starts := lineStarts(text)
		return uriOf(path), lspRange{Start: fromTflint(text, starts, r.Start), End: fromTflint(text, starts, r.End)}
	}
	for _, issue := range res.Output.Issues {
		uri, rng := rangeOf(issue.Range)
		d := diagnostic{
			Range:    rng,
			Severity: severityOf(issue.Rule.Severity),
			Code:     issue.Rule.Name,
			Source:   "tflint",
			Message:  issue.Message,
			Data:     &diagnosticData{Rule: issue.Rule.Name, Fixable: issue.Fixable},
		}
		if issue.Rule.Link != "" {
			d.CodeDescription = &codeDescription{Href: issue.Rule.Link}
		}
		found[uri] = append(found[uri], d)
	}
	var messages []string
	for _, e := range res.Output.Errors {
		text := strings.TrimSpace(e.Message)
		if e.Summary != "" && !strings.Contains(text, e.Summary) {
			text = e.Summary + ": " + text
		}
		if e.Range == nil || e.Range.Filename == "" {
			messages = append(messages, "tflint: "+text)
			continue
		}
		uri, rng := rangeOf(*e.Range)
		found[uri] = append(found[uri], diagnostic{Range: rng, Severity: severityError, Source: "tflint", Message: text})
		if s.docs[pathOf(uri)] == nil { // say it where the user looks
			messages = append(messages, fmt.Sprintf("tflint: %s:%d: %s", e.Range.Filename, e.Range.Start.Line, text))
		}
	}
	return found, messages
}

func severityOf(s string) int {
	switch strings.ToLower(s) {
	case "error":
		return severityError
	case "warning":
		return severityWarning
	}
	return severityInformation
}

// diagnosticsOfLocked are a file's diagnostics from every module.
func (s *server) diagnosticsOfLocked(uri string) []diagnostic {
	all := []diagnostic{}
	for _, m := range s.modules {
		all = append(all, m.published[uri]...)
	}
	return all
}

func (s *server) publish(uri string) {
	s.mu.Lock()
	params := publishDiagnosticsParams{URI: uri, Diagnostics: s.diagnosticsOfLocked(uri)}
	if doc := s.docs[pathOf(uri)]; doc != nil {
		v := doc.version
		params.Version = &v
	}
	s.mu.Unlock()
	if err := s.conn.Notify(s.ctx, "textDocument/publishDiagnostics", params); err != nil {
		s.log.Printf("publishing diagnostics of %s: %v", uri, err)
	}
}

// forget drops a module's findings once none of its files is open.
func (s *server) forget(dir string) {
	s.mu.Lock()
	m := s.modules[dir]
	if m == nil {
		s.mu.Unlock()
		return
	}
	if m.timer != nil {
		m.timer.Stop()
	}
	if m.cancel != nil {
		m.cancel()
	}
	delete(s.modules, dir)
	uris := m.published
	s.mu.Unlock()
	for uri := range uris {
		s.publish(uri)
	}
}
