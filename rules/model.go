package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

const (
	clusterType               = "aws_neptune_cluster"
	clusterParameterGroupType = "aws_neptune_cluster_parameter_group"
)

// The attributes and blocks every rule reads, fetched in one host call.
// count, for_each and "dynamic" tell whether the host must expand blocks.
var resourceSchema = &hclext.BodySchema{
	Attributes: []hclext.AttributeSchema{
		{Name: "count"},
		{Name: "for_each"},
		{Name: "enable_cloudwatch_logs_exports"},
		{Name: "enabled_cloudwatch_logs_exports"},
		{Name: "neptune_cluster_parameter_group_name"},
		{Name: "engine_version"},
		{Name: "family"},
	},
	Blocks: []hclext.BlockSchema{
		{
			Type: "parameter",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
				{Name: "name"}, {Name: "value"}, {Name: "apply_method"},
			}},
		},
		{Type: "dynamic", LabelNames: []string{"name"}},
	},
}

var moduleSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}, Body: resourceSchema},
}}

// Every resource type has a "name", so it is costly to fetch for all of
// them; groups' names are fetched only when a cluster names its group.
var namesSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "name"}},
	}},
}}

// Locals are read as written, unexpanded: expanding them would make the host
// evaluate every local, and fail the whole call on one circular reference.
var localsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "locals", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
}}

// Model is what the rules know about one module: its Neptune resources
// (one entry per count/for_each instance), its locals, and lazily evaluated
// values. It is built once per module run and read by every rule.
type Model struct {
	Clusters               []*Resource
	ClusterParameterGroups []*ParameterGroup

	groupsByName map[string][]*ParameterGroup
	locals       map[string]*hclext.Attribute
	eval         *evaluator
	host         tflint.Runner
	files        map[string]*hcl.File
	rawGroups    map[rangeKey]*hclext.Block
	isExpanded   bool
	groupNames   map[rangeKey][]*hclext.Attribute
	users        map[rangeKey][]string
}

// Resource is one instance of a resource block.
type Resource struct {
	Type, Name string
	Block      *hclext.Block
}

// ParameterGroup is a cluster parameter group with its parameter blocks,
// "dynamic" ones already expanded by the host.
type ParameterGroup struct {
	*Resource
	Parameters []*Parameter
	instance   int // index among the instances of its block
}

// Parameter is one parameter block of a parameter group.
type Parameter struct {
	Block       *hclext.Block
	Name, Value *hclext.Attribute
}

// Address is the resource address users see, e.g. aws_neptune_cluster.main.
func (r *Resource) Address() string { return r.Type + "." + r.Name }

// Attr returns the named attribute, or nil when it is not set.
func (r *Resource) Attr(name string) *hclext.Attribute { return r.Block.Body.Attributes[name] }

// loadModel reads the module's resources. Unexpanded blocks are cheap for
// the host to give; it is asked to expand count, for_each and "dynamic" (and
// so evaluate every reference in the requested attributes) only when a
// Neptune resource uses them.
func loadModel(host tflint.Runner) (*Model, error) {
	raw, err := host.GetModuleContent(moduleSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	m := &Model{
		groupsByName: map[string][]*ParameterGroup{},
		eval:         newEvaluator(host),
		host:         host,
		files:        map[string]*hcl.File{},
		rawGroups:    map[rangeKey]*hclext.Block{},
	}
	content := raw
	if needsExpansion(raw) {
		content, m.isExpanded = expanded(host, raw)
	}
	for _, block := range raw.Blocks {
		if len(block.Labels) == 2 && block.Labels[0] == clusterParameterGroupType {
			m.rawGroups[keyOf(block.DefRange)] = block
		}
	}
	for _, block := range content.Blocks {
		m.addResource(block)
	}
	return m, nil
}

func needsExpansion(raw *hclext.BodyContent) bool {
	for _, block := range raw.Blocks {
		if len(block.Labels) != 2 || (block.Labels[0] != clusterType && block.Labels[0] != clusterParameterGroupType) {
			continue
		}
		attrs := block.Body.Attributes
		if attrs["count"] != nil || attrs["for_each"] != nil {
			return true
		}
		for _, nested := range block.Body.Blocks {
			if nested.Type == "dynamic" {
				return true
			}
		}
	}
	return false
}

// expanded asks the host to expand the module. Expanding makes it evaluate
// every reference in the requested attributes up front, so one bad local (a
// cycle, say) fails the whole call: then the rules check what is written.
func expanded(host tflint.Runner, raw *hclext.BodyContent) (*hclext.BodyContent, bool) {
	content, err := host.GetModuleContent(moduleSchema, nil)
	if err != nil {
		logger.Warn(fmt.Sprintf("neptune: cannot expand the module (%s); checking blocks unexpanded", err))
		return raw, false
	}
	return content, true
}

// GroupName returns the "name" attribute of a group instance, or nil.
func (m *Model) GroupName(g *ParameterGroup) *hclext.Attribute {
	if m.groupNames == nil {
		m.groupNames = m.loadGroupNames()
	}
	names := m.groupNames[keyOf(g.Block.DefRange)]
	if g.instance < len(names) {
		return names[g.instance]
	}
	return nil
}

// loadGroupNames fetches every group's name in one host call, expanded the
// same way as the model so that instance i of a counted group gets its own.
func (m *Model) loadGroupNames() map[rangeKey][]*hclext.Attribute {
	names := map[rangeKey][]*hclext.Attribute{}
	option := &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}
	if m.isExpanded {
		option = nil
	}
	content, err := m.host.GetModuleContent(namesSchema, option)
	if err != nil {
		return names
	}
	for _, b := range content.Blocks {
		if len(b.Labels) == 2 && b.Labels[0] == clusterParameterGroupType {
			key := keyOf(b.DefRange)
			names[key] = append(names[key], b.Body.Attributes["name"])
		}
	}
	return names
}

func (m *Model) addResource(block *hclext.Block) {
	if len(block.Labels) != 2 {
		return
	}
	r := &Resource{Type: block.Labels[0], Name: block.Labels[1], Block: block}
	switch r.Type {
	case clusterType:
		m.Clusters = append(m.Clusters, r)
	case clusterParameterGroupType:
		g := &ParameterGroup{Resource: r, instance: len(m.groupsByName[r.Name])}
		for _, p := range block.Body.Blocks {
			if p.Type == "parameter" {
				g.Parameters = append(g.Parameters, &Parameter{Block: p, Name: p.Body.Attributes["name"], Value: p.Body.Attributes["value"]})
			}
		}
		m.ClusterParameterGroups = append(m.ClusterParameterGroups, g)
		m.groupsByName[r.Name] = append(m.groupsByName[r.Name], g)
	}
}

// Value evaluates an attribute; a nil attribute gives cty.NilVal.
func (m *Model) Value(attr *hclext.Attribute) cty.Value {
	if attr == nil {
		return cty.NilVal
	}
	return m.eval.value(attr.Expr)
}

// String evaluates an attribute to a usable string.
func (m *Model) String(attr *hclext.Attribute) (string, bool) {
	return stringValue(m.Value(attr))
}

// HostCalls is the number of EvaluateExpr round trips made so far.
func (m *Model) HostCalls() int { return m.eval.hostCalls }

// File returns the parsed file, for fixes that need the full syntax tree.
func (m *Model) File(name string) (*hcl.File, error) {
	if f, ok := m.files[name]; ok {
		return f, nil
	}
	f, err := m.host.GetFile(name)
	if err != nil {
		return nil, err
	}
	m.files[name] = f
	return f, nil
}

// ParametersNamed returns the group's parameter blocks whose name evaluates to name.
func (m *Model) ParametersNamed(g *ParameterGroup, name string) []*Parameter {
	var found []*Parameter
	for _, p := range g.Parameters {
		if n, ok := m.String(p.Name); ok && n == name {
			found = append(found, p)
		}
	}
	return found
}

// HasUnresolvedParameters reports whether some parameter of the group cannot
// be read: a name that is not known, or a "dynamic" block the host could
// not expand (unknown for_each). A missing parameter is then not certain.
func (m *Model) HasUnresolvedParameters(g *ParameterGroup) bool {
	for _, p := range g.Parameters {
		if _, ok := m.String(p.Name); !ok {
			return true
		}
	}
	raw := m.rawGroup(g)
	if raw == nil {
		return true
	}
	for _, d := range raw.Body.Blocks {
		if d.Type == "dynamic" && len(d.Labels) == 1 && d.Labels[0] == "parameter" && !m.expandedFrom(g, d) {
			return true
		}
	}
	return false
}

func (m *Model) expandedFrom(g *ParameterGroup, dynamic *hclext.Block) bool {
	for _, p := range g.Parameters {
		// The host gives blocks made by "dynamic" the dynamic block's DefRange.
		if keyOf(p.Block.DefRange) == keyOf(dynamic.DefRange) {
			return true
		}
	}
	return false
}

// rawGroup returns the group's block as written, "dynamic" blocks unexpanded.
func (m *Model) rawGroup(g *ParameterGroup) *hclext.Block {
	return m.rawGroups[keyOf(g.Block.DefRange)]
}

// local returns a local value's definition, loading all of them on first use.
func (m *Model) local(name string) *hclext.Attribute {
	if m.locals == nil {
		m.locals = map[string]*hclext.Attribute{}
		content, err := m.host.GetModuleContent(localsSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil
		}
		for _, block := range content.Blocks {
			for n, attr := range block.Body.Attributes {
				m.locals[n] = attr
			}
		}
	}
	return m.locals[name]
}
