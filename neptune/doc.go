// Package neptune holds the Amazon Neptune facts the ruleset checks against:
// the neptune_lab_mode grammar and feature catalog, parameter values, and the
// parameter group family that matches an engine version.
//
// It depends only on the standard library so that the rules stay thin and
// these facts can be tested and fuzzed on their own.
package neptune
