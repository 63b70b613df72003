package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/neptune-lint/tflint-ruleset-neptune/neptune"
	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// rdsStylePrefix is the part of an RDS-style name the fix removes "cluster/" from.
const rdsStylePrefix = "/aws/neptune/cluster/"

// NeptuneAuditLogGroupNameRule checks CloudWatch log groups meant for Neptune
// against the names Neptune writes to.
type NeptuneAuditLogGroupNameRule struct {
	tflint.DefaultRule
}

// NewNeptuneAuditLogGroupNameRule returns the rule.
func NewNeptuneAuditLogGroupNameRule() *NeptuneAuditLogGroupNameRule {
	return &NeptuneAuditLogGroupNameRule{}
}

// Name returns the rule name.
func (r *NeptuneAuditLogGroupNameRule) Name() string { return "neptune_audit_log_group_name" }

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneAuditLogGroupNameRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneAuditLogGroupNameRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneAuditLogGroupNameRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports log groups named after the RDS pattern, and groups named
// for a cluster with a log type Neptune does not write.
func (r *NeptuneAuditLogGroupNameRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	e := newEmitter(runner, r)
	for _, g := range m.LogGroups {
		m.Visit(g)
		attr := m.NameOf(g)
		if attr == nil || e.reportedAt(attr.Expr.Range()) {
			continue // one finding per block: its instances share the name's source
		}
		pattern, ok := m.namePattern(attr)
		if !ok {
			continue
		}
		if err := r.checkName(m, e, g, attr, pattern); err != nil {
			return err
		}
	}
	return nil
}

func (r *NeptuneAuditLogGroupNameRule) checkName(m *Model, e *emitter, g *Resource, attr *hclext.Attribute, p namePattern) error {
	info := neptune.ParseLogGroupName(p.text)
	switch info.Kind {
	case neptune.RDSStyleLogGroup:
		if p.known(info.LogType) && !contains(neptune.ExportLogTypes, info.LogType) {
			message := fmt.Sprintf("%s is named %q, the RDS pattern Neptune never writes to, and Neptune writes only the audit and slowquery logs: use %q or %q",
				g.Address(), p.display(p.text), p.display(neptune.LogGroupName(info.ClusterID, "audit")), p.display(neptune.LogGroupName(info.ClusterID, "slowquery")))
			return e.emit(message, attr.Expr.Range(), nil)
		}
		right := neptune.LogGroupName(info.ClusterID, info.LogType)
		message := fmt.Sprintf("%s is named %q, the RDS pattern Neptune never writes to: Neptune writes to %q and creates that group itself, with no retention and no KMS key; rename it",
			g.Address(), p.display(p.text), p.display(right))
		var fix func(tflint.Fixer) error
		if writtenOut(attr.Expr) {
			fix = func(f tflint.Fixer) error { return removeRDSSegment(f, attr.Expr) }
		}
		return e.emit(message, attr.Expr.Range(), fix)
	case neptune.UnknownLogType:
		if !p.known(info.LogType) || !p.namesCluster(m, info.ClusterID) {
			return nil
		}
		message := fmt.Sprintf("%s is named %q, but Neptune writes only the audit and slowquery logs of a cluster: use %q or %q",
			g.Address(), p.display(p.text), p.display(neptune.LogGroupName(info.ClusterID, "audit")), p.display(neptune.LogGroupName(info.ClusterID, "slowquery")))
		return e.emit(message, attr.Expr.Range(), nil)
	}
	return nil
}

// writtenOut tells a name written in place (a literal or a template whose
// text holds the prefix) from one computed elsewhere, which the fix cannot edit.
func writtenOut(expr hcl.Expression) bool {
	switch e := unwrapBound(expr).(type) {
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) == 0 {
			return false
		}
		prefix, ok := literalString(e.Parts[0])
		// The source must hold the prefix as read: not with an escape such
		// as \u0063 for its "c", which the fix could not find.
		source := e.Parts[0].Range()
		return ok && strings.HasPrefix(prefix, rdsStylePrefix) && source.End.Byte-source.Start.Byte == len(prefix)
	}
	return false
}

// removeRDSSegment turns /aws/neptune/cluster/ into /aws/neptune/ in the
// source of the name, literal or template alike.
func removeRDSSegment(f tflint.Fixer, expr hcl.Expression) error {
	rng := expr.Range()
	source := string(f.TextAt(rng).Bytes)
	at := strings.Index(source, rdsStylePrefix)
	if at < 0 || strings.Count(source, rdsStylePrefix) != 1 {
		return tflint.ErrFixNotSupported
	}
	start := rng.Start.Byte + at + len("/aws/neptune/")
	segment := hcl.Range{Filename: rng.Filename, Start: hcl.Pos{Byte: start}, End: hcl.Pos{Byte: start + len("cluster/")}}
	return f.Remove(segment)
}

// namePattern is a log group name with each interpolation replaced by a
// placeholder, so that "/aws/neptune/${aws_neptune_cluster.x.id}/audit"
// can be parsed like a literal name.
type namePattern struct {
	text   string
	interp []hcl.Expression
}

var placeholder = regexp.MustCompile("\x01([0-9]+)\x01")

func (m *Model) namePattern(attr *hclext.Attribute) (namePattern, bool) {
	if s, ok := m.String(attr); ok {
		return namePattern{text: s}, true
	}
	return m.patternOf(attr.Expr, 0)
}

// patternOf reads a template, following a name that is a local to the
// local's expression. A part that names only variables and locals is
// written in with its value, when known: a value from a resource would
// cost a host call and is unknown anyway.
func (m *Model) patternOf(expr hcl.Expression, depth int) (namePattern, bool) {
	expr = unwrapBound(expr)
	if !isNativeSyntax(expr) {
		expr = jsonTemplate(expr)
	}
	var p namePattern
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		for _, part := range e.Parts {
			if s, ok := m.knownPart(part); ok {
				p.text += s
				continue
			}
			p.text += fmt.Sprintf("\x01%d\x01", len(p.interp))
			p.interp = append(p.interp, part)
		}
		return p, true
	case *hclsyntax.TemplateWrapExpr:
		return namePattern{text: "\x010\x01", interp: []hcl.Expression{e.Wrapped}}, true
	case *hclsyntax.ScopeTraversalExpr:
		if name, ok := wholeLocal(e.Traversal); ok && depth < maxLocalDepth {
			if local := m.local(name); local != nil {
				return m.patternOf(local.Expr, depth+1)
			}
		}
	}
	return namePattern{}, false
}

func (m *Model) knownPart(part hcl.Expression) (string, bool) {
	if s, ok := literalString(part); ok {
		return s, true
	}
	if !isNativeSyntax(part) {
		// Read out of a JSON string, the part has no range of its own in
		// the file for the host to evaluate.
		return "", false
	}
	for _, t := range part.Variables() {
		if root := t.RootName(); root != "var" && root != "local" {
			return "", false
		}
	}
	return stringValue(m.eval.value(part))
}

// known tells whether a part of the name holds no interpolation: a log type
// only known at apply may well be audit or slowquery.
func (p namePattern) known(part string) bool { return !strings.Contains(part, "\x01") }

// jsonTemplate parses a JSON string as the template tflint reads in it,
// such as "/aws/neptune/${aws_neptune_cluster.x.id}/audit"; nil for
// anything else.
func jsonTemplate(expr hcl.Expression) hcl.Expression {
	// Without a context, a JSON string is its text, interpolations unread.
	text, diags := expr.Value(nil)
	if diags.HasErrors() || !text.IsKnown() || text.IsNull() || !text.Type().Equals(cty.String) {
		return nil
	}
	template, diags := hclsyntax.ParseTemplate([]byte(text.AsString()), expr.Range().Filename, expr.Range().Start)
	if diags.HasErrors() {
		return nil
	}
	return template
}

// display shows a pattern to the user, interpolations written as ${...}.
func (p namePattern) display(text string) string {
	return truncate(placeholder.ReplaceAllString(text, "$${...}"), 120)
}

// namesCluster tells whether id is a cluster of the module: a reference to
// its identifier, or the identifier itself.
func (p namePattern) namesCluster(m *Model, id string) bool {
	if match := placeholder.FindStringSubmatch(id); match != nil && match[0] == id {
		k, _ := strconv.Atoi(match[1])
		if k >= len(p.interp) {
			return false
		}
		instances, _ := m.referencedInstances(p.interp[k], clusterType, 0, []string{"cluster_identifier", "id"})
		return len(instances) > 0
	}
	return m.clusterWithIdentifier(id) != nil
}
