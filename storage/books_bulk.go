package storage

import "unionbook/model"

// The books' writes in a Bulk transaction (the demo). Their checks read
// the date indexes with cursors, so what the batch holds back is put first
// (settle): a closing or an opening balance sees every entry written
// before it in the same transaction.

// settle puts the index entries a bulk transaction holds back and goes on
// holding the next ones.
func (w *writer) settle() error {
	if w.pending == nil {
		return nil
	}
	if err := w.flush(); err != nil {
		return err
	}
	w.hold()
	return nil
}

// SetOpening is Store.SetOpening in the batch's transaction.
func (b *Batch) SetOpening(o *model.OpeningBalance) error {
	if err := b.w.settle(); err != nil {
		return err
	}
	return b.w.setOpening(o)
}

// AddTransfer is Store.AddTransfer in the batch's transaction.
func (b *Batch) AddTransfer(t *model.Transfer) error {
	t.ID, t.VoucherNo, t.ReversalOf = 0, "", 0
	return b.w.postTransfer(t)
}

// SetBudget is Store.SetBudget in the batch's transaction.
func (b *Batch) SetBudget(bg *model.Budget) (model.Warnings, error) { return b.w.setBudget(bg) }

// ClosePeriod is Store.ClosePeriod in the batch's transaction.
func (b *Batch) ClosePeriod(through model.Month, year bool) ([]model.Closing, error) {
	if err := b.w.settle(); err != nil {
		return nil, err
	}
	return b.w.closePeriod(through, year)
}

// AddUnitFunds is Store.AddUnitFunds in the batch's transaction.
func (b *Batch) AddUnitFunds(f *model.UnitFunds) error { return b.w.addUnitFunds(f) }

// PayFunds is Store.PayFunds in the batch's transaction.
func (b *Batch) PayFunds(p *model.FundsPayment) error { return b.w.payFunds(p) }

// AddConsolation is Store.AddConsolation in the batch's transaction.
func (b *Batch) AddConsolation(c *model.Consolation) (model.Warnings, error) {
	if err := b.w.settle(); err != nil {
		return nil, err
	}
	return b.w.addConsolation(c)
}

// SetBankStatement is Store.SetBankStatement in the batch's transaction.
func (b *Batch) SetBankStatement(date model.Date, balance model.Money) error {
	return b.w.setBankStatement(date, balance)
}

// TickBank is Store.TickBank in the batch's transaction.
func (b *Batch) TickBank(date model.Date, refs []BankRef, on bool) error {
	return b.w.tickBank(date, refs, on)
}

// Journal is Store.Journal in the batch's transaction.
func (b *Batch) Journal(m model.MoneyAccount, from, to model.Date) (Journal, error) {
	if err := b.w.settle(); err != nil {
		return Journal{}, err
	}
	return journalTx(b.w.tx, m, from, to)
}
