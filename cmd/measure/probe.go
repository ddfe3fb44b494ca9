//go:build linux

package main

// probeSource is a small program built against each tree measured (laid
// over it with go build -overlay): it records payments as the Dues tab's
// form does, one transaction each, and reports the bytes the process wrote
// (bbolt writes whole 4 KiB pages: data pages, then the meta page).
const probeSource = `package main

import (
	"fmt"
	"os"
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
}
`
