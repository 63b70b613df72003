package rules

import "testing"

func TestDynamicParametersKnownEmptyAreResolved(t *testing.T) {
	for _, tc := range []struct {
		name, forEach string
		unresolved    bool
	}{
		{"an empty list", `[]`, false},
		{"an empty map", `{}`, false},
		{"an empty variable", `var.none`, false},
		{"a variable without a value", `var.unset`, true},
		{"null", `null`, true},
		{"a resource attribute", `aws_s3_bucket.x.tags`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := testModel(t, `
variable "none" {
  default = {}
}
variable "unset" {}
resource "aws_neptune_cluster_parameter_group" "x" {
  family = "neptune1.3"
  dynamic "parameter" {
    for_each = `+tc.forEach+`
    content {
      name  = parameter.value.name
      value = parameter.value.value
    }
  }
}`)
			if got := m.HasUnresolvedParameters(m.ClusterParameterGroups[0]); got != tc.unresolved {
				t.Errorf("HasUnresolvedParameters = %v, want %v", got, tc.unresolved)
			}
		})
	}
}
