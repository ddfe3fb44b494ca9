package storage

import (
	"errors"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

// The reported case: a payment dated 1999-01-01 for months in 2024 (the
// tests' clock is June 2024). Refused on its date, in the user's
// language; no receipt 1999-000001, no cash-book entry, nothing written.
// So are a cash-book entry, a reversal and a batch dated long ago.
func TestMoneyDatedLongAgoIsRefused(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	s := f.s
	var bp *BatchProblems
	cases := map[string]func() error{
		"payment": func() error {
			p := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 2), To: ym(2024, 3), Amount: 3080, Date: 19990101, Method: model.PayCash}
			return s.RecordPayment("李秘书", &p)
		},
		"payment two years ahead": func() error {
			p := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 5), To: ym(2024, 5), Amount: 1540, Date: 20220401, Method: model.PayCash}
			return s.RecordPayment("李秘书", &p)
		},
		"cash-book entry": func() error {
			return s.AddLedgerEntry("李秘书", &model.LedgerEntry{Date: 19990101, Direction: model.Out, Account: "50406", Amount: 100, Memo: "办公用品"})
		},
		"batch": func() error {
			plan, err := s.BatchPreview(f.a.ID, ym(2024, 5), ym(2024, 5))
			if err != nil {
				return err
			}
			_, err = s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 5), To: ym(2024, 5), Date: 19990101, Method: model.PayPayroll, Lines: plan.Lines})
			return err
		},
	}
	for name, write := range cases {
		err := unchanged(t, s, write)
		var ps model.Problems
		switch {
		case errors.As(err, &ps):
		case errors.As(err, &bp):
			ps = bp.Problems
		default:
			t.Fatalf("%s: %v (%T), want problems", name, err, err)
		}
		if len(ps) != 1 || ps[0].Field != "date" {
			t.Fatalf("%s: %v, want one problem on the date", name, ps)
		}
		zh := ps[0].Message(i18n.ZH)
		if !strings.Contains(zh, "请核对") || !strings.Contains(zh, "设置") {
			t.Errorf("%s: %s", name, zh)
		}
	}
	// A reversal dated long ago, of a payment made today.
	p := f.pay(t, f.m1, ym(2024, 2), ym(2024, 4), 4620, 20240614)
	err := unchanged(t, s, func() error {
		_, err := s.ReversePayment("李秘书", p.ID, 19990101, "录入错误")
		return err
	})
	if !errorsHaveKey(err, "date") {
		t.Errorf("reversal dated 1999: %v", err)
	}
	// Within the limits all is well: a year ahead, and the settings widen them.
	f.pay(t, f.m2, ym(2024, 5), ym(2024, 5), 3000, 20240601)
	prof, _, _ := s.Profile()
	prof.EntryYearsBack = 30
	if err := s.SaveProfile("李秘书", prof); err != nil {
		t.Fatal(err)
	}
	if err := s.AddLedgerEntry("李秘书", &model.LedgerEntry{Date: 20000105, Direction: model.Out, Account: "50406", Amount: 100, Memo: "旧账补记"}); err != nil {
		t.Errorf("an entry within the widened limit: %v", err)
	}
}

// errorsHaveKey reports a model problem on field in err.
func errorsHaveKey(err error, field string) bool {
	var ps model.Problems
	if !errors.As(err, &ps) {
		return false
	}
	for _, p := range ps {
		if p.Field == field {
			return true
		}
	}
	return false
}
