package main

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
)

// sdkProtocolPrefix names the message types of the plugin protocol, which
// tflint-plugin-sdk registers under the protobuf package "proto".
const sdkProtocolPrefix = "proto."

// warmUp does, while tflint is still starting its plugins, the one-time work
// that the first host answers of a check would otherwise pay for: protobuf
// builds each message type's codec on its first use, and HCL's parser runs
// cold. It takes about 2 ms off each module's check (see BENCHMARKS.md),
// which a --recursive run pays once per module. It returns the number of
// message types it prepared.
func warmUp() (prepared int) {
	// A warm-up that failed must cost the run nothing, least of all the plugin.
	defer func() { _ = recover() }()
	protoregistry.GlobalTypes.RangeMessages(func(mt protoreflect.MessageType) bool {
		if strings.HasPrefix(string(mt.Descriptor().FullName()), sdkProtocolPrefix) {
			encoded, _ := proto.Marshal(mt.New().Interface())
			_ = proto.Unmarshal(encoded, mt.New().Interface())
			prepared++
		}
		return true
	})
	_, _ = hclsyntax.ParseExpression([]byte("[\"a\", var.b, c.d.e, 1, true]\n"), "warm_up.tf", hcl.InitialPos)
	return prepared
}
