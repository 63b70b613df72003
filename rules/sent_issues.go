package rules

import (
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
)

// sentIssues remembers the issues sent from called modules. tflint checks
// each instance of a module call with count or for_each as a module of its
// own, and reports an issue of each on the same caller argument: the user
// would see one finding as many times as the module has instances. Every
// instance of a call has the same module path (tflint's paths carry no
// keys), so an issue is sent once per path, rule, range and message.
// tflint checks the instances in parallel, hence the lock.
type sentIssues struct {
	mu   sync.Mutex
	sent map[sentIssue]bool
}

type sentIssue struct {
	module, rule, message string
	at                    rangeKey
}

func newSentIssues() *sentIssues { return &sentIssues{sent: map[sentIssue]bool{}} }

// first records an issue of a called module and tells whether it is new.
func (s *sentIssues) first(module []string, rule, message string, rng hcl.Range) bool {
	if s == nil {
		return true
	}
	key := sentIssue{module: strings.Join(module, "\x00"), rule: rule, message: message, at: keyOf(rng)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sent[key] {
		return false
	}
	s.sent[key] = true
	return true
}
