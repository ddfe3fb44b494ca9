package model

import (
	"math"
	"testing"
)

func TestParseMoney(t *testing.T) {
	cases := []struct {
		in   string
		want Money
		err  string
	}{
		{"12", 1200, ""},
		{"12.5", 1250, ""},
		{"12.50", 1250, ""},
		{"12.05", 1205, ""},
		{"0.01", 1, ""},
		{"0", 0, ""},
		{"¥12.50", 1250, ""},
		{"￥12.50", 1250, ""},
		{"￥1,234.00", 123400, ""},
		{"¥ 1,234,567.89", 123456789, ""},
		{"12元", 1200, ""},
		{"12.50 元", 1250, ""},
		{"１２.５０", 1250, ""},
		{"１２．５０", 1250, ""}, // full-width full stop
		{"１，２３４", 123400, ""},
		{" 12 ", 1200, ""},
		{"\t12\u00a0", 1200, ""},
		{"\u300012\u3000", 1200, ""},
		{"-3.10", -310, ""},
		{"－3.10", -310, ""},
		{"\u22123.10", -310, ""},
		{"-¥3.10", -310, ""},
		{"¥-3.10", -310, ""},
		{"+5", 500, ""},
		{".5", 50, ""},
		{"0.5", 50, ""},
		{"007", 700, ""},
		{"12.500", 1250, ""}, // trailing zeros are exact, not rounded
		{"1234.5000", 123450, ""},
		{"9999999999999.99", 999999999999999, ""},
		{"00000000000000001", 100, ""},

		{"12.345", 0, "money.decimals"},
		{"0.001", 0, "money.decimals"},
		{"1,234.567", 0, "money.decimals"},
		{"1,23.00", 0, "money.format"},
		{"1,2345", 0, "money.format"},
		{",123", 0, "money.format"},
		{"1234,567", 0, "money.format"},
		{"abc", 0, "money.format"},
		{"12abc", 0, "money.format"},
		{"12.3.4", 0, "money.format"},
		{"12.", 0, "money.format"},
		{".", 0, "money.format"},
		{"-", 0, "money.format"},
		{"--5", 0, "money.format"},
		{"-+5", 0, "money.format"},
		{"¥", 0, "money.format"},
		{"元", 0, "money.format"},
		{"1 234", 0, "money.format"},
		{"1e3", 0, "money.format"},
		{"12.-5", 0, "money.format"},
		{"", 0, "money.empty"},
		{"   ", 0, "money.empty"},
		{"10000000000000", 0, "money.too_large"},
		{"99999999999999999999999", 0, "money.too_large"},
		{"-99999999999999999999999", 0, "money.too_large"},
	}
	for _, c := range cases {
		got, err := ParseMoney(c.in)
		if k := errKey(err); k != c.err {
			t.Errorf("ParseMoney(%q): error %q (%v), want %q", c.in, k, err, c.err)
			continue
		}
		if c.err == "" && got != c.want {
			t.Errorf("ParseMoney(%q) = %d fen, want %d", c.in, got, c.want)
		}
	}
}

func TestParseMoneyErrorQuotesInput(t *testing.T) {
	_, err := ParseMoney("12.345")
	if err == nil || !contains(err.Error(), `"12.345"`) {
		t.Errorf("error %v should quote the input", err)
	}
}

func TestMoneyString(t *testing.T) {
	cases := []struct {
		m            Money
		str, display string
	}{
		{0, "0.00", "0.00"},
		{5, "0.05", "0.05"},
		{-5, "-0.05", "-0.05"},
		{50, "0.50", "0.50"},
		{1200, "12.00", "12.00"},
		{123450, "1234.50", "1,234.50"},
		{-123450, "-1234.50", "-1,234.50"},
		{99999, "999.99", "999.99"},
		{100000, "1000.00", "1,000.00"},
		{123456789, "1234567.89", "1,234,567.89"},
		{-100000000, "-1000000.00", "-1,000,000.00"},
		{Yuan(15), "15.00", "15.00"},
		{math.MaxInt64, "92233720368547758.07", "92,233,720,368,547,758.07"},
		{math.MinInt64, "-92233720368547758.08", "-92,233,720,368,547,758.08"},
	}
	for _, c := range cases {
		if got := c.m.String(); got != c.str {
			t.Errorf("Money(%d).String() = %q, want %q", int64(c.m), got, c.str)
		}
		if got := c.m.Display(); got != c.display {
			t.Errorf("Money(%d).Display() = %q, want %q", int64(c.m), got, c.display)
		}
	}
}

func TestMoneyRoundTrip(t *testing.T) {
	for _, m := range []Money{0, 1, -1, 99, 100, 123456, -987654321, 999999999999999} {
		for _, s := range []string{m.String(), m.Display()} {
			got, err := ParseMoney(s)
			if err != nil || got != m {
				t.Errorf("ParseMoney(%q) = %d, %v; want %d", s, got, err, m)
			}
		}
	}
}

func TestMoneyPositive(t *testing.T) {
	for m, want := range map[Money]string{1: "", 1250: "", 0: "money.zero", -1: "money.negative"} {
		if got := errKey(m.Positive()); got != want {
			t.Errorf("Money(%d).Positive() = %q, want %q", int64(m), got, want)
		}
	}
}
