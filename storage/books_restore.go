package storage

import (
	"unionbook/model"
)

// The books' records in the package round trip (district packages carry
// every registered kind): their records, and the index entries and money
// totals the store keeps for them. Bank ticks are not records and do not
// travel: a restored database is reconciled again.

// restoreMoney adds a restored entry to the money totals (an entry from a
// package written before the books had money accounts goes to the bank,
// as the migration puts it).
func (r *Restorer) restoreMoney(e *model.LedgerEntry) error {
	if e.Money == 0 {
		e.Money = model.MoneyBank
		if err := r.w.put(r.w.ledger, itob(e.ID), e); err != nil {
			return err
		}
	}
	return r.w.addMoney(e.Date, e.Money, e.Signed())
}

// The books' kinds of record for the package round trip (listed in
// recordKinds, restore_records.go).
var (
	chartsKind = RecordKind{
		Bucket: string(bucketCharts),
		New:    func() any { return new(model.Chart) },
		ID:     func(x any) uint64 { return x.(*model.Chart).ID },
	}
	openingsKind = RecordKind{
		Bucket: string(bucketOpenings),
		New:    func() any { return new(model.OpeningBalance) },
		ID:     func(x any) uint64 { return x.(*model.OpeningBalance).ID },
		Index: func(r *Restorer, x any) error {
			o := x.(*model.OpeningBalance)
			return r.SetIndex(string(idxOpeningMoney), []byte{byte(o.Money)}, itob(o.ID))
		},
	}
	transfersKind = RecordKind{
		Bucket: string(bucketTransfers),
		New:    func() any { return new(model.Transfer) },
		ID:     func(x any) uint64 { return x.(*model.Transfer).ID },
		Index: func(r *Restorer, x any) error {
			t := x.(*model.Transfer)
			if err := r.SetIndex(string(idxTransferDate), ledgerDateKey(t.Date, t.ID), nil); err != nil {
				return err
			}
			if err := r.SetIndex(string(idxTransferVoucher), []byte(t.VoucherNo), itob(t.ID)); err != nil {
				return err
			}
			if t.ReversalOf != 0 {
				if err := r.SetIndex(string(idxTransferReversal), itob(t.ReversalOf), itob(t.ID)); err != nil {
					return err
				}
			}
			if err := r.w.addMoney(t.Date, t.From, -t.Amount); err != nil {
				return err
			}
			return r.w.addMoney(t.Date, t.To, t.Amount)
		},
	}
	closingsKind = RecordKind{
		Bucket: string(bucketClosings),
		New:    func() any { return new(model.Closing) },
		ID:     func(x any) uint64 { return x.(*model.Closing).ID },
		Index: func(r *Restorer, x any) error {
			c := x.(*model.Closing)
			return r.SetIndex(string(idxClosing), closingKey(c.Kind, c.Month), itob(c.ID))
		},
	}
	budgetsKind = RecordKind{
		Bucket: string(bucketBudgets),
		New:    func() any { return new(model.Budget) },
		ID:     func(x any) uint64 { return x.(*model.Budget).ID },
		Index: func(r *Restorer, x any) error {
			b := x.(*model.Budget)
			return r.SetIndex(string(idxBudget), budgetKey(b.Year, b.Account), itob(b.ID))
		},
	}
	bankStatementsKind = RecordKind{
		Bucket: string(bucketBankStatements),
		New:    func() any { return new(model.BankStatement) },
		ID:     func(x any) uint64 { return x.(*model.BankStatement).ID },
		Index: func(r *Restorer, x any) error {
			s := x.(*model.BankStatement)
			return r.SetIndex(string(idxBankStatement), dateKey(s.Date), itob(s.ID))
		},
	}
	consolationsKind = RecordKind{
		Bucket: string(bucketConsolations),
		New:    func() any { return new(model.Consolation) },
		ID:     func(x any) uint64 { return x.(*model.Consolation).ID },
		Index: func(r *Restorer, x any) error {
			c := x.(*model.Consolation)
			for _, m := range c.Members {
				if err := r.SetIndex(string(idxConsolMember), pairKey(m, c.ID), nil); err != nil {
					return err
				}
			}
			if c.ReversalOf != 0 {
				return r.SetIndex(string(idxConsolReversal), itob(c.ReversalOf), itob(c.ID))
			}
			return nil
		},
	}
	fundsKind = RecordKind{
		Bucket: string(bucketFunds),
		New:    func() any { return new(model.UnitFunds) },
		ID:     func(x any) uint64 { return x.(*model.UnitFunds).ID },
		Index: func(r *Restorer, x any) error {
			f := x.(*model.UnitFunds)
			return r.SetIndex(string(idxFundsUnit), pairKey(f.UnitID, f.ID), nil)
		},
	}
	fundsPaymentsKind = RecordKind{
		Bucket: string(bucketFundsPayments),
		New:    func() any { return new(model.FundsPayment) },
		ID:     func(x any) uint64 { return x.(*model.FundsPayment).ID },
		Index: func(r *Restorer, x any) error {
			p := x.(*model.FundsPayment)
			if err := r.SetIndex(string(idxFundsPay), pairKey(p.FundsID, p.ID), nil); err != nil {
				return err
			}
			if p.ReversalOf != 0 {
				return r.SetIndex(string(idxFundsPayReversal), itob(p.ReversalOf), itob(p.ID))
			}
			return nil
		},
	}
)
