//go:build !unix

package langserver

import "os/exec"

// killProcessGroupOnCancel keeps exec's default: a cancelled run kills tflint.
func killProcessGroupOnCancel(cmd *exec.Cmd) {}
