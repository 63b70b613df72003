package main

import "testing"

// The warm-up finds the protocol's message types by their protobuf package:
// if the SDK renamed it, the warm-up would silently prepare nothing.
func TestWarmUpPreparesTheSDKProtocolMessages(t *testing.T) {
	if got := warmUp(); got < 50 {
		t.Fatalf("warm-up prepared %d message types of the SDK's protocol, want the SDK's ~100", got)
	}
}
