// Command floor is the cheapest plugin that can see a module's resources:
// one host call for every resource block, with nothing else. The benchmark
// runs it beside the real plugin to show how much of the plugin's cost the
// SDK's protocol imposes on any plugin.
package main

import (
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

type readResources struct{ tflint.DefaultRule }

func (readResources) Name() string              { return "floor_read_resources" }
func (readResources) Enabled() bool             { return true }
func (readResources) Severity() tflint.Severity { return tflint.NOTICE }
func (readResources) Link() string              { return "" }

func (readResources) Check(runner tflint.Runner) error {
	_, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}},
	}}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	return err
}

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: &tflint.BuiltinRuleSet{
		Name: "neptune", Version: "0.0.0", Rules: []tflint.Rule{&readResources{}},
	}})
}
