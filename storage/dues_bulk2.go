package storage

import "unionbook/model"

// The dues settings, reports and reminders inside a Bulk transaction (the
// demo), each exactly as the Store method of the same name.

// SetUnitDuesTerm is Store.SetUnitDuesTerm inside the batch's transaction.
func (b *Batch) SetUnitDuesTerm(unitID uint64, t model.UnitDuesTerm) error {
	if b.w == nil {
		return errBatchDone
	}
	_, err := b.w.setUnitDuesTerm(unitID, t)
	if err == errNoChange {
		return nil
	}
	return err
}

// SetMemberDuesTerm is Store.SetMemberDuesTerm inside the batch's transaction.
func (b *Batch) SetMemberDuesTerm(memberID uint64, t model.MemberDuesTerm) error {
	if b.w == nil {
		return errBatchDone
	}
	_, err := b.w.setMemberDuesTerm(memberID, t)
	if err == errNoChange {
		return nil
	}
	return err
}

// AddCollectionReport is Store.AddCollectionReport inside the batch's transaction.
func (b *Batch) AddCollectionReport(r *model.CollectionReport) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.addReport(r)
}

// AddReminder is Store.AddReminder inside the batch's transaction.
func (b *Batch) AddReminder(r *model.Reminder) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.addReminder(r)
}
