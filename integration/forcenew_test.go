package integration

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// forceNew lists, per database resource type, the arguments whose change
// replaces the database (terraform-provider-aws, internal/service/neptune).
// No fix may touch them.
var forceNew = map[string][]string{
	"aws_neptune_cluster": {
		"availability_zones", "cluster_identifier", "cluster_identifier_prefix", "engine",
		"kms_key_arn", "neptune_subnet_group_name", "port", "snapshot_identifier", "storage_encrypted",
	},
	"aws_neptune_cluster_instance": {
		"availability_zone", "cluster_identifier", "engine", "identifier", "identifier_prefix",
		"neptune_subnet_group_name", "port", "publicly_accessible",
	},
}

// assertForceNewUntouched checks that every replacement-forcing argument of
// every database resource reads the same after --fix as before.
func assertForceNewUntouched(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, content := range after {
		if !strings.HasSuffix(name, ".tf") || content == before[name] {
			continue
		}
		was, now := forceNewArguments(t, name, before[name]), forceNewArguments(t, name, content)
		for key, text := range was {
			if now[key] != text {
				t.Errorf("%s: --fix changed %s from %q to %q, which would replace the database", name, key, text, now[key])
			}
		}
		for key, text := range now {
			if _, existed := was[key]; !existed {
				t.Errorf("%s: --fix added %s = %s, which would replace the database", name, key, text)
			}
		}
	}
}

// forceNewArguments maps "type.name.argument" to the argument's source text.
func forceNewArguments(t *testing.T, name, src string) map[string]string {
	t.Helper()
	file, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s does not parse: %s", name, diags)
	}
	out := map[string]string{}
	for _, block := range file.Body.(*hclsyntax.Body).Blocks {
		if block.Type != "resource" || len(block.Labels) != 2 {
			continue
		}
		for _, arg := range forceNew[block.Labels[0]] {
			if attr, ok := block.Body.Attributes[arg]; ok {
				out[block.Labels[0]+"."+block.Labels[1]+"."+arg] = string(attr.Expr.Range().SliceBytes([]byte(src)))
			}
		}
	}
	return out
}
