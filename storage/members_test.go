package storage

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

func TestMemberCreateReadUpdateDelete(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	u2 := mustUnit(t, s, "光明食品厂")

	// A 15-digit legacy ID is converted, the birth date filled in, the
	// name's spaces removed, full-width phone digits folded.
	m := &model.Member{
		Name: " 张 三 ", Gender: model.Female, DocType: model.DocResidentID, IDNumber: "610104620927690",
		UnitID: u.ID, JoinDate: model.NewDate(1985, 7, 1), Phone: "１３８００１３８０００", Education: "本科",
	}
	if err := s.CreateMember("李秘书", m); err != nil {
		t.Fatal(err)
	}
	if m.ID != 1 || m.No != "000001" || m.Name != "张三" || m.IDNumber != "610104196209276908" ||
		m.Birth.String() != "1962-09-27" || m.Phone != "13800138000" || m.Status != model.StatusActive {
		t.Errorf("created member %+v", m)
	}
	got, err := s.Member(m.ID)
	if err != nil || !equalMember(got, *m) {
		t.Errorf("Member() = %+v, %v", got, err)
	}
	for _, q := range []string{"610104196209276908", "610104620927690", " 610104196209276908 "} {
		if byID, ok, err := s.MemberByIDNumber(q); err != nil || !ok || byID.ID != m.ID {
			t.Errorf("MemberByIDNumber(%q) = %d, %v, %v", q, byID.ID, ok, err)
		}
	}
	if _, ok, _ := s.MemberByIDNumber("110101199003078670"); ok {
		t.Error("MemberByIDNumber found an unknown number")
	}
	if byNo, ok, err := s.MemberByNo("000001"); err != nil || !ok || byNo.ID != m.ID {
		t.Errorf("MemberByNo = %+v, %v, %v", byNo, ok, err)
	}

	// Update: new ID number (lower-case x), new unit. Status and history
	// sent by the form are ignored.
	up := got
	up.IDNumber = "11010519491231002x"
	up.Birth = 0
	up.UnitID = u2.ID
	up.Status = model.StatusDeceased
	up.History = []model.StatusChange{{Date: 20200101, To: model.StatusDeceased}}
	up.No = ""
	if err := s.UpdateMember("王会计", &up); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Member(m.ID)
	if got.IDNumber != "11010519491231002X" || got.UnitID != u2.ID || got.Status != model.StatusActive ||
		len(got.History) != 0 || got.No != "000001" || got.Birth.String() != "1949-12-31" {
		t.Errorf("after update %+v", got)
	}
	if _, ok, _ := s.MemberByIDNumber("610104196209276908"); ok {
		t.Error("old ID number still indexed")
	}
	if byID, ok, _ := s.MemberByIDNumber("11010519491231002x"); !ok || byID.ID != m.ID {
		t.Error("new ID number not indexed")
	}
	if ids, _ := s.MemberIDsOfUnit(u.ID); len(ids) != 0 {
		t.Errorf("old unit still lists %v", ids)
	}
	if ids, _ := s.MemberIDsOfUnit(u2.ID); !slices.Equal(ids, []uint64{m.ID}) {
		t.Errorf("new unit lists %v", ids)
	}
	e := auditAll(t, s)[0]
	if e.Action != model.ActionUpdate || e.Entity != "member" || e.EntityID != m.ID || e.Label != "张三 (000001)" || e.Operator != "王会计" {
		t.Errorf("update audit %+v", e)
	}
	if c, ok := findChange(e.Changes, "id_number"); !ok || c.Old != "610104********6908" || c.New != "110105********002X" {
		t.Errorf("id_number change %+v (must be masked)", c)
	}
	if c, ok := findChange(e.Changes, "unit"); !ok || c.Old != "1" || c.New != "2" {
		t.Errorf("unit change %+v", c)
	}
	if _, ok := findChange(e.Changes, "status"); ok {
		t.Error("status changed through UpdateMember")
	}

	if err := s.DeleteMember("李秘书", m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Member(m.ID); !isKey(err, "err.not_found") {
		t.Errorf("Member after delete: %v", err)
	}
	if _, ok, _ := s.MemberByIDNumber("11010519491231002X"); ok {
		t.Error("deleted member's ID number still indexed")
	}
	if ids, _ := s.MemberIDsOfUnit(u2.ID); len(ids) != 0 {
		t.Errorf("deleted member still in unit index: %v", ids)
	}
	e = auditAll(t, s)[0]
	if e.Action != model.ActionDelete || e.Label != "张三 (000001)" {
		t.Errorf("delete audit %+v", e)
	}
	if c, ok := findChange(e.Changes, "name"); !ok || c.Old != "张三" {
		t.Errorf("delete audit keeps what was deleted: %+v", e.Changes)
	}
	if err := s.DeleteMember("x", m.ID); !isKey(err, "err.not_found") {
		t.Errorf("second delete: %v", err)
	}
	if err := s.UpdateMember("x", testMember("某", "110101199003078670", u.ID)); !isKey(err, "err.not_found") {
		t.Errorf("UpdateMember of unknown member: %v", err)
	}
	// The ID number is free again after the delete.
	mustMember(t, s, "张三", "11010519491231002X", u.ID)
}

func equalMember(a, b model.Member) bool {
	if len(a.History) != len(b.History) {
		return false
	}
	for i := range a.History {
		x, y := a.History[i], b.History[i]
		if !x.At.Equal(y.At) {
			return false
		}
		x.At = y.At
		if x != y {
			return false
		}
	}
	a.History, b.History = nil, nil
	return reflect.DeepEqual(a, b)
}

func TestMemberValidationWritesNothing(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	mustMember(t, s, "张三", "110101199003078670", u.ID)

	bad := &model.Member{
		Name: "", Gender: model.Male, DocType: model.DocResidentID, IDNumber: "110101199003078671",
		UnitID: 99, JoinDate: model.NewDate(2030, 1, 1), Phone: "123",
	}
	err := unchanged(t, s, func() error { return s.CreateMember("x", bad) })
	ps := problems(t, err)
	for _, want := range [][2]string{
		{"name", "problem.required"}, {"id_number", "id.checksum"}, {"unit", "member.unit_missing"},
		{"join_date", "problem.future"}, {"phone", "phone.any"},
	} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing problem %v in:\n%s", want, ps.Localize(i18n.ZH))
		}
	}
	if bad.ID != 0 || bad.No != "" {
		t.Errorf("refused create changed the member: id %d no %q", bad.ID, bad.No)
	}
	if !strings.Contains(ps.Localize(i18n.ZH), "工作单位：所选单位不存在") {
		t.Errorf("Chinese problems:\n%s", ps.Localize(i18n.ZH))
	}

	// Updates are checked the same way.
	m, _, _ := s.MemberByNo("000001")
	m.Gender = model.Female
	m.UnitID = 42
	err = unchanged(t, s, func() error { return s.UpdateMember("x", &m) })
	ps = problems(t, err)
	if !ps.Has("gender", "member.gender_vs_id") || !ps.Has("unit", "member.unit_missing") {
		t.Errorf("update problems %v", ps)
	}
}

func TestMemberUniqueness(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	zs := mustMember(t, s, "张三", "11010519491231002X", u.ID)
	mustMember(t, s, "李四", "430302199312194239", u.ID)

	// The same ID number typed in its 18-digit lower-case form, and a
	// member number already taken: both reported together.
	dup := testMember("张叁", "11010519491231002x", u.ID)
	dup.No = "000002"
	err := unchanged(t, s, func() error { return s.CreateMember("x", dup) })
	ps := problems(t, err)
	if len(ps) != 2 || !ps.Has("id_number", "member.duplicate_id") || !ps.Has("member_no", "member.duplicate_no") {
		t.Fatalf("problems %v", ps)
	}
	p := ps.For("id_number")[0]
	if len(p.Args) != 2 || p.Args[0] != "张三" || p.Args[1] != zs.No {
		t.Errorf("duplicate_id args %v", p.Args)
	}
	if got := p.Message(i18n.ZH); got != "身份证号已登记为会员 张三（编号 000001）" {
		t.Errorf("Chinese message %q", got)
	}
	if got := ps.For("member_no")[0].Message(i18n.ZH); !strings.Contains(got, "李四") {
		t.Errorf("duplicate_no message %q", got)
	}

	// A 15-digit ID of someone already on the roster under the 18-digit form.
	mustMember(t, s, "王五", "610104196209276908", u.ID)
	err = s.CreateMember("x", testMember("王五", "610104620927690", u.ID))
	if ps := problems(t, err); !ps.Has("id_number", "member.duplicate_id") {
		t.Errorf("15-digit duplicate: %v", ps)
	}

	// Passport numbers compare without case.
	pp := &model.Member{Name: "John Smith", Gender: model.Male, DocType: model.DocPassport, IDNumber: "E12345678",
		UnitID: u.ID, JoinDate: model.NewDate(2020, 1, 1)}
	if err := s.CreateMember("x", pp); err != nil {
		t.Fatal(err)
	}
	pp2 := *pp
	pp2.IDNumber = "e12345678"
	if ps := problems(t, s.CreateMember("x", &pp2)); !ps.Has("id_number", "member.duplicate_id") {
		t.Errorf("passport duplicate: %v", ps)
	}

	// An update may keep its own numbers but not take another's.
	zs.Phone = "13900139000"
	if err := s.UpdateMember("x", &zs); err != nil {
		t.Errorf("update keeping own numbers: %v", err)
	}
	zs.IDNumber = "430302199312194239"
	zs.Gender = model.Male
	zs.Birth = 0
	err = unchanged(t, s, func() error { return s.UpdateMember("x", &zs) })
	if ps := problems(t, err); !ps.Has("id_number", "member.duplicate_id") {
		t.Errorf("update to taken ID: %v", ps)
	}
}

func TestMemberNumbersAreSequentialAndNeverReused(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	ids := []string{"110101199003078670", "430302199312194239", "350303199002033073", "331122197905116239",
		"513330199111066159", "440308199901101512", "34052419800101001X", "500154199804106120"}
	no := func(i int, want string, explicit string) model.Member {
		t.Helper()
		m := testMember("会员", ids[i], u.ID)
		m.No = explicit
		if err := s.CreateMember("x", m); err != nil {
			t.Fatal(err)
		}
		if m.No != want {
			t.Errorf("member %d got number %q, want %q", i, m.No, want)
		}
		return *m
	}
	no(0, "000001", "")
	no(1, "000002", "")
	no(2, "000003", "000003") // typed by hand, ahead of the counter
	no(3, "000004", "")       // skips the explicitly used 000003
	m4 := no(4, "000005", "")
	if err := s.DeleteMember("x", m4.ID); err != nil {
		t.Fatal(err)
	}
	no(5, "000006", "") // 000005 is not given back
	// An explicit number typed ahead, then deleted, is retired too.
	m6 := no(6, "000007", "000007")
	if err := s.DeleteMember("x", m6.ID); err != nil {
		t.Fatal(err)
	}
	last := no(7, "000008", "")

	// Renumbering a member retires its old number.
	last.No = "A-100"
	if err := s.UpdateMember("x", &last); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.MemberByNo("000008"); ok {
		t.Error("old number still indexed after renumbering")
	}
	if byNo, ok, _ := s.MemberByNo("A-100"); !ok || byNo.ID != last.ID {
		t.Error("new number not indexed")
	}
	s.db.View(func(tx *bbolt.Tx) error {
		r := tx.Bucket(idxMemberNoRetired)
		for _, n := range []string{"000005", "000007", "000008"} {
			if r.Get([]byte(n)) == nil {
				t.Errorf("number %s not retired", n)
			}
		}
		return nil
	})
	// Full-width digits typed for a number are folded.
	m := testMember("赵六", "830000199201300022", u.ID)
	m.No = "１２３"
	if err := s.CreateMember("x", m); err != nil || m.No != "123" {
		t.Errorf("full-width number: %q, %v", m.No, err)
	}
}

func TestChangeStatus(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	m := mustMember(t, s, "张三", "110101199003078670", u.ID)

	got, err := s.ChangeStatus("李秘书", m.ID, model.StatusChange{Date: model.NewDate(2023, 5, 1), To: model.StatusRetained, Reason: " 退休 "})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.StatusRetained || len(got.History) != 1 {
		t.Fatalf("after change %+v", got)
	}
	h := got.History[0]
	if h.From != model.StatusActive || h.To != model.StatusRetained || h.Reason != "退休" || h.Operator != "李秘书" || !h.At.Equal(testNow) {
		t.Errorf("history entry %+v", h)
	}
	stored, _ := s.Member(m.ID)
	if !equalMember(stored, got) {
		t.Errorf("stored %+v, returned %+v", stored, got)
	}
	e := auditAll(t, s)[0]
	if e.Action != model.ActionStatus || e.EntityID != m.ID || e.Label != "张三 (000001)" {
		t.Errorf("status audit %+v", e)
	}
	if c, ok := findChange(e.Changes, "status"); !ok || c.Old != "status.active" || c.New != "status.retained" {
		t.Errorf("status change %+v", e.Changes)
	}
	if c, ok := findChange(e.Changes, "reason"); !ok || c.New != "退休" {
		t.Errorf("reason in audit %+v", e.Changes)
	}

	// Refused changes write nothing: transfer without receiving union, a
	// date before the last change, no reason.
	err = unchanged(t, s, func() error {
		_, err := s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2023, 1, 1), To: model.StatusTransferred})
		return err
	})
	ps := problems(t, err)
	for _, want := range [][2]string{{"to_union", "problem.required"}, {"change_date", "member.change_before_last"}, {"reason", "problem.required"}} {
		if !ps.Has(want[0], want[1]) {
			t.Errorf("missing %v in %v", want, ps)
		}
	}

	if _, err := s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2024, 1, 2), To: model.StatusTransferred, Reason: "调动", ToUnion: "城关镇总工会"}); err != nil {
		t.Fatal(err)
	}
	// Transferred out → retained is not allowed (only rejoining).
	_, err = s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2024, 2, 1), To: model.StatusRetained, Reason: "x"})
	if ps := problems(t, err); !ps.Has("status", "member.bad_transition") {
		t.Errorf("transferred → retained: %v", err)
	}
	if _, err := s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2024, 3, 1), To: model.StatusActive, Reason: "调回"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2024, 4, 1), To: model.StatusDeceased, Reason: "病故"}); err != nil {
		t.Fatal(err)
	}
	// Deceased → active is refused.
	err = unchanged(t, s, func() error {
		_, err := s.ChangeStatus("x", m.ID, model.StatusChange{Date: model.NewDate(2024, 5, 1), To: model.StatusActive, Reason: "误操作"})
		return err
	})
	ps = problems(t, err)
	if !ps.Has("status", "member.bad_transition") {
		t.Errorf("deceased → active: %v", ps)
	}
	if got := ps.Localize(i18n.ZH); !strings.Contains(got, "不能从「去世」变为「在会」") {
		t.Errorf("Chinese: %q", got)
	}
	final, _ := s.Member(m.ID)
	if final.Status != model.StatusDeceased || len(final.History) != 4 {
		t.Errorf("final %+v", final)
	}
	if final.StatusOn(model.NewDate(2024, 1, 15)) != model.StatusTransferred || final.History[1].ToUnion != "城关镇总工会" {
		t.Errorf("history %+v", final.History)
	}
	// UpdateMember keeps that history.
	final.Notes = "家属已领取慰问金"
	if err := s.UpdateMember("x", &final); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Member(m.ID); again.Status != model.StatusDeceased || len(again.History) != 4 || again.Notes == "" {
		t.Errorf("history lost on update: %+v", again)
	}
	if _, err := s.ChangeStatus("x", 999, model.StatusChange{Date: 20240101, To: model.StatusLeft, Reason: "x"}); !isKey(err, "err.not_found") {
		t.Errorf("unknown member: %v", err)
	}
}

// Not parallel: it changes the reference checkers.
func TestDeleteMemberReferenceCheckers(t *testing.T) {
	s := openTest(t)
	u := mustUnit(t, s, "红星机械厂")
	m := mustMember(t, s, "张三", "110101199003078670", u.ID)

	saved := memberRefCheckers
	t.Cleanup(func() { memberRefCheckers = saved })
	memberRefCheckers = append(memberRefCheckers, func(tx *bbolt.Tx, id uint64) (int, string, error) {
		if id == m.ID {
			return 3, "unit.in_use", nil // any counted message will do here
		}
		return 0, "", nil
	})
	err := unchanged(t, s, func() error { return s.DeleteMember("x", m.ID) })
	var e *i18n.Error
	if !errors.As(err, &e) || e.Key != "unit.in_use" || e.Args[0] != 3 {
		t.Errorf("delete of a referenced member: %v", err)
	}
	memberRefCheckers = saved
	if err := s.DeleteMember("x", m.ID); err != nil {
		t.Error(err)
	}
}

func TestMembersAndCounts(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	a := mustUnit(t, s, "甲厂")
	b := mustUnit(t, s, "乙厂")
	c := mustUnit(t, s, "丙厂")
	want := []string{"110101199003078670", "430302199312194239", "350303199002033073", "331122197905116239", "513330199111066159"}
	units := []uint64{a.ID, b.ID, a.ID, a.ID, b.ID}
	for i, id := range want {
		mustMember(t, s, "会员", id, units[i])
	}
	ms, err := s.Members()
	if err != nil || len(ms) != 5 {
		t.Fatalf("Members() = %d, %v", len(ms), err)
	}
	for i, m := range ms {
		if m.ID != uint64(i+1) || m.IDNumber != want[i] {
			t.Errorf("member %d = %d %s", i, m.ID, m.IDNumber)
		}
	}
	counts, err := s.UnitMemberCounts()
	if err != nil || counts[a.ID] != 3 || counts[b.ID] != 2 || counts[c.ID] != 0 || len(counts) != 2 {
		t.Errorf("UnitMemberCounts() = %v, %v", counts, err)
	}
	if ids, _ := s.MemberIDsOfUnit(a.ID); !slices.Equal(ids, []uint64{1, 3, 4}) {
		t.Errorf("MemberIDsOfUnit(a) = %v", ids)
	}
	if ids, _ := s.MemberIDsOfUnit(c.ID); len(ids) != 0 {
		t.Errorf("MemberIDsOfUnit(c) = %v", ids)
	}
}
