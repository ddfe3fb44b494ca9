package storage

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Closing the books (结账). Months are closed in order: closing a month
// closes every open month before it too (from January of the year the
// books start), each with its own record. Before
// anything is closed the period is checked (its totals agree with its
// entries, every entry names a money account and an account of its year's
// chart, neither the cash box nor the bank account goes below zero on any
// day). A closed month takes no entry, transfer or opening balance dated
// in it; a correction is a reversal dated in an open month. Each closing
// stores the SHA-256 of its entries and transfers in a canonical form
// (periodDigest), which `check` recomputes: a closed period provably did
// not change. Closing a year closes its months and carries the money
// accounts' balances forward (Closing.Balances) to the next year.
//
// The canonical form is this program's, not the codec's bytes, so a change
// of record encoding does not break old digests; a migration that rewrites
// entries of closed periods must recompute their closings' digests.

// ClosePeriod closes every open month up to through (a month that has
// ended) and, when year is set, through's year (through must then be its
// December). Problems (field "period"): the month has not ended, the year
// is already closed, or what checking the period found. Returns the
// closings written.
func (s *Store) ClosePeriod(op string, through model.Month, year bool) (out []model.Closing, err error) {
	err = s.update(op, func(w *writer) error {
		var e error
		out, e = w.closePeriod(through, year)
		return e
	})
	return out, err
}

func (w *writer) closePeriod(through model.Month, year bool) ([]model.Closing, error) {
	bad := func(key string, args ...any) ([]model.Closing, error) {
		return nil, model.Problems{{Field: "period", Key: key, Args: args}}
	}
	if through.MonthOfYear() < 1 || through.MonthOfYear() > 12 || through.Year() < 1900 {
		return bad("month.format", through.String())
	}
	if year && through.MonthOfYear() != 12 {
		return bad("close.year_december")
	}
	if through.Last() >= w.today {
		return bad("close.not_ended", through.String())
	}
	if year && yearClosed(w.tx, through.Year()) {
		return bad("close.already", strconv.Itoa(through.Year()))
	}
	ct := closedThrough(w.tx)
	start := ct.Add(1)
	if ct == 0 {
		first, err := w.firstActivity()
		if err != nil {
			return nil, err
		}
		// From January of the year the books start: a year's closing
		// needs all twelve months, empty ones too.
		start = through
		if first != 0 && first.Month() <= through {
			start = model.Month(first.Year()*100 + 1)
		}
		if jan := model.Month(through.Year()*100 + 1); year && start > jan {
			start = jan
		}
	}
	if !year && ct >= through {
		return bad("close.already", through.String())
	}
	var out []model.Closing
	if start <= through {
		if ps, err := w.checkPeriod(start, through); err != nil {
			return nil, err
		} else if len(ps) > 0 {
			return nil, ps
		}
		for mo := start; mo <= through; mo = mo.Add(1) {
			c, err := w.writeClosing(model.CloseMonth, mo)
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
	}
	if year {
		c, err := w.writeClosing(model.CloseYear, through)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// firstActivity is the date the books start: the earliest of the opening
// balances, entries and transfers (0 when there is nothing).
func (w *writer) firstActivity() (model.Date, error) {
	var first model.Date
	consider := func(d model.Date) {
		if d != 0 && (first == 0 || d < first) {
			first = d
		}
	}
	for _, m := range model.MoneyAccounts() {
		o, ok, err := getOpening(w.tx, m)
		if err != nil {
			return 0, err
		}
		if ok {
			consider(o.Date)
		}
	}
	for _, b := range [][]byte{idxLedgerDate, idxTransferDate} {
		if k, _ := w.tx.Bucket(b).Cursor().First(); len(k) == 12 {
			consider(model.Date(binary.BigEndian.Uint32(k)))
		}
	}
	return first, nil
}

// writeClosing computes and stores the closing of one month (or, for
// CloseYear, of mo's year from its months' closings).
func (w *writer) writeClosing(kind model.ClosingKind, mo model.Month) (model.Closing, error) {
	c := model.Closing{Kind: kind, Month: mo, Operator: w.op, ClosedAt: w.now}
	var err error
	if kind == model.CloseYear {
		err = w.yearDigest(&c)
	} else {
		c.Digest, c.Entries, c.Transfers, c.In, c.Out, err = periodDigest(w.tx, mo.First(), mo.Last())
	}
	if err != nil {
		return c, err
	}
	for _, m := range model.MoneyAccounts() {
		bal, err := moneyBefore(w.tx, m, mo.Add(1))
		if err != nil {
			return c, err
		}
		c.Balances = append(c.Balances, bal)
	}
	b := w.tx.Bucket(bucketClosings)
	if c.ID, err = b.NextSequence(); err != nil {
		return c, err
	}
	if err := w.put(b, itob(c.ID), &c); err != nil {
		return c, err
	}
	if err := w.tx.Bucket(idxClosing).Put(closingKey(kind, mo), itob(c.ID)); err != nil {
		return c, err
	}
	changes := []model.FieldChange{
		{Field: "period", New: c.Label()},
		{Field: "closing_entries", New: strconv.Itoa(c.Entries + c.Transfers)},
		{Field: "closing_cash", New: c.Balance(model.MoneyCash).String()},
		{Field: "closing_bank", New: c.Balance(model.MoneyBank).String()},
		{Field: "closing_digest", New: c.Digest},
	}
	return c, w.writeAudit(model.ActionCloseBooks, model.EntityClosing, c.ID, c.Label(), changes)
}

// yearDigest fills a year's closing from its twelve months' closings: the
// digest of their digests, and the year's counts and totals.
func (w *writer) yearDigest(c *model.Closing) error {
	d, n, t, in, out, err := yearFromMonths(w.tx, c.Month.Year())
	c.Digest, c.Entries, c.Transfers, c.In, c.Out = d, n, t, in, out
	return err
}

func yearFromMonths(tx *bbolt.Tx, year int) (digest string, entries, transfers int, in, out model.Money, err error) {
	h := sha256.New()
	for m := 1; m <= 12; m++ {
		mc, ok, err := getClosing(tx, model.CloseMonth, model.Month(year*100+m))
		if err != nil {
			return "", 0, 0, 0, 0, err
		}
		if !ok {
			return "", 0, 0, 0, 0, model.Problems{{Field: "period", Key: "close.month_open", Args: []any{model.Month(year*100 + m).String()}}}
		}
		fmt.Fprintf(h, "%s\n", mc.Digest)
		entries, transfers, in, out = entries+mc.Entries, transfers+mc.Transfers, in+mc.In, out+mc.Out
	}
	return hex.EncodeToString(h.Sum(nil)), entries, transfers, in, out, nil
}

// periodDigest is the SHA-256 of the canonical form of the entries and
// transfers dated first..last, their counts and the entries' income and
// spending.
func periodDigest(tx *bbolt.Tx, first, last model.Date) (digest string, entries, transfers int, in, out model.Money, err error) {
	h := sha256.New()
	led := tx.Bucket(bucketLedger)
	err = scanDates(tx.Bucket(idxLedgerDate), first, last, func(id uint64) error {
		e, err := getLedgerEntry(led, id)
		if err != nil {
			return dangling(err)
		}
		writeEntryCanon(h, &e)
		entries++
		if e.Direction == model.Out {
			out += e.Amount
		} else {
			in += e.Amount
		}
		return nil
	})
	if err != nil {
		return
	}
	err = scanDates(tx.Bucket(idxTransferDate), first, last, func(id uint64) error {
		t, err := getTransfer(tx, id)
		if err != nil {
			return dangling(err)
		}
		fmt.Fprintf(h, "T|%d|%d|%d|%d|%d|%s|%d|%q\n", t.ID, t.Date, t.From, t.To, t.Amount, t.VoucherNo, t.ReversalOf, t.Memo)
		transfers++
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), entries, transfers, in, out, err
}

func writeEntryCanon(h hash.Hash, e *model.LedgerEntry) {
	fmt.Fprintf(h, "E|%d|%d|%d|%s|%d|%d|%s|%d|%s|%d|%q|%q\n", e.ID, e.Date, e.Direction, e.Account, e.Amount, e.Money,
		e.VoucherNo, e.ReversalOf, e.Source.Kind, e.Source.ID, e.Counterparty, e.Memo)
}

// checkPeriod checks the books of the months from..to before they are
// closed; problems on field "period".
func (w *writer) checkPeriod(from, to model.Month) (model.Problems, error) {
	var ps model.Problems
	add := func(key string, args ...any) {
		if len(ps) < 20 {
			ps = append(ps, model.Problem{Field: "period", Key: key, Args: args})
		}
	}
	ledgerSums := map[string]model.Money{}
	money := map[string][2]model.Money{}
	charts := map[int]model.Chart{}
	err := scanDates(w.idxLedgerDate, from.First(), to.Last(), func(id uint64) error {
		e, err := getLedgerEntry(w.ledger, id)
		if err != nil {
			return err
		}
		ledgerSums[string(ledgerTotalKey(e.Date.Month(), e.Direction, e.Account))] += e.Amount
		if !e.Money.Valid() {
			add("close.no_money", e.VoucherNo)
			return nil
		}
		k := string(moneyTotalKey(e.Date.Month(), e.Money))
		money[k] = addSigned(money[k], e.Signed())
		c, ok := charts[e.Date.Year()]
		if !ok {
			if c, err = w.chartFor(e.Date.Year()); err != nil {
				return err
			}
			charts[e.Date.Year()] = c
		}
		if _, ok := c.Find(e.Account); !ok {
			add("close.unknown_account", e.VoucherNo, e.Account)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = scanDates(w.tx.Bucket(idxTransferDate), from.First(), to.Last(), func(id uint64) error {
		t, err := getTransfer(w.tx, id)
		if err != nil {
			return err
		}
		kf, kt := string(moneyTotalKey(t.Date.Month(), t.From)), string(moneyTotalKey(t.Date.Month(), t.To))
		money[kf] = addSigned(money[kf], -t.Amount)
		money[kt] = addSigned(money[kt], t.Amount)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for mo := from; mo <= to; mo = mo.Add(1) {
		prefix := monthKey(mo)
		c := w.ledgerTotals.Cursor()
		for k, v := c.Seek(prefix); k != nil && string(keyHeadBytes(k)) == string(prefix); k, v = c.Next() {
			amt, _ := pair(v)
			if ledgerSums[string(k)] != amt {
				add("close.totals", mo.String(), string(k[min(5, len(k)):]))
			}
			delete(ledgerSums, string(k))
		}
		mt := w.tx.Bucket(bucketMoneyTotals)
		for _, m := range model.MoneyAccounts() {
			k := moneyTotalKey(mo, m)
			in, out := moneyPair(mt.Get(k))
			if got := money[string(k)]; got[0] != in || got[1] != out {
				add("close.totals", mo.String(), m.Code())
			}
		}
	}
	for k, v := range ledgerSums {
		if v != 0 {
			add("close.totals", model.Month(binary.BigEndian.Uint32([]byte(k))).String(), k[5:])
		}
	}
	// Neither money account below zero at the end of any day.
	for _, m := range model.MoneyAccounts() {
		bal, err := moneyBefore(w.tx, m, from)
		if err != nil {
			return nil, err
		}
		lines, err := journalLines(w.tx, m, from.First(), to.Last())
		if err != nil {
			return nil, err
		}
		if o, ok, err := getOpening(w.tx, m); err == nil && ok && o.Date > from.First() && o.Date <= to.Last() {
			bal += o.Amount // set inside the period: lines start after it
		}
		for i, l := range lines {
			bal += l.In - l.Out
			if bal < 0 && (i == len(lines)-1 || lines[i+1].Date != l.Date) {
				add("close.negative", model.KeyArg(m.Key()), l.Date.String(), bal.Display())
				break
			}
		}
	}
	return ps, nil
}

func addSigned(p [2]model.Money, signed model.Money) [2]model.Money {
	if signed >= 0 {
		p[0] += signed
	} else {
		p[1] -= signed
	}
	return p
}
