package storage

import "unionbook/model"

// Dues and cash-book writes inside a Bulk transaction (the demo; later an
// import of dues history). Each does exactly what the Store method of the
// same name does, in the batch's one transaction.

// SaveProfile is Store.SaveProfile inside the batch's transaction.
func (b *Batch) SaveProfile(p model.Profile) error {
	if b.w == nil {
		return errBatchDone
	}
	err := b.w.saveProfile(&p)
	if err == errNoChange {
		return nil
	}
	return err
}

// RecordPayment is Store.RecordPayment inside the batch's transaction.
func (b *Batch) RecordPayment(p *model.DuesPayment) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.recordPayment(p)
}

// RecordBatch is Store.RecordBatch inside the batch's transaction.
func (b *Batch) RecordBatch(db DuesBatch) ([]model.DuesPayment, error) {
	if b.w == nil {
		return nil, errBatchDone
	}
	return b.w.recordBatch(db)
}

// ReversePayment is Store.ReversePayment inside the batch's transaction.
func (b *Batch) ReversePayment(id uint64, date model.Date, reason string) (model.DuesPayment, error) {
	if b.w == nil {
		return model.DuesPayment{}, errBatchDone
	}
	return b.w.reversePayment(id, date, reason)
}

// AddLedgerEntry is Store.AddLedgerEntry inside the batch's transaction.
func (b *Batch) AddLedgerEntry(e *model.LedgerEntry) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.addLedgerEntry(e)
}

// ReverseLedgerEntry is Store.ReverseLedgerEntry inside the batch's transaction.
func (b *Batch) ReverseLedgerEntry(id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	if b.w == nil {
		return model.LedgerEntry{}, errBatchDone
	}
	return b.w.reverseLedgerEntry(id, date, reason)
}
