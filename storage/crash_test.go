package storage

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"unionbook/model"
)

// The crash test: a child process (this test binary again, with
// UNIONBOOK_CRASH_CHILD set) writes in a loop and prints a line for each
// write after its transaction committed; the parent kills it with SIGKILL
// at a random moment, reopens the database, runs the integrity check and
// verifies that every write the child reported is there. Member creations
// and status changes are always written; dues batches too once the dues
// API is implemented (the child probes it once at start and recovers the
// stub's panic), and then a batch the child had begun but not reported
// must be either whole or absent.
//
// go test ./storage -run TestCrash -v prints the figures.

const crashChildEnv = "UNIONBOOK_CRASH_CHILD"

// crashKillsEnv sets the number of kills (20 by default, a few seconds):
// UNIONBOOK_CRASH_KILLS=500 go test ./storage -run TestCrash -v
const crashKillsEnv = "UNIONBOOK_CRASH_KILLS"

func TestCrash(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		os.Exit(0)
	}
	kills := envInt(t, crashKillsEnv, 20)
	dir := t.TempDir()
	path := filepath.Join(dir, "crash.db")
	s, err := Open(path, Options{Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	seedCrash(t, s)
	s.Close()

	members := map[uint64]string{} // id → member number, every reported creation
	statuses := map[uint64]int{}   // id → history length reported
	payments := map[uint64]bool{}  // reported payment IDs
	var dues bool
	var batchesWhole, batchesAbsent, batchesReported int
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Now()
	reported := 0
	for i := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrash$", "-test.v=false")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Kill after the first committed write plus 0-40 ms.
		var got []string
		first := true
		timer := time.NewTimer(10 * time.Second)
	read:
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					break read
				}
				got = append(got, l)
				if first && strings.HasPrefix(l, "M ") {
					first = false
					timer.Reset(time.Duration(rng.IntN(40000)) * time.Microsecond)
				}
			case <-timer.C:
				cmd.Process.Signal(syscall.SIGKILL)
				timer.Reset(time.Hour)
				// drain what was printed before the kill
				for l := range lines {
					got = append(got, l)
				}
				break read
			}
		}
		cmd.Wait()
		if first {
			t.Fatalf("kill %d: the child never wrote (%v)", i, got)
		}

		var begun []string // the last batch begun and not reported
		for _, l := range got {
			f := strings.Fields(l)
			switch f[0] {
			case "M":
				members[atou(f[1])] = f[2]
				reported++
			case "S":
				statuses[atou(f[1])] = atoi(f[2])
				reported++
			case "DUES":
				dues = true
			case "BEGIN":
				begun = f
			case "X":
				begun = nil
			case "B":
				for _, id := range f[2:] {
					payments[atou(id)] = true
				}
				begun = nil
				reported++
				batchesReported++
			}
		}

		s, err := Open(path, Options{Now: time.Now})
		if err != nil {
			t.Fatalf("kill %d: open after SIGKILL: %v", i, err)
		}
		r, err := s.Check()
		if err != nil || !r.OK() {
			t.Fatalf("kill %d: check: %v %v", i, err, r.Problems)
		}
		for id, no := range members {
			m, err := s.Member(id)
			if err != nil || m.No != no {
				t.Fatalf("kill %d: member %d (%s) reported committed: %v %q", i, id, no, err, m.No)
			}
		}
		for id, n := range statuses {
			m, err := s.Member(id)
			if err != nil || len(m.History) < n {
				t.Fatalf("kill %d: member %d's status change %d reported committed: %v, history %d", i, id, n, err, len(m.History))
			}
		}
		for id := range payments {
			if _, err := s.Payment(id); err != nil {
				t.Fatalf("kill %d: payment %d reported committed: %v", i, id, err)
			}
		}
		if begun != nil {
			// BEGIN <month> <member IDs>: all of them paid the month, or none.
			month := model.Month(atoi(begun[1]))
			paid := 0
			for _, id := range begun[2:] {
				pm, err := s.PaidMonths(atou(id))
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := pm[month]; ok {
					paid++
				}
			}
			switch paid {
			case 0:
				batchesAbsent++
			case len(begun) - 2:
				batchesWhole++
			default:
				t.Fatalf("kill %d: a batch of %d payments for %s is partly written: %d", i, len(begun)-2, month, paid)
			}
		}
		s.Close()
	}
	t.Logf("crash test: %d SIGKILLs in %v; %d reported writes verified (%d members, %d status changes, %d batches, %d payments); dues exercised: %v; interrupted batches whole %d, absent %d",
		kills, time.Since(start).Round(time.Millisecond), reported, len(members), len(statuses), batchesReported, len(payments), dues, batchesWhole, batchesAbsent)
}

func atou(s string) uint64 { n, _ := strconv.ParseUint(s, 10, 64); return n }
func atoi(s string) int    { n, _ := strconv.Atoi(s); return n }

func seedCrash(t *testing.T, s *Store) {
	t.Helper()
	if err := s.SaveProfile("crash", model.Profile{UnionName: "崩溃测试工会", DuesRateBP: 50}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"甲公司工会", "乙公司工会"} {
		if err := s.CreateUnit("crash", testUnit(name)); err != nil {
			t.Fatal(err)
		}
	}
}

// duesAvailable probes the dues API once: the stubs panic.
func duesAvailable(s *Store) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := s.DuesRules()
	return err == nil
}

// crashChild writes until it is killed.
func crashChild(path string) {
	s, err := Open(path, Options{Now: time.Now})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child open:", err)
		os.Exit(3)
	}
	w := bufio.NewWriterSize(os.Stdout, 0) // each line one write
	say := func(format string, args ...any) {
		fmt.Fprintf(w, format+"\n", args...)
		w.Flush()
	}
	units, _ := s.Units()
	dues := duesAvailable(s)
	if dues {
		say("DUES")
	}
	all, _ := s.Members()
	base := len(all)
	month := model.Month(202401 + len(all)%12)
	for i := 0; ; i++ {
		u := units[i%len(units)]
		k := base + i // unique across children: the members already there
		birth := model.DateOf(time.Date(1980, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, k/500))
		m := testMember(fmt.Sprintf("测试%d", k), residentID("110101", birth, 2*(k%500)+1), u.ID)
		if err := s.CreateMember("crash", m); err != nil {
			fmt.Fprintln(os.Stderr, "child create:", err)
			os.Exit(3)
		}
		say("M %d %s", m.ID, m.No)
		if i%3 == 2 {
			got, err := s.ChangeStatus("crash", m.ID, model.StatusChange{Date: 20240101, To: model.StatusRetained, Reason: "测试"})
			if err == nil {
				say("S %d %d", m.ID, len(got.History))
			}
		}
		if dues && i%4 == 3 {
			dues = crashBatch(s, u.ID, month, say)
			month = month.Add(1)
		}
	}
}

// crashBatch records one unit-month batch; false when the dues code panics.
func crashBatch(s *Store, unitID uint64, month model.Month, say func(string, ...any)) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	plan, err := s.BatchPreview(unitID, month, month)
	lines := plan.Lines
	if err != nil || len(lines) == 0 {
		return true
	}
	ids := make([]string, len(lines))
	for i := range lines {
		if lines[i].Amount <= 0 {
			lines[i].Amount = 100
		}
		ids[i] = strconv.FormatUint(lines[i].MemberID, 10)
	}
	say("BEGIN %d %s", int(month), strings.Join(ids, " "))
	ps, err := s.RecordBatch("crash", DuesBatch{UnitID: unitID, From: month, To: month, Date: 20240601, Method: model.PayCash, Lines: lines})
	if err != nil {
		say("X %v", strings.ReplaceAll(err.Error(), "\n", " "))
		return true
	}
	pids := make([]string, len(ps))
	for i, p := range ps {
		pids[i] = strconv.FormatUint(p.ID, 10)
	}
	say("B %d %s", int(month), strings.Join(pids, " "))
	return true
}
