package demo

import (
	"errors"
	"slices"
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

// failLoad makes the last transaction of Load fail, as a crash or a full
// disk would, after the earlier transactions committed.
var failLoad bool

var errFailLoad = errors.New("load interrupted by the test")

// interruptLoad adds a generator, before the books, that fails while
// failLoad is set.
func interruptLoad(t *testing.T) {
	old := generators
	generators = slices.Insert(slices.Clone(old), len(old)-1, extra{"test interruption", func(*storage.Batch, World) error {
		if failLoad {
			return errFailLoad
		}
		return nil
	}})
	t.Cleanup(func() { generators = old })
}

// withTxRecords runs Load's transactions n records large during a test.
func withTxRecords(t *testing.T, n int) {
	old := txRecords
	txRecords = n
	t.Cleanup(func() { txRecords = old })
}

// books is what two loads must agree on.
type books struct {
	balance  model.Money
	months   []storage.Collection
	ledger   int
	last     storage.LedgerLine
	payments []model.DuesPayment
}

func booksOf(t *testing.T, s *storage.Store) books {
	t.Helper()
	var b books
	var err error
	if b.balance, err = s.Balance(); err != nil {
		t.Fatal(err)
	}
	if b.months, err = s.CollectionByMonth(2026); err != nil {
		t.Fatal(err)
	}
	lines, err := s.Ledger(storage.LedgerFilter{})
	if err != nil || len(lines) == 0 {
		t.Fatalf("ledger %d %v", len(lines), err)
	}
	b.ledger, b.last = len(lines), lines[len(lines)-1]
	ms, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Member{ms[0], ms[len(ms)/2], ms[len(ms)-1]} {
		ps, err := s.MemberPayments(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		b.payments = append(b.payments, ps...)
	}
	return b
}

func sameBooks(t *testing.T, a, b books) {
	t.Helper()
	if a.balance != b.balance || a.ledger != b.ledger || len(a.payments) != len(b.payments) {
		t.Fatalf("balance %v / %v, %d / %d entries, %d / %d payments", a.balance, b.balance, a.ledger, b.ledger, len(a.payments), len(b.payments))
	}
	for i := range a.months {
		if a.months[i] != b.months[i] {
			t.Errorf("month %d: %+v / %+v", i, a.months[i], b.months[i])
		}
	}
	la, lb := a.last, b.last // all but the time of writing
	if la.ID != lb.ID || la.VoucherNo != lb.VoucherNo || la.Amount != lb.Amount || la.Balance != lb.Balance || la.Memo != lb.Memo {
		t.Errorf("last entry %+v / %+v", la, lb)
	}
	for i := range a.payments {
		pa, pb := a.payments[i], b.payments[i]
		if pa.ID != pb.ID || pa.ReceiptNo != pb.ReceiptNo || pa.Amount != pb.Amount || pa.From != pb.From || pa.LedgerID != pb.LedgerID || pa.ReversalOf != pb.ReversalOf {
			t.Errorf("payment %+v / %+v", pa, pb)
		}
	}
}

func mustCheck(t *testing.T, s *storage.Store) {
	t.Helper()
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// TestLoadInManyTransactionsIsTheSame: a load cut into many transactions
// writes the same books as one transaction, and they pass the check.
func TestLoadInManyTransactionsIsTheSame(t *testing.T) {
	opts := Options{Seed: 4, Members: 1200, Today: 20260930}
	one := openTemp(t)
	if err := Load(one, opts); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, one)

	withTxRecords(t, 2000)
	many := openTemp(t)
	if err := Load(many, opts); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, many)
	if name, err := many.InterruptedLoad(); name != "" || err != nil {
		t.Errorf("still marked %q %v", name, err)
	}
	sameBooks(t, booksOf(t, one), booksOf(t, many))
}

// TestInterruptedLoadIsReloaded: a load that stops after some of its
// transactions leaves a marked database, which the check reports and the
// next Load empties and fills again.
func TestInterruptedLoadIsReloaded(t *testing.T) {
	opts := Options{Seed: 4, Members: 1200, Today: 20260930}
	withTxRecords(t, 2000)
	interruptLoad(t)
	s := openTemp(t)
	failLoad = true
	err := Load(s, opts)
	failLoad = false
	if !errors.Is(err, errFailLoad) {
		t.Fatalf("interrupted load: %v", err)
	}
	if name, _ := s.InterruptedLoad(); name != loadName {
		t.Fatalf("marked %q", name)
	}
	if empty, _ := s.IsEmpty(); empty {
		t.Fatal("the committed transactions are gone")
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || r.Problems[0].Key != "check.load_interrupted" {
		t.Fatalf("check of an interrupted load: %v", r.Problems)
	}

	if err := Load(s, opts); err != nil {
		t.Fatalf("reload: %v", err)
	}
	mustCheck(t, s)
	fresh := openTemp(t)
	if err := Load(fresh, opts); err != nil {
		t.Fatal(err)
	}
	sameBooks(t, booksOf(t, fresh), booksOf(t, s))
	if ms, _ := s.Members(); len(ms) != 1200 {
		t.Errorf("%d members after the reload", len(ms))
	}
}

// TestResetRefusesAnUnmarkedDatabase: only an interrupted load is emptied.
func TestResetRefusesAnUnmarkedDatabase(t *testing.T) {
	s := openTemp(t)
	if err := Load(s, Options{Seed: 2, Members: 50}); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetInterruptedLoad(loadName); err == nil {
		t.Fatal("reset a finished load")
	}
	if ms, _ := s.Members(); len(ms) != 50 {
		t.Errorf("%d members", len(ms))
	}
}
