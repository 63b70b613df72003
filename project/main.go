// Package project holds the ruleset's version and documentation links.
package project

import "fmt"

// Version is the ruleset version; releases are tagged v<Version>.
const Version string = "0.1.0"

// Repository is the Go module path and the plugin's `source` in .tflint.hcl.
const Repository = "github.com/neptune-lint/tflint-ruleset-neptune"

// ReferenceLink returns the documentation page of a rule at this version's tag.
func ReferenceLink(name string) string {
	return fmt.Sprintf("https://%s/blob/v%s/docs/rules/%s.md", Repository, Version, name)
}
