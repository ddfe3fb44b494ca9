package units

import (
	"path/filepath"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

func newPage(t *testing.T) *Page {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "u.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := &common.Common{Store: s, Lang: i18n.ZH, Styles: styles.Default(), Keys: keymap.New(i18n.ZH),
		Today: func() model.Date { return 20261121 }}
	p := New(c)
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
