// Command tflint-ruleset-neptune is a TFLint plugin that checks Amazon Neptune audit logging.
package main

import (
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

func main() {
	go warmUp()
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.NewRuleSet()})
}
