package storage

import (
	"bytes"
	"encoding/binary"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// How a payment's shares change its member's paid months: one function
// that the writer, the restorer and the check all replay, so the paid-month
// bitmap, the months paid in part and the collection aggregate always say
// what the payments say.

// paidMonths is one member's paid months while payments are applied.
type paidMonths interface {
	full(mo model.Month) bool
	setFull(mo model.Month, on bool)
	part(mo model.Month) (model.PartPaid, bool)
	// setPart records a month paid in part; Paid 0 or less removes it.
	setPart(mo model.Month, p model.PartPaid)
}

// hasShares reports whether a payment carries its shares (every payment
// since shares were kept; none before).
func hasShares(p *model.DuesPayment) bool {
	n := p.Months()
	return n > 0 && len(p.Alloc) == n && len(p.Owed) == n
}

// applyPayment records a payment's, or a reversal's, months in st, and
// calls total with each month's change to the collection aggregate: the
// amount, and +1 for a month it made paid in full, -1 for one it made no
// longer so.
//
// A payment adds its share to each month; a month whose shares reach what
// it owed is paid in full. A reversal takes its payment's shares back. A
// payment from before shares were kept paid its months in full whatever
// the amount (so the books said then); its reversal clears them.
func applyPayment(p *model.DuesPayment, st paidMonths, total func(mo model.Month, amount model.Money, count int64)) {
	reversal := p.ReversalOf != 0
	if !hasShares(p) {
		sign := int64(1)
		if reversal {
			sign = -1
		}
		shares := model.SplitAmount(p.Amount, p.Months())
		for i, mo := 0, p.From; mo <= p.To && i < len(shares); i, mo = i+1, mo.Add(1) {
			st.setFull(mo, !reversal)
			total(mo, shares[i], sign)
		}
		return
	}
	for i, mo := 0, p.From; mo <= p.To; i, mo = i+1, mo.Add(1) {
		share, owed := p.Alloc[i], p.Owed[i]
		var count int64
		switch {
		case !reversal:
			paid := share
			if pp, ok := st.part(mo); ok {
				paid, owed = paid+pp.Paid, pp.Owed
			}
			if paid >= owed {
				st.setPart(mo, model.PartPaid{})
				st.setFull(mo, true)
				count = 1
			} else {
				st.setPart(mo, model.PartPaid{Paid: paid, Owed: owed})
			}
		case st.full(mo): // share is negative
			st.setFull(mo, false)
			st.setPart(mo, model.PartPaid{Paid: owed + share, Owed: owed})
			count = -1
		default:
			if pp, ok := st.part(mo); ok {
				st.setPart(mo, model.PartPaid{Paid: pp.Paid + share, Owed: pp.Owed})
			}
		}
		total(mo, share, count)
	}
}

// partialKey is the dues_partial key of a member's month.
func partialKey(member uint64, mo model.Month) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint64(k, member)
	binary.BigEndian.PutUint32(k[8:], uint32(mo))
	return k
}

func partialValue(v []byte) (model.PartPaid, bool) {
	if len(v) != 16 {
		return model.PartPaid{}, false
	}
	paid, owed := pair(v)
	return model.PartPaid{Paid: paid, Owed: model.Money(owed)}, true
}

// writerPaid is a member's paid months in a write: the bitmap being
// changed and the dues_partial entries.
type writerPaid struct {
	w    *writer
	b    *bbolt.Bucket
	id   uint64
	d    *memberDues
	none bool // the member has no month paid in part: nothing to look up
	err  error
}

func (w *writer) paidOf(id uint64, d *memberDues) *writerPaid {
	p := &writerPaid{w: w, b: w.tx.Bucket(bucketDuesPartial), id: id, d: d}
	// Few members ever pay a month in part; a payment asks about each of
	// its months, and a bulk load about millions.
	if p.b != nil && !w.partialMembers[id] {
		prefix := binary.BigEndian.AppendUint64(nil, id)
		k, _ := p.b.Cursor().Seek(prefix)
		p.none = !bytes.HasPrefix(k, prefix)
	}
	return p
}

func (p *writerPaid) full(mo model.Month) bool        { return p.d.has(mo) }
func (p *writerPaid) setFull(mo model.Month, on bool) { p.d.set(mo, on) }

func (p *writerPaid) part(mo model.Month) (model.PartPaid, bool) {
	if p.b == nil || p.none {
		return model.PartPaid{}, false
	}
	return partialValue(p.w.get(p.b, partialKey(p.id, mo)))
}

func (p *writerPaid) setPart(mo model.Month, pp model.PartPaid) {
	if p.b == nil || p.err != nil {
		return
	}
	k := partialKey(p.id, mo)
	if pp.Paid <= 0 {
		if p.none {
			return
		}
		if p.w.get(p.b, k) != nil {
			p.err = p.w.del(p.b, k)
		}
		return
	}
	p.err = p.w.set(p.b, k, pairBytes(pp.Paid, int64(pp.Owed)))
	p.none = false
	p.w.markPartial(p.id)
}

// markPartial notes that member id has a month paid in part written in
// this transaction (paidOf looks up only the stored ones).
func (w *writer) markPartial(id uint64) {
	if w.partialMembers == nil {
		w.partialMembers = map[uint64]bool{}
	}
	w.partialMembers[id] = true
}

// view is the member's paid months as the model reads them.
func (p *writerPaid) view() model.PaidView {
	return model.PaidView{Full: p.full, Part: p.part}
}

// memberPartials reads a member's months paid in part.
func memberPartials(tx *bbolt.Tx, id uint64) map[model.Month]model.PartPaid {
	out := map[model.Month]model.PartPaid{}
	b := tx.Bucket(bucketDuesPartial)
	if b == nil {
		return out
	}
	prefix := itob(id)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if pp, ok := partialValue(v); ok && len(k) == 12 {
			out[model.Month(binary.BigEndian.Uint32(k[8:]))] = pp
		}
	}
	return out
}

// allPartials reads every month paid in part, by member: few, so scans
// over the roster read them once.
func allPartials(tx *bbolt.Tx) map[uint64]map[model.Month]model.PartPaid {
	out := map[uint64]map[model.Month]model.PartPaid{}
	b := tx.Bucket(bucketDuesPartial)
	if b == nil {
		return out
	}
	_ = b.ForEach(func(k, v []byte) error {
		pp, ok := partialValue(v)
		if !ok || len(k) != 12 {
			return nil
		}
		id := binary.BigEndian.Uint64(k)
		m := out[id]
		if m == nil {
			m = map[model.Month]model.PartPaid{}
			out[id] = m
		}
		m[model.Month(binary.BigEndian.Uint32(k[8:]))] = pp
		return nil
	})
	return out
}

// lastPaidMonth is the latest month the member paid into, in full or in
// part (0 for none): what a paid month owed cannot change, so settings
// that change what months owe may only start after it.
func lastPaidMonth(tx *bbolt.Tx, d memberDues, id uint64) model.Month {
	var last model.Month
	if paid := d.paid(); len(paid) > 0 {
		last = paid[len(paid)-1]
	}
	for mo := range memberPartials(tx, id) {
		last = max(last, mo)
	}
	return last
}

// mapPaid is a member's paid months in memory (the restorer and the check).
type mapPaid struct {
	d    *memberDues
	prts map[model.Month]model.PartPaid
}

func (p *mapPaid) full(mo model.Month) bool        { return p.d.has(mo) }
func (p *mapPaid) setFull(mo model.Month, on bool) { p.d.set(mo, on) }
func (p *mapPaid) part(mo model.Month) (model.PartPaid, bool) {
	pp, ok := p.prts[mo]
	return pp, ok
}
func (p *mapPaid) setPart(mo model.Month, pp model.PartPaid) {
	if pp.Paid <= 0 {
		delete(p.prts, mo)
		return
	}
	if p.prts == nil {
		p.prts = map[model.Month]model.PartPaid{}
	}
	p.prts[mo] = pp
}
