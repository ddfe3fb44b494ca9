package storage

import (
	"fmt"
	"strings"
	"testing"

	"unionbook/model"

	"go.etcd.io/bbolt"
)

const hop = "李秘书"

// hardshipFixture: a profile with 低保 850, a unit and two members.
func hardshipFixture(t *testing.T) (*Store, model.Member, model.Member) {
	t.Helper()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.MinLiving = "青山镇总工会", model.Yuan(850)
	if err := s.SaveProfile(hop, p); err != nil {
		t.Fatal(err)
	}
	u := mustUnit(t, s, "青山镇宏达机械制造有限公司工会")
	a := mustMember(t, s, "张三", residentID("110101", 19800307, 867), u.ID)
	b := mustMember(t, s, "李四", residentID("110101", 19820512, 123), u.ID)
	return s, a, b
}

func newFile(m model.Member) model.HardshipFile {
	return model.HardshipFile{
		MemberID: m.ID, Category: model.CategoryDeep, MainCause: model.CauseSeriousIllness,
		OtherCauses:   []model.HardshipCause{model.CauseSchooling},
		HouseholdSize: 3, YearlyIncome: model.Yuan(36000), Spending: model.Yuan(12000),
		Health: "尿毒症，每周透析", BankName: "农业银行", BankAccount: "6228 4800 1234 5678 901",
		Household:   []model.HouseholdMember{{Name: "王芳", Relation: "配偶", MonthlyIncome: model.Yuan(1500)}},
		AppliedDate: 20240301,
	}
}

func TestHardshipFileLifecycleAndBadInput(t *testing.T) {
	t.Parallel()
	s, zs, ls := hardshipFixture(t)
	f := newFile(zs)
	if err := s.CreateHardshipFile(hop, &f); err != nil {
		t.Fatal(err)
	}
	if f.ID == 0 || f.Status != model.HardshipApplied || f.EnteredBy != hop || f.PerCapita() != 66667 {
		t.Fatalf("stored %+v", f)
	}
	// Bad input: household of 0, negative income, a second open file.
	bad := newFile(ls)
	bad.HouseholdSize, bad.Household = 0, nil
	bad.YearlyIncome = -1
	ps := problems(t, unchanged(t, s, func() error { return s.CreateHardshipFile(hop, &bad) }))
	if !ps.Has("hs_size", "hardship.size_zero") || !ps.Has("hs_income", "hardship.negative_income") {
		t.Errorf("problems %v", ps)
	}
	again := newFile(zs)
	ps = problems(t, unchanged(t, s, func() error { return s.CreateHardshipFile(hop, &again) }))
	if !ps.Has("member", "hardship.already_open") {
		t.Errorf("second open file: %v", ps)
	}
	// 李四 is 张三's spouse's household? No: but naming 张三 as a
	// household member makes it the same household.
	same := newFile(ls)
	same.Household = append(same.Household, model.HouseholdMember{Name: "张三", Relation: "兄弟", IDNumber: zs.IDNumber})
	ps = problems(t, unchanged(t, s, func() error { return s.CreateHardshipFile(hop, &same) }))
	if !ps.Has("hs_household", "hardship.household_filed") {
		t.Errorf("same household: %v", ps)
	}
	// Lifting an applied file is refused; approve, review, lift.
	var err error
	if _, err := s.LiftHardshipFile(hop, f.ID, model.LiftOut{NoticeFrom: 20240603, NoticeTo: 20240607, Approval: "x", Date: 20240610}); err == nil {
		t.Error("lifted an applied file")
	}
	if f, err = s.ApproveHardshipFile(hop, f.ID, 20240315, "王主席"); err != nil || f.Status != model.HardshipActive {
		t.Fatal(err, f.Status)
	}
	if f, err = s.ReviewHardshipFile(hop, f.ID, model.HardshipReview{Date: 20240601, Reviewer: "王主席", Finding: "情况未变", Category: model.CategoryRelative}); err != nil {
		t.Fatal(err)
	}
	if f.Category != model.CategoryRelative || len(f.Reviews) != 1 || f.LastReviewed() != 20240601 {
		t.Errorf("after review %+v", f)
	}
	short := model.LiftOut{NoticeFrom: 20240603, NoticeTo: 20240605, Approval: "晋总工〔2024〕3号", Date: 20240610}
	ps = problems(t, unchanged(t, s, func() error { _, err := s.LiftHardshipFile(hop, f.ID, short); return err }))
	if !ps.Has("hs_notice_to", "hardship.notice_short") {
		t.Errorf("short notice: %v", ps)
	}
	short.NoticeTo = 20240607
	// The shortest notice is a setting: at 6 working days, 3–7 June (5)
	// is short (docs/rules.md, 公示最少工作日).
	prof, _, _ := s.Profile()
	prof.NoticeWorkdays = 6
	if err := s.SaveProfile(hop, prof); err != nil {
		t.Fatal(err)
	}
	ps = problems(t, unchanged(t, s, func() error { _, err := s.LiftHardshipFile(hop, f.ID, short); return err }))
	if !ps.Has("hs_notice_to", "hardship.notice_short") || !strings.Contains(ps.Error(), "at least 6 working days; this one has 5") {
		t.Errorf("notice under the setting: %v", ps)
	}
	prof.NoticeWorkdays = 0
	if err := s.SaveProfile(hop, prof); err != nil {
		t.Fatal(err)
	}
	if f, err = s.LiftHardshipFile(hop, f.ID, short); err != nil {
		t.Fatal(err)
	}
	if f.Status != model.HardshipLifted || f.FollowUpUntil != 20241210 || f.KeepUntil() != 20340610 {
		t.Errorf("lifted %+v", f)
	}
	// Filed again: a new file linked to the old one.
	re := newFile(zs)
	re.AppliedDate = 20240614
	if err := s.CreateHardshipFile(hop, &re); err != nil {
		t.Fatal(err)
	}
	if re.PreviousID != f.ID {
		t.Errorf("refiled file names %d, want %d", re.PreviousID, f.ID)
	}
	// The member cannot be deleted.
	if err := s.DeleteMember(hop, zs.ID); !isKey(err, "hardship.member_has_files") {
		t.Errorf("delete member: %v", err)
	}
	hardshipCheckClean(t, s)
}

func hardshipCheckClean(t *testing.T, s *Store) {
	t.Helper()
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		if p.Checker == "hardship" {
			t.Errorf("check: %s", p.Localize(0))
		}
	}
}

func TestAidPostsToTheCashBookAndIsReversed(t *testing.T) {
	t.Parallel()
	s, zs, ls := hardshipFixture(t)
	f := newFile(zs)
	f.Status = model.HardshipActive
	if err := s.CreateHardshipFile(hop, &f); err != nil {
		t.Fatal(err)
	}
	school := model.AidRecord{FileID: f.ID, Type: model.AidSchool, Date: 20240610, Cash: model.Yuan(3000),
		Fund: model.FundHigher, Approver: "王主席", Student: "张小明", SchoolLevel: model.SchoolUniversity}
	warn, err := s.RecordAid(hop, &school)
	if err != nil || len(warn) != 0 {
		t.Fatal(err, warn)
	}
	e, err := s.LedgerEntry(school.LedgerID)
	if err != nil || e.Account != "50404" || e.Amount != model.Yuan(3000) || e.Source != (model.Source{Kind: "aid", ID: school.ID}) {
		t.Fatalf("ledger %+v %v", e, err)
	}
	warmth := model.AidRecord{FileID: f.ID, Type: model.AidWarmth, Date: 20240611, Cash: model.Yuan(500), Goods: "米、油", GoodsValue: model.Yuan(200),
		Fund: model.FundOwn, Approver: "王主席"}
	if _, err := s.RecordAid(hop, &warmth); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.LedgerEntry(warmth.LedgerID); e.Account != "50405" || e.Amount != model.Yuan(500) {
		t.Errorf("warmth entry %+v", e)
	}
	// Over the university cap of 10 months of 低保 (8,500): a warning, still written.
	more := school
	more.Cash, more.Date = model.Yuan(6000), 20240612
	warn, err = s.RecordAid(hop, &more)
	if err != nil || len(warn) != 1 || warn[0].Key != "aid.over_cap" {
		t.Errorf("cap: %v %v", warn, err)
	}
	bal, _ := s.Balance()
	if bal != -model.Yuan(9500) {
		t.Errorf("balance %s", bal.Display())
	}
	// Reverse once; a second time and the reversal itself are refused.
	rev, err := s.ReverseAid(hop, more.ID, 20240613, "超过上限，改下年发放")
	if err != nil || rev.Cash != -model.Yuan(6000) {
		t.Fatal(err, rev)
	}
	if re, _ := s.LedgerEntry(rev.LedgerID); re.ReversalOf != more.LedgerID || re.Amount != -model.Yuan(6000) {
		t.Errorf("reversing entry %+v", re)
	}
	if err := unchanged(t, s, func() error { _, err := s.ReverseAid(hop, more.ID, 20240613, "again"); return err }); !problems(t, err).Has("", "aid.already_reversed") {
		t.Errorf("twice: %v", err)
	}
	if err := unchanged(t, s, func() error { _, err := s.ReverseAid(hop, rev.ID, 20240613, "x"); return err }); !problems(t, err).Has("", "aid.cannot_reverse_reversal") {
		t.Errorf("reversal reversed: %v", err)
	}
	// The ledger's own reversal is refused: reverse at the source.
	if _, err := s.ReverseLedgerEntry(hop, warmth.LedgerID, 20240613, "x"); err == nil {
		t.Error("an aid entry was reversed in the cash book")
	}
	// Nothing given; aid for a closed file.
	none := model.AidRecord{MemberID: ls.ID, Type: model.AidLiving, Date: 20240610, Fund: model.FundOwn, Approver: "王主席"}
	if ps := problems(t, unchanged(t, s, func() error { _, err := s.RecordAid(hop, &none); return err })); !ps.Has("aid_cash", "aid.nothing_given") {
		t.Errorf("nothing given: %v", ps)
	}
	if _, err := s.CloseHardshipFile(hop, f.ID, 20240614, "调离本地"); err != nil {
		t.Fatal(err)
	}
	late := warmth
	if ps := problems(t, unchanged(t, s, func() error { _, err := s.RecordAid(hop, &late); return err })); !ps.Has("hs_file", "aid.file_closed") {
		t.Errorf("closed file: %v", ps)
	}
	// Aid without a file, for a member.
	alone := model.AidRecord{MemberID: ls.ID, Type: model.AidMedical, Date: 20240614, Cash: model.Yuan(800), Fund: model.FundDonation, Approver: "王主席"}
	if _, err := s.RecordAid(hop, &alone); err != nil || alone.LedgerID == 0 {
		t.Fatal(err)
	}
	st, err := s.HardshipStats(20240615)
	if err != nil {
		t.Fatal(err)
	}
	if st.Aid.Count != 3 || st.Aid.Cash != model.Yuan(4300) || st.Aid.ByType["school"].Cash != model.Yuan(3000) || st.ByStatus.Closed != 1 {
		t.Errorf("stats %+v", st)
	}
	hardshipCheckClean(t, s)
}

// Household members are edited and removed through UpdateHardshipFile: one
// write, one audit entry naming the change (ID numbers masked, health only
// marked), even when only a member's ID number or school changes; a closed
// file is refused, a lifted-out one is not.
func TestHouseholdMemberEditAndRemoveAreAudited(t *testing.T) {
	t.Parallel()
	s, zs, _ := hardshipFixture(t)
	f := newFile(zs)
	f.Household = append(f.Household, model.HouseholdMember{Name: "张小明", Relation: "子女", SchoolOrWork: "县一中"})
	if err := s.CreateHardshipFile(hop, &f); err != nil {
		t.Fatal(err)
	}
	// Only the ID number and the school of a member change.
	ed := f.Clone()
	kid := residentID("110101", 20100901, 135)
	ed.Household[1].IDNumber, ed.Household[1].SchoolOrWork = kid, "县二中"
	if err := s.UpdateHardshipFile(hop, &ed); err != nil {
		t.Fatal(err)
	}
	got, _ := s.HardshipFile(f.ID)
	if got.Household[1].IDNumber != kid || got.Household[1].SchoolOrWork != "县二中" {
		t.Fatalf("edit not stored: %+v", got.Household)
	}
	e := auditAll(t, s)[0]
	c, ok := findChange(e.Changes, "hs_household")
	if e.Action != model.ActionUpdate || e.EntityID != f.ID || !ok || !strings.Contains(c.New, model.MaskID(kid)) ||
		strings.Contains(c.New, kid) || !strings.Contains(c.Old, "县一中") || !strings.Contains(c.New, "县二中") {
		t.Errorf("edit audit %+v", e)
	}
	// The same ID number with other hidden digits is still a change.
	ed2 := got.Clone()
	for d := model.Date(20100902); d < 20100929; d++ {
		if id := residentID("110101", d, 135); model.MaskID(id) == model.MaskID(kid) {
			ed2.Household[1].IDNumber = id
			break
		}
	}
	if ed2.Household[1].IDNumber == kid {
		t.Fatal("no ID masking like the first")
	}
	n := len(auditAll(t, s))
	if err := s.UpdateHardshipFile(hop, &ed2); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.HardshipFile(f.ID); got.Household[1].IDNumber != ed2.Household[1].IDNumber || len(auditAll(t, s)) != n+1 {
		t.Errorf("hidden-digit edit lost: %+v", got.Household[1])
	}
	// Remove the spouse (no health recorded): the household change only.
	rm := got.Clone()
	rm.Household = rm.Household[1:]
	if err := s.UpdateHardshipFile(hop, &rm); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.HardshipFile(f.ID); len(got.Household) != 1 || got.Household[0].Name != "张小明" || got.HouseholdSize != 3 {
		t.Errorf("after remove %+v", got.Household)
	}
	e = auditAll(t, s)[0]
	if c, ok := findChange(e.Changes, "hs_household"); !ok || !strings.Contains(c.Old, "王芳") || strings.Contains(c.New, "王芳") {
		t.Errorf("remove audit %+v", e.Changes)
	}
	if _, ok := findChange(e.Changes, "hs_member_health"); ok {
		t.Errorf("removing a member without health logged a health change: %+v", e.Changes)
	}
	// A member's health: marked, never copied.
	h := got.Clone()
	h.Household[0].Health = "哮喘"
	if err := s.UpdateHardshipFile(hop, &h); err != nil {
		t.Fatal(err)
	}
	e = auditAll(t, s)[0]
	if c, ok := findChange(e.Changes, "hs_member_health"); !ok || c.Old != "" || c.New != "***" {
		t.Errorf("health audit %+v", e.Changes)
	}
	// A lifted-out file (in follow-up) may still be corrected; a closed one not.
	if _, err := s.ApproveHardshipFile(hop, f.ID, 20240315, "王主席"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LiftHardshipFile(hop, f.ID, model.LiftOut{NoticeFrom: 20240603, NoticeTo: 20240607, Approval: "批复", Date: 20240610}); err != nil {
		t.Fatal(err)
	}
	lifted, _ := s.HardshipFile(f.ID)
	lifted.Household = nil
	if err := s.UpdateHardshipFile(hop, &lifted); err != nil {
		t.Errorf("lifted file: %v", err)
	}
	if _, err := s.CloseHardshipFile(hop, f.ID, 20240612, "调离本地"); err != nil {
		t.Fatal(err)
	}
	closed, _ := s.HardshipFile(f.ID)
	closed.Household = []model.HouseholdMember{{Name: "王芳", Relation: "配偶"}}
	if ps := problems(t, unchanged(t, s, func() error { return s.UpdateHardshipFile(hop, &closed) })); !ps.Has("", "hardship.file_closed") {
		t.Errorf("closed file: %v", ps)
	}
	hardshipCheckClean(t, s)
}

// The same household is found through idx_hardship_household: a relative
// named in an open file cannot be named in another member's, until the
// first file drops them, or closes; a database from before the index gets
// it on opening.
func TestHouseholdIndexFollowsFiles(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	p := model.DefaultProfile()
	p.UnionName, p.MinLiving = "青山镇总工会", model.Yuan(850)
	if err := s.SaveProfile(hop, p); err != nil {
		t.Fatal(err)
	}
	u := mustUnit(t, s, "青山镇宏达机械制造有限公司工会")
	zs := mustMember(t, s, "张三", residentID("110101", 19800307, 867), u.ID)
	ls := mustMember(t, s, "李四", residentID("110101", 19820512, 123), u.ID)
	mother := model.HouseholdMember{Name: "赵母", Relation: "母亲", IDNumber: residentID("110101", 19550101, 45)}
	a := newFile(zs)
	a.Household = append(a.Household, mother)
	if err := s.CreateHardshipFile(hop, &a); err != nil {
		t.Fatal(err)
	}
	b := newFile(ls)
	b.Household = append(b.Household, mother)
	filed := func() bool {
		t.Helper()
		c := b
		err := s.CreateHardshipFile(hop, &c)
		if err == nil {
			if _, err := s.CloseHardshipFile(hop, c.ID, 20240615, "测试"); err != nil {
				t.Fatal(err)
			}
			return false
		}
		ps := problems(t, err)
		if !ps.Has("hs_household", "hardship.household_filed") || !strings.Contains(ps.Error(), "张三") {
			t.Fatalf("problems %v", ps)
		}
		return true
	}
	if !filed() {
		t.Fatal("the mother named in 张三's open file was named again in 李四's")
	}
	// A database from before the index: the migration builds it.
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket(idxHardshipHousehold); err != nil {
			return err
		}
		return putSchemaVersion(tx, migrationVersion("hardship household index")-1)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path)
	if !filed() {
		t.Fatal("after the migration the household is not found")
	}
	hardshipCheckClean(t, s)
	// 张三's file drops her: 李四's may name her.
	a.Household = a.Household[:1]
	if err := s.UpdateHardshipFile(hop, &a); err != nil {
		t.Fatal(err)
	}
	if filed() {
		t.Error("the mother left 张三's file but still counts as filed")
	}
	a.Household = append(a.Household, mother)
	if err := s.UpdateHardshipFile(hop, &a); err != nil {
		t.Fatal(err)
	}
	if !filed() {
		t.Error("the mother named again in 张三's file is not found")
	}
	if _, err := s.CloseHardshipFile(hop, a.ID, 20240614, "家庭情况好转"); err != nil {
		t.Fatal(err)
	}
	if filed() {
		t.Error("张三's file is closed but the mother still counts as filed")
	}
	hardshipCheckClean(t, s)
	// A stale entry is reported by the check.
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(idxHardshipHousehold).Put(append(householdPrefix(mother.IDNumber), itob(a.ID)...), empty)
	}); err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(r.Problems), string(idxHardshipHousehold)) {
		t.Errorf("the check missed a stale household entry: %v", r.Problems)
	}
}
