package model

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"unionbook/i18n"
)

// The seed corpus of each fuzz test lives in testdata/fuzz/<FuzzName>/ (the
// DOMAIN.md vectors, Excel-mangled and full-width forms); `go test` runs the
// seeds, `go test -run=^$ -fuzz=FuzzX` explores from them.

// checkErr fails unless err is a catalogue error with one of the prefixes
// whose message renders in both languages.
func checkErr(t *testing.T, in string, err error, prefixes ...string) {
	t.Helper()
	var e *i18n.Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %v is not an i18n.Error", in, err)
	}
	ok := false
	for _, p := range prefixes {
		ok = ok || strings.HasPrefix(e.Key, p)
	}
	if !ok || !i18n.ZH.Has(e.Key) || !i18n.EN.Has(e.Key) {
		t.Fatalf("%q: unexpected error key %q", in, e.Key)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if msg := e.Localize(l); strings.Contains(msg, "%!") && !strings.Contains(in, "%!") || !utf8.ValidString(msg) && utf8.ValidString(in) {
			t.Fatalf("%q: bad message %q", in, msg)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			checkErr(t, s, err, "money.")
			if m != 0 {
				t.Fatalf("%q: value %d with an error", s, m)
			}
			return
		}
		if m > 999999999999999 || m < -999999999999999 {
			t.Fatalf("%q: %d is beyond the documented range", s, m)
		}
		for _, text := range []string{m.String(), m.Display()} {
			back, err := ParseMoney(text)
			if err != nil || back != m {
				t.Fatalf("%q → %d → %q → %d, %v", s, m, text, back, err)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			checkErr(t, s, err, "date.")
		} else {
			if !d.Valid() {
				t.Fatalf("%q → %d, not a valid date", s, d)
			}
			if back, err := ParseDate(d.String()); err != nil || back != d {
				t.Fatalf("%q → %d → %q → %d, %v", s, d, d.String(), back, err)
			}
			if d.Month().First() > d || d.Month().Last() < d {
				t.Fatalf("%d outside its month", d)
			}
		}
		m, err := ParseMonth(s)
		if err != nil {
			checkErr(t, s, err, "month.")
		} else if back, err := ParseMonth(m.String()); err != nil || back != m || !m.First().Valid() || !m.Last().Valid() {
			t.Fatalf("%q → %d → %q → %d, %v", s, m, m.String(), back, err)
		}
	})
}

func FuzzNormalizeResidentID(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		id, err := NormalizeResidentID(s)
		if err != nil {
			checkErr(t, s, err, "id.")
			return
		}
		if len(id) != 18 || !allDigits(id[:17]) || idCheck(id[:17]) != id[17] {
			t.Fatalf("%q → %q: not 18 characters with a valid check", s, id)
		}
		if again, err := NormalizeResidentID(id); err != nil || again != id {
			t.Fatalf("%q → %q → %q, %v", s, id, again, err)
		}
		if b, err := IDBirthDate(id); err != nil || !b.Valid() {
			t.Fatalf("%q: birth %d, %v", id, b, err)
		}
		if g := IDGender(id); g != Male && g != Female {
			t.Fatalf("%q: gender %v", id, g)
		}
		if m := MaskID(id); len(m) != 18 || strings.Count(m, "*") != 8 {
			t.Fatalf("MaskID(%q) = %q", id, m)
		}
	})
}

func FuzzNormalizeCreditCode(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		c, err := NormalizeCreditCode(s)
		if err != nil {
			checkErr(t, s, err, "credit.")
			return
		}
		if len(c) != 18 || strings.Trim(c, creditAlphabet) != "" {
			t.Fatalf("%q → %q", s, c)
		}
		if again, err := NormalizeCreditCode(c); err != nil || again != c {
			t.Fatalf("%q → %q → %q, %v", s, c, again, err)
		}
	})
}

func FuzzNormalizeMobile(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		m, err := NormalizeMobile(s)
		if err != nil {
			checkErr(t, s, err, "phone.")
		} else {
			if len(m) != 11 || !allDigits(m) || m[0] != '1' {
				t.Fatalf("%q → %q", s, m)
			}
			if again, err := NormalizeMobile(m); err != nil || again != m {
				t.Fatalf("%q → %q → %q, %v", s, m, again, err)
			}
		}
		p, err := NormalizePhone(s)
		if err != nil {
			checkErr(t, s, err, "phone.")
		} else if again, err := NormalizePhone(p); err != nil || again != p {
			t.Fatalf("phone %q → %q → %q, %v", s, p, again, err)
		}
	})
}

func FuzzClean(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		for name, fn := range map[string]func(string) string{"Clean": Clean, "CleanText": CleanText, "CleanName": CleanName} {
			c := fn(s)
			if again := fn(c); again != c {
				t.Fatalf("%s not idempotent: %q → %q → %q", name, s, c, again)
			}
			if c != strings.TrimSpace(c) {
				t.Fatalf("%s(%q) = %q is not trimmed", name, s, c)
			}
			for _, r := range c {
				if r < ' ' || r == 0x7f {
					t.Fatalf("%s(%q) = %q keeps control character %U", name, s, c, r)
				}
			}
		}
	})
}
