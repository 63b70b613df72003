package rules

import (
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

const (
	clusterType                = "aws_neptune_cluster"
	clusterParameterGroupType  = "aws_neptune_cluster_parameter_group"
	instanceParameterGroupType = "aws_neptune_parameter_group"
	clusterInstanceType        = "aws_neptune_cluster_instance"
	globalClusterType          = "aws_neptune_global_cluster"
	logGroupType               = "aws_cloudwatch_log_group"
)

// modelTypes are the resource types the model keeps.
var modelTypes = map[string]bool{
	clusterType:                true,
	clusterParameterGroupType:  true,
	instanceParameterGroupType: true,
	clusterInstanceType:        true,
	logGroupType:               true,
	globalClusterType:          true,
}

// The attributes and blocks every rule reads, fetched in one host call.
// count, for_each and "dynamic" tell whether the host must expand blocks.
var resourceSchema = &hclext.BodySchema{
	Attributes: []hclext.AttributeSchema{
		{Name: "count"},
		{Name: "for_each"},
		{Name: "enable_cloudwatch_logs_exports"},
		{Name: "enabled_cloudwatch_logs_exports"},
		{Name: "neptune_cluster_parameter_group_name"},
		{Name: "neptune_parameter_group_name"},
		{Name: "cluster_identifier"},
		{Name: "engine_version"},
		{Name: "family"},
		{Name: "storage_encrypted"},
		{Name: "deletion_protection"},
		{Name: "backup_retention_period"},
		{Name: "iam_database_authentication_enabled"},
		{Name: "copy_tags_to_snapshot"},
		{Name: "snapshot_identifier"},
		{Name: "global_cluster_identifier"},
		{Name: "source_db_cluster_identifier"},
		{Name: "publicly_accessible"},
		{Name: "availability_zone"},
		{Name: "kms_key_arn"},
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
// them; names are fetched only when a rule needs one.
var namesSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "name"}},
	}},
}}

// Where a resource is created: every resource type has these, so they are
// fetched, as written, only when a fix creates a resource beside another.
var placementSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "provider"}, {Name: "region"}},
	}},
}}

// The arguments of dynamic blocks, read as written and only when a rule
// needs them: with the model's first read, the host would evaluate the
// for_each of every dynamic block of every resource type.
var dynamicsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{
		Blocks: []hclext.BlockSchema{{Type: "dynamic", LabelNames: []string{"name"}, Body: &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "for_each"}, {Name: "iterator"}},
		}}},
	}},
}}

// Locals are read as written, unexpanded: expanding them would make the host
// evaluate every local, and fail the whole call on one circular reference.
var localsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "locals", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
}}

// Module calls are read as written, only to see what they are passed.
var moduleCallsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
	{Type: "module", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
}}

// Model is what the rules know about one module: its Neptune resources
// (one entry per count/for_each instance), its locals, and lazily evaluated
// values. It is built once per module run and read by every rule.
type Model struct {
	Clusters                []*Resource
	ClusterInstances        []*Resource
	LogGroups               []*Resource
	GlobalClusters          []*Resource
	ClusterParameterGroups  []*ParameterGroup
	InstanceParameterGroups []*ParameterGroup

	byAddress  map[string][]*Resource // "type.name": the instances of a block
	groups     map[*Resource]*ParameterGroup
	locals     map[string]*hclext.Attribute
	calledWith []*hclext.Attribute // the arguments of the module's module calls, once read
	eval       *evaluator
	host       tflint.Runner
	files      map[string]*hcl.File
	rawBlocks  map[rangeKey]*hclext.Block
	isExpanded bool
	unexpanded bool // some blocks are kept as written: see keepUnexpandable
	exprs      map[rangeKey]hcl.Expression
	owners     map[rangeKey]exprOwner
	// groupHeaders finds a group by the range of its header.
	groupHeaders map[rangeKey]*ParameterGroup
	names        map[rangeKey][]*hclext.Attribute
	placements   map[rangeKey]map[string]*hclext.Attribute
	dynamics     map[rangeKey]map[string]*hclext.Attribute
	users        map[rangeKey][]string
	groupRefs    map[*Resource]GroupRef
	calls        int // host calls other than evaluations, for the cost guard
	visiting     *Resource

	// For fixes: where the resources of each file start, the files' text and
	// their parsed pieces (see syntaxBlock).
	topLevel     map[string][]hcl.Pos
	sources      map[string][]byte
	syntaxBlocks map[rangeKey]blockIndex
}

// Resource is one instance of a resource block.
type Resource struct {
	Type, Name string
	Block      *hclext.Block
	Instance   int // index among the instances of its block
}

// ParameterGroup is a cluster or instance parameter group with its
// parameter blocks, "dynamic" ones already expanded by the host.
type ParameterGroup struct {
	*Resource
	Parameters []*Parameter
}

// IsCluster tells a cluster parameter group from an instance one.
func (g *ParameterGroup) IsCluster() bool { return g.Type == clusterParameterGroupType }

// Parameter is one parameter block of a parameter group.
type Parameter struct {
	Block                    *hclext.Block
	Name, Value, ApplyMethod *hclext.Attribute
	Generated                bool // made by a "dynamic" block, so not editable on its own
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
	return readModel(host, newEvaluator(host))
}

// reloadModel reads the module again after --fix changed it, keeping the
// values of variables and locals the previous model fetched from the host:
// no fix edits them.
func reloadModel(host tflint.Runner, refs map[string]cty.Value) (*Model, error) {
	eval := newEvaluator(host)
	eval.refs = refs
	return readModel(host, eval)
}

func readModel(host tflint.Runner, eval *evaluator) (*Model, error) {
	raw, err := host.GetModuleContent(moduleSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	m := &Model{
		byAddress: map[string][]*Resource{},
		groups:    map[*Resource]*ParameterGroup{},
		groupRefs: map[*Resource]GroupRef{},
		eval:      eval,
		host:      host,
		files:     map[string]*hcl.File{},
		rawBlocks: map[rangeKey]*hclext.Block{},
	}
	m.calls++
	content := raw
	if needsExpansion(raw) {
		m.calls++
		content, m.isExpanded = expanded(host, raw)
	}
	for _, block := range raw.Blocks {
		if len(block.Labels) == 2 && modelTypes[block.Labels[0]] {
			m.rawBlocks[keyOf(block.DefRange)] = block
		}
	}
	m.topLevel = topLevelStarts(raw)
	for _, block := range content.Blocks {
		m.addResource(block)
	}
	if m.isExpanded {
		m.keepUnexpandable(raw, content)
	}
	for _, r := range m.resources() {
		wantReferences(eval, r.Block.Body)
	}
	return m, nil
}

// wantReferences tells the evaluator every variable and local the body's
// attributes use, so that the first one a rule needs brings them all.
func wantReferences(eval *evaluator, body *hclext.BodyContent) {
	if body == nil {
		return
	}
	for _, attr := range body.Attributes {
		eval.want(attr.Expr)
	}
	for _, block := range body.Blocks {
		wantReferences(eval, block.Body)
	}
}

// topLevelStarts returns where the resources of each native file start, in
// order.
func topLevelStarts(raw *hclext.BodyContent) map[string][]hcl.Pos {
	starts := map[string][]hcl.Pos{}
	for _, block := range raw.Blocks {
		if name := block.TypeRange.Filename; !isJSONFile(name) {
			starts[name] = append(starts[name], block.TypeRange.Start)
		}
	}
	for _, s := range starts {
		sort.Slice(s, func(i, j int) bool { return s[i].Byte < s[j].Byte })
	}
	return starts
}

// keepUnexpandable adds, as written, the blocks the host dropped while
// expanding because their count or for_each is unknown, as in a module
// linted on its own: what they write out still deserves a check. A block
// whose known count or for_each makes no instance stays out.
func (m *Model) keepUnexpandable(raw, content *hclext.BodyContent) {
	expanded := map[rangeKey]bool{}
	for _, block := range content.Blocks {
		expanded[keyOf(block.DefRange)] = true
	}
	for _, block := range raw.Blocks {
		if len(block.Labels) != 2 || !modelTypes[block.Labels[0]] || expanded[keyOf(block.DefRange)] {
			continue
		}
		repetition := block.Body.Attributes["count"]
		if repetition == nil {
			repetition = block.Body.Attributes["for_each"]
		}
		if repetition != nil && !m.Value(repetition).IsWhollyKnown() {
			m.addResource(block)
			m.unexpanded = true
		}
	}
}

func needsExpansion(raw *hclext.BodyContent) bool {
	for _, block := range raw.Blocks {
		if len(block.Labels) != 2 || !modelTypes[block.Labels[0]] {
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

// NameOf returns the "name" attribute of a resource instance, or nil.
func (m *Model) NameOf(r *Resource) *hclext.Attribute {
	if m.names == nil {
		m.names = m.loadNames()
		m.exprs = nil // built without the names
	}
	names := m.names[keyOf(r.Block.DefRange)]
	if r.Instance < len(names) {
		return names[r.Instance]
	}
	return nil
}

// loadNames fetches every name in one host call, expanded the same way as
// the model so that instance i of a counted block gets its own.
func (m *Model) loadNames() map[rangeKey][]*hclext.Attribute {
	names := map[rangeKey][]*hclext.Attribute{}
	option := &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}
	if m.isExpanded {
		option = nil
	}
	m.calls++
	content, err := m.host.GetModuleContent(namesSchema, option)
	if err != nil {
		return names
	}
	addNames(names, content)
	if m.unexpanded {
		// The blocks kept as written got no name from the expanded read.
		m.calls++
		if written, err := m.host.GetModuleContent(namesSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}); err == nil {
			for key, attrs := range collectNames(written) {
				if _, ok := names[key]; !ok {
					names[key] = attrs
				}
			}
		}
	}
	return names
}

// Placement returns the provider and region arguments of a resource's
// block as written, fetching those of every block in one host call.
func (m *Model) Placement(r *Resource) map[string]*hclext.Attribute {
	if m.placements == nil {
		m.placements = map[rangeKey]map[string]*hclext.Attribute{}
		m.calls++
		content, err := m.host.GetModuleContent(placementSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil
		}
		for _, b := range content.Blocks {
			if len(b.Labels) == 2 && modelTypes[b.Labels[0]] {
				m.placements[keyOf(b.DefRange)] = b.Body.Attributes
			}
		}
	}
	return m.placements[keyOf(r.Block.DefRange)]
}

// DynamicArgument returns the for_each or iterator argument of a dynamic
// block, fetching those of every dynamic block in one host call.
func (m *Model) DynamicArgument(dynamic *hclext.Block, name string) *hclext.Attribute {
	if m.dynamics == nil {
		m.dynamics = map[rangeKey]map[string]*hclext.Attribute{}
		m.calls++
		content, err := m.host.GetModuleContent(dynamicsSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil
		}
		for _, b := range content.Blocks {
			if len(b.Labels) != 2 || !modelTypes[b.Labels[0]] {
				continue
			}
			for _, d := range b.Body.Blocks {
				m.dynamics[keyOf(d.DefRange)] = d.Body.Attributes
			}
		}
	}
	return m.dynamics[keyOf(dynamic.DefRange)][name]
}

func collectNames(content *hclext.BodyContent) map[rangeKey][]*hclext.Attribute {
	names := map[rangeKey][]*hclext.Attribute{}
	addNames(names, content)
	return names
}

func addNames(names map[rangeKey][]*hclext.Attribute, content *hclext.BodyContent) {
	for _, b := range content.Blocks {
		if len(b.Labels) == 2 && modelTypes[b.Labels[0]] {
			key := keyOf(b.DefRange)
			names[key] = append(names[key], b.Body.Attributes["name"])
		}
	}
}

func (m *Model) addResource(block *hclext.Block) {
	if len(block.Labels) != 2 || !modelTypes[block.Labels[0]] {
		return
	}
	r := &Resource{Type: block.Labels[0], Name: block.Labels[1], Block: block}
	address := r.Address()
	r.Instance = len(m.byAddress[address])
	m.byAddress[address] = append(m.byAddress[address], r)
	switch r.Type {
	case clusterType:
		m.Clusters = append(m.Clusters, r)
	case clusterInstanceType:
		m.ClusterInstances = append(m.ClusterInstances, r)
	case logGroupType:
		m.LogGroups = append(m.LogGroups, r)
	case globalClusterType:
		m.GlobalClusters = append(m.GlobalClusters, r)
	case clusterParameterGroupType:
		m.ClusterParameterGroups = append(m.ClusterParameterGroups, m.newGroup(r))
	case instanceParameterGroupType:
		m.InstanceParameterGroups = append(m.InstanceParameterGroups, m.newGroup(r))
	}
}

func (m *Model) newGroup(r *Resource) *ParameterGroup {
	g := &ParameterGroup{Resource: r}
	generated := m.dynamicParameterRanges(r)
	for _, p := range r.Block.Body.Blocks {
		if p.Type == "parameter" {
			attrs := p.Body.Attributes
			g.Parameters = append(g.Parameters, &Parameter{
				Block: p, Name: attrs["name"], Value: attrs["value"], ApplyMethod: attrs["apply_method"],
				Generated: generated[keyOf(p.DefRange)],
			})
		}
	}
	m.groups[r] = g
	return g
}

// dynamicParameterRanges returns the DefRanges of the group's dynamic
// "parameter" blocks: the host gives the blocks they make the same range.
func (m *Model) dynamicParameterRanges(r *Resource) map[rangeKey]bool {
	ranges := map[rangeKey]bool{}
	for _, d := range m.dynamicParameterBlocks(r) {
		ranges[keyOf(d.DefRange)] = true
	}
	return ranges
}

// dynamicParameterBlocks returns the dynamic "parameter" blocks of a
// resource as written.
func (m *Model) dynamicParameterBlocks(r *Resource) []*hclext.Block {
	if r == nil {
		return nil
	}
	raw := m.rawBlocks[keyOf(r.Block.DefRange)]
	if raw == nil {
		return nil
	}
	var found []*hclext.Block
	for _, d := range raw.Body.Blocks {
		if d.Type == "dynamic" && len(d.Labels) == 1 && d.Labels[0] == "parameter" {
			found = append(found, d)
		}
	}
	return found
}

// Instances returns the instances of the block with the given address.
func (m *Model) Instances(resourceType, name string) []*Resource {
	return m.byAddress[resourceType+"."+name]
}

// Group returns the parameter group of a resource instance of a group type.
func (m *Model) Group(r *Resource) *ParameterGroup { return m.groups[r] }

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

// HostCalls is the number of host round trips the model has made so far.
func (m *Model) HostCalls() int { return m.calls + m.eval.hostCalls }

// File returns the parsed file, for fixes that need the full syntax tree.
func (m *Model) File(name string) (*hcl.File, error) {
	if f, ok := m.files[name]; ok {
		return f, nil
	}
	m.calls++
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
// be read: a name that is not known, or a "dynamic" block that made no block
// while its for_each is not known to be empty (the host's expansion does not
// tell the two apart). A missing parameter is then not certain.
func (m *Model) HasUnresolvedParameters(g *ParameterGroup) bool {
	for _, p := range g.Parameters {
		if _, ok := m.String(p.Name); !ok {
			return true
		}
	}
	if m.rawBlocks[keyOf(g.Block.DefRange)] == nil {
		return true
	}
	made := map[rangeKey]bool{}
	for _, p := range g.Parameters {
		made[keyOf(p.Block.DefRange)] = true
	}
	for _, dynamic := range m.dynamicParameterBlocks(g.Resource) {
		if !made[keyOf(dynamic.DefRange)] && !m.makesNoBlock(dynamic) {
			return true
		}
	}
	return false
}

// makesNoBlock tells whether a dynamic block's for_each is known and empty.
func (m *Model) makesNoBlock(dynamic *hclext.Block) bool {
	v := m.Value(m.DynamicArgument(dynamic, "for_each"))
	if v == cty.NilVal || !v.IsWhollyKnown() || v.IsNull() || v.IsMarked() || !v.CanIterateElements() {
		return false
	}
	return v.LengthInt() == 0
}

// local returns a local value's definition, loading all of them on first use.
func (m *Model) local(name string) *hclext.Attribute {
	if m.locals == nil {
		m.locals = map[string]*hclext.Attribute{}
		m.calls++
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

// moduleCallArguments returns the arguments of every module call of the
// module, read from the host on first use.
func (m *Model) moduleCallArguments() []*hclext.Attribute {
	if m.calledWith == nil {
		m.calledWith = []*hclext.Attribute{}
		m.calls++
		content, err := m.host.GetModuleContent(moduleCallsSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return m.calledWith
		}
		for _, block := range content.Blocks {
			for _, attr := range block.Body.Attributes {
				m.calledWith = append(m.calledWith, attr)
			}
		}
	}
	return m.calledWith
}

// resources returns every resource instance of the model.
func (m *Model) resources() []*Resource {
	all := slices.Concat(m.Clusters, m.ClusterInstances, m.LogGroups, m.GlobalClusters)
	for _, g := range m.AllParameterGroups() {
		all = append(all, g.Resource)
	}
	return all
}

// AllParameterGroups returns the cluster parameter groups, then the instance ones.
func (m *Model) AllParameterGroups() []*ParameterGroup {
	all := make([]*ParameterGroup, 0, len(m.ClusterParameterGroups)+len(m.InstanceParameterGroups))
	return append(append(all, m.ClusterParameterGroups...), m.InstanceParameterGroups...)
}

// Visit records the resource a rule is checking, so that a crash can name it.
func (m *Model) Visit(r *Resource) { m.visiting = r }

// ModuleSchema is what the model reads from the host in its first call. The
// benchmark's bound plugin reads the same to price the protocol alone.
func ModuleSchema() *hclext.BodySchema { return moduleSchema }
