//go:build unix

package langserver

import (
	"os/exec"
	"syscall"
)

// killProcessGroupOnCancel makes a cancelled run kill tflint and the plugin
// processes it started, which would otherwise outlive it.
func killProcessGroupOnCancel(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
