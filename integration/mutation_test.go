package integration

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/tflintjson"
)

// hostileValues replace attribute values in the mutation suite: every shape
// a half-written or malicious file may hold.
var hostileValues = []string{
	`null`,
	`42`,
	`{}`,
	`[[1]]`,
	`""`,
	`"` + strings.Repeat("a", 5000) + `"`,
	`"ObjectIndex＝enabled, ａudit"`,
	`["audit", null, 1]`,
	`var.hostile_unknown`,
	`{ audit = "audit" }`,
	`-1`,
	`1e308`,
	`"\u202eaudit"`,
	`"${var.hostile_unknown}-x"`,
	`[for s in ["audit"] : upper(s)]`,
	`true`,
}

const everyRuleConfig = `plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}
`

var mutatedTypes = map[string]bool{
	"aws_neptune_cluster": true, "aws_neptune_cluster_parameter_group": true,
	"aws_neptune_parameter_group": true, "aws_neptune_cluster_instance": true,
	"aws_cloudwatch_log_group": true,
}

// TestMutations swaps the attribute values of every Neptune resource of
// every case for hostile ones, adds empty and partial parameter blocks, and
// runs the real tflint with every rule, plain and with --fix: tflint must
// answer without a plugin error, and after --fix every file must parse and
// be format-stable.
func TestMutations(t *testing.T) {
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join("../testdata/integration", name, "main.tf"))
			if os.IsNotExist(err) {
				t.Skip("no main.tf")
			}
			if err != nil {
				t.Fatal(err)
			}
			findings := 0
			for offset := 0; offset < len(hostileValues); offset += 4 {
				mutant, ok := mutate(src, offset)
				if !ok {
					t.Skip("nothing to mutate")
				}
				findings += runMutant(t, mutant)
			}
			// The mutants must reach the rules, not stop at tflint's parser.
			if findings == 0 {
				t.Error("no mutant produced a finding: the suite is not exercising the plugin")
			}
		})
	}
}

// mutate gives attribute i of the Neptune blocks hostile value i+offset.
func mutate(src []byte, offset int) ([]byte, bool) {
	file, diags := hclwrite.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return nil, false
	}
	i := offset
	changed := false
	for _, block := range file.Body().Blocks() {
		labels := block.Labels()
		if block.Type() != "resource" || len(labels) != 2 || !mutatedTypes[labels[0]] {
			continue
		}
		i = mutateBody(block.Body(), i)
		block.Body().AppendNewBlock("parameter", nil)
		block.Body().AppendNewBlock("parameter", nil).Body().SetAttributeRaw("name", rawTokens(`"neptune_lab_mode"`))
		changed = true
	}
	file.Body().AppendNewBlock("variable", []string{"hostile_unknown"})
	out := file.Bytes()
	// hclwrite cannot grow a one-line block ({}) into a valid one; such a
	// mutant would test the parser, not the plugin.
	if _, diags := hclsyntax.ParseConfig(out, "main.tf", hcl.InitialPos); diags.HasErrors() {
		if !bytes.Contains(src, []byte("{}")) {
			return nil, false
		}
		return mutate(bytes.ReplaceAll(src, []byte("{}"), []byte("{\n}")), offset)
	}
	return out, changed
}

func mutateBody(body *hclwrite.Body, i int) int {
	for name := range body.Attributes() {
		if name == "count" || name == "for_each" {
			continue
		}
		body.SetAttributeRaw(name, rawTokens(hostileValues[i%len(hostileValues)]))
		i++
	}
	for _, nested := range body.Blocks() {
		if nested.Type() == "parameter" {
			i = mutateBody(nested.Body(), i)
		}
	}
	return i
}

func rawTokens(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenIdent, Bytes: []byte(text)}}
}

// runMutant runs tflint on a mutant, plain then with --fix, and returns the
// plugin's findings of the plain run.
func runMutant(t *testing.T, mutant []byte) int {
	t.Helper()
	findings := 0
	for _, fix := range []bool{false, true} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), mutant, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(everyRuleConfig), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"--format", "json", "--force"}
		if fix {
			args = append(args, "--fix")
		}
		out, err := tflintCommand(dir, pluginDir, "", args...).Output()
		result, jsonErr := tflintjson.Parse(out)
		if jsonErr != nil {
			t.Fatalf("tflint gave no answer (%v, %v) on:\n%s", err, jsonErr, mutant)
		}
		for _, e := range result.Errors {
			if strings.Contains(e.Message, "neptune") || strings.Contains(e.Message, "plugin") {
				t.Fatalf("the plugin failed: %s\non:\n%s", e.Message, mutant)
			}
		}
		if fix {
			assertParsesAndIsStable(t, filepath.Join(dir, "main.tf"))
		} else {
			findings += len(result.Issues)
		}
	}
	return findings
}

func assertParsesAndIsStable(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, diags := hclsyntax.ParseConfig(data, path, hcl.InitialPos); diags.HasErrors() {
		t.Fatalf("after --fix the file does not parse: %s\n%s", diags, data)
	}
	if formatted := hclwrite.Format(data); string(formatted) != string(data) {
		t.Fatalf("after --fix the file is not format-stable:\n%s", fmt.Sprint(string(data)))
	}
}
