package district

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// importPkg loads a package into a new database and returns it.
func importPkg(t testing.TB, path string) *storage.Store {
	t.Helper()
	p, err := OpenVerified(context.Background(), path, Keys{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	st, err := storage.Open(filepath.Join(t.TempDir(), "in.db"), storage.Options{Now: func() time.Time { return pkgNow }, NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := ImportPackage(context.Background(), p, st); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return st
}

// Every kind of period loads and passes the check.
func TestPeriodPackagesLoadAndPassCheck(t *testing.T) {
	st := demoStore(t, 7, "", 300)
	for _, per := range []string{"2026-Q2", "2025", "2025-03", "2024-11..2025-02"} {
		in := importPkg(t, writePkg(t, st, per, nil).Path)
		rep, err := in.Check()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rep.Problems {
			t.Errorf("%s: %s", per, p.Localize(i18n.EN))
		}
	}
}

// periodFacts is what a test compares between the township and a period
// package loaded: the records dated in the period, by kind.
type periodFacts struct {
	payments, ledger, audit map[uint64]bool
	collected               map[model.Month]model.Money // dues paid by month of payment
	members                 map[uint64]model.Member
}

func factsOf(t *testing.T, st *storage.Store, p model.Period) periodFacts {
	t.Helper()
	f := periodFacts{payments: map[uint64]bool{}, ledger: map[uint64]bool{}, audit: map[uint64]bool{},
		collected: map[model.Month]model.Money{}, members: map[uint64]model.Member{}}
	in := func(d model.Date) bool { return d >= p.First() && d <= p.Last() }
	err := st.ReadRecords(func(r *storage.Records) error {
		if err := r.Payments(func(x *model.DuesPayment) error {
			if in(x.Date) {
				f.payments[x.ID] = true
				f.collected[x.Date.Month()] += x.Amount
			}
			return nil
		}); err != nil {
			return err
		}
		if err := r.Ledger(func(x *model.LedgerEntry) error {
			if in(x.Date) {
				f.ledger[x.ID] = true
			}
			return nil
		}); err != nil {
			return err
		}
		if err := r.Audit(func(x *model.AuditEntry) error {
			if in(model.DateOf(x.At.Local())) {
				f.audit[x.ID] = true
			}
			return nil
		}); err != nil {
			return err
		}
		return r.Members(func(m *model.Member) error { f.members[m.ID] = *m; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// demoWithReversals is the demo with a payment of 2025-12 reversed on
// 2026-02-10 (across the start of 2026-Q1) and one of 2026-02 reversed on
// 2026-05-06 (after its end).
func demoWithReversals(t *testing.T) (st *storage.Store, across, after uint64) {
	st = demoStore(t, 7, "", 300)
	err := st.ReadRecords(func(r *storage.Records) error {
		return r.Payments(func(p *model.DuesPayment) error {
			switch {
			case p.ReversalOf != 0:
			case across == 0 && p.Date.Month() == 202512:
				across = p.ID
			case after == 0 && p.Date.Month() == 202602:
				after = p.ID
			}
			return nil
		})
	})
	if err != nil || across == 0 || after == 0 {
		t.Fatalf("no payments to reverse (%v)", err)
	}
	if _, err := st.ReversePayment("test", across, model.NewDate(2026, 2, 10), "wrong member"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReversePayment("test", after, model.NewDate(2026, 5, 6), "wrong member"); err != nil {
		t.Fatal(err)
	}
	return st, across, after
}

// A period package holds the period's payments, entries and audit
// entries, the roster as at its end, and books that give the township's
// balances on every day of the period; loaded, it passes the check.
func TestPeriodPackageHoldsThePeriod(t *testing.T) {
	st, across, after := demoWithReversals(t)
	for _, text := range []string{"2026-Q1", "2026-07", "2025-H2"} {
		t.Run(text, func(t *testing.T) {
			per, _ := model.ParsePeriod(text)
			res := writePkg(t, st, text, nil)
			if m := res.Manifest; m.Scope != ScopePeriod || m.FormatVersion != FormatVersionPeriod {
				t.Fatalf("manifest scope %q, format_version %d", m.Scope, m.FormatVersion)
			}
			in := importPkg(t, res.Path)
			rep, err := in.Check()
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.Problems {
				t.Errorf("check: %s", p.Localize(i18n.EN))
			}
			town, pkg := factsOf(t, st, per), factsOf(t, in, per)
			for name, sets := range map[string][2]map[uint64]bool{"payments": {town.payments, pkg.payments},
				"ledger": {town.ledger, pkg.ledger}, "audit": {town.audit, pkg.audit}} {
				if !maps.Equal(sets[0], sets[1]) {
					t.Errorf("%s dated in the period: township %d, package %d", name, len(sets[0]), len(sets[1]))
				}
			}
			if len(town.payments) == 0 || len(town.ledger) == 0 {
				t.Errorf("a period with %d payments and %d entries tests nothing", len(town.payments), len(town.ledger))
			}
			for _, mo := range per.Months() {
				if town.collected[mo] != pkg.collected[mo] {
					t.Errorf("dues collected in %s: township %v, package %v", mo, town.collected[mo], pkg.collected[mo])
				}
			}
			joined, named := 0, namedMembers(t, in)
			for id, m := range town.members {
				got, ok := pkg.members[id]
				switch {
				case m.JoinDate > per.Last() && ok && !named[id]:
					t.Errorf("member %d joined on %s, after the period, and is in its package", id, m.JoinDate)
				case m.JoinDate > per.Last() && ok:
					// a record of the period names them (the demo's festival
					// consolations name members of today): they travel with it
				case m.JoinDate <= per.Last() && !ok:
					t.Errorf("member %d joined on %s and is not in the package", id, m.JoinDate)
				case ok && m.JoinDate <= per.Last():
					joined++
					if got.Status != m.StatusOn(per.Last()) {
						t.Errorf("member %d: status %v in the package, %v on %s", id, got.Status, m.StatusOn(per.Last()), per.Last())
					}
					for _, c := range got.History {
						if c.Date > per.Last() {
							t.Errorf("member %d keeps a change of %s, after the period", id, c.Date)
						}
					}
				}
			}
			if joined == 0 || joined == len(town.members) && text != "2026-07" {
				t.Errorf("%d of %d members in the package", joined, len(town.members))
			}
			for d := per.First(); d <= per.Last(); d = d.AddDays(1) {
				a, err1 := st.Balances(d)
				b, err2 := in.Balances(d)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if !maps.Equal(a, b) {
					t.Fatalf("balances on %s: township %v, package %v", d, a, b)
				}
			}
			p, _, _ := in.Profile()
			if p.DuesSince < per.From {
				t.Errorf("dues kept since %s in a package of %s", p.DuesSince, per.Text)
			}
			if text != "2026-Q1" {
				return
			}
			// The district can pass the package on: a package of the same
			// period from the loaded database loads and keeps the balances.
			again := importPkg(t, writePkg(t, in, text, nil).Path)
			if rep, err := again.Check(); err != nil || !rep.OK() {
				t.Fatalf("a package of the loaded package: %v %v", err, rep)
			}
			for _, d := range []model.Date{per.First(), per.Last()} {
				a, _ := st.Balances(d)
				b, _ := again.Balances(d)
				if !maps.Equal(a, b) {
					t.Errorf("balances on %s: township %v, package of the package %v", d, a, b)
				}
			}
			// The payment of December reversed in February travels with its
			// reversal; the one of February reversed in May is paid.
			pays, _ := in.MemberPayments(paymentMember(t, st, across))
			if n := countRev(pays, across); n != 2 {
				t.Errorf("payment %d reversed across the start: %d of it and its reversal in the package", across, n)
			}
			pays, _ = in.MemberPayments(paymentMember(t, st, after))
			if n := countRev(pays, after); n != 1 {
				t.Errorf("payment %d reversed after the end: %d records of it in the package, want the payment alone", after, n)
			}
		})
	}
}

func paymentMember(t *testing.T, st *storage.Store, id uint64) uint64 {
	var m uint64
	_ = st.ReadRecords(func(r *storage.Records) error {
		p, _, err := storage.GetRecord[model.DuesPayment](r, "payments", id)
		m = p.MemberID
		return err
	})
	return m
}

func countRev(pays []model.DuesPayment, id uint64) int {
	n := 0
	for _, p := range pays {
		if p.ID == id || p.ReversalOf == id {
			n++
		}
	}
	return n
}

// A whole package (--whole) is format 1 without a scope, as before.
func TestWholePackageIsFormatOne(t *testing.T) {
	st := demoStore(t, 3, "", 40)
	res := writePkg(t, st, "2026-Q1", func(o *PackageOptions) { o.Whole = true })
	if m := res.Manifest; m.Scope != "" || m.FormatVersion != 1 {
		t.Errorf("whole package: scope %q, format_version %d", m.Scope, m.FormatVersion)
	}
	man := zipFiles(t, res.Path)["manifest.json"]
	if bytes.Contains(man, []byte(`"scope"`)) {
		t.Errorf("a whole package's manifest names a scope:\n%s", man)
	}
}

// A program that reads format 1 only refuses a period package, saying
// it was written by a newer program; and a manifest whose scope and
// version disagree is refused.
func TestOlderReaderRefusesPeriodPackage(t *testing.T) {
	st := demoStore(t, 3, "", 40)
	res := writePkg(t, st, "2026-Q1", nil)
	old := readableVersion
	readableVersion = 1
	_, err := OpenPackage(res.Path, Keys{})
	readableVersion = old
	if !errors.Is(err, i18n.E("pkg.newer_format")) {
		t.Fatalf("format 1 reader: %v", err)
	}
	if msg := i18n.Text(err, i18n.EN); !strings.Contains(msg, "newer program (format 2, this one reads up to 1)") {
		t.Errorf("message: %s", msg)
	}
	var m map[string]any
	if err := json.Unmarshal(zipFiles(t, res.Path)["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	m["format_version"] = 1 // a period package posing as a whole one
	b, _ := json.Marshal(m)
	if _, err := OpenPackage(rezip(t, res.Path, map[string][]byte{"manifest.json": b}), Keys{}); !errors.Is(err, i18n.E("pkg.bad_manifest")) {
		t.Errorf("scope period with format 1: %v", err)
	}
}

// namedMembers are the members a package's records name.
func namedMembers(t *testing.T, st *storage.Store) map[uint64]bool {
	named := map[uint64]bool{}
	err := st.ReadRecords(func(r *storage.Records) error {
		if err := r.Payments(func(p *model.DuesPayment) error { named[p.MemberID] = true; return nil }); err != nil {
			return err
		}
		if err := r.Events(func(e *model.Event) error {
			for _, m := range e.Members {
				named[m] = true
			}
			return nil
		}); err != nil {
			return err
		}
		for _, kind := range []string{"consolations", "aid", "hardship_files", "dues_reminders"} {
			err := r.ForEachRecord(kind, func(x any) error {
				switch x := x.(type) {
				case *model.Consolation:
					for _, m := range x.Members {
						named[m] = true
					}
				case *model.AidRecord:
					named[x.MemberID] = true
				case *model.HardshipFile:
					named[x.MemberID] = true
				case *model.Reminder:
					named[x.MemberID] = true
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return named
}

// A batch of January whose second payment is reversed in April travels
// whole with a package of 2026-Q2, and its first payment, reversed in
// January, with its reversal: on the period's last day it was reversed.
func TestPeriodPackageCarriesABatchAsItStood(t *testing.T) {
	st := demoStore(t, 7, "", 300)
	var batch storage.DuesBatchRecord
	err := st.ReadRecords(func(r *storage.Records) error {
		return r.Batches(func(b *storage.DuesBatchRecord) error {
			if batch.ID == 0 && b.Date.Month() == 202601 && b.Count >= 3 {
				batch = *b
			}
			return nil
		})
	})
	if err != nil || batch.ID == 0 {
		t.Fatalf("no batch of January (%v)", err)
	}
	first, second := batch.FirstPaymentID, batch.FirstPaymentID+1
	if _, err := st.ReversePayment("test", first, model.NewDate(2026, 1, 31), "wrong member"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReversePayment("test", second, model.NewDate(2026, 4, 10), "wrong member"); err != nil {
		t.Fatal(err)
	}
	in := importPkg(t, writePkg(t, st, "2026-Q2", nil).Path)
	if rep, err := in.Check(); err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep)
	}
	for id, want := range map[uint64]int{first: 2, second: 2, first + 2: 1} {
		pays, _ := in.MemberPayments(paymentMember(t, st, id))
		if n := countRev(pays, id); n != want {
			t.Errorf("payment %d of batch %d: %d records of it and its reversal in the package, want %d", id, batch.ID, n, want)
		}
	}
}

// manualAccounts are an income and an expense account of the demo's own
// manual entries of 2026.
func manualAccounts(t *testing.T, st *storage.Store) (in, out string) {
	t.Helper()
	_ = st.ReadRecords(func(r *storage.Records) error {
		return r.Ledger(func(e *model.LedgerEntry) error {
			if e.Source.Kind == "" && e.ReversalOf == 0 && e.Date.Year() == 2026 {
				if e.Direction == model.In && in == "" {
					in = e.Account
				} else if e.Direction == model.Out && out == "" {
					out = e.Account
				}
			}
			return nil
		})
	})
	if in == "" || out == "" {
		t.Fatal("no manual entries of 2026 to copy the accounts of")
	}
	return in, out
}

// A large cash income of March spent in March and reversed in April: the
// package of 2026-Q2 holds the income (the original of its reversal), and
// with it the cash book from 1 March, the spending too, so that its
// opening is the township's cash on 1 March and every day of the quarter
// has the township's balance. Before, the opening had to be 9,000,000
// less than the cash at 1 April, below zero, and the export was refused.
func TestPeriodPackageCarriesTheBookFromItsEarliestEntry(t *testing.T) {
	st := demoStore(t, 7, "", 60)
	in, out := manualAccounts(t, st)
	income := model.LedgerEntry{Date: model.NewDate(2026, 3, 10), Direction: model.In, Account: in, Amount: 900_000_00,
		Counterparty: "捐赠", Memo: "捐赠", Money: model.MoneyCash}
	if err := st.AddLedgerEntry("test", &income); err != nil {
		t.Fatal(err)
	}
	spent := model.LedgerEntry{Date: model.NewDate(2026, 3, 11), Direction: model.Out, Account: out, Amount: 900_000_00,
		Counterparty: "超市", Memo: "慰问品", Money: model.MoneyCash}
	if err := st.AddLedgerEntry("test", &spent); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReverseLedgerEntry("test", income.ID, model.NewDate(2026, 4, 5), "entered twice"); err != nil {
		t.Fatal(err)
	}
	pkg := importPkg(t, writePkg(t, st, "2026-Q2", nil).Path)
	for _, id := range []uint64{income.ID, spent.ID} {
		if _, err := pkg.LedgerEntry(id); err != nil {
			t.Errorf("entry %d of March not in the package: %v", id, err)
		}
	}
	os, err := pkg.Openings()
	o, ok := os[model.MoneyCash]
	if err != nil || !ok || o.Date != model.NewDate(2026, 3, 1) || o.Amount < 0 {
		t.Errorf("cash opening %+v (%v, %v), want one of 1 March, not below zero", o, ok, err)
	}
	want, _ := st.Balances(model.NewDate(2026, 2, 28))
	if got, _ := pkg.Balances(model.NewDate(2026, 2, 28)); got[model.MoneyCash] != 0 || want[model.MoneyCash] == 0 {
		t.Errorf("the package's cash before its books start: %v (the township's %v)", got[model.MoneyCash], want[model.MoneyCash])
	}
	// cash from 1 March, where its book starts; the bank (nothing of it
	// before the period) from 1 April
	p, _ := model.ParsePeriod("2026-Q2")
	for d := model.NewDate(2026, 3, 1); d <= p.Last(); d = d.AddDays(1) {
		a, _ := st.Balances(d)
		b, _ := pkg.Balances(d)
		if d < p.First() {
			a, b = map[model.MoneyAccount]model.Money{model.MoneyCash: a[model.MoneyCash]}, map[model.MoneyAccount]model.Money{model.MoneyCash: b[model.MoneyCash]}
		}
		if !maps.Equal(a, b) {
			t.Fatalf("%s: the township's balances %v, the package's %v", d, a, b)
		}
	}
	if rep, err := pkg.Check(); err != nil || !rep.OK() {
		t.Fatalf("check: %v %v", err, rep)
	}
}

// A township whose cash book is below zero before the period (more spent
// than it held) cannot carry an opening: the export stops, says so in the
// user's language, and every record still goes.
func TestPeriodPackageRefusesANegativeOpening(t *testing.T) {
	st := demoStore(t, 7, "", 60)
	_, out := manualAccounts(t, st)
	spent := model.LedgerEntry{Date: model.NewDate(2026, 3, 11), Direction: model.Out, Account: out, Amount: 900_000_00,
		Counterparty: "超市", Memo: "慰问品", Money: model.MoneyCash}
	if err := st.AddLedgerEntry("test", &spent); err != nil {
		t.Fatal(err)
	}
	p, _ := model.ParsePeriod("2026-Q2")
	_, err := WritePackage(context.Background(), st, PackageOptions{Period: p, Lang: i18n.EN, Dir: t.TempDir(), Now: pkgNow})
	if !errors.Is(err, i18n.E("period.opening_negative")) {
		t.Fatalf("export: %v", err)
	}
	if zh := i18n.Text(err, i18n.ZH); !strings.Contains(zh, "库存现金") || !strings.Contains(zh, "更正") {
		t.Errorf("message: %s", zh)
	}
	if msg := i18n.Text(err, i18n.EN); !strings.Contains(msg, "cash") || !strings.Contains(msg, "--whole") {
		t.Errorf("message: %s", msg)
	}
	// Every record still goes.
	writePkg(t, st, "2026-Q2", func(o *PackageOptions) { o.Whole = true })
}

// The preview counts what the package then holds, period or whole.
func TestPreviewCountsThePackage(t *testing.T) {
	st, _, _ := demoWithReversals(t)
	for _, whole := range []bool{false, true} {
		p, _ := model.ParsePeriod("2026-Q1")
		pv, err := PreviewPackage(st, PackageOptions{Period: p, Whole: whole, Now: pkgNow})
		if err != nil {
			t.Fatal(err)
		}
		res := writePkg(t, st, "2026-Q1", func(o *PackageOptions) { o.Whole = whole })
		if !maps.Equal(pv.Counts, res.Manifest.Counts) {
			t.Errorf("whole=%v: preview %v, package %v", whole, pv.Counts, res.Manifest.Counts)
		}
	}
}

// The reports are the same in a period package and a whole one of the same
// period, so merge takes either: their summaries are equal, and a period
// package merges beside another township's whole one.
func TestPeriodAndWholePackagesMerge(t *testing.T) {
	st := demoStore(t, 5, "青山镇总工会", 80)
	period := writePkg(t, st, "2026-Q1", nil)
	whole := writePkg(t, st, "2026-Q1", func(o *PackageOptions) { o.Whole = true })
	if a, b := zipFiles(t, period.Path)["summary.json"], zipFiles(t, whole.Path)["summary.json"]; !bytes.Equal(a, b) {
		t.Errorf("summary.json differs between the period and the whole package:\n%s\n%s", a, b)
	}
	other := writePkg(t, demoStore(t, 6, "白沙镇总工会", 80), "2026-Q1", func(o *PackageOptions) { o.Whole = true })
	out := filepath.Join(t.TempDir(), "district.xlsx")
	res, err := Merge(context.Background(), []MergeInput{{File: period.Path}, {File: other.Path}}, out, i18n.ZH)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unions) != 2 {
		t.Errorf("merged %d unions", len(res.Unions))
	}
}
