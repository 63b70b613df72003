package langserver

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
)

// codeActions lists the actions for a range from the diagnostics already
// published: no tflint run. Fixes carry only data; codeAction/resolve
// computes their edits.
func (s *server) codeActions(p codeActionParams) []codeAction {
	path := pathOf(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	actions := []codeAction{}
	doc := s.docs[path]
	if doc == nil || !isTerraformFile(path) {
		return actions
	}
	quickFixes, fixAll := wanted(p.Context.Only, kindQuickFix), wanted(p.Context.Only, kindFixAll)
	diags := s.diagnosticsOfLocked(p.TextDocument.URI)
	// An ignore edit is placed by the diagnostic's line: only when the
	// diagnostics are those of the buffer as it is.
	current := false
	if m := s.modules[filepath.Dir(path)]; m != nil {
		v, ok := m.versions[path]
		current = ok && v == doc.version
	}
	ignored := map[string]bool{}
	anyFixable := false
	for _, d := range diags {
		if d.Data == nil || d.Data.Rule == "" {
			continue
		}
		anyFixable = anyFixable || d.Data.Fixable
		if !quickFixes || !overlaps(d.Range, p.Range) {
			continue
		}
		if d.Data.Fixable {
			actions = append(actions, codeAction{
				Title:       fmt.Sprintf("Fix %s: %s", d.Data.Rule, d.Message),
				Kind:        kindQuickFix,
				Diagnostics: []diagnostic{d},
				IsPreferred: true,
				Data:        &actionData{URI: doc.uri, Version: doc.version, Rule: d.Data.Rule},
			})
		}
		key := fmt.Sprintf("%s@%d", d.Data.Rule, d.Range.Start.Line)
		if current && strings.HasSuffix(path, ".tf") && !ignored[key] {
			ignored[key] = true
			actions = append(actions, codeAction{
				Title:       fmt.Sprintf("Ignore %s on this line (tflint-ignore)", d.Data.Rule),
				Kind:        kindQuickFix,
				Diagnostics: []diagnostic{d},
				Edit:        documentEdit(doc, []textEdit{ignoreEdit(doc.text, d.Range.Start.Line, d.Data.Rule)}),
			})
		}
	}
	if fixAll && anyFixable {
		actions = append(actions, codeAction{
			Title: "Fix every fixable tflint finding of " + filepath.Base(path),
			Kind:  kindFixAll,
			Data:  &actionData{URI: doc.uri, Version: doc.version},
		})
	}
	if !s.resolves {
		for i := range actions {
			if a := &actions[i]; a.Edit == nil && a.Data != nil {
				a.Command = &command{Title: a.Title, Command: applyFixCommand, Arguments: []any{a.Data}}
			}
		}
	}
	return actions
}

// wanted reports whether the client's `only` filter admits kind.
func wanted(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// overlaps reports whether a diagnostic touches the requested range, line
// by line: an editor asks with the cursor's position or the selection.
func overlaps(d, r lspRange) bool {
	return d.Start.Line <= r.End.Line && d.End.Line >= r.Start.Line
}

func documentEdit(doc *document, edits []textEdit) *workspaceEdit {
	return &workspaceEdit{DocumentChanges: []textDocumentEdit{{
		TextDocument: versionedTextDocumentIdentifier{URI: doc.uri, Version: doc.version},
		Edits:        edits,
	}}}
}

func staleError(uri string) error {
	return &jsonrpc2.Error{Code: errContentModified, Message: "the document changed since the code action was listed: " + uri}
}

// resolve computes a fix's edits: tflint --fix, only for the rule (or every
// rule for fix-all) and only on the file, runs on a temporary copy of the
// module with the buffers laid over it, and the edits are the difference
// between the buffer and the fixed copy, for the version the action was
// listed at.
func (s *server) resolve(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	var action codeAction
	if err := decode(req, &action); err != nil {
		return nil, err
	}
	if action.Data == nil || action.Edit != nil {
		return action, nil
	}
	edit, err := s.fixEdit(*action.Data)
	if err != nil {
		return nil, err
	}
	action.Edit = edit
	return action, nil
}

// executeCommand applies a fix for a client that does not resolve code
// actions: the edit goes to the client as workspace/applyEdit.
func (s *server) executeCommand(ctx context.Context, req *jsonrpc2.Request) (any, error) {
	var p executeCommandParams
	if err := decode(req, &p); err != nil {
		return nil, err
	}
	var data actionData
	if p.Command != applyFixCommand || len(p.Arguments) != 1 || json.Unmarshal(p.Arguments[0], &data) != nil {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("unknown command %s or arguments", p.Command)}
	}
	edit, err := s.fixEdit(data)
	if err != nil {
		return nil, err
	}
	var applied struct {
		Applied       bool   `json:"applied"`
		FailureReason string `json:"failureReason"`
	}
	if err := s.conn.Call(ctx, "workspace/applyEdit", map[string]any{"label": "tflint --fix", "edit": edit}, &applied); err != nil {
		return nil, err
	}
	if !applied.Applied {
		return nil, fmt.Errorf("the editor did not apply the fix: %s", applied.FailureReason)
	}
	return nil, nil
}

// fixEdit computes a fix's edit.
func (s *server) fixEdit(data actionData) (*workspaceEdit, error) {
	action := codeAction{Data: &data}
	path := pathOf(action.Data.URI)
	dir := filepath.Dir(path)
	s.mu.Lock()
	doc := s.docs[path]
	if doc == nil {
		s.mu.Unlock()
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: action.Data.URI + " is not open"}
	}
	if doc.version != action.Data.Version {
		s.mu.Unlock()
		return nil, staleError(action.Data.URI)
	}
	before := doc.text
	run := s.runLocked(dir)
	s.runs++
	s.mu.Unlock()

	run.args = []string{"--fix", "--filter", filepath.Base(path)}
	if action.Data.Rule != "" {
		run.args = append(run.args, "--only", action.Data.Rule)
	}
	res, err := run.run(s.ctx)
	if err == errTimeout {
		s.message(messageWarning, fmt.Sprintf("tflint --fix on %s was stopped after %s", path, run.timeout))
	}
	if err != nil {
		return nil, err
	}
	if len(res.Output.Errors) > 0 {
		return nil, fmt.Errorf("tflint --fix failed: %s", res.Output.Errors[0].Message)
	}
	after, ok := res.Files[path]
	if !ok || after == before {
		return nil, fmt.Errorf("tflint --fix changed nothing in %s", filepath.Base(path))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if doc := s.docs[path]; doc == nil || doc.version != action.Data.Version {
		return nil, staleError(action.Data.URI)
	}
	return documentEdit(doc, textEdits(before, after)), nil
}
