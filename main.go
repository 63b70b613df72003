// Command tflint-ruleset-neptune is a TFLint plugin that checks Amazon Neptune audit logging.
//
// Run as `tflint-ruleset-neptune langserver`, it is a language server that
// runs tflint on the open Terraform modules (see docs/editors.md). tflint
// starts plugins with no arguments, so the subcommand never reaches the
// plugin protocol.
package main

import (
	"os"

	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/neptune-lint/tflint-ruleset-neptune/internal/langserver"
	"github.com/neptune-lint/tflint-ruleset-neptune/rules"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "langserver" {
		os.Exit(langserver.Main(os.Args[2:]))
	}
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.NewRuleSet()})
}
