package units

import (
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

func newPage(t *testing.T) *Page {
	t.Helper()
	p := New(uitest.NewCommon(uitest.OpenStore(t, uitest.FixedNow), i18n.ZH, uitest.FixedNow))
	p.SetSize(100, 30)
	return p
}

func TestUnitFormReadsNumbersAndDates(t *testing.T) {
	p := newPage(t)
	p.openForm(nil)
	f := p.form
	f.SetValue("unit_name", " 青山镇　宏达公司工会 ")
	f.SetValue("employees", "１２０") // full-width digits from an IME
	f.SetValue("women", "40")
	f.SetValue("contract_signed", "2024年3月1日")
	f.SetValue("contract_expires", "2027/2/28")
	u, ps := p.unitFromForm(f)
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	if u.Name != "青山镇宏达公司工会" || u.Employees != 120 || u.ContractSigned != 20240301 || u.ContractExpires != 20270228 {
		t.Errorf("read %+v", u)
	}
}

func TestUnitFormNamesEachBadField(t *testing.T) {
	p := newPage(t)
	p.openForm(nil)
	f := p.form
	f.SetValue("unit_name", "某厂工会")
	f.SetValue("employees", "十二")
	f.SetValue("contract_signed", "2024-02-30")
	_, ps := p.unitFromForm(f)
	if !ps.Has("employees", "problem.whole_number") || !ps.Has("contract_signed", "date.impossible") {
		t.Errorf("problems: %v", ps)
	}
}
