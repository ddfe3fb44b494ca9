package model

import "testing"

func TestNormalizeMobile(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"13812345678", "13812345678", ""},
		{"+86 138 1234 5678", "13812345678", ""},
		{"+8613812345678", "13812345678", ""},
		{"0086 13812345678", "13812345678", ""},
		{"138-1234-5678", "13812345678", ""},
		{"１３８１２３４５６７８", "13812345678", ""},
		{"＋８６ １３８ １２３４ ５６７８", "13812345678", ""},
		{"\t19912345678\u00a0", "19912345678", ""},
		{"12345678901", "", "phone.mobile"}, // no mobile network starts 12
		{"1381234567", "", "phone.mobile"},  // 10 digits
		{"138123456789", "", "phone.mobile"},
		{"23812345678", "", "phone.mobile"},
		{"0591-87654321", "", "phone.mobile"},
		{"1381234567a", "", "phone.mobile"},
		{"", "", "phone.mobile"},
	}
	for _, c := range cases {
		got, err := NormalizeMobile(c.in)
		if k := errKey(err); k != c.err || got != c.want {
			t.Errorf("NormalizeMobile(%q) = %q, %q; want %q, %q", c.in, got, k, c.want, c.err)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"13812345678", "13812345678", ""},
		{"+86 138 1234 5678", "13812345678", ""},
		{"0591-87654321", "0591-87654321", ""},
		{"059187654321", "059187654321", ""},
		{"010-12345678", "010-12345678", ""},
		{"0591-87654321-801", "0591-87654321-801", ""}, // extension
		{"０５９１－８７６５４３２１", "0591-87654321", ""},
		{"(0591)87654321", "0591-87654321", ""},
		{"（0591）8765 4321", "0591-87654321", ""},
		{"87654321", "", "phone.any"}, // no area code
		{"12345678901", "", "phone.any"},
		{"1381234567", "", "phone.any"},
		{"0591-876", "", "phone.any"},
		{"0000000000", "", "phone.any"}, // no area code starts 00
		{"abc", "", "phone.any"},
		{"", "", "phone.any"},
	}
	for _, c := range cases {
		got, err := NormalizePhone(c.in)
		if k := errKey(err); k != c.err || got != c.want {
			t.Errorf("NormalizePhone(%q) = %q, %q; want %q, %q", c.in, got, k, c.want, c.err)
		}
	}
}
