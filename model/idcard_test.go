package model

import (
	"strings"
	"testing"
)

// Vectors from DOMAIN.md.
var (
	validIDs = []string{
		"11010519491231002X", "440524188001010014", "34052419800101001X", "350303199002033073",
		"331122197905116239", "513330199111066159", "440308199901101512", "110101199003078670",
		"500154199804106120", "430302199312194239", "810000199408230021", "830000199201300022",
	}
	badCheckIDs = []string{
		"330502198807024471", "440308199901101513", "11010119900307867X",
		"110105194912310021", "340524198001010013",
	}
)

func TestNormalizeResidentIDValid(t *testing.T) {
	for _, id := range validIDs {
		got, err := NormalizeResidentID(id)
		if err != nil || got != id {
			t.Errorf("NormalizeResidentID(%q) = %q, %v; want it back unchanged", id, got, err)
		}
	}
}

func TestNormalizeResidentIDForms(t *testing.T) {
	cases := []struct{ in, want string }{
		{"11010519491231002x", "11010519491231002X"}, // lower-case x stored upper-case
		{"34052419800101001x", "34052419800101001X"},
		{" 110101199003078670 ", "110101199003078670"},
		{"110101 19900307 8670", "110101199003078670"}, // typed in groups
		{"110101-19900307-8670", "110101199003078670"},
		{"１１０１０１１９９００３０７８６７０", "110101199003078670"}, // full-width digits
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"},
		{"１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"},
		{"\u00a0110101199003078670\t", "110101199003078670"},
		{"\ufeff110101199003078670", "110101199003078670"}, // BOM from a CSV
		{"11010119900307\u200b8670", "110101199003078670"}, // zero-width space from a web page
		{"610104620927690", "610104196209276908"},          // 15 → 18
		{"６１０１０４６２０９２７６９０", "610104196209276908"},
	}
	for _, c := range cases {
		got, err := NormalizeResidentID(c.in)
		if err != nil || got != c.want {
			t.Errorf("NormalizeResidentID(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestNormalizeResidentIDErrors(t *testing.T) {
	cases := []struct{ in, err string }{
		{"", "id.empty"},
		{"   ", "id.empty"},
		{"110105194902310026", "id.birth_date"}, // right check character, 31 February
		{"110101199013078672", "id.birth_date"}, // month 13
		{"610104621327690", "id.birth_date"},    // 15 digits with month 13
		{"1.10101E+17", "id.excel_float"},
		{"1.10101e+17", "id.excel_float"},
		{"1.10101199003078E+17", "id.excel_float"},
		{"1,10101E+17", "id.excel_float"},
		{"1.10101E17", "id.excel_float"},
		{"1E+17", "id.excel_float"},
		{"110101199003078000", "id.excel_rounded"},
		{"110105194912310000", "id.excel_rounded"},
		{"11010119900307867", "id.length"},
		{"1101011990030786701", "id.length"},
		{"1101011990", "id.length"},
		{"abc", "id.length"},
		{"11010119900307867E", "id.chars"}, // an E where the check character goes
		{"E10101199003078670", "id.chars"},
		{"11010119900307867Y", "id.chars"},
		{"1101011990030786X0", "id.chars"},
		{"11010119900307867一", "id.chars"}, // 18 characters, one of them Chinese
		{"ABCDEFGHIJKLMNOPQR", "id.chars"},
		{"1.10101199003078E", "id.length"},
		{"E+17", "id.length"},
	}
	for _, id := range badCheckIDs {
		cases = append(cases, struct{ in, err string }{id, "id.checksum"})
	}
	for _, c := range cases {
		got, err := NormalizeResidentID(c.in)
		if k := errKey(err); k != c.err {
			t.Errorf("NormalizeResidentID(%q) = %q, error %q (%v); want %q", c.in, got, k, err, c.err)
		}
		if err != nil && got != "" {
			t.Errorf("NormalizeResidentID(%q) returned %q with an error", c.in, got)
		}
	}
}

func TestNormalizeResidentIDLengthMessage(t *testing.T) {
	for in, n := range map[string]string{"11010119900307867": "17", "11010119900307867一二": "19", "1101011990030786701": "19"} {
		_, err := NormalizeResidentID(in)
		if err == nil || !strings.Contains(err.Error(), "has "+n) {
			t.Errorf("NormalizeResidentID(%q): %v, want a length error counting %s characters", in, err, n)
		}
	}
}

func TestIDBirthDateAndGender(t *testing.T) {
	cases := []struct {
		id     string
		birth  Date
		gender Gender
	}{
		{"11010519491231002X", 19491231, Female},
		{"440524188001010014", 18800101, Male},
		{"110101199003078670", 19900307, Male},
		{"500154199804106120", 19980410, Female},
		{"830000199201300022", 19920130, Female},
		{"610104196209276908", 19620927, Female},
		{"810000199408230021", 19940823, Female},
	}
	for _, c := range cases {
		b, err := IDBirthDate(c.id)
		if err != nil || b != c.birth {
			t.Errorf("IDBirthDate(%q) = %d, %v; want %d", c.id, b, err, c.birth)
		}
		if g := IDGender(c.id); g != c.gender {
			t.Errorf("IDGender(%q) = %v, want %v", c.id, g, c.gender)
		}
	}
	for _, bad := range []string{"", "1101", "110101ABCDEFGH8670", "110101 2023/5/1x8670", "110105194902310026"} {
		if _, err := IDBirthDate(bad); err == nil {
			t.Errorf("IDBirthDate(%q) should fail", bad)
		}
	}
	for _, bad := range []string{"", "1101011990030786", "1101011990030786X0"} {
		if g := IDGender(bad); g != GenderUnknown {
			t.Errorf("IDGender(%q) = %v, want unknown", bad, g)
		}
	}
}

func TestMaskID(t *testing.T) {
	cases := map[string]string{
		"110101199003078670": "110101********8670",
		"11010519491231002X": "110105********002X",
		"610104620927690":    "610104*****7690",
		"E12345678":          "E1*****78",
		"H1234567":           "H1****67",
		"12345":              "12*45",
		"1234":               "****",
		"":                   "",
		"护照号码一二三四五":          "护照*****四五",
	}
	for in, want := range cases {
		if got := MaskID(in); got != want {
			t.Errorf("MaskID(%q) = %q, want %q", in, got, want)
		}
	}
	for _, id := range validIDs {
		m := MaskID(id)
		if len(m) != 18 || m[:6] != id[:6] || m[14:] != id[14:] || strings.Trim(m[6:14], "*") != "" {
			t.Errorf("MaskID(%q) = %q does not hide the birth date and sequence", id, m)
		}
	}
}
