package storage

import (
	"encoding/binary"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The check of payments' shares and of the months paid in part (see
// dues_shares.go), and of the dues settings, reports and reminders.

// paymentShares: a payment's shares cover its months, add up to its
// amount and never pass what a month owed.
func (c *duesCheck) paymentShares(p *model.DuesPayment) {
	if len(p.Alloc) == 0 && len(p.Owed) == 0 {
		return // from before shares were kept
	}
	if !hasShares(p) {
		c.r.Problem("check.payment_shares", p.ID, p.Months(), len(p.Alloc))
		return
	}
	var sum model.Money
	for i, a := range p.Alloc {
		sum += a
		if abs(a) > p.Owed[i] || p.Owed[i] < 0 {
			c.r.Problem("check.payment_share_owed", p.ID, p.From.Add(i).String(), abs(a), p.Owed[i])
		}
	}
	if sum != p.Amount {
		c.r.Problem("check.amount_mismatch", model.EntityPayment, p.ID, p.Amount, p.ID, sum)
	}
}

func abs(m model.Money) model.Money {
	if m < 0 {
		return -m
	}
	return m
}

// checkPartials compares the stored months paid in part with the
// payments' shares.
func (c *duesCheck) checkPartials() {
	b := c.tx.Bucket(bucketDuesPartial)
	if b == nil {
		return
	}
	seen := map[uint64]int{}
	_ = b.ForEach(func(k, v []byte) error {
		pp, ok := partialValue(v)
		if len(k) != 12 || !ok {
			c.r.Problem("check.index_stale", string(bucketDuesPartial), printableKey(k), model.EntityMember, 0)
			return nil
		}
		id, mo := binary.BigEndian.Uint64(k), model.Month(binary.BigEndian.Uint32(k[8:]))
		seen[id]++
		want, ok := model.PartPaid{}, false
		if a := c.memberAccs[id]; a != nil {
			want, ok = a.parts[mo]
		}
		if !ok || want != pp {
			c.r.Problem("check.part_paid", id, mo.String(), pp.Paid, pp.Owed, want.Paid, want.Owed)
		}
		return nil
	})
	for id, a := range c.memberAccs {
		if len(a.parts) != seen[id] {
			for mo, want := range a.parts {
				if _, ok := partialValue(b.Get(partialKey(id, mo))); !ok {
					c.r.Problem("check.part_paid", id, mo.String(), model.Money(0), model.Money(0), want.Paid, want.Owed)
				}
			}
		}
	}
}

// checkDuesSettings: the dues settings, reports and reminders can be read,
// are sorted and valid, and name units and members that exist.
func checkDuesSettings(tx *bbolt.Tx, r *CheckReport) error {
	missing := false
	for _, name := range duesHandlingBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			missing = true
		}
	}
	if missing {
		return nil
	}
	units, members := tx.Bucket(bucketUnits), tx.Bucket(bucketMembers)
	exists := func(b *bbolt.Bucket, id uint64) bool { return b.Get(itob(id)) != nil }
	each := func(name []byte, ent model.Entity, fn func(k []byte, v []byte) error) {
		_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
			if err := fn(k, v); err != nil {
				r.Problem("check.undecodable", ent, printableKey(k), err)
			}
			return nil
		})
	}
	each(bucketDuesUnits, model.EntityUnitDues, func(k, v []byte) error {
		var u model.UnitDues
		if err := decode(v, &u); err != nil {
			return err
		}
		if u.UnitID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityUnitDues, k, u.UnitID)
		}
		if !exists(units, btoi(k)) {
			r.Problem("check.dangling", model.EntityUnitDues, btoi(k), model.EntityUnit, btoi(k))
		}
		for i, t := range u.Terms {
			if (i > 0 && t.From <= u.Terms[i-1].From) || !slices.Contains(model.DuesHandlings, t.Handling) || !slices.Contains(model.DuesSchemes, t.Scheme) {
				r.Problem("check.dues_term", model.EntityUnitDues, btoi(k), t.From.String())
			}
		}
		return nil
	})
	each(bucketDuesMemberRules, model.EntityMemberDues, func(k, v []byte) error {
		var m model.MemberDues
		if err := decode(v, &m); err != nil {
			return err
		}
		if m.MemberID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityMemberDues, k, m.MemberID)
		}
		if !exists(members, btoi(k)) {
			r.Problem("check.dangling", model.EntityMemberDues, btoi(k), model.EntityMember, btoi(k))
		}
		for i, t := range m.Terms {
			if (i > 0 && t.From <= m.Terms[i-1].From) || !slices.Contains(model.MemberDuesKinds, t.Kind) {
				r.Problem("check.dues_term", model.EntityMemberDues, btoi(k), t.From.String())
			}
		}
		return nil
	})
	n := 0
	each(bucketDuesReports, model.EntityReport, func(k, v []byte) error {
		var x model.CollectionReport
		if err := decode(v, &x); err != nil {
			return err
		}
		n++
		if x.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityReport, k, x.ID)
		}
		if !exists(units, x.UnitID) {
			r.Problem("check.dangling", model.EntityReport, x.ID, model.EntityUnit, x.UnitID)
		}
		return nil
	})
	r.Count("dues_reports", n)
	each(bucketReminders, model.EntityReminder, func(k, v []byte) error {
		var x model.Reminder
		if err := decode(v, &x); err != nil {
			return err
		}
		if x.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityReminder, k, x.ID)
		}
		if x.MemberID != 0 && !exists(members, x.MemberID) {
			r.Problem("check.dangling", model.EntityReminder, x.ID, model.EntityMember, x.MemberID)
		} else if x.MemberID == 0 && !exists(units, x.UnitID) {
			r.Problem("check.dangling", model.EntityReminder, x.ID, model.EntityUnit, x.UnitID)
		}
		return nil
	})
	for _, name := range [][]byte{bucketDuesReports, bucketReminders} {
		checkSequence(tx, r, name)
	}
	return nil
}
