package storage

import (
	"slices"

	"unionbook/model"
)

// A change of the dues settings (the rate, the rounding unit, the first
// month kept, whether the join month owes) must not change what a month
// already paid owed: a paid month keeps what it was paid for, as with a
// wage base or a unit's scheme. A new rate therefore starts from a month
// (model.DuesRate) after the months it would change; the payments of those
// months are reversed first when the rate was wrong from the start.

// rulesSame reports whether two rules reckon every month alike.
func rulesSame(a, b model.DuesRules) bool {
	return a.RateBP == b.RateBP && a.TruncUnit == b.TruncUnit && a.OweJoinMonth == b.OweJoinMonth &&
		a.Since == b.Since && slices.Equal(a.Changes, b.Changes)
}

// paidMonthsKept refuses new dues settings that change what a month paid
// in full owed (or leave a month paid in part no longer owed). The problem
// names the first such month and a member who paid it, and, for a new rate,
// the first month it may start from; it is on the field whose change did
// it: "dues_since", "owe_join_month" or "dues_rate_from".
func (w *writer) paidMonthsKept(old, p *model.Profile) error {
	ro, rn := rulesOf(old), rulesOf(p)
	if rulesSame(ro, rn) || w.tx.Bucket(bucketDuesMember) == nil {
		return nil
	}
	calc, err := readDuesCalc(w.tx)
	if err != nil {
		return err
	}
	oc, nc := *calc, *calc
	oc.Rules, nc.Rules = ro, rn
	roster, err := duesRoster(w.tx)
	if err != nil {
		return err
	}
	partials := allPartials(w.tx)
	dm := w.tx.Bucket(bucketDuesMember)
	var first, last model.Month
	var who uint64
	changed := func(id uint64, mo model.Month) {
		if first == 0 || mo < first {
			first, who = mo, id
		}
		last = max(last, mo)
	}
	for i := range roster {
		m := &roster[i]
		v, part := dm.Get(itob(m.ID)), partials[m.ID]
		if v == nil && len(part) == 0 {
			continue
		}
		before, after := oc.For(m), nc.For(m)
		for _, mo := range decodeMemberDues(v).paid() {
			a0, s0 := before.Month(mo)
			if a1, s1 := after.Month(mo); a0 != a1 || s0 != s1 {
				changed(m.ID, mo)
			}
		}
		for mo := range part {
			_, s0 := before.Month(mo)
			if _, s1 := after.Month(mo); (s0 == model.OweNone) != (s1 == model.OweNone) {
				changed(m.ID, mo)
			}
		}
	}
	if first == 0 {
		return nil
	}
	m, err := getMember(w.tx, who)
	if err != nil {
		return err
	}
	switch {
	case ro.Since != rn.Since:
		return model.Problems{{Field: "dues_since", Key: "dues.rules_change_paid", Args: []any{first.String(), memberLabel(&m)}}}
	case ro.OweJoinMonth != rn.OweJoinMonth:
		return model.Problems{{Field: "owe_join_month", Key: "dues.rules_change_paid", Args: []any{first.String(), memberLabel(&m)}}}
	}
	return model.Problems{{Field: "dues_rate_from", Key: "dues.rate_change_paid", Args: []any{first.String(), memberLabel(&m), last.Add(1).String()}}}
}
