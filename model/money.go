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
	t := Clean(s)
	t = strings.TrimPrefix(t, "¥")
	t = strings.TrimPrefix(t, "￥")
	t = strings.TrimSuffix(t, "元")
	t = strings.TrimSpace(t)
	if t == "" {
		return 0, i18n.E("money.empty")
	}
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg = t[0] == '-'
		t = t[1:]
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
				return 0, i18n.E("money.format", s)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" && !hasDot {
		return 0, i18n.E("money.format", s)
	}
	if intPart == "" {
		intPart = "0"
	}
	if !allDigits(intPart) || (hasDot && !allDigits(frac)) || (hasDot && frac == "") {
		return 0, i18n.E("money.format", s)
	}
	if len(frac) > 2 {
		return 0, i18n.E("money.decimals", s)
	}
	if len(intPart) > 13 {
		return 0, i18n.E("money.too_large", s)
	}
	yuan, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, i18n.E("money.format", s)
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
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	return sign + strconv.FormatInt(v/100, 10) + "." + twoDigits(v%100)
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

func twoDigits(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}
