package storage

import (
	"fmt"

	"unionbook/i18n"
	"unionbook/model"
)

// Source kinds of cash-book entries posted by the program.
const (
	SourceDues      = "dues"       // one payment or reversal: Source.ID is the payment ID
	SourceDuesBatch = "dues_batch" // a unit's batch: Source.ID is the batch ID
)

// profile is the union's profile (defaults when none was saved), read once
// per transaction.
func (w *writer) profile() (*model.Profile, error) {
	if w.profileCache != nil {
		return w.profileCache, nil
	}
	p, ok, err := getProfile(w.tx)
	if err != nil {
		return nil, err
	}
	if !ok {
		p = model.DefaultProfile()
	}
	w.profileCache = &p
	return &p, nil
}

// duesRules are the profile's dues rules with the defaults for unset values
// (see rulesOf).
func (w *writer) duesRules() (model.DuesRules, error) {
	p, err := w.profile()
	if err != nil {
		return model.DuesRules{}, err
	}
	return rulesOf(p), nil
}

// rulesOf reads the dues rules of a profile. A truncation unit of 0 in the
// profile means the default 10 yuan (set 1 fen to cut nothing).
func rulesOf(p *model.Profile) model.DuesRules {
	r := p.DuesRules()
	if r.TruncUnit == 0 {
		r.TruncUnit = model.DefaultProfile().DuesTruncUnit
	}
	for i := range r.Changes {
		if r.Changes[i].TruncUnit == 0 {
			r.Changes[i].TruncUnit = model.DefaultProfile().DuesTruncUnit
		}
	}
	return r
}

// arrearsMonths is the profile's ArrearsMonths, 6 when unset.
func arrearsMonths(p *model.Profile) int {
	if p.ArrearsMonths <= 0 {
		return model.DefaultProfile().ArrearsMonths
	}
	return p.ArrearsMonths
}

// nextSeq advances a per-year counter in meta and returns the new value.
func (w *writer) nextSeq(prefix string, year int) (uint64, error) {
	k := seqKey(prefix, year)
	n := btoi(w.meta.Get(k)) + 1
	return n, w.meta.Put(k, itob(n))
}

func getLedgerEntry(w interface{ Get([]byte) []byte }, id uint64) (model.LedgerEntry, error) {
	var e model.LedgerEntry
	v := w.Get(itob(id))
	if v == nil {
		return e, fmt.Errorf("ledger entry %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &e); err != nil {
		return e, fmt.Errorf("ledger entry %d: %w", id, err)
	}
	return e, nil
}

// postLedger writes one cash-book entry inside the caller's transaction:
// it fills in the money account when e does not say (entryMoney),
// normalizes and validates e against the chart of its year
// (model.ValidateLedgerEntry, problems as model.Problems), refuses a date
// in a closed period or before the money account's opening balance, checks
// that a reversal (e.ReversalOf set) names an existing entry that is not
// itself a reversal and not yet reversed, then assigns e.ID, the next voucher number of the year of
// e.Date, CreatedAt and Operator, and writes the entry, its date, voucher
// and reversal index entries, the monthly account and money totals and an audit entry
// (entity "ledger"). Dues payments, batches and reversals post through it;
// aid records and events are to do the same in their own transactions,
// with e.Source naming them (Kind "aid" or "event", ID their record). On
// an error the caller's transaction must be rolled back.
func (w *writer) postLedger(e *model.LedgerEntry) error {
	e.Normalize()
	// A reversal mirrors its entry: its account is checked against the
	// chart of the entry's year, which a new chart may have replaced since.
	chartYear := e.Date.Year()
	var orig model.LedgerEntry
	if e.ReversalOf != 0 {
		var err error
		if orig, err = getLedgerEntry(w.ledger, e.ReversalOf); err != nil {
			return err
		}
		chartYear = orig.Date.Year()
	}
	chart, err := w.chartFor(chartYear)
	if err != nil {
		return err
	}
	if err := w.entryMoney(e); err != nil {
		return err
	}
	ps := model.ValidateLedgerEntry(e, chart.Accounts, w.today)
	if len(ps) == 0 {
		prof, err := w.profile()
		if err != nil {
			return err
		}
		ps = prof.DateLimits().EntryDate(e.Date, w.today)
	}
	if e.Date.Valid() {
		ps = append(ps, openDateProblem(w.tx, "date", e.Date)...)
		before, err := beforeOpening(w.tx, e.Money, e.Date)
		if err != nil {
			return err
		}
		ps = append(ps, before...)
	}
	if len(ps) > 0 {
		return ps
	}
	if e.ReversalOf != 0 {
		if orig.ReversalOf != 0 {
			return model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		if v := w.get(w.idxLedgerRev, itob(orig.ID)); v != nil {
			return model.Problems{{Key: "ledger.already_reversed", Args: []any{orig.VoucherNo}}}
		}
		if orig.Account != e.Account || orig.Direction != e.Direction || orig.Amount != -e.Amount || orig.Money != e.Money {
			return i18n.E("err.internal", "reversal does not mirror its entry")
		}
	}
	id, err := w.ledger.NextSequence()
	if err != nil {
		return err
	}
	n, err := w.nextSeq(keyVoucherSeqPrefix, e.Date.Year())
	if err != nil {
		return err
	}
	e.ID, e.VoucherNo, e.CreatedAt, e.Operator = id, voucherNo(e.Date.Year(), n), w.now, w.op
	if w.get(w.idxVoucher, []byte(e.VoucherNo)) != nil {
		return i18n.E("err.internal", "voucher number "+e.VoucherNo+" in use")
	}
	if err := w.put(w.ledger, itob(id), e); err != nil {
		return err
	}
	if err := w.set(w.idxLedgerDate, ledgerDateKey(e.Date, id), empty); err != nil {
		return err
	}
	if err := w.set(w.idxVoucher, []byte(e.VoucherNo), itob(id)); err != nil {
		return err
	}
	if e.ReversalOf != 0 {
		if err := w.set(w.idxLedgerRev, itob(e.ReversalOf), itob(id)); err != nil {
			return err
		}
	}
	tk := ledgerTotalKey(e.Date.Month(), e.Direction, e.Account)
	sum, count := pair(w.get(w.ledgerTotals, tk))
	if err := w.set(w.ledgerTotals, tk, pairBytes(sum+e.Amount, count+1)); err != nil {
		return err
	}
	if err := w.addMoney(e.Date, e.Money, e.Signed()); err != nil {
		return err
	}
	action := model.ActionCreate
	if e.ReversalOf != 0 {
		action = model.ActionReverse
	}
	changes := []model.FieldChange{
		{Field: "date", New: e.Date.String()},
		{Field: "account", New: e.Account},
		{Field: "direction", New: e.Direction.Key()},
		{Field: "amount", New: e.Amount.String()},
	}
	if e.Counterparty != "" {
		changes = append(changes, model.FieldChange{Field: "counterparty", New: e.Counterparty})
	}
	if e.Memo != "" {
		changes = append(changes, model.FieldChange{Field: "memo", New: e.Memo})
	}
	if e.Source.Kind != "" {
		changes = append(changes, model.FieldChange{Field: "source", New: fmt.Sprintf("%s %d", e.Source.Kind, e.Source.ID)})
	}
	changes = append(changes, model.FieldChange{Field: "money", New: e.Money.Key()})
	return w.writeAudit(action, model.EntityLedger, id, e.VoucherNo, changes)
}

// addLedgerEntry writes a manual entry: no source, no reversal.
func (w *writer) addLedgerEntry(e *model.LedgerEntry) error {
	e.ID, e.VoucherNo, e.Source, e.ReversalOf = 0, "", model.Source{}, 0
	return w.postLedger(e)
}

// maxReasonLen bounds a reversal's reason, so that the reversing entry's
// memo ("冲正 <voucher>：<reason>") stays within 200 characters.
const maxReasonLen = 150

// checkReversal checks the date and reason of a reversal of a record dated
// orig: problems on "date" and "reason".
func (w *writer) checkReversal(orig, date model.Date, reason string) model.Problems {
	var ps model.Problems
	switch {
	case date == 0:
		ps = append(ps, model.Problem{Field: "date", Key: "problem.required"})
	case !date.Valid():
		ps = append(ps, model.Problem{Field: "date", Key: "date.impossible", Args: []any{date.String()}})
	case date > w.today:
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	case date < orig:
		ps = append(ps, model.Problem{Field: "date", Key: "reversal.before_original", Args: []any{orig.String()}})
	}
	switch r := model.CleanText(reason); {
	case r == "":
		ps = append(ps, model.Problem{Field: "reason", Key: "problem.required"})
	case len([]rune(r)) > maxReasonLen:
		ps = append(ps, model.Problem{Field: "reason", Key: "problem.too_long", Args: []any{maxReasonLen}})
	}
	return ps
}

// reverseLedgerEntry reverses a manual entry with a red entry (红字冲正).
func (w *writer) reverseLedgerEntry(id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	orig, err := getLedgerEntry(w.ledger, id)
	if err != nil {
		return model.LedgerEntry{}, err
	}
	if orig.ReversalOf != 0 {
		return model.LedgerEntry{}, model.Problems{{Key: "ledger.reverse_reversal"}}
	}
	if orig.Source.Kind != "" {
		return model.LedgerEntry{}, model.Problems{{Key: "ledger.reverse_via_source"}}
	}
	if v := w.get(w.idxLedgerRev, itob(id)); v != nil {
		return model.LedgerEntry{}, model.Problems{{Key: "ledger.already_reversed", Args: []any{orig.VoucherNo}}}
	}
	if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
		return model.LedgerEntry{}, ps
	}
	rev := model.LedgerEntry{
		Date: date, Direction: orig.Direction, Account: orig.Account, Amount: -orig.Amount,
		Counterparty: orig.Counterparty, Memo: reversalMemo(orig.VoucherNo, reason), ReversalOf: id, Money: orig.Money,
	}
	if err := w.postLedger(&rev); err != nil {
		return model.LedgerEntry{}, err
	}
	return rev, nil
}

// reversalMemo is the memo of a reversing entry: "冲正 2026-0003：reason".
// Stored records are in Chinese, the language of the books.
func reversalMemo(no, reason string) string {
	return model.ReversalMemoPrefix + no + "：" + model.CleanText(reason)
}
