package units

import (
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

func newForm(t *testing.T) *unitForm {
	t.Helper()
	c := uitest.NewCommon(uitest.OpenStore(t, uitest.FixedNow), i18n.ZH, uitest.FixedNow)
	return newUnitForm(c, newBook(c), nil)
}

func TestUnitFormReadsNumbersAndDates(t *testing.T) {
	uf := newForm(t)
	f := uf.f
	f.SetValue("unit_name", " 青山镇　宏达公司工会 ")
	f.SetValue("employees", "１２０") // full-width digits from an IME
	f.SetValue("women", "40")
	f.SetValue("contract_signed", "2024年3月1日")
	f.SetValue("contract_expires", "2027/2/28")
	u, ps := uf.unit()
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	if u.Name != "青山镇宏达公司工会" || u.Employees != 120 || u.ContractSigned != 20240301 || u.ContractExpires != 20270228 {
		t.Errorf("read %+v", u)
	}
}

func TestUnitFormNamesEachBadField(t *testing.T) {
	uf := newForm(t)
	f := uf.f
	f.SetValue("unit_name", "某厂工会")
	f.SetValue("employees", "十二")
	f.SetValue("contract_signed", "2024-02-30")
	_, ps := uf.unit()
	if !ps.Has("employees", "problem.whole_number") || !ps.Has("contract_signed", "date.impossible") {
		t.Errorf("problems: %v", ps)
	}
}
