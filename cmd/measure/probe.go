//go:build linux

package main

// probeSource is a small program built against each tree measured (laid
// over it with go build -overlay): it records payments as the Dues tab's
// form does, one transaction each, then one unit's month as a batch (one
// transaction for all its members), and reports the bytes the process
// wrote for each (bbolt writes whole 4 KiB pages: data pages, then the
// meta page).
const probeSource = `package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

func written() int64 {
	b, _ := os.ReadFile("/proc/self/io")
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "wchar: "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}

func main() {
	n, _ := strconv.Atoi(os.Args[2])
	s, err := storage.Open(os.Args[1], storage.Options{NoDailyBackup: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()
	ar, err := s.Arrears(model.Today().Month(), 1)
	if err != nil || len(ar) == 0 {
		fmt.Fprintln(os.Stderr, "no arrears to pay", err)
		os.Exit(1)
	}
	rules, _ := s.DuesRules()
	i, k := 0, 0
	// pay records one month's dues of the next member in arrears; a month
	// paid in part (refused as an overpayment) is passed over: its refusal
	// writes nothing.
	pay := func() {
		for tries := 0; ; tries++ {
			a := ar[i%len(ar)]
			if k >= len(a.Months) {
				i, k = i+1, 0
				a = ar[i%len(ar)]
			}
			m, _ := s.Member(a.MemberID)
			mo := a.Months[k]
			k++
			p := model.DuesPayment{MemberID: a.MemberID, From: mo, To: mo, Amount: max(1, rules.Monthly(m.BaseFor(mo))),
				Date: model.Today(), Method: model.PayMobile}
			err := s.RecordPayment("probe", &p)
			if err == nil {
				return
			}
			if tries > 1000 {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			i, k = i+1, 0
		}
	}
	for range 3 { // the first commits after opening may differ
		pay()
	}
	w0, t0 := written(), time.Now()
	for range n {
		pay()
	}
	fmt.Println(n, written()-w0, time.Since(t0).Nanoseconds())
	// one unit's month handed over at once (a batch: one transaction): of
	// the units whose dues this federation keeps and whose members owe this
	// month, the median by the members owing
	units, _ := s.Units()
	mo := model.Today().Month()
	type owing struct {
		unit uint64
		plan storage.BatchPlan
	}
	var all []owing
	for _, u := range units {
		p, err := s.BatchPreview(u.ID, mo, mo)
		if err == nil && len(p.Lines) > 0 {
			all = append(all, owing{u.ID, p})
		}
	}
	if len(all) == 0 {
		fmt.Println(0, 0, 0)
		return
	}
	sort.Slice(all, func(i, j int) bool { return len(all[i].plan.Lines) < len(all[j].plan.Lines) })
	unit, plan := all[len(all)/2].unit, all[len(all)/2].plan
	w0, t0 = written(), time.Now()
	paid, err := s.RecordBatch("probe", storage.DuesBatch{UnitID: unit, From: mo, To: mo, Date: model.Today(),
		Method: model.PayPayroll, Lines: plan.Lines})
	if err != nil {
		fmt.Fprintln(os.Stderr, "batch:", err)
		os.Exit(1)
	}
	fmt.Println(len(paid), written()-w0, time.Since(t0).Nanoseconds())
}
`
