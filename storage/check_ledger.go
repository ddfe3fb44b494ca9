package storage

import (
	"encoding/binary"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The invariants of the books (see check.go): every entry names a money
// account and an account of its year's chart and is not dated before its
// money account's opening balance; the money totals agree with the
// entries and transfers; transfers are well formed, indexed and numbered
// apart from the entries; every closed period still has the digest it was
// closed with, months are closed without gaps and a closed year carries
// the balances it closed with; budget lines sit on non-heading accounts of
// their year's chart; bank ticks name bank-side lines; consolations and
// 工会经费 payments have their cash-book entries, which point back.

func checkBooks(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range booksBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			return nil
		}
	}
	c := &booksCheck{tx: tx, r: r, money: map[string][2]model.Money{}, charts: map[int]*model.Chart{}}
	c.openings()
	if err := c.entries(); err != nil {
		return err
	}
	if err := c.transfers(); err != nil {
		return err
	}
	c.moneyTotals()
	if err := c.closings(); err != nil {
		return err
	}
	c.budgets()
	c.charts2()
	c.ticks()
	c.consolations()
	c.funds()
	for _, b := range [][]byte{bucketCharts, bucketOpenings, bucketTransfers, bucketClosings, bucketBudgets,
		bucketBankStatements, bucketConsolations, bucketFunds, bucketFundsPayments} {
		checkSequence(tx, r, b)
	}
	return nil
}

type booksCheck struct {
	tx       *bbolt.Tx
	r        *CheckReport
	money    map[string][2]model.Money // month + money account → in, out
	opening  map[model.MoneyAccount]model.OpeningBalance
	charts   map[int]*model.Chart
	vouchers map[string]bool // the transfers' voucher numbers
}

func (c *booksCheck) chart(year int) *model.Chart {
	if ch, ok := c.charts[year]; ok {
		return ch
	}
	ch, err := chartOf(c.tx, year)
	if err != nil {
		c.r.Problem("check.undecodable", model.EntityChart, strconv.Itoa(year), err)
	}
	c.charts[year] = &ch
	return &ch
}

func (c *booksCheck) openings() {
	c.opening = map[model.MoneyAccount]model.OpeningBalance{}
	n := 0
	idx := c.tx.Bucket(idxOpeningMoney)
	decodeAll(c.tx.Bucket(bucketOpenings), func(k []byte, o *model.OpeningBalance, err error) {
		n++
		switch {
		case err != nil:
			c.r.Problem("check.undecodable", model.EntityOpening, k, err)
			return
		case o.ID != btoi(k):
			c.r.Problem("check.key_mismatch", model.EntityOpening, k, o.ID)
		case !o.Money.Valid():
			c.r.Problem("check.no_money", model.EntityOpening, o.ID)
			return
		case o.Amount < 0:
			c.r.Problem("check.opening_negative", i18nKey(o.Money.Key()), o.Amount.Display())
		}
		if v := idx.Get([]byte{byte(o.Money)}); v == nil || btoi(v) != o.ID {
			c.r.Problem("check.index_missing", model.EntityOpening, o.ID, string(idxOpeningMoney), o.Money.Code())
		}
		c.opening[o.Money] = *o
	})
	if countKeys(idx) != n {
		_ = idx.ForEach(func(k, v []byte) error {
			if o, ok := c.opening[model.MoneyAccount(k[0])]; !ok || o.ID != btoi(v) {
				c.r.Problem("check.index_stale", string(idxOpeningMoney), printableKey(k), model.EntityOpening, btoi(v))
			}
			return nil
		})
	}
}

func (c *booksCheck) addMoney(d model.Date, m model.MoneyAccount, signed model.Money) {
	k := string(moneyTotalKey(d.Month(), m))
	c.money[k] = addSigned(c.money[k], signed)
}

func (c *booksCheck) entries() error {
	led := c.tx.Bucket(bucketLedger)
	cons, pays := c.tx.Bucket(bucketConsolations), c.tx.Bucket(bucketFundsPayments)
	decodeAll(led, func(k []byte, e *model.LedgerEntry, err error) {
		if err != nil {
			return // the dues checker reports it
		}
		if !e.Money.Valid() {
			c.r.Problem("check.no_money", model.EntityLedger, e.VoucherNo)
			return
		}
		c.addMoney(e.Date, e.Money, e.Signed())
		if o, ok := c.opening[e.Money]; ok && e.Date < o.Date {
			c.r.Problem("check.before_opening", model.EntityLedger, e.VoucherNo, e.Date.String(), i18nKey(e.Money.Key()), o.Date.String())
		}
		if _, ok := c.chart(e.Date.Year()).Find(e.Account); !ok && e.ReversalOf == 0 {
			c.r.Problem("check.unknown_account", e.VoucherNo, e.Account, e.Date.Year())
		}
		if e.ReversalOf != 0 {
			if orig, err := getLedgerEntry(led, e.ReversalOf); err == nil && orig.Money != e.Money {
				c.r.Problem("check.reversal_mirror", model.EntityLedger, e.ID, e.Money.Code(), e.ReversalOf, orig.Money.Code())
			}
		}
		switch e.Source.Kind {
		case SourceConsolation:
			var x model.Consolation
			if v := cons.Get(itob(e.Source.ID)); v == nil {
				c.r.Problem("check.dangling", model.EntityLedger, e.ID, model.EntityConsolation, e.Source.ID)
			} else if decode(v, &x) == nil && x.LedgerID != e.ID {
				c.r.Problem("check.ledger_backlink", model.EntityConsolation, e.Source.ID, e.ID)
			}
		case SourceFunds:
			var x model.FundsPayment
			if v := pays.Get(itob(e.Source.ID)); v == nil {
				c.r.Problem("check.dangling", model.EntityLedger, e.ID, model.EntityFundsPay, e.Source.ID)
			} else if decode(v, &x) == nil && x.LedgerID != e.ID {
				c.r.Problem("check.ledger_backlink", model.EntityFundsPay, e.Source.ID, e.ID)
			}
		}
	})
	return nil
}

func (c *booksCheck) transfers() error {
	tb := c.tx.Bucket(bucketTransfers)
	byDate, byVoucher, byRev := c.tx.Bucket(idxTransferDate), c.tx.Bucket(idxTransferVoucher), c.tx.Bucket(idxTransferReversal)
	vouchers := c.tx.Bucket(idxVoucher)
	c.vouchers = map[string]bool{}
	highest := map[int]uint64{}
	n := 0
	reversed := map[uint64]uint64{}
	err := tb.ForEach(func(k, v []byte) error {
		n++
		var t model.Transfer
		if err := decode(v, &t); err != nil {
			c.r.Problem("check.undecodable", model.EntityTransfer, k, err)
			return nil
		}
		if t.ID != btoi(k) {
			c.r.Problem("check.key_mismatch", model.EntityTransfer, k, t.ID)
		}
		if !t.From.Valid() || !t.To.Valid() || t.From == t.To {
			c.r.Problem("check.transfer_sides", t.VoucherNo)
			return nil
		}
		c.addMoney(t.Date, t.From, -t.Amount)
		c.addMoney(t.Date, t.To, t.Amount)
		for _, m := range []model.MoneyAccount{t.From, t.To} {
			if o, ok := c.opening[m]; ok && t.Date < o.Date {
				c.r.Problem("check.before_opening", model.EntityTransfer, t.VoucherNo, t.Date.String(), i18nKey(m.Key()), o.Date.String())
			}
		}
		if byDate.Get(ledgerDateKey(t.Date, t.ID)) == nil {
			c.r.Problem("check.index_missing", model.EntityTransfer, t.ID, string(idxTransferDate), dateIndexKey(ledgerDateKey(t.Date, t.ID)))
		}
		switch {
		case t.VoucherNo == "":
			c.r.Problem("check.no_number", model.EntityTransfer, t.ID)
		case c.vouchers[t.VoucherNo] || vouchers.Get([]byte(t.VoucherNo)) != nil:
			c.r.Problem("check.duplicate_number", model.EntityTransfer, t.VoucherNo, t.ID, btoi(vouchers.Get([]byte(t.VoucherNo))))
		default:
			if v := byVoucher.Get([]byte(t.VoucherNo)); v == nil || btoi(v) != t.ID {
				c.r.Problem("check.index_missing", model.EntityTransfer, t.ID, string(idxTransferVoucher), t.VoucherNo)
			}
			if y, seq, ok := parseVoucher(t.VoucherNo); ok && seq > highest[y] {
				highest[y] = seq
			}
		}
		c.vouchers[t.VoucherNo] = true
		if t.ReversalOf != 0 {
			if first, twice := reversed[t.ReversalOf]; twice {
				c.r.Problem("check.reversal_twice", model.EntityTransfer, t.ReversalOf, first, t.ID)
			}
			reversed[t.ReversalOf] = t.ID
			orig, err := getTransfer(c.tx, t.ReversalOf)
			if err != nil || orig.ReversalOf != 0 {
				c.r.Problem("check.reversal_target", model.EntityTransfer, t.ID, t.ReversalOf)
			} else if orig.Amount != -t.Amount || orig.From != t.From || orig.To != t.To {
				c.r.Problem("check.reversal_mirror", model.EntityTransfer, t.ID, t.Amount, t.ReversalOf, orig.Amount)
			}
			if v := byRev.Get(itob(t.ReversalOf)); v == nil || btoi(v) != t.ID {
				c.r.Problem("check.index_missing", model.EntityTransfer, t.ID, string(idxTransferReversal), strconv.FormatUint(t.ReversalOf, 10))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	c.r.Count("transfers", n)
	meta := c.tx.Bucket(bucketMeta)
	for y, high := range highest {
		k := seqKey(keyVoucherSeqPrefix, y)
		if have := btoi(meta.Get(k)); have < high {
			c.r.Problem("check.number_counter", string(k), have, high)
		}
	}
	for _, idx := range [][]byte{idxTransferDate, idxTransferVoucher} {
		if b := c.tx.Bucket(idx); countKeys(b) != n {
			_ = b.ForEach(func(k, v []byte) error {
				id := btoi(v)
				if len(k) == 12 {
					id = btoi(k[4:])
				}
				if tb.Get(itob(id)) == nil {
					c.r.Problem("check.index_stale", string(idx), printableKey(k), model.EntityTransfer, id)
				}
				return nil
			})
		}
	}
	return nil
}

// parseVoucher reads "2026-0012" as year 2026, number 12.
func parseVoucher(s string) (year int, n uint64, ok bool) {
	if len(s) < 6 || s[4] != '-' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	v, err2 := strconv.ParseUint(s[5:], 10, 64)
	return y, v, err1 == nil && err2 == nil
}

func (c *booksCheck) moneyTotals() {
	b := c.tx.Bucket(bucketMoneyTotals)
	seen := map[string]bool{}
	_ = b.ForEach(func(k, v []byte) error {
		in, out := moneyPair(v)
		want := c.money[string(k)]
		seen[string(k)] = true
		if len(k) != 5 || want[0] != in || want[1] != out {
			c.r.Problem("check.money_totals", moneyTotalText(k), in.Display(), out.Display(), want[0].Display(), want[1].Display())
		}
		return nil
	})
	for k, want := range c.money {
		if !seen[k] && (want[0] != 0 || want[1] != 0) {
			c.r.Problem("check.money_totals", moneyTotalText([]byte(k)), "0.00", "0.00", want[0].Display(), want[1].Display())
		}
	}
}

func moneyTotalText(k []byte) string {
	if len(k) != 5 {
		return printableKey(k)
	}
	return model.Month(binary.BigEndian.Uint32(k)).String() + " " + model.MoneyAccount(k[4]).Code()
}

func (c *booksCheck) closings() error {
	b := c.tx.Bucket(bucketClosings)
	idx := c.tx.Bucket(idxClosing)
	var prev model.Month
	n := 0
	err := idx.ForEach(func(k, v []byte) error {
		n++
		var cl model.Closing
		if raw := b.Get(v); raw == nil {
			c.r.Problem("check.index_stale", string(idxClosing), printableKey(k), model.EntityClosing, btoi(v))
			return nil
		} else if err := decode(raw, &cl); err != nil {
			c.r.Problem("check.undecodable", model.EntityClosing, v, err)
			return nil
		}
		if len(k) != 5 || cl.Kind != model.ClosingKind(k[0]) || uint32(cl.Month) != binary.BigEndian.Uint32(k[1:]) {
			c.r.Problem("check.index_wrong", string(idxClosing), printableKey(k), model.EntityClosing, btoi(v), cl.ID)
			return nil
		}
		var digest string
		var err error
		switch cl.Kind {
		case model.CloseMonth:
			if prev != 0 && cl.Month != prev.Add(1) {
				c.r.Problem("check.closing_gap", prev.String(), cl.Month.String())
			}
			prev = cl.Month
			digest, _, _, _, _, err = periodDigest(c.tx, cl.Month.First(), cl.Month.Last())
		case model.CloseYear:
			digest, _, _, _, _, err = yearFromMonths(c.tx, cl.Month.Year())
		}
		if err != nil {
			c.r.Problem("check.closed_changed", cl.Label(), err)
			return nil
		}
		if digest != cl.Digest {
			c.r.Problem("check.closed_changed", cl.Label(), cl.Digest[:min(12, len(cl.Digest))]+" ≠ "+digest[:12])
		}
		for _, m := range model.MoneyAccounts() {
			bal, err := moneyBefore(c.tx, m, cl.Month.Add(1))
			if err == nil && bal != cl.Balance(m) {
				c.r.Problem("check.carry_forward", cl.Label(), i18nKey(m.Key()), cl.Balance(m).Display(), bal.Display())
			}
		}
		return nil
	})
	c.r.Count("closings", n)
	if k := countKeys(b); k != n {
		c.r.Problem("check.index_count", string(idxClosing), n, k)
	}
	return err
}

func (c *booksCheck) budgets() {
	idx := c.tx.Bucket(idxBudget)
	n := 0
	decodeAll(c.tx.Bucket(bucketBudgets), func(k []byte, b *model.Budget, err error) {
		n++
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityBudget, k, err)
			return
		}
		ch := c.chart(b.Year)
		if _, ok := ch.Find(b.Account); !ok || ch.IsHeading(b.Account) {
			c.r.Problem("check.budget_account", b.Year, b.Account)
		}
		if v := idx.Get(budgetKey(b.Year, b.Account)); v == nil || btoi(v) != b.ID {
			c.r.Problem("check.index_missing", model.EntityBudget, b.ID, string(idxBudget), strconv.Itoa(b.Year)+" "+b.Account)
		}
	})
	if k := countKeys(idx); k != n {
		c.r.Problem("check.index_count", string(idxBudget), k, n)
	}
}

func (c *booksCheck) charts2() {
	decodeAll(c.tx.Bucket(bucketCharts), func(k []byte, ch *model.Chart, err error) {
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityChart, k, err)
			return
		}
		if ps := ch.Validate(); len(ps) > 0 {
			c.r.Problem("check.chart_invalid", strconv.Itoa(ch.FromYear), ps[0])
		}
	})
}

func (c *booksCheck) ticks() {
	statements := c.tx.Bucket(idxBankStatement)
	_ = c.tx.Bucket(bucketBankTicks).ForEach(func(k, v []byte) error {
		if len(k) != 9 || len(v) != 4 {
			c.r.Problem("check.index_stale", string(bucketBankTicks), printableKey(k), model.EntityReconcile, 0)
			return nil
		}
		ref := bankRefOf(k)
		d, label, err := bankLine(c.tx, ref)
		switch {
		case err != nil:
			c.r.Problem("check.tick_dangling", refText(ref))
		case statements.Get(v) == nil:
			c.r.Problem("check.tick_dangling", label)
		case uint32(d) > binary.BigEndian.Uint32(v):
			c.r.Problem("check.tick_dangling", label)
		}
		return nil
	})
}

func (c *booksCheck) consolations() {
	led := c.tx.Bucket(bucketLedger)
	byMember := c.tx.Bucket(idxConsolMember)
	members := c.tx.Bucket(bucketMembers)
	n := 0
	decodeAll(c.tx.Bucket(bucketConsolations), func(k []byte, x *model.Consolation, err error) {
		n++
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityConsolation, k, err)
			return
		}
		for _, m := range x.Members {
			if members.Get(itob(m)) == nil {
				c.r.Problem("check.dangling", model.EntityConsolation, x.ID, model.EntityMember, m)
			}
			if byMember.Get(pairKey(m, x.ID)) == nil {
				c.r.Problem("check.index_missing", model.EntityConsolation, x.ID, string(idxConsolMember), printableKey(pairKey(m, x.ID)))
			}
		}
		e, err := getLedgerEntry(led, x.LedgerID)
		switch {
		case x.LedgerID == 0 || err != nil:
			c.r.Problem("check.no_ledger_entry", model.EntityConsolation, x.ID)
		case e.Source.Kind != SourceConsolation || e.Source.ID != x.ID:
			c.r.Problem("check.ledger_backlink", model.EntityConsolation, x.ID, x.LedgerID)
		case e.Amount != x.Total():
			c.r.Problem("check.amount_mismatch", model.EntityConsolation, x.ID, x.Total(), x.LedgerID, e.Amount)
		}
	})
	c.r.Count("consolations", n)
}

func (c *booksCheck) funds() {
	led := c.tx.Bucket(bucketLedger)
	units := c.tx.Bucket(bucketUnits)
	n := 0
	decodeAll(c.tx.Bucket(bucketFunds), func(k []byte, f *model.UnitFunds, err error) {
		n++
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityFunds, k, err)
			return
		}
		if units.Get(itob(f.UnitID)) == nil {
			c.r.Problem("check.dangling", model.EntityFunds, f.ID, model.EntityUnit, f.UnitID)
		}
		if f.Due != model.FundsDue(f.Payroll, f.RateBP) {
			c.r.Problem("check.funds_due", f.ID, f.Due.Display(), model.FundsDue(f.Payroll, f.RateBP).Display())
		}
	})
	c.r.Count("funds", n)
	funds := c.tx.Bucket(bucketFunds)
	decodeAll(c.tx.Bucket(bucketFundsPayments), func(k []byte, p *model.FundsPayment, err error) {
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityFundsPay, k, err)
			return
		}
		if funds.Get(itob(p.FundsID)) == nil {
			c.r.Problem("check.dangling", model.EntityFundsPay, p.ID, model.EntityFunds, p.FundsID)
		}
		if p.Received == 0 {
			return
		}
		e, err := getLedgerEntry(led, p.LedgerID)
		switch {
		case p.LedgerID == 0 || err != nil:
			c.r.Problem("check.no_ledger_entry", model.EntityFundsPay, p.ID)
		case e.Source.Kind != SourceFunds || e.Source.ID != p.ID:
			c.r.Problem("check.ledger_backlink", model.EntityFundsPay, p.ID, p.LedgerID)
		case e.Amount != p.Received:
			c.r.Problem("check.amount_mismatch", model.EntityFundsPay, p.ID, p.Received, p.LedgerID, e.Amount)
		}
	})
}

// countKeys counts a bucket's keys (Stats misses what a write transaction
// has not committed yet, as a restore checks before it commits).
func countKeys(b *bbolt.Bucket) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}
