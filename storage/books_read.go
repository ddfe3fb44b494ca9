package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Reading the books: the journal of a money account (现金日记账, 银行存款日记
// 账), the balances, and the income-and-expense statement with budgets.

// JournalLine is one line of a money account's journal: a cash-book entry
// of that account or a transfer to or from it.
type JournalLine struct {
	Date         model.Date
	VoucherNo    string
	Summary      string // the memo (a transfer's: 存现/取现 and its memo); SummaryText says it in the reader's words
	Memo         string // a transfer's own memo
	Deposit      bool   // a transfer from the cash box to the bank (存现)
	Counterparty string
	Account      string // the other side: the entry's account, or a transfer's other money account (101/102)
	AccountName  string
	In, Out      model.Money
	Balance      model.Money // after the line
	EntryID      uint64
	TransferID   uint64
	Reversal     bool // a reversal (红字冲正)
	Direction    model.Direction
	IsOpening    bool // the opening balance, when it falls inside the journal's range
}

// SummaryText is the line's summary in the reader's words (tr is the
// catalogue's T): an entry's memo as written, a transfer's kind and memo.
func (l JournalLine) SummaryText(tr func(key string, args ...any) string) string {
	if l.TransferID == 0 {
		return l.Summary
	}
	return model.TransferSummary(tr, l.Deposit, l.Reversal, l.Memo)
}

// Ref names the line for bank reconciliation.
func (l JournalLine) Ref() BankRef {
	if l.TransferID != 0 {
		return BankRef{Transfer: true, ID: l.TransferID}
	}
	return BankRef{ID: l.EntryID}
}

// Journal is a money account's lines From..To with running balances.
type Journal struct {
	Money       model.MoneyAccount
	From, To    model.Date
	Opening     model.Money // the balance before From (the opening balance when From is 0)
	OpeningDate model.Date  // the opening balance's date, 0 when none was set
	Lines       []JournalLine
}

// Closing is the balance after the last line.
func (j *Journal) Closing() model.Money {
	if len(j.Lines) == 0 {
		return j.Opening
	}
	return j.Lines[len(j.Lines)-1].Balance
}

// Journal reads money account m's journal from..to (0: from the start,
// to the end), in date order and, within a day, voucher order.
func (s *Store) Journal(m model.MoneyAccount, from, to model.Date) (j Journal, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		j, err = journalTx(tx, m, from, to)
		return err
	})
	return j, err
}

func journalTx(tx *bbolt.Tx, m model.MoneyAccount, from, to model.Date) (Journal, error) {
	j := Journal{Money: m, From: from, To: to}
	err := func() error {
		o, ok, err := getOpening(tx, m)
		if err != nil {
			return err
		}
		if ok {
			j.OpeningDate = o.Date
		}
		start := from
		if from == 0 {
			if ok {
				j.Opening = o.Amount
			}
		} else {
			if j.Opening, err = moneyBefore(tx, m, from.Month()); err != nil {
				return err
			}
			start = from.Month().First()
		}
		lines, err := journalLines(tx, m, start, to)
		if err != nil {
			return err
		}
		// An opening balance set inside the range is a line of its own.
		if ok && from != 0 && o.Date > start && (to == 0 || o.Date <= to) {
			lines = slices.Insert(lines, 0, JournalLine{Date: o.Date, Summary: "期初余额", In: o.Amount, IsOpening: true})
		}
		bal := j.Opening
		for _, l := range lines {
			bal += l.In - l.Out
			l.Balance = bal
			if from != 0 && l.Date < from {
				j.Opening = bal
				continue
			}
			j.Lines = append(j.Lines, l)
		}
		return nil
	}()
	return j, err
}

// journalLines reads money account m's entries and transfers dated
// from..to (0: no bound), ordered, without balances.
func journalLines(tx *bbolt.Tx, m model.MoneyAccount, from, to model.Date) ([]JournalLine, error) {
	var out []JournalLine
	charts := map[int]model.Chart{}
	name := func(year int, code string) string {
		c, ok := charts[year]
		if !ok {
			c, _ = chartOf(tx, year)
			charts[year] = c
		}
		if a, ok := c.Find(code); ok {
			return a.Name
		}
		return code
	}
	led := tx.Bucket(bucketLedger)
	err := scanDates(tx.Bucket(idxLedgerDate), from, to, func(id uint64) error {
		e, err := getLedgerEntry(led, id)
		if err != nil {
			return dangling(err)
		}
		if e.Money != m {
			return nil
		}
		l := JournalLine{Date: e.Date, VoucherNo: e.VoucherNo, Summary: e.Memo, Counterparty: e.Counterparty,
			Account: e.Account, AccountName: name(e.Date.Year(), e.Account), EntryID: e.ID,
			Reversal: e.ReversalOf != 0 || e.Amount < 0, Direction: e.Direction}
		if e.Direction == model.Out {
			l.Out = e.Amount
		} else {
			l.In = e.Amount
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = scanDates(tx.Bucket(idxTransferDate), from, to, func(id uint64) error {
		t, err := getTransfer(tx, id)
		if err != nil {
			return dangling(err)
		}
		if t.From != m && t.To != m {
			return nil
		}
		other := t.From
		if other == m {
			other = t.To
		}
		l := JournalLine{Date: t.Date, VoucherNo: t.VoucherNo, Summary: t.Summary(), Memo: t.Memo, Deposit: t.To == model.MoneyBank,
			Account: other.Code(), AccountName: other.Name(), TransferID: t.ID, Reversal: t.ReversalOf != 0}
		if t.To == m {
			l.In = t.Amount
		} else {
			l.Out = t.Amount
		}
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(a, b JournalLine) int {
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.VoucherNo, b.VoucherNo)
	})
	return out, nil
}

// scanDates calls fn with the ID of every date-index key (date + ID) dated
// from..to (0: no bound).
func scanDates(b *bbolt.Bucket, from, to model.Date, fn func(id uint64) error) error {
	if b == nil {
		return nil
	}
	c := b.Cursor()
	var k []byte
	if from != 0 {
		k, _ = c.Seek(dateKey(from))
	} else {
		k, _ = c.First()
	}
	for ; k != nil; k, _ = c.Next() {
		if len(k) != 12 {
			continue
		}
		if to != 0 && bytes.Compare(keyHeadBytes(k), dateKey(to)) > 0 {
			break
		}
		if err := fn(btoi(k[4:])); err != nil {
			return err
		}
	}
	return nil
}

// Balances is each money account's balance at the end of date.
func (s *Store) Balances(date model.Date) (map[model.MoneyAccount]model.Money, error) {
	out := map[model.MoneyAccount]model.Money{}
	for _, m := range model.MoneyAccounts() {
		j, err := s.Journal(m, date.Month().First(), date)
		if err != nil {
			return nil, err
		}
		out[m] = j.Closing()
	}
	return out, nil
}

// sumsOf is every account's flow over the months from..to.
func sumsOf(tx *bbolt.Tx, from, to model.Month) model.Sums {
	s := model.Sums{}
	c := tx.Bucket(bucketLedgerTotals).Cursor()
	for k, v := c.Seek(monthKey(from)); k != nil && keyHead(k) <= uint32(to); k, v = c.Next() {
		if len(k) < 6 {
			continue
		}
		amt, _ := pair(v)
		s.Add(string(k[5:]), model.Direction(k[4]), amt)
	}
	return s
}

// BooksStatement is the income-and-expense statement (收入支出表) of the
// months from..to under the chart of to's year: the period's amounts, the
// cumulative column (本年累计数 for part of a year, 上年数 for a whole
// year), the year's budget lines and the money at the start and end.
func (s *Store) BooksStatement(from, to model.Month) (model.Statement, error) {
	var st model.Statement
	err := s.db.View(func(tx *bbolt.Tx) error {
		chart, err := chartOf(tx, to.Year())
		if err != nil {
			return err
		}
		year := to.Year()
		jan := model.Month(year*100 + 1)
		period := sumsOf(tx, from, to)
		ytd := sumsOf(tx, jan, to)
		cum := ytd
		if from == jan && to == model.Month(year*100+12) {
			cum = sumsOf(tx, model.Month((year-1)*100+1), model.Month((year-1)*100+12))
		}
		budgets := map[string]model.Money{}
		bs, err := budgetsOf(tx, year)
		if err != nil {
			return err
		}
		for _, b := range bs {
			budgets[b.Account] = b.Amount
		}
		// The money before the period is the money after it less the
		// period's flows: an opening balance set inside the period counts
		// as brought in (the year the books start in the program).
		var in, out model.Money
		for _, f := range period {
			in, out = in+f.In, out+f.Out
		}
		opening, err := balanceBefore(tx, to.Add(1))
		if err != nil {
			return err
		}
		opening = opening - in + out
		st = model.BuildStatement(chart, from, to, opening, period, cum, ytd, budgets)
		return nil
	})
	return st, err
}

// BooksStatus is where the books stand: the money accounts' balances
// today, the last closed month and year, and the opening balances.
type BooksStatus struct {
	Balances     map[model.MoneyAccount]model.Money
	Openings     map[model.MoneyAccount]model.OpeningBalance
	ClosedMonth  model.Month // 0: nothing closed
	ClosedYear   int         // 0: no year closed
	Chart        model.Chart // in force this year
	ChartsStored int
}

// BooksStatus reads where the books stand today.
func (s *Store) BooksStatus() (BooksStatus, error) {
	var st BooksStatus
	today := model.DateOf(s.now())
	var err error
	if st.Balances, err = s.Balances(today); err != nil {
		return st, err
	}
	if st.Openings, err = s.Openings(); err != nil {
		return st, err
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		st.ClosedMonth = closedThrough(tx)
		c := tx.Bucket(idxClosing).Cursor()
		if k, _ := c.Last(); len(k) == 5 && model.ClosingKind(k[0]) == model.CloseYear {
			st.ClosedYear = model.Month(binary.BigEndian.Uint32(k[1:])).Year()
		}
		cs, err := storedCharts(tx)
		st.ChartsStored = len(cs)
		if err != nil {
			return err
		}
		st.Chart, err = chartOf(tx, today.Year())
		return err
	})
	return st, err
}

// Closings lists the closings in order (months, then years).
func (s *Store) Closings() ([]model.Closing, error) {
	var out []model.Closing
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketClosings)
		c := tx.Bucket(idxClosing).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var cl model.Closing
			if err := decode(b.Get(v), &cl); err != nil {
				return err
			}
			out = append(out, cl)
		}
		return nil
	})
	return out, err
}

// LedgerEntries reads the cash-book entries dated from..to in date order
// (for the vouchers), and the transfers of the same days.
func (s *Store) LedgerEntries(from, to model.Date) ([]model.LedgerEntry, []model.Transfer, error) {
	var es []model.LedgerEntry
	var ts []model.Transfer
	err := s.db.View(func(tx *bbolt.Tx) error {
		led := tx.Bucket(bucketLedger)
		if err := scanDates(tx.Bucket(idxLedgerDate), from, to, func(id uint64) error {
			e, err := getLedgerEntry(led, id)
			es = append(es, e)
			return dangling(err)
		}); err != nil {
			return err
		}
		return scanDates(tx.Bucket(idxTransferDate), from, to, func(id uint64) error {
			t, err := getTransfer(tx, id)
			ts = append(ts, t)
			return dangling(err)
		})
	})
	return es, ts, err
}

// FindVoucher finds the entry or transfer numbered no; ok is false when
// there is none.
func (s *Store) FindVoucher(no string) (ref BankRef, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(idxVoucher).Get([]byte(no)); v != nil {
			ref, ok = BankRef{ID: btoi(v)}, true
		} else if v := tx.Bucket(idxTransferVoucher).Get([]byte(no)); v != nil {
			ref, ok = BankRef{Transfer: true, ID: btoi(v)}, true
		}
		return nil
	})
	return ref, ok, err
}
