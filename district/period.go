package district

import (
	"context"
	"encoding/binary"
	"errors"
	"math/bits"
	"slices"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// A period package (the default of `unionbook export --period P`) holds the
// records of its period only, and what they point to; a whole package
// (--whole) holds every record. docs/package-format.md ("What a package
// holds") says which records a period package carries and why.
//
// The records are chosen in one read transaction before anything is
// written (buildPeriodScope): the records dated in the period are the
// roots, and every record a chosen record points to is chosen as well
// until nothing is added (a payment's member, batch and cash-book entry; a
// batch's payments; an entry's payment, batch, aid, event, consolation or
// 工会经费 payment; the record a reversal takes back; ...), so the package is
// self-consistent and passes `unionbook check` once loaded. The money at
// the period's start travels as one opening balance per money account.

// ScopePeriod is the manifest's scope of a period package (a whole one
// has none, as every package had before).
const ScopePeriod = "period"

// StepScope is the name of the export's step that chooses a period
// package's records (PackageOptions.Progress), before the data files.
const StepScope = "scope"

// FormatVersionPeriod is the format version of a period package: a
// program that reads version 1 only refuses it rather than taking it for
// a whole database.
const FormatVersionPeriod = 2

// idSet is a set of record IDs (dense: a bit per ID).
type idSet struct{ bits []uint64 }

// add puts id in the set and reports whether it was new.
func (s *idSet) add(id uint64) bool {
	w := id / 64
	if w >= uint64(len(s.bits)) {
		s.bits = slices.Grow(s.bits, int(w+1)-len(s.bits))[:w+1]
	}
	bit := uint64(1) << (id % 64)
	if s.bits[w]&bit != 0 {
		return false
	}
	s.bits[w] |= bit
	return true
}

// count is the number of IDs in the set.
func (s *idSet) count() int {
	n := 0
	for _, w := range s.bits {
		n += bits.OnesCount64(w)
	}
	return n
}

func (s *idSet) has(id uint64) bool {
	w := id / 64
	return w < uint64(len(s.bits)) && s.bits[w]&(1<<(id%64)) != 0
}

// periodScope is what a period package holds: the records chosen by ID
// for each kind that is not taken whole, and the opening balances carried.
type periodScope struct {
	ctx         context.Context
	period      model.Period
	first, last model.Date
	sets        map[string]*idSet // by bucket name
	openings    []model.OpeningBalance
	queue       []ref
}

type ref struct {
	bucket string
	id     uint64
}

// The buckets whose records a period package chooses by ID.
var scopedBuckets = []string{"members", "payments", "dues_batches", "ledger", "aid", "hardship_files", "events",
	"transfers", "consolations", "funds", "funds_payments", "bank_statements", "budgets", "dues_reports", "dues_reminders",
	"honours", "dues_member_rules", "audit"}

func (s *periodScope) in(d model.Date) bool { return d >= s.first && d <= s.last }

// keep is the filter of a bucket's records (nil: every record).
func (s *periodScope) keep(bucket string) func(uint64) bool {
	if s == nil {
		return nil
	}
	set, ok := s.sets[bucket]
	if !ok {
		return nil
	}
	return set.has
}

// count is the number of records of a bucket the package holds, or -1
// when the bucket is not chosen by ID.
func (s *periodScope) count(bucket string) int {
	if s == nil {
		return -1
	}
	if set, ok := s.sets[bucket]; ok {
		return set.count()
	}
	return -1
}

// want chooses a record and queues it, so that what it points to is
// chosen too.
func (s *periodScope) want(bucket string, id uint64) {
	if id != 0 && s.sets[bucket].add(id) {
		s.queue = append(s.queue, ref{bucket, id})
	}
}

// take chooses a record read by a scan and what it points to.
func (s *periodScope) take(bucket string, id uint64, refs func()) {
	if s.sets[bucket].add(id) {
		refs()
	}
}

// buildPeriodScope chooses the records of a package of period p.
// The scans stop at ctx's cancellation, a few thousand records at a time.
func buildPeriodScope(ctx context.Context, r *storage.Records, p model.Period, lang i18n.Lang, now time.Time) (*periodScope, error) {
	s := &periodScope{ctx: ctx, period: p, first: p.First(), last: p.Last(), sets: map[string]*idSet{}}
	for _, b := range scopedBuckets {
		s.sets[b] = &idSet{}
	}
	if err := s.rootPayments(r); err != nil {
		return nil, err
	}
	if err := s.roots(r); err != nil {
		return nil, err
	}
	if err := s.close(r); err != nil {
		return nil, err
	}
	if err := s.settleOpenings(r, lang, now); err != nil {
		return nil, err
	}
	if err := s.rootsAfter(r); err != nil {
		return nil, err
	}
	if err := s.rootAudit(r); err != nil {
		return nil, err
	}
	return s, nil
}

// rootAudit chooses the audit entries dated in the period (their local
// date, as the audit report counts them). Only their times are decoded.
func (s *periodScope) rootAudit(r *storage.Records) error {
	audit := s.sets["audit"]
	return storage.MapAuditRefs(r, func(e *storage.AuditRef, buf []byte) ([]byte, error) {
		if s.in(model.DateOf(e.At.Local())) {
			buf = binary.LittleEndian.AppendUint64(buf, e.ID)
		}
		return buf, nil
	}, func(b []byte) error {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		for ; len(b) >= 8; b = b[8:] {
			audit.add(binary.LittleEndian.Uint64(b))
		}
		return nil
	})
}

// rootPayments chooses the payments dated in the period, those dated
// before it that pay for a month of it (paid in advance: as at its end
// the month was paid) with the reversals of them dated before the period,
// and the payments taken back by a reversal of the period. A payment of
// the period reversed after it travels without its reversal: as at the
// period's end it was not reversed. Millions of payments: decoded on every
// core, the few facts needed passed on as bytes, in ID order.
func (s *periodScope) rootPayments(r *storage.Records) error {
	const rec = 8 * 5
	pays := s.sets["payments"]
	return storage.MapPaymentRefs(r, func(p *storage.PaymentRef, buf []byte) ([]byte, error) {
		early := p.Date < s.first
		if !s.in(p.Date) && !(early && (p.ReversalOf != 0 || p.To >= s.period.From)) {
			return buf, nil
		}
		flag := uint64(0)
		if s.in(p.Date) {
			flag = 1
		}
		buf = binary.LittleEndian.AppendUint64(buf, p.ID)
		buf = binary.LittleEndian.AppendUint64(buf, p.MemberID)
		buf = binary.LittleEndian.AppendUint64(buf, p.BatchID)
		buf = binary.LittleEndian.AppendUint64(buf, p.LedgerID)
		buf = binary.LittleEndian.AppendUint64(buf, p.ReversalOf<<1|flag)
		return buf, nil
	}, func(b []byte) error {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		for ; len(b) >= rec; b = b[rec:] {
			id := binary.LittleEndian.Uint64(b)
			member, batch, ledger := binary.LittleEndian.Uint64(b[8:]), binary.LittleEndian.Uint64(b[16:]), binary.LittleEndian.Uint64(b[24:])
			x := binary.LittleEndian.Uint64(b[32:])
			revOf, inPeriod := x>>1, x&1 == 1
			// a reversal dated before the period travels with the payment it
			// takes back (read before it: IDs follow the order of writing)
			if !inPeriod && revOf != 0 && !pays.has(revOf) {
				continue
			}
			s.take("payments", id, func() {
				s.want("members", member)
				s.want("dues_batches", batch)
				s.want("ledger", ledger)
				s.want("payments", revOf)
			})
		}
		return nil
	})
}

// roots chooses the other records of the period by their dates.
func (s *periodScope) roots(r *storage.Records) error {
	err := r.Ledger(func(e *model.LedgerEntry) error {
		if s.in(e.Date) {
			s.take("ledger", e.ID, func() { s.ledgerRefs(e) })
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = r.Events(func(e *model.Event) error {
		end := max(e.End, e.Start)
		if e.Start <= s.last && end >= s.first {
			s.take("events", e.ID, func() { s.eventRefs(e) })
		}
		return nil
	})
	if err != nil {
		return err
	}
	kinds := []struct {
		kind string
		take func(x any)
	}{
		{"aid", func(x any) {
			if a := x.(*model.AidRecord); s.in(a.Date) {
				s.take("aid", a.ID, func() { s.refs(a) })
			}
		}},
		{"hardship_files", func(x any) {
			f := x.(*model.HardshipFile)
			if f.AppliedDate <= s.last && !(f.ClosedDate != 0 && f.ClosedDate < s.first) && !(f.LiftDate != 0 && f.LiftDate < s.first) {
				s.take("hardship_files", f.ID, func() { s.refs(f) })
			}
		}},
		{"transfers", func(x any) {
			if t := x.(*model.Transfer); s.in(t.Date) {
				s.take("transfers", t.ID, func() { s.refs(t) })
			}
		}},
		{"consolations", func(x any) {
			if c := x.(*model.Consolation); s.in(c.Date) {
				s.take("consolations", c.ID, func() { s.refs(c) })
			}
		}},
		{"funds", func(x any) {
			if f := x.(*model.UnitFunds); f.From <= s.period.To && f.To >= s.period.From {
				s.take("funds", f.ID, func() {})
			}
		}},
		{"funds_payments", func(x any) {
			if f := x.(*model.FundsPayment); s.in(f.Date) {
				s.take("funds_payments", f.ID, func() { s.refs(f) })
			}
		}},
		{"bank_statements", func(x any) {
			if b := x.(*model.BankStatement); s.in(b.Date) {
				s.take("bank_statements", b.ID, func() {})
			}
		}},
		{"budgets", func(x any) {
			if b := x.(*model.Budget); b.Year >= s.first.Year() && b.Year <= s.last.Year() {
				s.take("budgets", b.ID, func() {})
			}
		}},
		{"dues_reports", func(x any) {
			if c := x.(*model.CollectionReport); c.From <= s.period.To && c.To >= s.period.From {
				s.take("dues_reports", c.ID, func() {})
			}
		}},
		{"dues_reminders", func(x any) {
			if m := x.(*model.Reminder); s.in(m.Date) {
				s.take("dues_reminders", m.ID, func() { s.want("members", m.MemberID) })
			}
		}},
	}
	for _, k := range kinds {
		if err := r.ForEachRecord(k.kind, func(x any) error { k.take(x); return nil }); err != nil {
			return err
		}
	}
	return nil
}

// close reads each record chosen for what it points to, until nothing is
// added.
func (s *periodScope) close(r *storage.Records) error {
	for len(s.queue) > 0 {
		q := s.queue[len(s.queue)-1]
		s.queue = s.queue[:len(s.queue)-1]
		var err error
		switch q.bucket {
		case "members", "funds", "bank_statements", "budgets", "dues_reports", "honours", "dues_member_rules":
			// they point to nothing a period package leaves out
		case "payments":
			err = get(r, q, func(p *model.DuesPayment) {
				s.want("members", p.MemberID)
				s.want("dues_batches", p.BatchID)
				s.want("ledger", p.LedgerID)
				s.want("payments", p.ReversalOf)
			})
			if err == nil {
				err = s.earlyReversal(r, q.id)
			}
		case "dues_batches":
			err = get(r, q, func(b *storage.DuesBatchRecord) {
				for i := range uint64(b.Count) {
					s.want("payments", b.FirstPaymentID+i)
				}
				s.want("ledger", b.LedgerID)
			})
		case "ledger":
			err = get(r, q, func(e *model.LedgerEntry) { s.ledgerRefs(e) })
		case "events":
			err = get(r, q, func(e *model.Event) { s.eventRefs(e) })
		default:
			var x any
			if x, err = r.GetKind(q.bucket, q.id); err == nil && x != nil {
				s.refs(x)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// earlyReversal chooses the reversal of a payment chosen for what points
// to it (a batch's, an entry's) when it is dated before the period: on the
// period's last day the payment was reversed. (A reversal in the period is
// chosen by its date; one after it stays out.)
func (s *periodScope) earlyReversal(r *storage.Records, id uint64) error {
	rid, ok := r.PaymentReversal(id)
	if !ok || s.sets["payments"].has(rid) {
		return nil
	}
	rev, ok, err := storage.GetRecord[storage.PaymentRef](r, "payments", rid)
	if ok && rev.Date < s.first {
		s.want("payments", rid)
	}
	return err
}

func get[T any](r *storage.Records, q ref, fn func(*T)) error {
	x, ok, err := storage.GetRecord[T](r, q.bucket, q.id)
	if ok {
		fn(&x)
	}
	return err
}

// ledgerRefs: the record that posted an entry, and the entry a reversal
// takes back.
func (s *periodScope) ledgerRefs(e *model.LedgerEntry) {
	s.want("ledger", e.ReversalOf)
	switch e.Source.Kind {
	case storage.SourceDues:
		s.want("payments", e.Source.ID)
	case storage.SourceDuesBatch:
		s.want("dues_batches", e.Source.ID)
	case storage.SourceAid:
		s.want("aid", e.Source.ID)
	case storage.SourceEvent:
		s.want("events", e.Source.ID)
	case storage.SourceConsolation:
		s.want("consolations", e.Source.ID)
	case storage.SourceFunds:
		s.want("funds_payments", e.Source.ID)
	}
}

func (s *periodScope) eventRefs(e *model.Event) {
	for _, m := range e.Members {
		s.want("members", m)
	}
	s.want("ledger", e.LedgerID)
	for _, id := range e.LedgerIDs {
		s.want("ledger", id)
	}
}

// refs: what a record of a registered kind points to.
func (s *periodScope) refs(x any) {
	switch x := x.(type) {
	case *model.AidRecord:
		s.want("members", x.MemberID)
		s.want("hardship_files", x.FileID)
		s.want("ledger", x.LedgerID)
		s.want("aid", x.ReversalOf)
	case *model.HardshipFile:
		s.want("members", x.MemberID)
		s.want("hardship_files", x.PreviousID)
	case *model.Transfer:
		s.want("transfers", x.ReversalOf)
	case *model.Consolation:
		for _, m := range x.Members {
			s.want("members", m)
		}
		s.want("ledger", x.LedgerID)
		s.want("consolations", x.ReversalOf)
	case *model.FundsPayment:
		s.want("funds", x.FundsID)
		s.want("ledger", x.LedgerID)
		s.want("funds_payments", x.ReversalOf)
	}
}

// settleOpenings carries the openings (carryOpenings). Where one would be
// below zero, that money account's book is carried further back
// (bookWindow) and the openings carried again.
func (s *periodScope) settleOpenings(r *storage.Records, lang i18n.Lang, now time.Time) error {
	windows := map[model.MoneyAccount]model.Date{}
	for {
		neg, err := s.carryOpenings(r, lang, now)
		if neg == nil || err != nil {
			return err
		}
		grew, err := s.bookWindow(r, neg.money, windows)
		if err != nil {
			return err
		}
		if !grew {
			return neg
		}
	}
}

// bookWindow extends money account m's book back to the first of the
// month of the earliest entry or transfer of it the package holds from
// before the period (the original of a reversal of the period, the entry
// of a payment made in advance): every entry and transfer of m from then on
// goes too, with what they point to. The opening carried is then the
// township's balance at that month's start. It is taken only when the
// opening would otherwise be below zero (a large cash income made in
// advance and banked before the period: the 100,000-member demo's
// September), as it can bring many months of records into the package.
// windows holds each account's window so far; grew is false when m's
// cannot go further back.
func (s *periodScope) bookWindow(r *storage.Records, m model.MoneyAccount, windows map[model.MoneyAccount]model.Date) (grew bool, err error) {
	starts, err := s.earlyStarts(r)
	if err != nil {
		return false, err
	}
	from, ok := starts[m]
	if !ok {
		return false, nil
	}
	if d, ok := windows[m]; ok && d <= from {
		return false, nil
	}
	windows[m] = from
	err = r.LedgerDated(from, s.first.AddDays(-1), func(e *model.LedgerEntry) error {
		if e.Money == m {
			s.take("ledger", e.ID, func() { s.ledgerRefs(e) })
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	err = r.ForEachRecord("transfers", func(x any) error {
		if t := x.(*model.Transfer); t.Date >= from && t.Date < s.first && (t.From == m || t.To == m) {
			s.take("transfers", t.ID, func() { s.refs(t) })
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	return true, s.close(r)
}

// earlyStarts is, for each money account, the first of the month of the
// earliest entry or transfer chosen that is dated before the period.
func (s *periodScope) earlyStarts(r *storage.Records) (map[model.MoneyAccount]model.Date, error) {
	starts := map[model.MoneyAccount]model.Date{}
	note := func(m model.MoneyAccount, d model.Date) {
		if d == 0 || d >= s.first {
			return
		}
		first := d.Month().First()
		if cur, ok := starts[m]; !ok || first < cur {
			starts[m] = first
		}
	}
	err := storage.MapRecordsWhere(r, "ledger", s.sets["ledger"].has, func(e *model.LedgerEntry, buf []byte) ([]byte, error) {
		if e.Date < s.first {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(e.Money))
			buf = binary.LittleEndian.AppendUint64(buf, uint64(e.Date))
		}
		return buf, nil
	}, func(b []byte) error {
		for ; len(b) >= 16; b = b[16:] {
			note(model.MoneyAccount(binary.LittleEndian.Uint64(b)), model.Date(binary.LittleEndian.Uint64(b[8:])))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.ForEachRecord("transfers", func(x any) error {
		if t := x.(*model.Transfer); s.sets["transfers"].has(t.ID) {
			note(t.From, t.Date)
			note(t.To, t.Date)
		}
		return nil
	})
	return starts, err
}

// rootsAfter chooses what is kept because of the members chosen: the
// members who had joined by the period's end (besides those a record
// points to), their honours and dues rules. Nothing here points further.
func (s *periodScope) rootsAfter(r *storage.Records) error {
	members := s.sets["members"]
	err := storage.MapMemberRefs(r, func(m *storage.MemberRef, buf []byte) ([]byte, error) {
		if m.JoinDate <= s.last {
			buf = binary.LittleEndian.AppendUint64(buf, m.ID)
		}
		return buf, nil
	}, func(b []byte) error {
		for ; len(b) >= 8; b = b[8:] {
			members.add(binary.LittleEndian.Uint64(b))
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = r.ForEachRecord("honours", func(x any) error {
		if h := x.(*model.Honour); h.MemberID == 0 || members.has(h.MemberID) {
			s.sets["honours"].add(h.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return r.ForEachRecord("dues_member_rules", func(x any) error {
		if m := x.(*model.MemberDues); members.has(m.MemberID) {
			s.sets["dues_member_rules"].add(m.MemberID)
		}
		return nil
	})
}

// carryOpenings sets one opening balance per money account so that the
// package's books give the township's balance on every day of the period:
// the balance at the period's start less the entries and transfers dated
// before it that the package holds anyway (the originals of reversals, the
// entries of payments made in advance, and the book bookWindow carried),
// dated the first of the month of the earliest of them. An opening the
// township set inside the period travels as it is. The township's closings
// do not travel (the months before the period are not in the package to
// be closed). An opening that would be below zero is returned, not set,
// for settleOpenings to carry that account's book further back.
func (s *periodScope) carryOpenings(r *storage.Records, lang i18n.Lang, now time.Time) (*negativeOpening, error) {
	s.openings = nil
	type early struct {
		sum   model.Money
		first model.Date
	}
	pre := map[model.MoneyAccount]*early{}
	note := func(m model.MoneyAccount, d model.Date, signed model.Money) {
		if d >= s.first {
			return
		}
		e := pre[m]
		if e == nil {
			e = &early{first: d}
			pre[m] = e
		}
		e.sum += signed
		e.first = min(e.first, d)
	}
	err := storage.MapRecordsWhere(r, "ledger", s.sets["ledger"].has, func(e *model.LedgerEntry, buf []byte) ([]byte, error) {
		if e.Date < s.first {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(e.Money))
			buf = binary.LittleEndian.AppendUint64(buf, uint64(e.Date))
			buf = binary.LittleEndian.AppendUint64(buf, uint64(e.Signed()))
		}
		return buf, nil
	}, func(b []byte) error {
		for ; len(b) >= 24; b = b[24:] {
			note(model.MoneyAccount(binary.LittleEndian.Uint64(b)), model.Date(binary.LittleEndian.Uint64(b[8:])), model.Money(int64(binary.LittleEndian.Uint64(b[16:]))))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.ForEachRecord("transfers", func(x any) error {
		t := x.(*model.Transfer)
		if s.sets["transfers"].has(t.ID) {
			note(t.From, t.Date, t.Signed(t.From))
			note(t.To, t.Date, t.Signed(t.To))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var nextID uint64
	if err := r.ForEachRecord("openings", func(x any) error { nextID = max(nextID, x.(*model.OpeningBalance).ID); return nil }); err != nil {
		return nil, err
	}
	if c, err := r.Counters(); err == nil {
		nextID = max(nextID, c.Sequences["openings"])
	}
	for _, m := range model.MoneyAccounts() {
		o, ok, err := r.Opening(m)
		if err != nil {
			return nil, err
		}
		if ok && o.Date >= s.first {
			s.openings = append(s.openings, o) // set inside the period (or after it): as it is
			continue
		}
		bal, err := r.MoneyBefore(m, s.period.From)
		if err != nil {
			return nil, err
		}
		date := s.first
		if e := pre[m]; e != nil {
			bal -= e.sum
			date = min(date, e.first.Month().First())
		}
		if !ok && bal == 0 {
			continue // the township has none, and none is needed
		}
		if bal < 0 {
			return &negativeOpening{money: m, balance: bal}, nil
		}
		id := o.ID
		if !ok {
			nextID++
			id = nextID
		}
		s.openings = append(s.openings, model.OpeningBalance{ID: id, Money: m, Date: date, Amount: bal,
			Memo: lang.T("period.opening_memo", s.period.Text), Operator: o.Operator, SetAt: now})
	}
	return nil, nil
}

// asAtEnd is a member as at the period's end: the status changes and wage
// bases dated after it left out, the status that of its last day.
func (s *periodScope) asAtEnd(m *model.Member) {
	status := m.StatusOn(s.last)
	n := 0
	for _, c := range m.History {
		if c.Date <= s.last {
			n++
		}
	}
	if n < len(m.History) {
		m.History = slices.Clip(m.History[:n])
		if status != 0 {
			m.Status = status
		}
	}
	if m.CardReturned > s.last {
		m.CardReturned = 0
	}
	w := 0
	for _, b := range m.Wages {
		if b.From <= s.period.To {
			w++
		}
	}
	m.Wages = slices.Clip(m.Wages[:w])
	if len(m.Wages) == 0 {
		m.Wages = nil
	}
	if len(m.History) == 0 {
		m.History = nil
	}
}

// periodProfile is the profile of a period package: the dues kept in it
// start with the period's first month (the months before are the
// township's own), so a look at the package counts arrears from there.
func (s *periodScope) periodProfile(p *model.Profile) {
	p.DuesSince = max(p.DuesSince, s.period.From)
}

// negativeOpening is the export's error when a money account's opening
// would be below zero; it names the account in the language it is shown
// in, and is the catalogue's "period.opening_negative" for errors.Is.
type negativeOpening struct {
	money   model.MoneyAccount
	balance model.Money
}

func (e *negativeOpening) Error() string { return e.Localize(i18n.EN) }

func (e *negativeOpening) Localize(l i18n.Lang) string {
	return l.T("period.opening_negative", l.T(e.money.Key()), e.balance.Display())
}

func (e *negativeOpening) Is(target error) bool {
	return errors.Is(i18n.E("period.opening_negative"), target)
}
