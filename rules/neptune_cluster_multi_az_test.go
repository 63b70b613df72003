package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func TestNeptuneClusterMultiAZRule(t *testing.T) {
	const (
		one    = `aws_neptune_cluster.x has one instance, aws_neptune_cluster_instance.a, so there is no replica in another Availability Zone to fail over to (Security Hub Neptune.9): add a second aws_neptune_cluster_instance in another Availability Zone`
		pinned = `aws_neptune_cluster.x has 2 instances, all in availability_zone "eu-west-1a", so an outage of that zone takes the whole cluster down (Security Hub Neptune.9): place at least one instance in another Availability Zone, or leave availability_zone out`
	)
	const cluster = "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"graph\"\n}\n"
	instance := func(name, clusterRef, zone string) string {
		s := "\nresource \"aws_neptune_cluster_instance\" \"" + name + "\" {\n  cluster_identifier = " + clusterRef + "\n"
		if zone != "" {
			s += "  availability_zone  = " + zone + "\n"
		}
		return s + "}\n"
	}
	runRuleCases(t, NewNeptuneClusterMultiAZRule(), []ruleCase{
		{
			name:   "one instance by reference is reported on the cluster",
			files:  map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "")},
			issues: []string{"main.tf:1:1 " + one},
		},
		{
			name:   "one instance by identifier is reported",
			files:  map[string]string{"main.tf": cluster + instance("a", `"graph"`, "")},
			issues: []string{"main.tf:1:1 " + one},
		},
		{
			name:  "two instances without availability_zone are left to AWS's placement",
			files: map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "") + instance("b", "aws_neptune_cluster.x.cluster_identifier", "")},
		},
		{
			name:   "two instances pinned to one zone are reported",
			files:  map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", `"eu-west-1a"`) + instance("b", "aws_neptune_cluster.x.id", `"eu-west-1a"`)},
			issues: []string{"main.tf:1:1 " + pinned},
		},
		{
			name:  "two zones, one zone left out, or a zone unknown are silent",
			files: map[string]string{"main.tf": "variable \"zone\" {}\n" + cluster + instance("a", "aws_neptune_cluster.x.id", `"eu-west-1a"`) + instance("b", "aws_neptune_cluster.x.id", `"eu-west-1b"`) + instance("c", "aws_neptune_cluster.x.id", "var.zone")},
		},
		{
			name:  "pinned zones with one unknown are silent",
			files: map[string]string{"main.tf": "variable \"zone\" {}\n" + cluster + instance("a", "aws_neptune_cluster.x.id", `"eu-west-1a"`) + instance("b", "aws_neptune_cluster.x.id", "var.zone")},
		},
		{
			name:  "a cluster without instances in the module is left alone",
			files: map[string]string{"main.tf": cluster},
		},
		{
			name:   "an instance of a cluster elsewhere does not count, nor hide the finding",
			files:  map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "") + instance("b", `"other-graph"`, "")},
			issues: []string{"main.tf:1:1 " + one},
		},
		{
			name:  "an instance whose cluster is not known could be the second one",
			files: map[string]string{"main.tf": "variable \"cluster\" {}\n" + cluster + instance("a", "aws_neptune_cluster.x.id", "") + instance("b", "var.cluster", "")},
		},
		{
			name:  "an instance naming a cluster by identifier while a cluster's identifier is unknown is not placed",
			files: map[string]string{"main.tf": "variable \"id\" {}\nresource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = var.id\n}\n" + instance("a", "aws_neptune_cluster.x.id", "") + instance("b", `"graph"`, "")},
		},
		{
			name:  "an instance block with an unknown count may make several instances",
			files: map[string]string{"main.tf": "variable \"n\" {\n  type = number\n}\n" + cluster + "\nresource \"aws_neptune_cluster_instance\" \"b\" {\n  count              = var.n\n  cluster_identifier = aws_neptune_cluster.x.id\n}\n"},
		},
		{
			name:  "a cluster passed to a module call, which may add replicas, is left alone",
			files: map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "") + "\nmodule \"readers\" {\n  source  = \"./readers\"\n  cluster = aws_neptune_cluster.x.id\n}\n"},
		},
		{
			name:  "also through a local value",
			files: map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "") + "\nlocals {\n  ids = { graph = aws_neptune_cluster.x.cluster_identifier }\n}\n\nmodule \"readers\" {\n  source   = \"./readers\"\n  clusters = local.ids\n}\n"},
		},
		{
			name:   "a module call that is passed something else does not hide the finding",
			files:  map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", "") + "\nmodule \"other\" {\n  source = \"./other\"\n  name   = aws_neptune_cluster_instance.a.id\n}\n"},
			issues: []string{"main.tf:1:1 " + one},
		},
		{
			name:  "a wrongly typed availability_zone is not a zone",
			files: map[string]string{"main.tf": cluster + instance("a", "aws_neptune_cluster.x.id", `["eu-west-1a"]`) + instance("b", "aws_neptune_cluster.x.id", `["eu-west-1a"]`)},
		},
	})
}

// contentCountingRunner counts the module reads the rules ask of the host.
type contentCountingRunner struct {
	tflint.Runner
	reads int
}

func (c *contentCountingRunner) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	c.reads++
	return c.Runner.GetModuleContent(schema, opts)
}

// The module calls are read only for a cluster that would get a finding:
// a module of multi-AZ clusters costs the rule no host call of its own.
func TestMultiAZReadsModuleCallsOnlyForAFinding(t *testing.T) {
	const multiAZCluster = "resource \"aws_neptune_cluster\" \"x\" {\n  cluster_identifier = \"graph\"\n}\n"
	instance := func(name, clusterRef, _ string) string {
		return "\nresource \"aws_neptune_cluster_instance\" \"" + name + "\" {\n  cluster_identifier = " + clusterRef + "\n}\n"
	}
	for _, c := range []struct {
		name  string
		src   string
		reads int
	}{
		{"two instances", multiAZCluster + instance("a", "aws_neptune_cluster.x.id", "") + instance("b", "aws_neptune_cluster.x.id", ""), 1},
		{"one instance", multiAZCluster + instance("a", "aws_neptune_cluster.x.id", ""), 2},
	} {
		host := &contentCountingRunner{Runner: helper.TestRunner(t, map[string]string{"main.tf": c.src})}
		if err := NewNeptuneClusterMultiAZRule().Check(newRunner(host, false)); err != nil {
			t.Fatal(err)
		}
		if host.reads != c.reads {
			t.Errorf("%s: %d module reads, want %d", c.name, host.reads, c.reads)
		}
	}
}
