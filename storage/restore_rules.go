package storage

import (
	"errors"
	"unicode/utf8"

	"unionbook/i18n"
	"unionbook/model"
)

// A package's records are untrusted: before the Restorer writes one, it
// must keep the model's rules, as a form's or a roster's record must (an
// empty name, an ID number with a wrong check digit, gender 9, a note of
// 20 MB are refused). The error names the rules broken; the package
// loader adds the file and line.

// recordRules are the model's rules record breaks, checked on a copy (some
// validators tidy what they check). Dates are checked against
// checkNoFuture: a date the exporting laptop took as today is no finding
// here. A reversal is checked as the record it takes back, its amounts
// negated. What needs other records is the check's, which runs in the same
// transaction once every record is in (RestoreRecordsChecked): the
// cash-book entry's and the budget's account against the chart of their
// year, a payment's months against its member. Records without rules of
// their own (the audit log, unit batches, export history) give none.
func recordRules(rec any) model.Problems {
	today := checkNoFuture
	switch x := rec.(type) {
	case *model.Profile:
		p := *x
		var ps model.Problems
		for _, q := range p.Validate() {
			// a union code from before codes were checked is kept: the
			// settings form names its problem, and nothing depends on it
			if q.Field != "union_code" {
				ps = append(ps, q)
			}
		}
		return ps
	case *model.Unit:
		u := *x
		return u.Validate(today)
	case *model.Member:
		m := *x
		ps := m.Validate(today)
		for _, c := range m.History { // what ValidateChange checked when it was written
			if utf8.RuneCountInString(c.Reason) > model.ReasonMax {
				ps = append(ps, model.Problem{Field: "reason", Key: "problem.too_long", Args: []any{model.ReasonMax}})
			}
			if utf8.RuneCountInString(c.ToUnion) > model.ShortTextMax {
				ps = append(ps, model.Problem{Field: "to_union", Key: "problem.too_long", Args: []any{model.ShortTextMax}})
			}
		}
		return ps
	case *model.DuesPayment:
		var ps model.Problems
		amount := x.Amount
		if x.ReversalOf != 0 {
			amount = -amount
		}
		if err := amount.Positive(); err != nil {
			var e *i18n.Error
			errors.As(err, &e)
			ps = append(ps, model.Problem{Field: "amount", Key: e.Key, Args: e.Args})
		}
		ps = append(ps, model.CheckBatchFields(x.Date, x.Method, today)...) // the date and the method
		return append(ps, model.CheckMonths(x.From, x.To, "from", "to")...)
	case *model.LedgerEntry:
		e := *x
		return model.ValidateLedgerEntry(&e, []model.Account{{Code: e.Account, Direction: e.Direction}}, today)
	case *model.HardshipFile:
		f := x.Clone()
		return f.Validate(today)
	case *model.AidRecord:
		a := *x
		if a.ReversalOf != 0 {
			a.Cash, a.GoodsValue = -a.Cash, -a.GoodsValue
		}
		return a.Validate(today)
	case *model.Event:
		e := *x
		return model.ValidateEvent(&e, today)
	case *model.Case:
		c := *x
		return model.ValidateCase(&c, today)
	case *model.RiskCheck:
		r := *x
		return model.ValidateRiskCheck(&r, today)
	case *model.Chart:
		c := *x
		return c.Validate()
	case *model.OpeningBalance:
		o := *x
		return model.ValidateOpening(&o, today)
	case *model.Transfer:
		t := *x
		return model.ValidateTransfer(&t, today)
	case *model.Budget:
		b := *x
		return model.ValidateBudget(&b, &model.Chart{Accounts: []model.Account{{Code: b.Account}}})
	case *model.Consolation:
		c := *x
		if c.ReversalOf != 0 {
			c.PerMember = -c.PerMember
		}
		return model.ValidateConsolation(&c, today)
	case *model.UnitFunds:
		f := *x
		return model.ValidateUnitFunds(&f, today)
	case *model.UnitDues:
		var ps model.Problems
		for i := range x.Terms {
			ps = append(ps, x.Terms[i].Validate()...)
		}
		return ps
	case *model.MemberDues:
		var ps model.Problems
		for i := range x.Terms {
			ps = append(ps, x.Terms[i].Validate()...)
		}
		return ps
	case *model.CollectionReport:
		r := *x
		return r.Validate(today)
	case *model.Reminder:
		r := *x
		return r.Validate(today)
	case *model.Employer:
		e := *x
		return e.Validate(today)
	case *model.Honour:
		h := *x
		return h.Validate(today)
	case *model.FundsPayment:
		p := *x
		if p.ReversalOf != 0 {
			p.Paid, p.Received = -p.Paid, -p.Received
		}
		return model.ValidateFundsPayment(&p, today)
	}
	return nil
}

// checkRules returns the rules rec breaks as an error, nil when it keeps
// them.
func checkRules(rec any) error {
	if ps := recordRules(rec); len(ps) > 0 {
		return inlineProblems(ps)
	}
	return nil
}

func (ps inlineProblems) Error() string { return ps.Localize(i18n.EN) }
