package roster

import (
	"context"
	"testing"

	"unionbook/i18n"
)

func TestUnitCore(t *testing.T) {
	for in, want := range map[string]string{
		"厦门宏达机械有限公司工会":     "厦门宏达机械",
		"宏达机械":             "宏达机械",
		"福建省厦门市宏达机械有限公司":   "宏达机械",
		"厦门市湖里区海润食品有限公司工会": "海润食品",
		"青山机械厂":            "青山机械",
		"宏达机械（厦门）有限公司":     "宏达机械",
		"殿前街道联合工会":         "殿前街道",
		"XX 镇 工会委员会":       "xx镇",
	} {
		if got := unitCore(in); got != want {
			t.Errorf("unitCore(%q) = %q, want %q", in, got, want)
		}
	}
}

// A roster names units as people say them. Names that nearly match one
// registered unit go to it, saying why; a name too short to tell, or
// matching two units, does not; a refused match is a new unit.
func TestNearUnitNames(t *testing.T) {
	st := newStore(t, "厦门宏达机械有限公司工会", "厦门海润食品有限公司工会", "厦门宏达电子有限公司", "宏达电子科技有限公司")
	csv := "姓名,身份证号码,工作单位,入会时间\n" +
		"陈建国," + idChen + ",宏达机械,2010-07-01\n" +
		"林秀英," + idLin + ",厦门宏达机械有限公司,2012-03-15\n" +
		"黄志明," + idHuang + ",海润食品,2016-09-01\n" +
		"吴丽华," + idWu + ",宏达,2003-05-01\n" + // too little to go on
		"郑一," + residentID("35020319900101301") + ",宏达电子,2018-01-01\n" // two units hold it
	tab, err := ReadCSV([]byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(tab, st, Options{Kind: Members, Today: testToday, CreateUnits: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, m := range p.UnitMatches {
		got[m.Written] = m.Unit + " " + m.Why
	}
	want := map[string]string{
		"宏达机械":       "厦门宏达机械有限公司工会 import.match_part",
		"厦门宏达机械有限公司": "厦门宏达机械有限公司工会 import.match_core",
		"海润食品":       "厦门海润食品有限公司工会 import.match_part",
	}
	if !mapsEqual(got, want) {
		t.Errorf("matches %v, want %v", got, want)
	}
	var newUnits []string
	for _, u := range p.NewUnits {
		newUnits = append(newUnits, u.Name)
	}
	if len(newUnits) != 2 || newUnits[0] != "宏达" || newUnits[1] != "宏达电子" {
		t.Errorf("new units %v", newUnits)
	}
	res, err := p.Commit(context.Background(), st, "t", nil)
	if err != nil || res.Created != 5 || res.UnitsCreated != 2 {
		t.Fatalf("commit %+v %v: %s", res, err, allText(p, i18n.ZH))
	}
	us, _ := st.Units()
	if len(us) != 6 {
		t.Errorf("%d units: the near names were created again", len(us))
	}

	// refused: 宏达机械 is another unit
	p, err = Prepare(tab, newStore(t, "厦门宏达机械有限公司工会"), Options{Kind: Members, Today: testToday, RefuseMatches: []string{"宏达机械"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.UnitMatches) != 2 || !p.UnitMatches[0].Refused || p.UnitMatches[0].Rows != 1 || p.UnitMatches[1].Refused {
		t.Errorf("matches %+v", p.UnitMatches)
	}
	if !hasIssue(p, 2, "C:import.unit_unknown") || len(issuesOf(p, 3)) != 0 {
		t.Errorf("row 2 %v, row 3 %v", issuesOf(p, 2), issuesOf(p, 3))
	}
	// --exact-units: no near matches at all
	p, _ = Prepare(tab, newStore(t, "厦门宏达机械有限公司工会"), Options{Kind: Members, Today: testToday, ExactUnits: true})
	if len(p.UnitMatches) != 0 || !hasIssue(p, 3, "C:import.unit_unknown") {
		t.Errorf("exact: matches %v, row 3 %v", p.UnitMatches, issuesOf(p, 3))
	}
}

// A list of units that names a registered unit nearly is about that unit:
// a problem that says which and why, an update of it, or skipped.
func TestNearUnitNamesInAUnitList(t *testing.T) {
	st := newStore(t, "厦门宏达机械有限公司工会")
	tab, err := ReadCSV([]byte("单位名称,职工人数\n宏达机械有限公司,130\n海润食品,40\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Prepare(tab, st, Options{Kind: Units, Today: testToday})
	if !hasIssue(p, 2, "A:import.unit_near_database") {
		t.Fatalf("row 2: %v", issuesOf(p, 2))
	}
	if msg := allText(p, i18n.ZH); msg != "第 2 行 A 列（单位名称）：数据库中已有相近的单位「厦门宏达机械有限公司工会」（表中写的是已登记名称的一部分）；如果不是同一个单位，请拒绝这个对应\n" {
		t.Errorf("message %q", msg)
	}
	p, _ = Prepare(tab, st, Options{Kind: Units, Today: testToday, OnDuplicate: DupUpdate})
	if it := p.Items[0]; it.Action != Update || it.Unit.Name != "厦门宏达机械有限公司工会" || it.Unit.Employees != 130 {
		t.Errorf("update %+v", it)
	}
	p, _ = Prepare(tab, st, Options{Kind: Units, Today: testToday, RefuseMatches: []string{"宏达机械有限公司"}})
	if it := p.Items[0]; it.Action != Create || len(it.Issues) != 0 {
		t.Errorf("refused: %+v", it)
	}
}
