package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

func TestUnitCreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := &model.Unit{
		Name: " 红星 机械厂 ", CreditCode: "91350100m000100y43", Kind: 170,
		Employees: 120, Women: 40, MigrantWorkers: 30, Chair: "王 芳", Phone: "0591-87654321",
	}
	if err := s.CreateUnit("李秘书", u); err != nil {
		t.Fatal(err)
	}
	if u.ID != 1 || u.Name != "红星机械厂" || u.CreditCode != "91350100M000100Y43" || u.Chair != "王芳" {
		t.Errorf("created unit = %+v", u)
	}
	got, err := s.Unit(u.ID)
	if err != nil || !reflect.DeepEqual(got, *u) {
		t.Errorf("Unit(%d) = %+v, %v; want %+v", u.ID, got, err, *u)
	}
	if byName, ok, err := s.UnitByName("红星机械厂 "); err != nil || !ok || byName.ID != u.ID {
		t.Errorf("UnitByName = %+v, %v, %v", byName, ok, err)
	}
	u2 := mustUnit(t, s, "城关镇村级联合工会")
	us, err := s.Units()
	if err != nil || len(us) != 2 || us[0].ID != u.ID || us[1].ID != u2.ID {
		t.Fatalf("Units() = %+v, %v", us, err)
	}

	// Rename: the old name is free again, the new one taken.
	up := *u
	up.Name = "红星机械有限公司"
	up.Employees = 130
	if err := s.UpdateUnit("李秘书", &up); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unit(u.ID); got.Name != "红星机械有限公司" || got.Employees != 130 {
		t.Errorf("after update: %+v", got)
	}
	if _, ok, _ := s.UnitByName("红星机械厂"); ok {
		t.Error("old name still indexed after rename")
	}
	mustUnit(t, s, "红星机械厂")
	dup := testUnit("红星机械有限公司")
	err = s.CreateUnit("李秘书", dup)
	if ps := problems(t, err); !ps.Has("unit_name", "unit.duplicate_name") {
		t.Errorf("renamed unit's new name not unique: %v", ps)
	}

	// Audit: create, create, update (with the changes), create.
	es := auditAll(t, s)
	if len(es) != 4 {
		t.Fatalf("%d audit entries, want 4", len(es))
	}
	upd := es[1]
	if upd.Action != model.ActionUpdate || upd.Entity != "unit" || upd.EntityID != u.ID || upd.Operator != "李秘书" || !upd.At.Equal(testNow) {
		t.Errorf("update audit entry %+v", upd)
	}
	if c, ok := findChange(upd.Changes, "unit_name"); !ok || c.Old != "红星机械厂" || c.New != "红星机械有限公司" {
		t.Errorf("unit_name change %+v in %+v", c, upd.Changes)
	}
	if c, ok := findChange(upd.Changes, "employees"); !ok || c.Old != "120" || c.New != "130" {
		t.Errorf("employees change %+v", c)
	}

	// An update that changes nothing writes nothing.
	same, _ := s.Unit(u.ID)
	h := fileHash(t, s)
	if err := s.UpdateUnit("李秘书", &same); err != nil {
		t.Fatal(err)
	}
	if fileHash(t, s) != h {
		t.Error("an update without changes wrote to the file")
	}

	if err := s.DeleteUnit("李秘书", u2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Unit(u2.ID); !isKey(err, "err.not_found") {
		t.Errorf("Unit after delete: %v, want err.not_found", err)
	}
	if _, ok, _ := s.UnitByName(u2.Name); ok {
		t.Error("deleted unit's name still indexed")
	}
	del := auditAll(t, s)[0]
	if del.Action != model.ActionDelete || del.EntityID != u2.ID || del.Label != u2.Name {
		t.Errorf("delete audit entry %+v", del)
	}
	// A deleted unit's ID is not handed out again.
	if n := mustUnit(t, s, "新单位"); n.ID <= u2.ID+1 {
		t.Errorf("new unit ID %d reuses or precedes deleted ID %d", n.ID, u2.ID)
	}
}

func TestUnitValidationWritesNothing(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	mustUnit(t, s, "红星机械厂")
	bad := &model.Unit{Name: "", CreditCode: "911100001000013428", Kind: 999, Employees: 10, Women: 11, Phone: "12"}
	err := unchanged(t, s, func() error { return s.CreateUnit("x", bad) })
	ps := problems(t, err)
	for _, want := range [][2]string{
		{"unit_name", "problem.required"}, {"credit_code", "credit.checksum"},
		{"unit_kind", "problem.not_in_list"}, {"women", "unit.more_than_employees"},
	} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing problem %v in %v", want, ps)
		}
	}
	if bad.ID != 0 {
		t.Error("failed create set the ID")
	}
	if _, err := s.Units(); err != nil {
		t.Fatal(err)
	}
}

func TestUnitUniqueness(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	a := testUnit("红星机械厂")
	a.CreditCode = "91350100M000100Y43"
	if err := s.CreateUnit("x", a); err != nil {
		t.Fatal(err)
	}
	b := testUnit("红星机械厂")
	b.CreditCode = "91110000802100433B"
	mustUnit(t, s, "光明食品厂")

	// Same name typed with spaces and full-width letters, same credit code
	// in lower case: both reported, nothing written.
	c := testUnit("红 星　机械厂")
	c.CreditCode = "９１３５０１００m000100y43"
	err := unchanged(t, s, func() error { return s.CreateUnit("x", c) })
	ps := problems(t, err)
	if !ps.Has("unit_name", "unit.duplicate_name") || !ps.Has("credit_code", "unit.duplicate_credit") {
		t.Fatalf("problems %v", ps)
	}
	if msg := ps.For("credit_code")[0].Message(i18n.ZH); !strings.Contains(msg, "红星机械厂") {
		t.Errorf("duplicate credit message %q does not name the unit", msg)
	}
	if msg := ps.For("unit_name")[0].Message(i18n.ZH); !strings.Contains(msg, "红星机械厂") {
		t.Errorf("duplicate name message %q", msg)
	}
	// Latin names compare without case.
	mustUnit(t, s, "ABC Trading")
	err = s.CreateUnit("x", testUnit("abc  trading"))
	if ps := problems(t, err); !ps.Has("unit_name", "unit.duplicate_name") {
		t.Errorf("case-folded duplicate not found: %v", ps)
	}

	// Updating a unit to another's name or code is refused; keeping its own is fine.
	g, _, _ := s.UnitByName("光明食品厂")
	g.CreditCode = "91350100M000100Y43"
	err = unchanged(t, s, func() error { return s.UpdateUnit("x", &g) })
	if ps := problems(t, err); !ps.Has("credit_code", "unit.duplicate_credit") {
		t.Errorf("update to a taken credit code: %v", ps)
	}
	a.Employees = 60
	if err := s.UpdateUnit("x", a); err != nil {
		t.Errorf("update keeping own name and code: %v", err)
	}
	// Units without a credit code do not collide with each other.
	mustUnit(t, s, "甲村联合工会")
	mustUnit(t, s, "乙村联合工会")
	_ = b
}

func TestUnitDeleteRules(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	m1 := mustMember(t, s, "张三", "110101199003078670", u.ID)
	m2 := mustMember(t, s, "李四", "430302199312194239", u.ID)

	err := unchanged(t, s, func() error { return s.DeleteUnit("x", u.ID) })
	var e *i18n.Error
	if !errors.Is(err, i18n.E("unit.in_use")) || !errors.As(err, &e) || len(e.Args) != 1 || e.Args[0] != 2 {
		t.Fatalf("DeleteUnit with members: %v", err)
	}
	if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "2 名会员") {
		t.Errorf("Chinese text %q", got)
	}
	// Members who left still belong to the unit's records.
	if _, err := s.ChangeStatus("x", m1.ID, model.StatusChange{Date: model.NewDate(2024, 1, 1), To: model.StatusLeft, Reason: "本人申请"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteUnit("x", u.ID); !isKey(err, "unit.in_use") {
		t.Errorf("DeleteUnit with a member who left: %v", err)
	}
	for _, id := range []uint64{m1.ID, m2.ID} {
		if err := s.DeleteMember("x", id); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteUnit("x", u.ID); err != nil {
		t.Errorf("DeleteUnit without members: %v", err)
	}
	err = s.DeleteUnit("x", u.ID)
	if !isKey(err, "err.not_found") || !strings.Contains(err.Error(), "unit") {
		t.Errorf("DeleteUnit twice: %v", err)
	}
	if got := i18n.Text(err, i18n.ZH); got != "找不到该记录" {
		t.Errorf("Chinese not-found text %q", got)
	}
	if err := s.UpdateUnit("x", testUnit("不存在")); !isKey(err, "err.not_found") {
		t.Errorf("UpdateUnit of unknown unit: %v", err)
	}
}
