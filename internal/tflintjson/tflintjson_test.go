package tflintjson

import "testing"

func TestNeptuneFindingsKeepsOnlyThisPluginsRules(t *testing.T) {
	output := []byte(`{"issues":[
	  {"rule":{"name":"neptune_cluster_audit_log_export","severity":"warning"},"message":"m1",
	   "range":{"filename":"a.tf","start":{"line":3,"column":5},"end":{"line":3,"column":9}},"fixable":true},
	  {"rule":{"name":"terraform_required_version"},"message":"m2",
	   "range":{"filename":"b.tf","start":{"line":1,"column":1},"end":{"line":1,"column":2}},"fixable":false}
	],"errors":[]}`)
	got, err := NeptuneFindings(output)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(got), got)
	}
	f := got[0]
	if f.Rule.Name != "neptune_cluster_audit_log_export" || f.Message != "m1" || !f.Fixable ||
		f.Range.Filename != "a.tf" || f.Range.Start != (Pos{3, 5}) || f.Range.End != (Pos{3, 9}) {
		t.Fatalf("decoded %+v", f)
	}
	if _, err := NeptuneFindings([]byte("not json")); err == nil {
		t.Fatal("no error for output that is not JSON")
	}
}
