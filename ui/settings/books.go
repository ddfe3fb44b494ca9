package settings

import (
	"fmt"
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// booksSection is the books' settings: where entries posted by other
// records go (cash or bank), the 工会经费 rate and the share that reaches
// this federation, the yearly consolation caps per member, the names
// printed on the signature line, and how many years back an entry may be
// dated. The opening balances have their own form
// (ui/bookui), the chart its own screen.
type booksSection struct{ prof model.Profile }

func newBooksForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, booksSection{prof})
}

func (booksSection) title() string { return "settings.books_title" }

// capKinds are the consolation occasions with a cap field, in order.
var capKinds = []model.ConsolKind{model.ConsolFestival, model.ConsolBirthday, model.ConsolMarriage,
	model.ConsolChildbirth, model.ConsolIllness, model.ConsolBereavement, model.ConsolRetirement}

func capField(k model.ConsolKind) string { return "consol_cap_" + k.Code() }

func (s booksSection) build(c *common.Common) *form.Form {
	money := []form.Option{}
	for _, m := range model.MoneyAccounts() {
		money = append(money, form.Option{Label: c.T(m.Key()), Value: uint64(m)})
	}
	fields := []*form.Field{
		form.ChoiceField("default_money", true, money),
		form.TextField("funds_rate", true, "2"),
		form.TextField("funds_share", true, "60"),
	}
	for _, k := range capKinds {
		fields = append(fields, form.TextField(capField(k), false, c.T("settings.hint_no_cap")))
	}
	fields = append(fields,
		form.TextField("sign_chair", false, ""),
		form.TextField("sign_finance", false, ""),
		form.TextField("sign_reviewer", false, ""),
		form.TextField("sign_preparer", false, ""),
		form.TextField("entry_years_back", true, c.T("settings.hint_years_back")),
	)
	f := form.New(c, fields...)
	b := s.prof.Books
	f.SetChoice("default_money", uint64(b.Money()))
	f.SetValue("entry_years_back", strconv.Itoa(s.prof.DateLimits().YearsBack))
	f.SetValue("funds_rate", pct(b.FundsRate()))
	f.SetValue("funds_share", pct(b.ShareOf(0)))
	for _, k := range capKinds {
		if m := b.Cap(k); m > 0 {
			f.SetValue(capField(k), m.String())
		}
	}
	f.SetValue("sign_chair", b.Signatures.Chair)
	f.SetValue("sign_finance", b.Signatures.Finance)
	f.SetValue("sign_reviewer", b.Signatures.Reviewer)
	f.SetValue("sign_preparer", b.Signatures.Preparer)
	return f
}

func (s booksSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	var ps model.Problems
	b := &pr.Books
	m, _ := f.Choice("default_money")
	b.DefaultMoney = model.MoneyAccount(m)
	percent := func(key string) int {
		v, err := model.ParseMoney(strings.TrimSuffix(strings.TrimSpace(f.Value(key)), "%"))
		if err != nil || v < 0 || v > 10000 {
			ps = append(ps, model.Problem{Field: key, Key: "books.bp_range"})
		}
		return int(v)
	}
	b.FundsRateBP, b.FundsShareBP = percent("funds_rate"), percent("funds_share")
	b.Caps = nil
	for _, k := range capKinds {
		v := strings.TrimSpace(f.Value(capField(k)))
		if v == "" {
			continue
		}
		m, err := model.ParseMoney(v)
		switch {
		case err != nil:
			ps = append(ps, form.ProblemOf(capField(k), err))
		case m < 0:
			ps = append(ps, model.Problem{Field: capField(k), Key: "problem.negative"})
		case m > 0:
			b.Caps = append(b.Caps, model.ConsolCap{Kind: k, Cap: m})
		}
	}
	b.Signatures = model.SignatureLine{Chair: f.Value("sign_chair"), Finance: f.Value("sign_finance"),
		Reviewer: f.Value("sign_reviewer"), Preparer: f.Value("sign_preparer")}
	pr.EntryYearsBack = readCount(f, "entry_years_back", pr.EntryYearsBack, model.DefaultEntryYearsBack, &ps)
	return pr, withProfileProblems(&pr, ps)
}

// pct shows basis points as a percentage for a field: 200 is "2", 6050
// is "60.5".
func pct(bp int) string {
	s := fmt.Sprintf("%d.%02d", bp/100, bp%100)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// booksLine is the summary's line of the books: the chart in force, the
// opening balances and how far the books are closed.
func booksLine(c *common.Common) string {
	st, err := c.Store.BooksStatus()
	if err != nil {
		return c.Err(err)
	}
	open := c.T("settings.books_no_openings")
	if o, ok := st.Openings[model.MoneyCash]; ok {
		bank := st.Openings[model.MoneyBank]
		open = c.T("settings.books_openings", o.Date.Month().String(), o.Amount.Display(), bank.Amount.Display())
	}
	closed := c.T("books.status_nothing_closed")
	if st.ClosedMonth != 0 {
		closed = c.T("books.status_closed", st.ClosedMonth.String())
	}
	return c.T("settings.books_summary", st.Chart.StandardName(c.Lang), open, closed)
}
