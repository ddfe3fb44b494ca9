// Command measure times UnionBook the way its user waits for it: whole
// processes on the 10,000, 100,000 and 300,000-member demo townships (start
// to the first frame, start to the member rows, a search keystroke, peak
// memory after every tab, stats, demo, export, pages written per payment on
// its own and in a unit's batch, file size per member), and prints the
// table of issue 18.
//
// It builds the program from a source tree, builds the demos once per tree
// (cached under -cache between runs) and, with -before DIR, measures an
// older tree the same way, alternating runs of the two and reporting medians:
//
//	git worktree add /tmp/ub-before 893669d
//	go run ./cmd/measure -before /tmp/ub-before -runs 5
//
// It is a developer's tool, not part of the program, and runs on Linux only
// (a pseudo-terminal, /proc).
package main
