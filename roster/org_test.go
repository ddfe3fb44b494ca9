package roster

import (
	"testing"

	"unionbook/model"
)

// A unit list that says 村级联合工会 under 单位类别 is understood, not refused;
// the register's columns are read; a bad value names its cell.
func TestUnitListWithJointUnionsAndRegisterColumns(t *testing.T) {
	st := newStore(t)
	path := writeXLSX(t, "单位", [][]any{
		{"单位名称", "单位类别", "组建形式", "职工人数", "区划代码", "建会日期", "覆盖单位数"},
		{"青山镇东岭村联合工会", "村级联合工会", "", "80", "350111", "2015-06-01", "9"},
		{"青山镇工业园区联合工会", "", "区域联合工会", "300", "", "", "25"},
		{"青山机械厂工会", "159", "单独基层工会", "120", "35A111", "", ""},
	})
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Units, Today: testToday})
	if got := issuesOf(p, 2); len(got) != 0 {
		t.Errorf("row 2 (village joint union under 单位类别): %v", got)
	}
	if got := issuesOf(p, 3); len(got) != 0 {
		t.Errorf("row 3: %v", got)
	}
	if !hasIssue(p, 4, "E:region.format") {
		t.Errorf("row 4 should name its region code: %v", issuesOf(p, 4))
	}
	byName := map[string]model.Unit{}
	for _, it := range p.Items {
		byName[it.Unit.Name] = it.Unit
	}
	v := byName["青山镇东岭村联合工会"]
	if v.Form != model.FormVillage || v.Kind != 0 || v.UnionType != model.UnionJoint || v.RegionCode != "350111" ||
		v.FormedOn != 20150601 || v.CoveredEmployers != 9 {
		t.Errorf("village union %+v", v)
	}
	if a := byName["青山镇工业园区联合工会"]; a.Form != model.FormArea || a.CoveredEmployers != 25 {
		t.Errorf("area union %+v", a)
	}
	if f := byName["青山机械厂工会"]; f.Kind != 159 || f.Form != model.FormSingle {
		t.Errorf("single union %+v", f)
	}
}

// The member data items: 户籍类型 sets the migrant flag; 就业状况, 技术等级
// and 职称 by name or code.
func TestMemberDataItemColumns(t *testing.T) {
	st := newStore(t, "青山机械厂")
	path := writeXLSX(t, "会员", [][]any{
		{"姓名", "身份证号", "工作单位", "入会时间", "户籍类型", "就业状况", "技术等级", "职称"},
		{"张三", "110101199003078670", "青山机械厂", "2015-03-01", "农业户口", "在岗", "高级工", "中级"},
		{"李四", "350303199002033073", "青山机械厂", "2016-03-01", "非农业", "2", "四级", ""},
		{"王五", "430302199312194239", "青山机械厂", "2017-03-01", "外星", "摸鱼", "九级", "院士"},
	})
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	for _, w := range []string{"E:import.hukou", "F:import.employment", "G:import.skill", "H:import.title"} {
		if !hasIssue(p, 4, w) {
			t.Errorf("row 4 lacks %s: %v", w, issuesOf(p, 4))
		}
	}
	m := p.Items[0].Member
	if m.Hukou != model.HukouRural || !m.Migrant || m.Employment != model.EmployedOnPost || m.Skill != 3 || m.Title != 2 {
		t.Errorf("张三 %+v", m)
	}
	if m := p.Items[1].Member; m.Hukou != model.HukouUrban || m.Migrant || m.Employment != model.EmployedLaidOff || m.Skill != 4 {
		t.Errorf("李四 %+v", m)
	}
}
