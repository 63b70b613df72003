// Command tflint-ruleset-neptune is a TFLint plugin that checks Amazon Neptune audit logging.
package main

import (
	"os"
	"runtime/debug"

	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

// gcPercent trades a little CPU on tflint's idle core for a smaller peak:
// decoding a large module makes short-lived garbage, and the plugin's
// memory adds to every tflint run. GOGC, when set, still wins.
const gcPercent = 25

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.NewRuleSet()})
}
