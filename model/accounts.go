package model

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The union accounting chart (工会会计制度, 2010 chart; the 2021 revision
// keeps its spirit): income accounts 401–408, expense accounts 501–506 and
// 509, with the sub-accounts of 403, 501 and 502. A sub-account's code is
// its parent's three digits and two more; the union may add its own
// sub-accounts (Profile.CustomAccounts), checked by ValidateCustomAccount.
//
// 其他支出 has no number in the sources we follow: it is 509 here, leaving
// 507 and 508 free for the accounts some provinces put there (事业支出 …).
const AccountOtherExpense = "509"

// Other accounts the demo and the reports name.
const (
	AccountAllocated      = "402" // 拨缴经费收入
	AccountHigherSubsidy  = "403" // 上级补助收入
	AccountAdministrative = "504" // 行政支出
)

var standardChart = []Account{
	{"401", "会费收入", "Membership dues", In},
	{"402", "拨缴经费收入", "Allocated union funds", In},
	{"403", "上级补助收入", "Subsidies from higher unions", In},
	{"40301", "回拨补助", "Funds returned by higher unions", In},
	{"40302", "专项补助", "Special-purpose subsidies", In},
	{"40303", "帮扶补助", "Hardship-aid subsidies", In},
	{"40304", "送温暖补助", "Festival-consolation subsidies", In},
	{"40305", "救灾补助", "Disaster-relief subsidies", In},
	{"40399", "其他补助", "Other subsidies", In},
	{"404", "政府补助收入", "Government subsidies", In},
	{"405", "行政补助收入", "Administrative subsidies", In},
	{"406", "事业收入", "Operating income", In},
	{"407", "投资收益", "Investment income", In},
	{"408", "其他收入", "Other income", In},
	{"501", "职工活动支出", "Employee activities", Out},
	{"50101", "教育", "Education", Out},
	{"50102", "文体", "Culture and sports", Out},
	{"50103", "宣传", "Publicity", Out},
	{"50199", "其他", "Other activities", Out},
	{"502", "维权支出", "Rights protection", Out},
	{"50201", "劳动关系协调", "Labour-relations coordination", Out},
	{"50202", "劳动保护", "Labour protection", Out},
	{"50203", "法律援助", "Legal aid", Out},
	{"50204", "困难职工帮扶费", "Aid to workers in hardship", Out},
	{"50205", "送温暖费", "Festival consolation (送温暖)", Out},
	{"50299", "其他", "Other rights protection", Out},
	{"503", "业务支出", "Operational expenses", Out},
	{"504", "行政支出", "Administrative expenses", Out},
	{"505", "资本性支出", "Capital expenditure", Out},
	{"506", "补助下级支出", "Subsidies to lower unions", Out},
	{AccountOtherExpense, "其他支出", "Other expenses", Out},
}

// StandardChart is the standard chart in code order (a fresh copy).
func StandardChart() []Account { return slices.Clone(standardChart) }

// Chart is the standard chart with the union's own sub-accounts, in code
// order (so every sub-account follows its parent).
func (p *Profile) Chart() []Account { return ChartWith(p.CustomAccounts) }

// ChartWith is the standard chart with the custom accounts added, in code
// order; a custom account whose code is a standard one is ignored.
func ChartWith(custom []Account) []Account {
	out := StandardChart()
	for _, a := range custom {
		if _, ok := FindAccount(out, a.Code); !ok {
			out = append(out, a)
		}
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
	return code == account || (len(account) == 3 && strings.HasPrefix(code, account))
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

// ValidateCustomAccount checks a sub-account the union wants to add to
// chart: a code of five digits whose first three are a standard top-level
// account and that is not yet in the chart, and a name of up to 20
// characters. Normalizes a in place and sets its direction from the parent.
// Problems on fields "account_code" and "account_name".
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
		parent, ok := FindAccount(standardChart, ParentCode(a.Code))
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
	case n > 20:
		ps.add("account_name", "problem.too_long", 20)
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
// "amount", "counterparty" and "memo": a real date not in the future; an
// account of the chart whose direction (income or spending) is the
// entry's; an amount above zero (below zero for a reversal, which names the
// entry it reverses in ReversalOf, and allowed below zero for an entry
// posted by a record's reversal, which names that record in Source); at most 50 characters of counterparty
// and 200 of memo.
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
	if utf8.RuneCountInString(e.Counterparty) > 50 {
		ps.add("counterparty", "problem.too_long", 50)
	}
	if utf8.RuneCountInString(e.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	return ps
}
