package storage

import "unionbook/model"

// Batch methods the roster import needs besides the creates in store.go.

// UpdateMember is Store.UpdateMember inside the batch's transaction. A
// member that does not change is left alone and reports changed false
// (outside a batch that is a no-op update; inside one it must not end the
// transaction).
func (b *Batch) UpdateMember(m *model.Member) (changed bool, err error) {
	if b.w == nil {
		return false, errBatchDone
	}
	c := *m
	switch err := b.w.updateMember(&c); err {
	case nil:
		*m = c
		return true, nil
	case errNoChange:
		return false, nil
	default:
		return false, err
	}
}

// UpdateUnit is Store.UpdateUnit inside the batch's transaction; an
// unchanged unit reports changed false.
func (b *Batch) UpdateUnit(u *model.Unit) (changed bool, err error) {
	if b.w == nil {
		return false, errBatchDone
	}
	c := *u
	switch err := b.w.updateUnit(&c); err {
	case nil:
		*u = c
		return true, nil
	case errNoChange:
		return false, nil
	default:
		return false, err
	}
}
