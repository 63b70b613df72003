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

func TestParseReadsCallersErrorsAndPrintsRanges(t *testing.T) {
	out, err := Parse([]byte(`{"issues":[
	  {"rule":{"name":"neptune_x"},"message":"m",
	   "range":{"filename":"modules/db/main.tf","start":{"line":2,"column":3},"end":{"line":2,"column":8}},
	   "callers":[{"filename":"main.tf","start":{"line":10,"column":1},"end":{"line":12,"column":2}}]}
	],"errors":[{"message":"boom"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Issues) != 1 || len(out.Errors) != 1 || out.Errors[0].Message != "boom" {
		t.Fatalf("decoded %+v", out)
	}
	f := out.Issues[0]
	if len(f.Callers) != 1 || f.Callers[0].String() != "main.tf:10:1-12:2" {
		t.Fatalf("callers %+v", f.Callers)
	}
	if got, want := f.Range.String(), "modules/db/main.tf:2:3-2:8"; got != want {
		t.Fatalf("range prints as %q, want %q", got, want)
	}
}
