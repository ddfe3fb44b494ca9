package members

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
	"unionbook/ui/widget"
)

// newHarness is the Members tab on a store with two units and three
// members, numbered 000001 张三, 000002 单丽华, 000003 曾志伟.
func newHarness(t *testing.T, lang i18n.Lang, w, h int) *uitest.PageHarness[*Page] {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	units := []*model.Unit{{Name: "宏达机械工会", Kind: 170}, {Name: "重庆村联合工会", Form: model.FormVillage}}
	for _, u := range units {
		if err := s.CreateUnit(uitest.Operator, u); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: units[0].ID, JoinDate: 20150301},
		{Name: "单丽华", Gender: model.Female, IDNumber: "500154199804106120", UnitID: units[1].ID, JoinDate: 20200601},
		{Name: "曾志伟", Gender: model.Male, IDNumber: "430302199312194239", UnitID: units[0].ID, JoinDate: 20180915},
	} {
		if err := s.CreateMember(uitest.Operator, &m); err != nil {
			t.Fatal(err)
		}
	}
	c := uitest.NewCommon(s, lang, uitest.FixedNow)
	hs := uitest.NewPageHarness(t, c, w, h, func(c *common.Common) *Page { return New(c) })
	hs.Driver().Run(hs.P.Init())
	return hs
}

// The filter line is the page's line 0, the column titles line 1, the
// first member line 2.
func TestClickSelectsTheRowUnderThePointer(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	hs.Click(20, 3) // the second member
	if m, _ := hs.P.list.selected(); m.Name != "单丽华" {
		t.Fatalf("a click on the second row selected %q", m.Name)
	}
	hs.Click(20, 3) // again: opens it
	if hs.P.Depth() != 2 || !strings.Contains(hs.Screen(), "单丽华 (member no 000002)") {
		t.Fatalf("a second click on the selected row did not open it:\n%s", hs.Screen())
	}
}

func TestClickOnAColumnTitleSorts(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	hs.Click(20, 0) // the filter line: nothing
	if hs.P.b.r.sortCol != colNo {
		t.Fatalf("a click above the titles sorted by column %d", hs.P.b.r.sortCol)
	}
	nameX := strings.Index(strings.Split(hs.Screen(), "\n")[1], "Name")
	hs.Click(nameX, 1)
	if hs.P.b.r.sortCol != colName || hs.P.b.r.sortDesc {
		t.Fatalf("a click on Name sorted by %d desc=%v", hs.P.b.r.sortCol, hs.P.b.r.sortDesc)
	}
	// 单 (shan) before 曾 (zeng) before 张 (zhang)
	if m, _ := hs.P.list.selected(); m.Name != "单丽华" {
		t.Errorf("first by name: %q", m.Name)
	}
	hs.Click(nameX, 1)
	if !hs.P.b.r.sortDesc {
		t.Error("a second click on the same title did not reverse the order")
	}
}

// Another table's click messages reach every screen of every tab: the
// roster ignores them.
func TestClicksOfAnotherTableAreIgnored(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	other := widget.NewTable(nil, widget.DefaultTableStyles())
	hs.Send(widget.HeaderClickedMsg{ID: other.ID(), Col: 1}, widget.RowClickedMsg{ID: other.ID(), Row: 0, Again: true})
	if hs.P.b.r.sortCol != colNo || hs.P.Depth() != 1 {
		t.Errorf("another table's clicks acted here: sort %d, depth %d", hs.P.b.r.sortCol, hs.P.Depth())
	}
}

func TestDeleteAsksThenGoesBackToTheList(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	hs.Keys("enter", "d")
	uitest.Contains(t, hs.Screen(), "Delete member 张三 (000001)?", "y yes  n cancel")
	hs.Keys("n")
	if hs.P.Depth() != 2 {
		t.Fatalf("n did not keep the detail: depth %d", hs.P.Depth())
	}
	hs.Keys("d", "y")
	if hs.P.Depth() != 1 || hs.Status.Text != "Deleted member 张三" {
		t.Fatalf("after y: depth %d, status %q", hs.P.Depth(), hs.Status.Text)
	}
	uitest.Lacks(t, hs.Screen(), "000001")
	if ms, _ := hs.C.Store.Members(); len(ms) != 2 {
		t.Errorf("%d members left", len(ms))
	}
}

// A filter chosen in the unit picker; esc on the list clears it.
func TestUnitPickerFiltersAndEscClears(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 100, 30)
	hs.Keys("u")
	hs.Type("cqc")
	hs.Keys("enter")
	out := hs.Screen()
	uitest.Contains(t, out, "单丽华", "1 / 3")
	uitest.Lacks(t, out, "张三")
	hs.Keys("esc")
	uitest.Contains(t, hs.Screen(), "3 / 3")
}

// ShowUnit from the Units tab leaves a form with unsaved changes in front,
// and goes back to the list otherwise.
func TestShowUnitKeepsUnsavedWork(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	us, _ := hs.C.Store.Units()
	hs.Keys("n")
	hs.Type("王五")
	hs.Driver().Run(hs.P.ShowUnit(us[1].ID))
	if hs.P.Depth() != 2 || !hs.P.Dirty() {
		t.Fatalf("the changed form was dropped: depth %d", hs.P.Depth())
	}
	uitest.Contains(t, hs.Screen(), "王五", "behind an unsaved form")
	hs.Keys("esc", "y") // drop it
	uitest.Contains(t, hs.Screen(), "1 / 3", "单丽华")
	hs.Keys("enter")
	hs.P.ShowUnit(us[0].ID)
	if hs.P.Depth() != 1 || !strings.Contains(hs.Screen(), "2 / 3") {
		t.Errorf("ShowUnit did not go back to the filtered list: depth %d\n%s", hs.P.Depth(), hs.Screen())
	}
}
