package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// precommitMistake is a hardened cluster whose only mistake is the export.
const precommitMistake = `resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  storage_encrypted                   = true
  deletion_protection                 = true
  backup_retention_period             = 7
  iam_database_authentication_enabled = true
  copy_tags_to_snapshot               = true
  enable_cloudwatch_logs_exports      = ["slowquery"]
}
`

// TestPreCommit runs the real pre-commit with a local hook that runs tflint
// the way pre-commit-terraform's terraform_tflint hook does (per directory,
// with the repository's .tflint.hcl): a commit of a Neptune mistake is
// refused with our finding, and the --fix variant repairs the file.
func TestPreCommit(t *testing.T) {
	precommit, err := exec.LookPath("pre-commit")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed; .ci/run installs it")
		}
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	t.Run("the published hooks and example are valid", func(t *testing.T) {
		for _, args := range [][]string{
			{"validate-manifest", "../.pre-commit-hooks.yaml"},
			{"validate-config", "../examples/pre-commit/.pre-commit-config.yaml"},
		} {
			if out, err := exec.Command(precommit, args...).CombinedOutput(); err != nil {
				t.Errorf("pre-commit %v: %v\n%s", args, err, out)
			}
		}
	})
	t.Run("refuses the commit", func(t *testing.T) {
		repo := precommitRepo(t, precommit, "")
		out, err := repo.git("commit", "-m", "add a cluster")
		if err == nil {
			t.Fatalf("the commit went through:\n%s", out)
		}
		if !strings.Contains(out, `aws_neptune_cluster.graph exports ["slowquery"] to CloudWatch Logs but not "audit"`) {
			t.Fatalf("the hook did not show our finding:\n%s", out)
		}
	})
	t.Run("repairs the file with --fix", func(t *testing.T) {
		repo := precommitRepo(t, precommit, "--fix")
		if out, err := repo.git("commit", "-m", "add a cluster"); err == nil {
			t.Fatalf("pre-commit must stop the commit that its hook changed:\n%s", out)
		}
		fixed, err := os.ReadFile(filepath.Join(repo.dir, "main.tf"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(fixed), `["slowquery", "audit"]`) {
			t.Fatalf("the file was not repaired:\n%s", fixed)
		}
		if out, err := repo.git("add", "main.tf"); err != nil {
			t.Fatal(out)
		}
		if out, err := repo.git("commit", "-m", "add a cluster"); err != nil {
			t.Fatalf("the repaired file was refused:\n%s", out)
		}
	})
}

// gitRepo is a temporary repository with the environment its hooks run in.
type gitRepo struct {
	dir string
	env []string
}

func (r gitRepo) git(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = r.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// precommitRepo makes a git repository with a staged mistake and the hook installed.
func precommitRepo(t *testing.T, precommit, extraArg string) gitRepo {
	t.Helper()
	dir := t.TempDir()
	repo := gitRepo{dir: dir, env: append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir, "PRE_COMMIT_HOME="+t.TempDir())}
	hook := `repos:
  - repo: local
    hooks:
      - id: terraform_tflint
        name: terraform_tflint
        language: system
        entry: ` + tflintBin + ` --chdir=. --config=` + filepath.Join(dir, ".tflint.hcl") + ` --format=compact ` + extraArg + `
        files: \.tf$
        pass_filenames: false
        require_serial: true
`
	config := `plugin "terraform" {
  enabled = false
}

plugin "neptune" {
  enabled = true
}

rule "neptune_cluster_audit_log_parameter" {
  enabled = false
}

# The cluster exports slowquery on the default group, which this rule
# reports and has no fix for.
rule "neptune_cluster_slow_query_log" {
  enabled = false
}
`
	for name, content := range map[string]string{"main.tf": precommitMistake, ".tflint.hcl": config, ".pre-commit-config.yaml": hook} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"}, {"config", "user.email", "ci@example.com"}, {"config", "user.name", "CI"},
		{"add", "main.tf", ".tflint.hcl", ".pre-commit-config.yaml"},
	} {
		if out, err := repo.git(args...); err != nil {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	install := exec.Command(precommit, "install")
	install.Dir = dir
	install.Env = repo.env
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}
	return repo
}
