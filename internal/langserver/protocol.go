package langserver

import "encoding/json"

// The subset of the Language Server Protocol (3.17) this server speaks.

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"` // UTF-16 code units
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type textDocumentIdentifier struct {
	URI string `json:"uri"`
}

type versionedTextDocumentIdentifier struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
}

type textDocumentItem struct {
	URI        string `json:"uri"`
	LanguageID string `json:"languageId"`
	Version    int    `json:"version"`
	Text       string `json:"text"`
}

type initializeParams struct {
	RootURI               string          `json:"rootUri"`
	RootPath              string          `json:"rootPath"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	WorkspaceFolders      []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
	Capabilities struct {
		TextDocument struct {
			CodeAction struct {
				ResolveSupport struct {
					Properties []string `json:"properties"`
				} `json:"resolveSupport"`
			} `json:"codeAction"`
		} `json:"textDocument"`
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
	} `json:"capabilities"`
}

// Options are the server's initializationOptions.
type Options struct {
	// TflintPath is the tflint to run; "tflint" on PATH when empty.
	TflintPath string `json:"tflintPath"`
	// DebounceMs is how long the server waits after the last change of a
	// module's buffers before it runs tflint.
	DebounceMs *int `json:"debounceMs"`
	// TimeoutMs is how long one tflint run may take before it is killed.
	TimeoutMs *int `json:"timeoutMs"`
}

type didOpenParams struct {
	TextDocument textDocumentItem `json:"textDocument"`
}

type didChangeParams struct {
	TextDocument   versionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []struct {
		Range *lspRange `json:"range"`
		Text  string    `json:"text"`
	} `json:"contentChanges"`
}

type didSaveParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
	Text         *string                `json:"text"`
}

type didCloseParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
}

type didChangeWatchedFilesParams struct {
	Changes []struct {
		URI string `json:"uri"`
	} `json:"changes"`
}

type codeDescription struct {
	Href string `json:"href"`
}

type diagnostic struct {
	Range           lspRange         `json:"range"`
	Severity        int              `json:"severity,omitempty"`
	Code            string           `json:"code,omitempty"`
	CodeDescription *codeDescription `json:"codeDescription,omitempty"`
	Source          string           `json:"source"`
	Message         string           `json:"message"`
	Data            *diagnosticData  `json:"data,omitempty"`
}

// diagnosticData is what a diagnostic carries back to the server in
// codeAction requests.
type diagnosticData struct {
	Rule    string `json:"rule"`
	Fixable bool   `json:"fixable"`
}

type publishDiagnosticsParams struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version,omitempty"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type codeActionParams struct {
	TextDocument textDocumentIdentifier `json:"textDocument"`
	Range        lspRange               `json:"range"`
	Context      struct {
		Diagnostics []diagnostic `json:"diagnostics"`
		Only        []string     `json:"only"`
	} `json:"context"`
}

type codeAction struct {
	Title       string         `json:"title"`
	Kind        string         `json:"kind"`
	Diagnostics []diagnostic   `json:"diagnostics,omitempty"`
	IsPreferred bool           `json:"isPreferred,omitempty"`
	Edit        *workspaceEdit `json:"edit,omitempty"`
	Command     *command       `json:"command,omitempty"`
	Data        *actionData    `json:"data,omitempty"`
}

// command is how a client without codeAction/resolve applies a fix: it
// asks the server to execute it, and the server sends the edit back with
// workspace/applyEdit.
type command struct {
	Title     string `json:"title"`
	Command   string `json:"command"`
	Arguments []any  `json:"arguments,omitempty"`
}

type executeCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments"`
}

// actionData identifies a fix to compute in codeAction/resolve: the rule
// (empty for every fixable rule of the file) on the document at a version.
type actionData struct {
	URI     string `json:"uri"`
	Version int    `json:"version"`
	Rule    string `json:"rule,omitempty"`
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type textDocumentEdit struct {
	TextDocument versionedTextDocumentIdentifier `json:"textDocument"`
	Edits        []textEdit                      `json:"edits"`
}

type workspaceEdit struct {
	DocumentChanges []textDocumentEdit `json:"documentChanges"`
}

type showMessageParams struct {
	Type    int    `json:"type"`
	Message string `json:"message"`
}

const (
	severityError       = 1
	severityWarning     = 2
	severityInformation = 3

	messageError   = 1
	messageWarning = 2
	messageInfo    = 3
	messageLog     = 4

	applyFixCommand = "neptune.applyFix"

	kindQuickFix = "quickfix"
	kindFixAll   = "source.fixAll"

	// errContentModified is LSP's answer to a request about a document
	// that changed under it.
	errContentModified = -32801
)
