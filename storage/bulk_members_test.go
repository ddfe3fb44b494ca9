package storage

import (
	"errors"
	"testing"

	"unionbook/model"
)

// A member that one Bulk transaction read and a later one moved to another
// unit is seen where it now is: with HoldMembers (members kept decoded
// from one transaction to the next, as the demo loads) and without it
// (inside one transaction). Before the writer dropped the members it
// wrote, the batch of the old unit took the moved member.
func TestBulkSeesAMemberMovedAfterItWasRead(t *testing.T) {
	t.Parallel()
	for _, held := range []bool{true, false} {
		t.Run(map[bool]string{true: "held between transactions", false: "one transaction"}[held], func(t *testing.T) {
			f := newDuesFixture(t)
			if held {
				f.s.HoldMembers()
				defer f.s.ReleaseMembers()
			}
			plan, err := f.s.BatchPreview(f.a.ID, ym(2024, 6), ym(2024, 6))
			if err != nil || len(plan.Lines) != 2 {
				t.Fatalf("preview %+v %v", plan, err)
			}
			batch := func(b *Batch, month model.Month) error {
				lines := make([]BatchLine, len(plan.Lines))
				copy(lines, plan.Lines)
				_, err := b.RecordBatch(DuesBatch{UnitID: f.a.ID, From: month, To: month, Date: 20240614,
					Method: model.PayBank, Lines: lines})
				return err
			}
			move := func(b *Batch) error {
				m, err := f.s.Member(f.m1.ID)
				if err != nil {
					return err
				}
				m.UnitID = f.b.ID
				_, err = b.UpdateMember(&m)
				return err
			}
			var second error
			if held {
				if err := f.s.Bulk("李秘书", func(b *Batch) error { return batch(b, ym(2024, 6)) }); err != nil {
					t.Fatal(err)
				}
				if err := f.s.Bulk("李秘书", move); err != nil {
					t.Fatal(err)
				}
				second = f.s.Bulk("李秘书", func(b *Batch) error { return batch(b, ym(2024, 7)) })
			} else {
				second = f.s.Bulk("李秘书", func(b *Batch) error {
					if err := batch(b, ym(2024, 6)); err != nil {
						return err
					}
					if err := move(b); err != nil {
						return err
					}
					return batch(b, ym(2024, 7))
				})
			}
			var bp *BatchProblems
			if !errors.As(second, &bp) || len(bp.Lines) != 1 || bp.Lines[0].MemberID != f.m1.ID ||
				bp.Lines[0].Problems[0].Key != "dues.other_unit" {
				t.Fatalf("the old unit's batch after the move: %v, want 张三 refused as of another unit", second)
			}
		})
	}
}

// A failed Bulk transaction leaves nothing of what it read among the held
// members: a member written and then rolled back is read as stored.
func TestHeldMembersForgetAFailedTransaction(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	f.s.HoldMembers()
	defer f.s.ReleaseMembers()
	failed := errors.New("stop")
	err := f.s.Bulk("李秘书", func(b *Batch) error {
		m, err := f.s.Member(f.m1.ID)
		if err != nil {
			return err
		}
		m.UnitID = f.b.ID
		if _, err := b.UpdateMember(&m); err != nil {
			return err
		}
		p := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 6), To: ym(2024, 6), Amount: 1540, Date: 20240614, Method: model.PayCash}
		if err := b.RecordPayment(&p); err != nil { // reads the moved member into the cache
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("Bulk: %v", err)
	}
	plan, err := f.s.BatchPreview(f.a.ID, ym(2024, 6), ym(2024, 6))
	if err != nil {
		t.Fatal(err)
	}
	err = f.s.Bulk("李秘书", func(b *Batch) error {
		_, err := b.RecordBatch(DuesBatch{UnitID: f.a.ID, From: ym(2024, 6), To: ym(2024, 6), Date: 20240614,
			Method: model.PayBank, Lines: plan.Lines})
		return err
	})
	if err != nil {
		t.Fatalf("张三 is still in 甲公司工会 after the rollback: %v", err)
	}
}
