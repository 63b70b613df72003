// Command newrule scaffolds a rule of the neptune ruleset: the rule file, its
// unit test, its documentation page, and its entry in All() in
// rules/ruleset.go. Run it through `make new-rule NAME=neptune_xxx`, which also
// regenerates docs/rules/README.md.
//
// It checks everything before it writes anything: a bad name, an existing
// rule, or a ruleset.go whose All() it cannot find leaves the tree untouched.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
)

// namePattern is what rule names of this ruleset look like.
var namePattern = regexp.MustCompile(`^neptune_[a-z0-9_]+$`)

// acronyms are written in capitals in Go identifiers, as the existing rules
// do (NeptuneClusterIAMAuthenticationRule).
var acronyms = map[string]string{
	"arn": "ARN",
	"dfe": "DFE",
	"iam": "IAM",
	"id":  "ID",
	"kms": "KMS",
	"ssl": "SSL",
	"tls": "TLS",
	"vpc": "VPC",
}

// Paths of the generated files, relative to the repository root.
func rulePath(name string) string { return filepath.Join("rules", name+".go") }
func testPath(name string) string { return filepath.Join("rules", name+"_test.go") }
func docPath(name string) string  { return filepath.Join("docs", "rules", name+".md") }

// rulesetPath is the file that holds All().
var rulesetPath = filepath.Join("rules", "ruleset.go")

// Placeholder starts every sentence of the documentation page that the rule's
// author must replace.
const Placeholder = "FILL IN:"

func main() {
	name := flag.String("name", "", "rule name, such as neptune_cluster_example (required)")
	root := flag.String("root", ".", "repository root")
	flag.Parse()
	if *name == "" && flag.NArg() == 1 {
		*name = flag.Arg(0)
	}
	if *name == "" {
		fmt.Fprintln(os.Stderr, "usage: newrule -name neptune_xxx [-root DIR]")
		os.Exit(2)
	}
	written, err := Generate(*root, *name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newrule:", err)
		os.Exit(1)
	}
	for _, path := range written {
		fmt.Println("wrote", path)
	}
	fmt.Printf("registered New%sRule() in %s\n", Camel(*name), rulesetPath)
	fmt.Printf("next: write the check, its test cases, and replace every %q in %s\n", Placeholder, docPath(*name))
}

// ValidateName reports whether name can be a rule name of this ruleset.
func ValidateName(name string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("rule name %q must match %s", name, namePattern)
	}
	if strings.Contains(name, "__") || strings.HasSuffix(name, "_") {
		return fmt.Errorf("rule name %q has an empty word", name)
	}
	return nil
}

// Camel turns a rule name into the Go identifier stem of its type:
// neptune_cluster_iam_check becomes NeptuneClusterIAMCheck.
func Camel(name string) string {
	var sb strings.Builder
	for _, word := range strings.Split(name, "_") {
		if word == "" {
			continue
		}
		if upper, ok := acronyms[word]; ok {
			sb.WriteString(upper)
			continue
		}
		sb.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return sb.String()
}

// Generate writes the rule, its test and its documentation page under root
// and registers the rule in All(). It returns the paths it wrote, relative to
// root, ruleset.go last.
func Generate(root, name string) ([]string, error) {
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	camel := Camel(name)
	for _, rel := range []string{rulePath(name), testPath(name), docPath(name)} {
		if _, err := os.Stat(filepath.Join(root, rel)); err == nil {
			return nil, fmt.Errorf("rule %s already exists: %s is there", name, rel)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	if err := checkIdentifierFree(filepath.Join(root, "rules"), camel); err != nil {
		return nil, err
	}
	rulesetFile := filepath.Join(root, rulesetPath)
	ruleset, err := os.ReadFile(rulesetFile)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", rulesetPath, err)
	}
	registered, err := Register(ruleset, "New"+camel+"Rule")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rulesetPath, err)
	}

	data := struct{ Name, Camel, Placeholder string }{name, camel, Placeholder}
	files := []struct {
		rel   string
		tmpl  *template.Template
		gofmt bool
	}{
		{rulePath(name), ruleTemplate, true},
		{testPath(name), testTemplate, true},
		{docPath(name), docTemplate, false},
	}
	contents := make([][]byte, len(files))
	for i, f := range files {
		var buf bytes.Buffer
		if err := f.tmpl.Execute(&buf, data); err != nil {
			return nil, err
		}
		out := buf.Bytes()
		if f.gofmt {
			if out, err = format.Source(out); err != nil {
				return nil, fmt.Errorf("formatting %s: %w", f.rel, err)
			}
		}
		contents[i] = out
	}

	var written []string
	for i, f := range files {
		path := filepath.Join(root, f.rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(path, contents[i], 0o644); err != nil {
			return written, err
		}
		written = append(written, f.rel)
	}
	if err := os.WriteFile(rulesetFile, registered, 0o644); err != nil {
		return written, err
	}
	return append(written, rulesetPath), nil
}

// checkIdentifierFree refuses a rule whose constructor is already declared
// somewhere in the rules package, for example under another file name.
func checkIdentifierFree(dir, camel string) error {
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return err
	}
	needles := []string{"func New" + camel + "Rule(", "type " + camel + "Rule struct"}
	for _, path := range matches {
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, needle := range needles {
			if bytes.Contains(src, []byte(needle)) {
				return fmt.Errorf("rule %sRule already exists: %s declares %q", camel, filepath.Base(path), needle)
			}
		}
	}
	return nil
}

// Register returns ruleset.go with constructor() added as the last element of
// the []tflint.Rule slice literal returned by func All(). It fails when the
// file does not parse, when All() has no such literal, or when the
// constructor is already listed.
func Register(src []byte, constructor string) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "ruleset.go", src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("cannot parse: %w", err)
	}
	lit := allLiteral(file)
	if lit == nil {
		return nil, errors.New("found no `func All() []tflint.Rule { return []tflint.Rule{ ... } }` to register the rule in; add it to All() by hand")
	}
	for _, elt := range lit.Elts {
		if call, ok := elt.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == constructor {
				return nil, fmt.Errorf("%s() is already registered in All()", constructor)
			}
		}
	}
	// Insert at the start of the line that holds the closing brace, so the
	// new entry follows the last one, comments included.
	closing := fset.Position(lit.Rbrace).Offset
	lineStart := bytes.LastIndexByte(src[:closing], '\n') + 1
	entry := "\t\t" + constructor + "(),\n"
	if strings.TrimSpace(string(src[lineStart:closing])) != "" {
		// The closing brace shares its line with an element, as in
		// `{A(), B()}`: append to that line, after a comma.
		lineStart = closing
		entry = constructor + "()"
		if n := len(lit.Elts); n > 0 {
			lastEnd := fset.Position(lit.Elts[n-1].End()).Offset
			if !strings.Contains(string(src[lastEnd:closing]), ",") {
				entry = ", " + entry
			}
		}
	}
	var out bytes.Buffer
	out.Write(src[:lineStart])
	out.WriteString(entry)
	out.Write(src[lineStart:])
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("registering %s(): %w", constructor, err)
	}
	return formatted, nil
}

// allLiteral finds the composite literal `[]tflint.Rule{...}` returned by the
// top-level func All().
func allLiteral(file *ast.File) *ast.CompositeLit {
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || fn.Name.Name != "All" || fn.Body == nil {
			continue
		}
		var found *ast.CompositeLit
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			ret, ok := n.(*ast.ReturnStmt)
			if !ok || found != nil || len(ret.Results) != 1 {
				return found == nil
			}
			if lit, ok := ret.Results[0].(*ast.CompositeLit); ok && isRuleSlice(lit.Type) {
				found = lit
			}
			return false
		})
		return found
	}
	return nil
}

func isRuleSlice(expr ast.Expr) bool {
	arr, ok := expr.(*ast.ArrayType)
	if !ok || arr.Len != nil {
		return false
	}
	sel, ok := arr.Elt.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Rule" {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "tflint"
}

var ruleTemplate = template.Must(template.New("rule").Parse(`package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// {{.Camel}}Rule checks every aws_neptune_cluster of the module.
// Describe here what it reports; docs/rules/{{.Name}}.md explains why.
type {{.Camel}}Rule struct {
	tflint.DefaultRule
}

// New{{.Camel}}Rule returns the rule.
func New{{.Camel}}Rule() *{{.Camel}}Rule {
	return &{{.Camel}}Rule{}
}

// Name returns the rule name.
func (r *{{.Camel}}Rule) Name() string {
	return "{{.Name}}"
}

// Enabled returns whether the rule is enabled by default.
func (r *{{.Camel}}Rule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *{{.Camel}}Rule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *{{.Camel}}Rule) Link() string { return project.ReferenceLink(r.Name()) }

// Check visits each cluster of the module's shared model. As generated it
// reports nothing. To report, create an emitter once with
// e := newEmitter(runner, r) and call e.emit(message, rng, fix) for each
// finding, with a nil fix when there is no safe rewrite.
func (r *{{.Camel}}Rule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	for _, c := range m.Clusters {
		m.Visit(c)
		if err := r.checkCluster(m, c); err != nil {
			return err
		}
	}
	return nil
}

// checkCluster inspects one cluster; values come from m.Value(c.Attr(name)).
func (r *{{.Camel}}Rule) checkCluster(m *Model, c *Resource) error {
	return nil
}
`))

var testTemplate = template.Must(template.New("test").Parse(`package rules

import "testing"

func Test{{.Camel}}Rule(t *testing.T) {
	runRuleCases(t, New{{.Camel}}Rule(), []ruleCase{
		{
			name: "cluster without findings",
			files: map[string]string{"main.tf": ` + "`" + `
resource "aws_neptune_cluster" "example" {
  cluster_identifier = "example"
}
` + "`" + `},
		},
	})
}
`))

var docTemplate = template.Must(template.New("doc").Parse(`# {{.Name}}

{{.Placeholder}} one sentence saying what the rule disallows or requires.

| Severity | Enabled by default | Fixable |
| --- | --- | --- |
| WARNING | ✔ | |

## Example

` + "```hcl" + `
resource "aws_neptune_cluster" "example" {
  cluster_identifier = "example"
}
` + "```" + `

` + "```" + `
$ tflint --only {{.Name}}
{{.Placeholder}} the output of tflint on the example above.
` + "```" + `

{{.Placeholder}} what exactly the rule checks, which values it evaluates (variables, locals, module arguments) and what it leaves alone.

## Why

{{.Placeholder}} what goes wrong in AWS when the configuration is left as in the example, with links to the AWS documentation.

## How to fix

{{.Placeholder}} the corrected example, and what ` + "`tflint --fix`" + ` changes, if anything.
`))
