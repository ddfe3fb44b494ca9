package model

import (
	"slices"
	"strings"
	"unicode/utf8"

	"unionbook/i18n"
)

// The accounting chart (工会会计制度) is data: a Chart lists the income and
// expense accounts in force from a year on, names the standard it started
// from and its source, and may be edited in full by the union (codes,
// names, sub-accounts) or loaded from a sheet. The published charts are in
// accounts_std.go. A sub-account's code extends its parent's by two digits
// (50404 under 504); codes have 3, 5 or 7 digits.

// Chart is the list of accounts in force from FromYear until the next
// chart's FromYear.
type Chart struct {
	FromYear int       `cbor:"1,keyasint,omitempty"` // 0: every year before the next chart
	Standard string    `cbor:"2,keyasint"`           // Chart2021, Chart2010 or ChartOwn
	Source   string    `cbor:"3,keyasint,omitempty"` // where the accounts come from
	Accounts []Account `cbor:"4,keyasint"`           // in code order
	// ID is the stored record's ID (0 for a chart not stored).
	ID uint64 `cbor:"5,keyasint,omitempty"`
}

// StandardName is how the chart's standard is named to the user: the
// published chart's year, or the words for the union's own chart.
func (c *Chart) StandardName(l i18n.Lang) string {
	if c.Standard == ChartOwn {
		return l.T("chart.standard_own")
	}
	return c.Standard
}

// StandardChart is a published chart (Chart2021 or Chart2010); ok is false
// for any other name.
func StandardChart(std string) (Chart, bool) {
	switch std {
	case Chart2021:
		return Chart{Standard: Chart2021, Source: source2021, Accounts: slices.Clone(chart2021)}, true
	case Chart2010:
		return Chart{Standard: Chart2010, Source: source2010, Accounts: slices.Clone(chart2010)}, true
	}
	return Chart{}, false
}

// DefaultChart is the chart of a new database: the 2021 chart.
func DefaultChart() Chart {
	c, _ := StandardChart(Chart2021)
	return c
}

// Find looks an account up by code.
func (c *Chart) Find(code string) (Account, bool) { return FindAccount(c.Accounts, code) }

// Parent is the code of the account code belongs to ("" for a top-level
// account or one not in the chart).
func (c *Chart) Parent(code string) string {
	for n := len(code) - 2; n >= 3; n -= 2 {
		if _, ok := c.Find(code[:n]); ok {
			return code[:n]
		}
	}
	return ""
}

// IsHeading reports whether code has sub-accounts in the chart (a heading
// account takes no budget line: its sub-accounts do).
func (c *Chart) IsHeading(code string) bool {
	for _, a := range c.Accounts {
		if len(a.Code) > len(code) && strings.HasPrefix(a.Code, code) {
			return true
		}
	}
	return false
}

// Level is 0 for a top-level account, 1 for its sub-account and so on.
func (c *Chart) Level(code string) int {
	n := 0
	for p := c.Parent(code); p != ""; p = c.Parent(p) {
		n++
	}
	return n
}

// RoleCode is the code of the account that does role in this chart (or
// its fallback role's); ok is false when the chart has none.
func (c *Chart) RoleCode(role AccountRole) (string, bool) {
	for r := role; r != ""; r = roleFallback[r] {
		for _, a := range c.Accounts {
			if a.Role == r {
				return a.Code, true
			}
		}
	}
	return "", false
}

// With is the chart with the union's legacy extra sub-accounts
// (Profile.CustomAccounts) added where their code is free and their parent
// is in the chart.
func (c Chart) With(custom []Account) Chart {
	c.Accounts = ChartWith(c.Accounts, custom)
	return c
}

// ChartWith is base with the custom accounts added, in code order; a custom
// account whose code is taken, or whose parent is missing, is left out.
func ChartWith(base, custom []Account) []Account {
	out := slices.Clone(base)
	for _, a := range custom {
		if _, ok := FindAccount(out, a.Code); ok {
			continue
		}
		if _, ok := FindAccount(out, ParentCode(a.Code)); !ok {
			continue
		}
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b Account) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// FindAccount looks an account up by code in chart.
func FindAccount(chart []Account, code string) (Account, bool) {
	for _, a := range chart {
		if a.Code == code {
			return a, true
		}
	}
	return Account{}, false
}

// ParentCode is the three-digit account a sub-account belongs to; a
// top-level account is its own parent.
func ParentCode(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// IsSubAccount reports whether code is a sub-account (more than three digits).
func IsSubAccount(code string) bool { return len(code) > 3 }

// AccountUnder reports whether code is account or one of its sub-accounts.
func AccountUnder(code, account string) bool {
	return code == account || (len(code) > len(account) && strings.HasPrefix(code, account))
}

// Label is "401 会费收入" (Chinese) or "401 Membership dues" (English gloss
// when there is one).
func (a Account) Label(english bool) string {
	if english && a.NameEN != "" {
		return a.Code + " " + a.NameEN
	}
	return a.Code + " " + a.Name
}

func allDigitsStr(s string) bool { return allDigits(s) }

// accountNameMax bounds an account's name.
const accountNameMax = 20

// ValidateCustomAccount checks a sub-account the union wants to add to
// chart: a code of five digits whose first three are a top-level account
// of chart and that is not yet in it, and a name of up to 20 characters.
// Normalizes a in place and sets its direction from the parent. Problems
// on fields "account_code" and "account_name".
func ValidateCustomAccount(a *Account, chart []Account) Problems {
	var ps Problems
	a.Code = Clean(a.Code)
	a.Name = CleanText(a.Name)
	a.NameEN = CleanText(a.NameEN)
	switch {
	case a.Code == "":
		ps.add("account_code", "problem.required")
	case len(a.Code) != 5 || !allDigitsStr(a.Code):
		ps.add("account_code", "account.sub_code")
	default:
		parent, ok := FindAccount(chart, ParentCode(a.Code))
		switch {
		case !ok:
			ps.add("account_code", "account.no_parent", ParentCode(a.Code))
		default:
			a.Direction = parent.Direction
			if _, dup := FindAccount(chart, a.Code); dup {
				ps.add("account_code", "account.duplicate", a.Code)
			}
		}
	}
	switch n := utf8.RuneCountInString(a.Name); {
	case n == 0:
		ps.add("account_name", "problem.required")
	case n > accountNameMax:
		ps.add("account_name", "problem.too_long", accountNameMax)
	}
	return ps
}

// topLevels is every top-level account of either published chart: the
// parents a legacy custom sub-account may have.
func topLevels() []Account {
	var out []Account
	for _, a := range slices.Concat(chart2021, chart2010) {
		if !IsSubAccount(a.Code) {
			if _, dup := FindAccount(out, a.Code); !dup {
				out = append(out, a)
			}
		}
	}
	return out
}

// Normalize cleans the chart's text and puts its accounts in code order.
func (c *Chart) Normalize() {
	c.Source = CleanText(c.Source)
	for i := range c.Accounts {
		a := &c.Accounts[i]
		a.Code, a.Name, a.NameEN = Clean(a.Code), CleanText(a.Name), CleanText(a.NameEN)
	}
	slices.SortStableFunc(c.Accounts, func(a, b Account) int { return strings.Compare(a.Code, b.Code) })
}

// Validate returns every problem of a chart, each naming the account's
// code in its arguments: codes of 3, 5 or 7 digits, each once; a
// sub-account's parent in the chart and of the same direction; names of 1
// to 20 characters; at least one income and one expense account; each
// role on one account at most. Field "chart".
func (c *Chart) Validate() Problems {
	var ps Problems
	seen := map[string]bool{}
	roles := map[AccountRole]string{}
	var in, out bool
	for _, a := range c.Accounts {
		switch {
		case !allDigitsStr(a.Code) || (len(a.Code) != 3 && len(a.Code) != 5 && len(a.Code) != 7):
			ps.add("chart", "chart.code", a.Code)
			continue
		case seen[a.Code]:
			ps.add("chart", "chart.duplicate", a.Code)
			continue
		}
		seen[a.Code] = true
		if a.Direction != In && a.Direction != Out {
			ps.add("chart", "chart.direction", a.Code)
		}
		in, out = in || a.Direction == In, out || a.Direction == Out
		if len(a.Code) > 3 {
			p, ok := c.Find(a.Code[:len(a.Code)-2])
			switch {
			case !ok:
				ps.add("chart", "chart.no_parent", a.Code, a.Code[:len(a.Code)-2])
			case p.Direction != a.Direction:
				ps.add("chart", "chart.parent_direction", a.Code, p.Code)
			}
		}
		switch n := utf8.RuneCountInString(a.Name); {
		case n == 0:
			ps.add("chart", "chart.name_missing", a.Code)
		case n > accountNameMax || utf8.RuneCountInString(a.NameEN) > 60:
			ps.add("chart", "chart.name_long", a.Code, accountNameMax)
		}
		if a.Role != "" {
			if other, dup := roles[a.Role]; dup {
				ps.add("chart", "chart.role_twice", string(a.Role), other, a.Code)
			}
			roles[a.Role] = a.Code
		}
	}
	if len(c.Accounts) > 0 && (!in || !out) {
		ps.add("chart", "chart.one_sided")
	}
	if len(c.Accounts) == 0 {
		ps.add("chart", "chart.empty")
	}
	if c.FromYear != 0 && (c.FromYear < 1900 || c.FromYear > 9999) {
		ps.add("chart_year", "chart.year", c.FromYear)
	}
	return ps
}

// Normalize cleans the entry's text fields in place.
func (e *LedgerEntry) Normalize() {
	e.Account = Clean(e.Account)
	e.Counterparty = CleanText(e.Counterparty)
	e.Memo = CleanText(e.Memo)
}

// ValidateLedgerEntry checks a cash-book entry against chart and returns
// every problem at once, on the fields "date", "account", "direction",
// "amount", "counterparty", "memo" and "money": a real date not in the
// future; an account of the chart whose direction (income or spending) is
// the entry's; an amount above zero (below zero for a reversal, which names
// the entry it reverses in ReversalOf, and allowed below zero for an entry
// posted by a record's reversal, which names that record in Source); at
// most 50 characters of counterparty and 200 of memo; cash or bank when
// the money account is given (storage fills in the default first).
func ValidateLedgerEntry(e *LedgerEntry, chart []Account, today Date) Problems {
	var ps Problems
	switch {
	case e.Date == 0:
		ps.add("date", "problem.required")
	case !e.Date.Valid():
		ps.add("date", "date.impossible", e.Date.String())
	case e.Date > today:
		ps.add("date", "problem.future")
	}
	if e.Direction != In && e.Direction != Out {
		ps.add("direction", "problem.required")
	}
	if e.Account == "" {
		ps.add("account", "problem.required")
	} else if a, ok := FindAccount(chart, e.Account); !ok {
		ps.add("account", "account.unknown", e.Account)
	} else if (e.Direction == In || e.Direction == Out) && a.Direction != e.Direction {
		ps.add("direction", "account.direction", a.Code+" "+a.Name, i18nKeyArg(a.Direction.Key()))
	} else if e.ReversalOf == 0 && e.Source.Kind == "" && (&Chart{Accounts: chart}).IsHeading(a.Code) {
		// The chart's sub-accounts are prescribed (应当设置以下明细科目): an
		// amount on the heading itself is in none of them, and the
		// statement's sub-account lines would not add up to the heading.
		// Only an account chosen by hand: a reversal mirrors its entry,
		// whatever the chart is now, and dues, union funds and the like
		// post to their role's account even where a union's own chart
		// gave it sub-accounts.
		ps.add("account", "account.heading", a.Code+" "+a.Name)
	}
	switch {
	case e.ReversalOf != 0:
		if e.Amount >= 0 {
			ps.add("amount", "ledger.reversal_amount")
		}
	case e.Source.Kind != "" && e.Amount < 0:
		// A red entry posted by its source's reversal (one payment of a
		// unit's batch reversed: the batch's entry stays, this one takes
		// the payment's amount back).
	default:
		if err := e.Amount.Positive(); err != nil {
			ps.addErr("amount", err)
		}
	}
	if e.Money != 0 && !e.Money.Valid() {
		ps.add("money", "money_account.unknown")
	}
	if utf8.RuneCountInString(e.Counterparty) > 50 {
		ps.add("counterparty", "problem.too_long", 50)
	}
	if utf8.RuneCountInString(e.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	return ps
}
