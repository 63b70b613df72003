package main

import (
	"fmt"
	"strings"
)

// The budgets of the plugin's cost, as ratios measured in one run.
const (
	maxTimeRatio      = 1.10
	maxMemoryRatio    = 1.10
	maxStartupRatio   = 1.25
	maxRecursiveRatio = 1.15
	maxGrowth         = 5.5 // 5,000 clusters against 1,000
)

func budgetFor(name string) float64 {
	switch name {
	case "startup":
		return maxStartupRatio
	case "recursive":
		return maxRecursiveRatio
	}
	return maxTimeRatio
}

func report(results []result) string {
	var sb strings.Builder
	sb.WriteString("| scenario | without plugin (median s) | with plugin (median s) | time ratio | pair ratios min-max | budget | peak memory ratio | floor plugin time / memory ratio | bound plugin time / memory ratio | result |\n")
	sb.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range results {
		lo, hi := pairRange(seconds(r.runs[with]), seconds(r.runs[without]))
		fmt.Fprintf(&sb, "| %s | %.2f | %.2f | %.3fx | %.2f-%.2f | <= %.2fx | %.3fx | %s | %s | %s |\n",
			r.name, median(seconds(r.runs[without])), median(seconds(r.runs[with])), r.timeRatio(with), lo, hi,
			budgetFor(r.name), r.memoryRatio(with), ratios(r, floor), ratios(r, bound), verdict(withinBudget(r)))
	}
	if small, large := find(results, "1000"), find(results, "5000"); small != nil && large != nil {
		growth := median(seconds(large.runs[with])) / median(seconds(small.runs[with]))
		fmt.Fprintf(&sb, "\nGrowth: 5,000 clusters take %.2fx the time of 1,000 with the plugin (budget <= %.1fx): %s\n", growth, maxGrowth, verdict(growth <= maxGrowth))
	}
	return sb.String()
}

func withinBudget(r result) bool {
	if r.timeRatio(with) > budgetFor(r.name) {
		return false
	}
	return r.name != "1000" || r.memoryRatio(with) <= maxMemoryRatio
}

func allWithinBudget(results []result) bool {
	for _, r := range results {
		if !withinBudget(r) {
			return false
		}
	}
	if small, large := find(results, "1000"), find(results, "5000"); small != nil && large != nil {
		return median(seconds(large.runs[with]))/median(seconds(small.runs[with])) <= maxGrowth
	}
	return true
}

func find(results []result, name string) *result {
	for i := range results {
		if results[i].name == name {
			return &results[i]
		}
	}
	return nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT MET"
}

// ratios shows the time and memory ratios of a variant.
func ratios(r result, v variant) string {
	return fmt.Sprintf("%.3fx / %.3fx", r.timeRatio(v), r.memoryRatio(v))
}
