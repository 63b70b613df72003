package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/neptune-lint/tflint-ruleset-neptune/project"
)

// NeptuneClusterMultiAZRule checks that each cluster has instances in more
// than one Availability Zone (Security Hub Neptune.9).
type NeptuneClusterMultiAZRule struct {
	tflint.DefaultRule
}

// NewNeptuneClusterMultiAZRule returns the rule.
func NewNeptuneClusterMultiAZRule() *NeptuneClusterMultiAZRule {
	return &NeptuneClusterMultiAZRule{}
}

// Name returns the rule name.
func (r *NeptuneClusterMultiAZRule) Name() string {
	return "neptune_cluster_multi_az"
}

// Enabled returns whether the rule is enabled by default.
func (r *NeptuneClusterMultiAZRule) Enabled() bool { return true }

// Severity returns the rule severity.
func (r *NeptuneClusterMultiAZRule) Severity() tflint.Severity { return tflint.WARNING }

// Link returns the rule reference link.
func (r *NeptuneClusterMultiAZRule) Link() string { return project.ReferenceLink(r.Name()) }

// Check reports clusters with one instance, or with every instance pinned to
// the same Availability Zone. It counts only when every instance of the
// module can be placed: an instance whose cluster or number of copies is
// not known here could be the missing replica.
func (r *NeptuneClusterMultiAZRule) Check(runner tflint.Runner) error {
	m, err := modelOf(runner)
	if err != nil {
		return err
	}
	members, ok := clusterMembers(m)
	if !ok {
		return nil
	}
	e := newEmitter(runner, r)
	for _, c := range m.Clusters {
		m.Visit(c)
		if message := r.problem(m, c, members[c]); message != "" {
			if err := e.emit(message, c.Block.DefRange, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// problem describes what keeps a cluster in one Availability Zone, or "".
// A cluster with no instance in the module is left alone: its instances are
// then defined elsewhere (another module, or outside Terraform), and a
// cluster without any cannot serve queries at all, which is not this rule's
// finding. So is a cluster passed to a module call, which may add replicas;
// the module calls are read only for a cluster that would get a finding.
func (r *NeptuneClusterMultiAZRule) problem(m *Model, c *Resource, instances []*Resource) string {
	message := r.zoneProblem(m, c, instances)
	if message == "" || m.passedToModuleCall(c) {
		return ""
	}
	return message
}

func (r *NeptuneClusterMultiAZRule) zoneProblem(m *Model, c *Resource, instances []*Resource) string {
	const control = "(Security Hub Neptune.9)"
	switch len(instances) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("%s has one instance, %s, so there is no replica in another Availability Zone to fail over to %s: add a second aws_neptune_cluster_instance in another Availability Zone",
			c.Address(), instances[0].Address(), control)
	}
	zone, same := sharedZone(m, instances)
	if !same {
		return ""
	}
	return fmt.Sprintf("%s has %d instances, all in availability_zone %q, so an outage of that zone takes the whole cluster down %s: place at least one instance in another Availability Zone, or leave availability_zone out",
		c.Address(), len(instances), truncate(zone, 30), control)
}

// sharedZone returns the Availability Zone that every instance pins, when
// they all pin the same known one; an instance without one is placed by AWS.
func sharedZone(m *Model, instances []*Resource) (string, bool) {
	zone := ""
	for i, instance := range instances {
		z, ok := m.String(instance.Attr("availability_zone"))
		if !ok || z == "" || i > 0 && z != zone {
			return "", false
		}
		zone = z
	}
	return zone, true
}

// clusterMembers maps each cluster of the module to its instances. ok is
// false when some instance cannot be placed: its count or for_each is not
// known (so neither is how many it makes), or its cluster_identifier is not
// known or names a cluster the model cannot tell from this module's.
func clusterMembers(m *Model) (map[*Resource][]*Resource, bool) {
	members := map[*Resource][]*Resource{}
	for _, i := range m.ClusterInstances {
		if !m.repetitionKnown(i) {
			return nil, false
		}
		if c := m.instanceCluster(i); c != nil {
			members[c] = append(members[c], i)
			continue
		}
		id, known := m.String(i.Attr("cluster_identifier"))
		if !known || !m.clusterIdentifiersKnown() || m.clusterWithIdentifier(id) != nil {
			return nil, false // an identifier that may still be one of ours
		}
	}
	return members, true
}

// repetitionKnown tells whether the model holds every instance of r's block:
// it has no count or for_each, or the host expanded a known one.
func (m *Model) repetitionKnown(r *Resource) bool {
	repetition := m.rawAttr(r, "count")
	if repetition == nil {
		repetition = m.rawAttr(r, "for_each")
	}
	if repetition == nil {
		return m.rawBlocks[keyOf(r.Block.DefRange)] != nil
	}
	return m.isExpanded && m.Value(repetition).IsWhollyKnown()
}

// clusterIdentifiersKnown tells whether every cluster's identifier is known,
// so that an instance naming another one belongs to a cluster elsewhere.
func (m *Model) clusterIdentifiersKnown() bool {
	for _, c := range m.Clusters {
		attr := c.Attr("cluster_identifier")
		if attr == nil {
			continue // a generated identifier no instance can write out
		}
		if _, ok := m.String(attr); !ok {
			return false
		}
	}
	return true
}

// passedToModuleCall tells whether a module call of the module refers to
// the cluster, directly or through a local value.
func (m *Model) passedToModuleCall(c *Resource) bool {
	for _, attr := range m.moduleCallArguments() {
		if m.refersTo(attr.Expr, c, 0) {
			return true
		}
	}
	return false
}

// refersTo tells whether an expression refers to a resource's block, directly
// or through local values.
func (m *Model) refersTo(expr hcl.Expression, r *Resource, depth int) bool {
	if depth > maxLocalDepth {
		return false
	}
	for _, t := range expr.Variables() {
		name, ok := secondStep(t)
		if !ok {
			continue
		}
		switch t.RootName() {
		case r.Type:
			if name == r.Name {
				return true
			}
		case "local":
			if local := m.local(name); local != nil && m.refersTo(local.Expr, r, depth+1) {
				return true
			}
		}
	}
	return false
}
