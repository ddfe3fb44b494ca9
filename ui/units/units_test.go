package units

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
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
	f.SetValue("formed_on", "2024年3月1日")
	f.SetValue("region_code", "３５０１１１")
	u, ps := uf.unit()
	if len(ps) != 0 {
		t.Fatalf("problems: %v", ps)
	}
	if u.Name != "青山镇宏达公司工会" || u.Employees != 120 || u.FormedOn != 20240301 || u.RegionCode != "350111" || u.Form != model.FormSingle {
		t.Errorf("read %+v", u)
	}
}

func TestUnitFormNamesEachBadField(t *testing.T) {
	uf := newForm(t)
	f := uf.f
	f.SetValue("unit_name", "某厂工会")
	f.SetValue("employees", "十二")
	f.SetValue("formed_on", "2024-02-30")
	f.SetValue("region_code", "35A111")
	_, ps := uf.unit()
	if !ps.Has("employees", "problem.whole_number") || !ps.Has("formed_on", "date.impossible") || !ps.Has("region_code", "region.format") {
		t.Errorf("problems: %v", ps)
	}
}

// The unit's detail draws its member table under the facts and the
// table's title: a click lands on the member under the pointer.
func TestClickInTheDetailSelectsTheMemberUnderThePointer(t *testing.T) {
	s := uitest.OpenStore(t, uitest.FixedNow)
	u := model.Unit{Name: "宏达机械工会", Kind: 170}
	if err := s.CreateUnit(uitest.Operator, &u); err != nil {
		t.Fatal(err)
	}
	for _, m := range []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301},
		{Name: "曾志伟", Gender: model.Male, IDNumber: "430302199312194239", UnitID: u.ID, JoinDate: 20180915},
	} {
		if err := s.CreateMember(uitest.Operator, &m); err != nil {
			t.Fatal(err)
		}
	}
	hs := uitest.NewPageHarness(t, uitest.NewCommon(s, i18n.EN, uitest.FixedNow), 100, 30, func(c *common.Common) *Page { return New(c) })
	hs.Click(5, 2) // the first unit, twice: opens it
	hs.Click(5, 2)
	d, ok := hs.P.Top().(*detail)
	if !ok {
		t.Fatalf("a second click on the unit did not open it:\n%s", hs.Screen())
	}
	hs.Keys("tab", "tab") // the members pane
	lines := strings.Split(hs.Screen(), "\n")
	if !strings.Contains(lines[headerLines], "Name") || !strings.Contains(lines[headerLines+2], "曾志伟") {
		t.Fatalf("the member table is not where its origin says:\n%s", hs.Screen())
	}
	hs.Click(20, headerLines+2)
	if d.table.Cursor() != 1 {
		t.Errorf("a click on 曾志伟's line selected row %d", d.table.Cursor())
	}
}

// rowOrder is the order in which the names appear on the screen.
func rowOrder(screen string, names ...string) []string {
	type at struct {
		name string
		line int
	}
	var found []at
	for i, l := range strings.Split(screen, "\n") {
		for _, n := range names {
			if strings.Contains(l, n) {
				found = append(found, at{n, i})
			}
		}
	}
	out := make([]string, len(found))
	for i, f := range found {
		out[i] = f.name
	}
	return out
}

// A click on a column title sorts the units by that column, a second click
// the other way round, and the title shows the mark; a click above the
// titles sorts nothing.
func TestClickOnAColumnTitleSortsTheUnits(t *testing.T) {
	s := uitest.OpenStore(t, uitest.FixedNow)
	for _, u := range []model.Unit{
		{Name: "青山镇宏达机械工会", Kind: 170, Employees: 320},
		{Name: "青山镇中心小学工会", Kind: 400, Employees: 80},
		{Name: "Anxin Clinic Union", Kind: 400, Employees: 25},
	} {
		if err := s.CreateUnit(uitest.Operator, &u); err != nil {
			t.Fatal(err)
		}
	}
	names := []string{"宏达", "中心小学", "Anxin"}
	hs := uitest.NewPageHarness(t, uitest.NewCommon(s, i18n.EN, uitest.FixedNow), 100, 30, func(c *common.Common) *Page { return New(c) })
	before := strings.Join(rowOrder(hs.Screen(), names...), " ")
	header := strings.Split(hs.Screen(), "\n")[tableTop]
	x := strings.Index(header, "Staff")
	if x < 0 {
		t.Fatalf("no Staff title:\n%s", hs.Screen())
	}
	hs.Click(x, 0) // the search line
	if got := strings.Join(rowOrder(hs.Screen(), names...), " "); got != before {
		t.Errorf("a click above the titles reordered the units: %s, was %s", got, before)
	}
	hs.Click(x+2, tableTop)
	if got := strings.Join(rowOrder(hs.Screen(), names...), " "); got != "Anxin 中心小学 宏达" {
		t.Errorf("by employees: %s\n%s", got, hs.Screen())
	}
	if !strings.Contains(strings.Split(hs.Screen(), "\n")[tableTop], "^") {
		t.Errorf("no ascending mark:\n%s", hs.Screen())
	}
	hs.Click(x+2, tableTop)
	if got := strings.Join(rowOrder(hs.Screen(), names...), " "); got != "宏达 中心小学 Anxin" {
		t.Errorf("by employees, again: %s", got)
	}
	if !strings.Contains(strings.Split(hs.Screen(), "\n")[tableTop], "v") {
		t.Errorf("no descending mark:\n%s", hs.Screen())
	}
	// the order holds through a search and its end
	hs.Keys("/")
	hs.Type("q")
	hs.Keys("esc")
	if got := strings.Join(rowOrder(hs.Screen(), names...), " "); !strings.HasPrefix(got, "宏达 中心小学") {
		t.Errorf("after a search: %s", got)
	}
}
