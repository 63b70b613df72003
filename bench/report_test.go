package main

import (
	"math"
	"testing"
)

func runs(seconds ...float64) []sample {
	out := make([]sample, len(seconds))
	for i, s := range seconds {
		out[i] = sample{seconds: s}
	}
	return out
}

// A slow round slows every variant of it; the paired excess sees through
// it where the medians of whole variants do not.
func TestPairedExcessComparesRunsOfTheSameRound(t *testing.T) {
	r := result{
		scenario: scenario{variants: []variant{without, with, bound}},
		runs: map[variant][]sample{
			without: runs(10, 10, 20, 20, 20),
			with:    runs(12, 12, 24, 24, 24.2),
			bound:   runs(11.9, 11.9, 23.8, 23.8, 23.8),
		},
	}
	if got := r.pairedExcess(with, bound); math.Abs(got-0.01) > 1e-9 {
		t.Errorf("paired excess = %v, want 0.01", got)
	}
	if got := r.timeRatio(with) - r.timeRatio(bound); math.Abs(got-0.01) > 1e-9 {
		t.Errorf("difference of the medians' ratios = %v, want 0.01 here too", got)
	}
	r.runs[with] = runs(12, 24, 24, 24, 24.2) // round 2 of the plugin was slow
	if got := r.pairedExcess(with, bound); math.Abs(got-0.01) > 1e-9 {
		t.Errorf("paired excess with one slow run = %v, want still 0.01", got)
	}
}

func TestPairedRatioIsTheMedianOfTheRoundsRatios(t *testing.T) {
	r := result{
		scenario: scenario{variants: []variant{with, fixing}},
		runs: map[variant][]sample{
			with:   runs(1, 1, 2, 2, 1),
			fixing: runs(3, 2.9, 5.8, 7, 2.8),
		},
	}
	if got := r.pairedRatio(fixing); math.Abs(got-2.9) > 1e-9 {
		t.Errorf("paired ratio = %v, want 2.9", got)
	}
}

func TestBudgetsAreJudgedByThePairedFigures(t *testing.T) {
	r := result{
		scenario: scenario{name: "1000", variants: []variant{without, with, floor, bound}},
		runs: map[variant][]sample{
			without: runs(10, 10, 20, 20, 20),
			with:    runs(11.5, 11.5, 23, 23, 23),
			floor:   runs(10, 10, 20, 20, 20),
			bound:   runs(11, 11, 22, 22, 22),
		},
	}
	if b := budgets([]result{r}, false); len(b) != 1 || !b[0].met {
		t.Errorf("excess 0.05 over the bound: %+v, want met", b)
	}
	r.runs[with] = runs(11.6, 11.6, 23.2, 23.2, 23.2)
	if b := budgets([]result{r}, false); len(b) != 1 || b[0].met {
		t.Errorf("excess 0.06 over the bound: %+v, want not met", b)
	}
}
