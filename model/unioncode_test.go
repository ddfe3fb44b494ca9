package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

// A union's code is a credit code of a union: 81 (grassroots) or 89
// (other), with the credit code's length, alphabet and check character.
func TestNormalizeUnionCode(t *testing.T) {
	for _, c := range []struct{ in, want, err string }{
		{"81350102MC0123450A", "81350102MC0123450A", ""},
		{"81350102mc0123450a", "81350102MC0123450A", ""}, // lower case
		{"8135 0102 MC01 2345 0A", "81350102MC0123450A", ""},
		{"89110000MC1234566J", "89110000MC1234566J", ""},
		{"91350100M000100Y43", "", "profile.union_code_kind"}, // a company's
		{"81350102MC0123450B", "", "credit.checksum"},
		{"81350102MC012345", "", "credit.length"},
		{"工会代码", "", "credit.chars"},
	} {
		got, err := NormalizeUnionCode(c.in)
		if k := errKey(err); k != c.err || got != c.want {
			t.Errorf("NormalizeUnionCode(%q) = %q, %v; want %q, %s", c.in, got, err, c.want, c.err)
		}
	}
}

// The profile refuses a code that is no union's, saying so on the code's
// field; an empty code is fine; a good one is stored upper-case.
func TestProfileChecksTheUnionCode(t *testing.T) {
	p := DefaultProfile()
	p.UnionName = "青山镇总工会"
	p.Code = "91350100M000100Y43"
	p.Normalize()
	ps := p.Validate()
	if !ps.Has("union_code", "profile.union_code_kind") {
		t.Fatalf("a company's code: %v", ps)
	}
	if msg := ps.Localize(i18n.ZH); !strings.Contains(msg, "81") || !strings.Contains(msg, "91") {
		t.Errorf("the message does not say what a union's code starts with: %s", msg)
	}
	p.Code = ""
	if ps := p.Validate(); len(ps) != 0 {
		t.Errorf("no code: %v", ps)
	}
	p.Code = " 81350102mc0123450a "
	p.Normalize()
	if ps := p.Validate(); len(ps) != 0 || p.Code != "81350102MC0123450A" {
		t.Errorf("a union's code: %q %v", p.Code, ps)
	}
}
