package integration

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	sdk "github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

// formatsCase is the case whose findings every output format must carry: it
// yields findings of several rules, of both severities.
const formatsCase = "../testdata/integration/remediation_guide"

// finding is one expected issue, read from a want.txt line.
type finding struct {
	Rule     string
	File     string
	Range    hcl.Range
	Message  string
	Severity sdk.Severity
}

func rangeKey(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// wantLine is formatIssue's layout: range, rule, optional fixable mark,
// optional module-call chain, message.
var wantLine = regexp.MustCompile(`^(\S+):(\d+):(\d+)-(\d+):(\d+) (\S+)(?: \[fixable\])?((?: <- \S+)*): (.+)$`)

// ruleSeverities maps every rule of the ruleset to its severity.
func ruleSeverities(t *testing.T) map[string]sdk.Severity {
	t.Helper()
	severities := map[string]sdk.Severity{}
	for _, rule := range rules.All() {
		severities[rule.Name()] = rule.Severity()
	}
	if len(severities) == 0 {
		t.Fatal("rules.All() returned no rules")
	}
	return severities
}

// wantFindings parses the case's want.txt into the findings every format must report.
func wantFindings(t *testing.T, caseDir string) []finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(caseDir, "want.txt"))
	if err != nil {
		t.Fatal(err)
	}
	severities := ruleSeverities(t)
	var findings []finding
	scanner := bufio.NewScanner(bytes.NewReader(data))
	scanner.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" {
			continue
		}
		m := wantLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("want.txt: cannot parse %q", line)
		}
		if m[7] != "" {
			t.Fatalf("want.txt: %q comes from a module call; this test expects findings of the root module only", line)
		}
		num := func(s string) int {
			n, err := strconv.Atoi(s)
			if err != nil {
				t.Fatalf("want.txt: %q: %v", line, err)
			}
			return n
		}
		severity, ok := severities[m[6]]
		if !ok {
			t.Fatalf("want.txt: %q names %s, which is not a rule of rules.All()", line, m[6])
		}
		findings = append(findings, finding{
			Rule: m[6],
			File: m[1],
			Range: hcl.Range{
				Filename: m[1],
				Start:    hcl.Pos{Line: num(m[2]), Column: num(m[3])},
				End:      hcl.Pos{Line: num(m[4]), Column: num(m[5])},
			},
			Message:  m[8],
			Severity: severity,
		})
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	if len(findings) < 2 {
		t.Fatalf("want.txt of %s has %d findings; the format tests need several", caseDir, len(findings))
	}
	rulesSeen := map[string]bool{}
	for _, f := range findings {
		rulesSeen[f.Rule] = true
	}
	if len(rulesSeen) < 2 {
		t.Fatalf("want.txt of %s has findings of %d rule(s); the format tests need several", caseDir, len(rulesSeen))
	}
	return findings
}

// runFormat runs tflint with the given output format on a fresh copy of the case.
func runFormat(t *testing.T, caseDir, format string) []byte {
	t.Helper()
	dir := copyCase(t, caseDir)
	cmd := tflintCommand(dir, pluginDir, "", "--format", format, "--force")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tflint --format %s: %v\nstdout: %s\nstderr: %s", format, err, stdout.String(), stderr.String())
	}
	if stdout.Len() == 0 {
		t.Fatalf("tflint --format %s printed nothing\nstderr: %s", format, stderr.String())
	}
	return stdout.Bytes()
}

// compareKeys compares two multisets of finding keys.
func compareKeys(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = append([]string(nil), got...), append([]string(nil), want...)
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		return
	}
	count := map[string]int{}
	for _, k := range want {
		count[k]++
	}
	for _, k := range got {
		count[k]--
	}
	var missing, unexpected []string
	for _, k := range want {
		if count[k] > 0 {
			missing = append(missing, k)
			count[k]--
		}
	}
	for _, k := range got {
		if count[k] < 0 {
			unexpected = append(unexpected, k)
			count[k]++
		}
	}
	t.Errorf("%s: got %d findings, want %d\nmissing:\n  %s\nunexpected:\n  %s", what, len(got), len(want),
		strings.Join(missing, "\n  "), strings.Join(unexpected, "\n  "))
}

// checkWellFormedXML reads every token of the document, so that trailing
// garbage or an unclosed element fails, not only a bad first element.
func checkWellFormedXML(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, data)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(tok.(xml.CharData))) > 0 {
				t.Fatalf("output has text outside the root element\n%s", data)
			}
		}
	}
	if depth != 0 || roots != 1 {
		t.Fatalf("output is not one XML document (depth %d, %d root elements)\n%s", depth, roots, data)
	}
}

// severityWord is how the checkstyle and SARIF formatters spell a severity.
func severityWord(t *testing.T, s sdk.Severity) string {
	t.Helper()
	switch s {
	case sdk.ERROR:
		return "error"
	case sdk.WARNING:
		return "warning"
	}
	t.Fatalf("unexpected severity %s", s)
	return ""
}

// --- SARIF ---------------------------------------------------------------

type sarifLog struct {
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool struct {
		Driver struct {
			Name  string `json:"name"`
			Rules []struct {
				ID      string `json:"id"`
				HelpURI string `json:"helpUri"`
			} `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifResult struct {
	RuleID    *string `json:"ruleId"`
	RuleIndex *int    `json:"ruleIndex"`
	Level     string  `json:"level"`
	Message   struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations []struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *struct {
				StartLine   int `json:"startLine"`
				StartColumn int `json:"startColumn"`
				EndLine     int `json:"endLine"`
				EndColumn   int `json:"endColumn"`
			} `json:"region"`
		} `json:"physicalLocation"`
	} `json:"locations"`
}

// TestSARIF checks `tflint --format sarif`. tflint puts the issues of every
// plugin in one run whose driver is "tflint" itself (not the ruleset), and
// its own errors in a second run, "tflint-errors".
func TestSARIF(t *testing.T) {
	t.Parallel()
	want := wantFindings(t, formatsCase)
	out := runFormat(t, formatsCase, "sarif")

	if !json.Valid(out) {
		t.Fatalf("SARIF output is not valid JSON:\n%s", out)
	}
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("SARIF output does not decode: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" {
		t.Errorf("SARIF version is %q, want 2.1.0", log.Version)
	}

	var issuesRun, errorsRun *sarifRun
	for i := range log.Runs {
		switch log.Runs[i].Tool.Driver.Name {
		case "tflint":
			if issuesRun != nil {
				t.Fatalf("more than one SARIF run has the driver \"tflint\"")
			}
			issuesRun = &log.Runs[i]
		case "tflint-errors":
			errorsRun = &log.Runs[i]
		}
	}
	if issuesRun == nil {
		t.Fatalf("no SARIF run has the driver \"tflint\", which carries the plugins' issues\n%s", out)
	}
	if errorsRun == nil {
		t.Errorf("no SARIF run has the driver \"tflint-errors\"")
	} else if len(errorsRun.Results) > 0 {
		t.Errorf("tflint reported %d errors in the tflint-errors run:\n%s", len(errorsRun.Results), out)
	}

	// The driver lists every rule that has a finding, linked to its page.
	listed := map[string]int{}
	for i, rule := range issuesRun.Tool.Driver.Rules {
		if _, dup := listed[rule.ID]; dup {
			t.Errorf("rule %s is listed twice in the driver", rule.ID)
		}
		listed[rule.ID] = i
		if link := project.ReferenceLink(rule.ID); rule.HelpURI != link {
			t.Errorf("rule %s has helpUri %q, want %q", rule.ID, rule.HelpURI, link)
		}
		if _, err := os.Stat(filepath.Join("..", "docs", "rules", rule.ID+".md")); err != nil {
			t.Errorf("rule %s links to docs/rules/%s.md, which does not exist in the repository: %v", rule.ID, rule.ID, err)
		}
	}
	for _, f := range want {
		if _, ok := listed[f.Rule]; !ok {
			t.Errorf("rule %s has a finding but is not listed in the driver's rules", f.Rule)
		}
	}

	// Each result is one finding: rule, level, message, file and region.
	wantLevel := map[string]string{}
	var wantSARIF []string
	for _, f := range want {
		wantLevel[f.Rule] = severityWord(t, f.Severity)
		wantSARIF = append(wantSARIF, fmt.Sprintf("%s %s %s: %s", f.Rule, severityWord(t, f.Severity), rangeKey(f.Range), f.Message))
	}
	var got []string
	for i, r := range issuesRun.Results {
		if r.RuleID == nil {
			t.Errorf("result %d has no ruleId", i)
			continue
		}
		id := *r.RuleID
		if r.RuleIndex == nil {
			t.Errorf("result %d (%s) has no ruleIndex", i, id)
		} else if idx, ok := listed[id]; !ok || idx != *r.RuleIndex {
			t.Errorf("result %d (%s) has ruleIndex %d, but the driver lists that rule at %d (listed: %v)", i, id, *r.RuleIndex, idx, ok)
		}
		if len(r.Locations) != 1 {
			t.Errorf("result %d (%s) has %d locations, want 1", i, id, len(r.Locations))
			continue
		}
		loc := r.Locations[0].PhysicalLocation
		uri := loc.ArtifactLocation.URI
		if uri != "main.tf" && !strings.HasSuffix(uri, "/main.tf") {
			t.Errorf("result %d (%s) is located in %q, want a uri ending in main.tf", i, id, uri)
		}
		if loc.Region == nil {
			t.Errorf("result %d (%s) has no region", i, id)
			continue
		}
		rng := hcl.Range{
			Filename: filepath.Base(uri),
			Start:    hcl.Pos{Line: loc.Region.StartLine, Column: loc.Region.StartColumn},
			End:      hcl.Pos{Line: loc.Region.EndLine, Column: loc.Region.EndColumn},
		}
		got = append(got, fmt.Sprintf("%s %s %s: %s", id, r.Level, rangeKey(rng), r.Message.Text))
	}
	compareKeys(t, "SARIF results", got, wantSARIF)
}

// --- JUnit ---------------------------------------------------------------

type junitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Suites  []struct {
		Tests     int `xml:"tests,attr"`
		Failures  int `xml:"failures,attr"`
		TestCases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message  string `xml:"message,attr"`
				Type     string `xml:"type,attr"`
				Contents string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestJUnit checks `tflint --format junit`: one failed test case per
// finding, named "<rule> <hcl range>", classname the file, the failure
// message "<hcl range>: <message>", its type the severity as the SDK spells
// it ("Error", "Warning"), and its text "<Severity>: <message>\nRule: <rule>\nRange: <hcl range>".
func TestJUnit(t *testing.T) {
	t.Parallel()
	want := wantFindings(t, formatsCase)
	out := runFormat(t, formatsCase, "junit")
	checkWellFormedXML(t, out)

	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("JUnit output does not decode: %v\n%s", err, out)
	}
	if len(doc.Suites) != 1 {
		t.Fatalf("JUnit output has %d test suites, want 1\n%s", len(doc.Suites), out)
	}
	suite := doc.Suites[0]
	if suite.Tests != len(want) || suite.Failures != len(want) {
		t.Errorf("test suite counts %d tests and %d failures, want %d of each", suite.Tests, suite.Failures, len(want))
	}

	wantCases := make([]string, len(want))
	for i, f := range want {
		wantCases[i] = junitKey(f.Rule, f.Range.Filename, f.Range.String(), f.Severity.String(), f.Message)
	}
	var got []string
	for i, tc := range suite.TestCases {
		if tc.Failure == nil {
			t.Errorf("test case %d (%s) is not a failure", i, tc.Name)
			continue
		}
		rule, rng, ok := strings.Cut(tc.Name, " ")
		if !ok {
			t.Errorf("test case %d is named %q, want \"<rule> <range>\"", i, tc.Name)
			continue
		}
		rangePrefix := rng + ": "
		if !strings.HasPrefix(tc.Failure.Message, rangePrefix) {
			t.Errorf("test case %d (%s): failure message %q does not start with its range %q", i, tc.Name, tc.Failure.Message, rangePrefix)
			continue
		}
		message := strings.TrimPrefix(tc.Failure.Message, rangePrefix)
		contents := fmt.Sprintf("%s: %s\nRule: %s\nRange: %s", tc.Failure.Type, message, rule, rng)
		if tc.Failure.Contents != contents {
			t.Errorf("test case %d (%s): failure text is\n%q\nwant\n%q", i, tc.Name, tc.Failure.Contents, contents)
		}
		got = append(got, junitKey(rule, tc.Classname, rng, tc.Failure.Type, message))
	}
	compareKeys(t, "JUnit test cases", got, wantCases)
}

func junitKey(rule, classname, rng, severity, message string) string {
	return fmt.Sprintf("%s [%s] %s %s: %s", rule, classname, severity, rng, message)
}

// --- Checkstyle ----------------------------------------------------------

type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Source   string `xml:"source,attr"`
			Line     string `xml:"line,attr"`
			Column   string `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Link     string `xml:"link,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// TestCheckstyle checks `tflint --format checkstyle`: one <error> per
// finding under the <file> of its file, with the start line and column, the
// severity, the message, the rule as source and the rule's page as link.
func TestCheckstyle(t *testing.T) {
	t.Parallel()
	want := wantFindings(t, formatsCase)
	out := runFormat(t, formatsCase, "checkstyle")
	checkWellFormedXML(t, out)

	var doc checkstyleDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("checkstyle output does not decode: %v\n%s", err, out)
	}

	wantErrors := make([]string, len(want))
	for i, f := range want {
		wantErrors[i] = fmt.Sprintf("%s:%d:%d %s %s: %s", f.File, f.Range.Start.Line, f.Range.Start.Column, severityWord(t, f.Severity), f.Rule, f.Message)
	}
	var got []string
	for _, file := range doc.Files {
		for _, e := range file.Errors {
			if link := project.ReferenceLink(e.Source); e.Link != link {
				t.Errorf("%s error of %s links to %q, want %q", file.Name, e.Source, e.Link, link)
			}
			got = append(got, fmt.Sprintf("%s:%s:%s %s %s: %s", file.Name, e.Line, e.Column, e.Severity, e.Source, e.Message))
		}
	}
	compareKeys(t, "checkstyle errors", got, wantErrors)
}
