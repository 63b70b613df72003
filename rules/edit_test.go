package rules

import "testing"

func TestHoldsComment(t *testing.T) {
	for src, want := range map[string]bool{
		`["audit"]`:                            false,
		"[\n  \"audit\", # kept\n]":            true,
		"[\n  // \"slowquery\",\n  \"audit\"]": true,
		`[/* none */]`:                         true,
		`["#audit", "a//b", "/*"]`:             false,
		"<<EOT\n# not a comment\nEOT\n":        false,
		`"${"#"}"`:                             false,
		`var.exports`:                          false,
		`["unterminated`:                       false,
		"":                                     false,
	} {
		if got := holdsComment([]byte(src)); got != want {
			t.Errorf("holdsComment(%q) = %v, want %v", src, got, want)
		}
	}
}
