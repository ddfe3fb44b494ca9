package model

import (
	"testing"

	"unionbook/i18n"
)

func TestParseGender(t *testing.T) {
	for in, want := range map[string]Gender{"男": Male, " 女 ": Female, "M": Male, "f": Female, "male": Male, "Female": Female, "男性": Male, "２": Female} {
		if g, ok := ParseGender(in); !ok || g != want {
			t.Errorf("ParseGender(%q) = %v, %v; want %v", in, g, ok, want)
		}
	}
	for _, in := range []string{"", "x", "未知", "3"} {
		if g, ok := ParseGender(in); ok || g != GenderUnknown {
			t.Errorf("ParseGender(%q) = %v, %v; want unknown", in, g, ok)
		}
	}
}

func TestNormalizeEthnicity(t *testing.T) {
	if len(Ethnicities) != 56 {
		t.Fatalf("%d ethnic groups, want 56", len(Ethnicities))
	}
	seen := map[string]bool{}
	for _, e := range Ethnicities {
		if seen[e] {
			t.Errorf("%s listed twice", e)
		}
		seen[e] = true
	}
	for in, want := range map[string]string{"汉族": "汉族", "汉": "汉族", " 蒙古 ": "蒙古族", "维吾尔族": "维吾尔族", "基诺": "基诺族"} {
		if got, ok := NormalizeEthnicity(in); !ok || got != want {
			t.Errorf("NormalizeEthnicity(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "火星族", "Han", "穿青人"} {
		if _, ok := NormalizeEthnicity(in); ok {
			t.Errorf("NormalizeEthnicity(%q) should fail", in)
		}
	}
}

// Every code's name exists in both catalogues.
func TestCodeKeysInCatalogue(t *testing.T) {
	var keys []string
	for _, g := range []Gender{GenderUnknown, Male, Female} {
		keys = append(keys, g.Key())
	}
	for _, d := range DocTypes {
		keys = append(keys, d.Key())
	}
	for _, s := range Statuses {
		keys = append(keys, s.Key())
	}
	for _, k := range UnitKinds {
		keys = append(keys, k.Key())
	}
	keys = append(keys, Status(0).Key(), UnitKind(1).Key(), UnionSingle.Key(), UnionJoint.Key(), UnitActive.Key(), UnitDissolved.Key(), DocType(99).Key())
	for _, k := range keys {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if !l.Has(k) {
				t.Errorf("%s: no catalogue entry %q", l.Code(), k)
			}
		}
	}
	if UnitKind(170).IsEnterprise() != true || UnitKind(400).IsEnterprise() || UnitKind(300).Key() != "unit_kind.300" {
		t.Error("UnitKind helpers")
	}
}
