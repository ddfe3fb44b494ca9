package model

import (
	"strconv"
	"strings"

	"unionbook/i18n"
)

// Money is an amount in fen (分), the smallest unit of the yuan. Money is
// never a float: sums of dues must agree to the fen with a hand calculation.
type Money int64

// Yuan makes an amount from whole yuan.
func Yuan(y int64) Money { return Money(y * 100) }

// ParseMoney reads an amount as people type it: "12", "12.5", "12.50",
// "¥12.50", "￥1,234.00", "12元", full-width digits. More than two decimals
// is an error, never rounded. A leading minus is accepted; callers that need
// a positive amount check it (see Positive).
func ParseMoney(s string) (Money, error) {
	t := strings.ReplaceAll(Clean(s), "\u2212", "-") // U+2212 minus sign
	neg, signed := false, false
	sign := func() {
		if !signed && t != "" && (t[0] == '-' || t[0] == '+') {
			neg, signed = t[0] == '-', true
			t = strings.TrimSpace(t[1:])
		}
	}
	sign() // "-¥12.50"
	t = strings.TrimPrefix(t, "¥")
	t = strings.TrimPrefix(t, "￥")
	t = strings.TrimSpace(t)
	sign() // "¥-12.50"
	t = strings.TrimSuffix(t, "元")
	t = strings.TrimSpace(t)
	if t == "" {
		if signed || Clean(s) != "" {
			return 0, i18n.E("money.format", shown(s))
		}
		return 0, i18n.E("money.empty")
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, i18n.E("money.format", shown(s))
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" && !hasDot {
		return 0, i18n.E("money.format", shown(s))
	}
	if intPart == "" {
		intPart = "0"
	}
	if !allDigits(intPart) || (hasDot && !allDigits(frac)) || (hasDot && frac == "") {
		return 0, i18n.E("money.format", shown(s))
	}
	if len(frac) > 2 {
		frac = strings.TrimRight(frac, "0") // "12.500" is exact
		if len(frac) > 2 {
			return 0, i18n.E("money.decimals", shown(s))
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if len(intPart) > 13 {
		return 0, i18n.E("money.too_large", shown(s))
	}
	yuan, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, i18n.E("money.format", shown(s))
	}
	for len(frac) < 2 {
		frac += "0"
	}
	fen, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(yuan*100 + fen)
	if neg {
		m = -m
	}
	return m, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String formats with two decimals and no grouping: "1234.50", "-0.05".
func (m Money) String() string {
	sign := ""
	v := uint64(m)
	if m < 0 {
		sign = "-"
		v = -v // two's complement: right even for the most negative value
	}
	return sign + strconv.FormatUint(v/100, 10) + "." + twoDigits(v%100)
}

// Display formats with thousands separators for screens: "1,234.50".
func (m Money) Display() string {
	s := m.String()
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + "." + frac
}

func twoDigits(v uint64) string {
	if v < 10 {
		return "0" + strconv.FormatUint(v, 10)
	}
	return strconv.FormatUint(v, 10)
}

// Positive is nil for an amount above zero and otherwise the error to show
// (money.zero or money.negative), for amounts that must be paid or spent.
func (m Money) Positive() error {
	switch {
	case m == 0:
		return i18n.E("money.zero")
	case m < 0:
		return i18n.E("money.negative")
	}
	return nil
}
