package storage

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// An old database's units of the invented kind 900 become village (or
// community) joint unions without an economic type; other units keep
// their records and read as their union type says.
func TestMigrationGivesUnitsTheirForm(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path)
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	before := uint32(0)
	for i, m := range migrations {
		if m.name == "organisation register" {
			before = uint32(i)
		}
	}
	old := []model.Unit{
		{ID: 1, Name: "青山镇东岭村联合工会", Kind: 900, UnionType: model.UnionJoint},
		{ID: 2, Name: "青山镇桥南社区联合工会", Kind: 900, UnionType: model.UnionJoint},
		{ID: 3, Name: "宏达机械工会", Kind: 170},
		{ID: 4, Name: "青山镇楼宇联合工会", Kind: 190, UnionType: model.UnionJoint},
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, name := range orgBuckets() {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		for i := range old {
			data, err := encode(&old[i])
			if err != nil {
				return err
			}
			if err := tx.Bucket(bucketUnits).Put(itob(old[i].ID), data); err != nil {
				return err
			}
			if err := tx.Bucket(idxUnitName).Put(unitNameKey(old[i].Name), itob(old[i].ID)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketUnits).SetSequence(4); err != nil {
			return err
		}
		return putSchemaVersion(tx, before)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path)
	want := map[uint64][2]any{1: {model.FormVillage, model.UnitKind(0)}, 2: {model.FormCommunity, model.UnitKind(0)},
		3: {model.FormSingle, model.UnitKind(170)}, 4: {model.FormOtherJoint, model.UnitKind(190)}}
	for id, w := range want {
		u, err := s.Unit(id)
		if err != nil {
			t.Fatal(err)
		}
		if u.FormOrType() != w[0] || u.Kind != w[1] {
			t.Errorf("unit %d %s: form %v kind %v, want %v", id, u.Name, u.Form, u.Kind, w)
		}
		if ps := u.Validate(model.DateOf(testNow)); len(ps) != 0 {
			t.Errorf("migrated unit %d does not validate: %v", id, ps)
		}
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check after migration: %v %+v", err, rep.Problems)
	}
}

func TestEmployerBecomesAUnitKeepingItsHistory(t *testing.T) {
	s := openTest(t)
	e := model.Employer{Name: "青山 食品厂", CreditCode: "91350100M000100Y43", Employees: 45, Women: 30, Kind: 170,
		Contact: "李厂长", Registered: 20240110}
	if err := s.CreateEmployer("李秘书", &e); err != nil {
		t.Fatal(err)
	}
	// the same name again is refused, and writes nothing
	dup := model.Employer{Name: "青山食品厂", Employees: 3, Registered: 20240110}
	if ps := problems(t, unchanged(t, s, func() error { return s.CreateEmployer("x", &dup) })); !ps.Has("employer_name", "employer.duplicate_name") {
		t.Errorf("duplicate: %v", ps)
	}
	bad := model.OrganisingVisit{Date: 20240105, By: "王主席"}
	if ps := problems(t, unchanged(t, s, func() error { _, err := s.VisitEmployer("x", e.ID, bad); return err })); !ps.Has("date", "employer.before_registered") || !ps.Has("visit_outcome", "problem.required") {
		t.Errorf("bad visit: %v", ps)
	}
	got, err := s.VisitEmployer("李秘书", e.ID, model.OrganisingVisit{Date: 20240301, By: "王主席", Outcome: "厂长同意筹建工会", Next: 20240401})
	if err != nil || got.Status != model.EmployerFollowing || len(got.Visits) != 1 {
		t.Fatalf("visit: %+v %v", got, err)
	}
	u := model.UnitFromEmployer(&got, 20240501)
	u.Chair = "赵敏"
	got, err = s.EmployerFormed("李秘书", e.ID, &u)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != model.EmployerFormed || got.UnitID != u.ID || len(got.Visits) != 1 {
		t.Errorf("employer after forming: %+v", got)
	}
	stored, _ := s.Unit(u.ID)
	if stored.Name != "青山食品厂工会" || stored.FromEmployer != e.ID || stored.FormedOn != 20240501 || stored.Employees != 45 {
		t.Errorf("unit: %+v", stored)
	}
	// formed once only; the unit keeps the history: not deleted
	again := model.UnitFromEmployer(&got, 20240502)
	again.Name = "另一个工会"
	if ps := problems(t, unchanged(t, s, func() error { _, err := s.EmployerFormed("x", e.ID, &again); return err })); !ps.Has("", "employer.closed") {
		t.Errorf("formed twice: %v", ps)
	}
	if err := unchanged(t, s, func() error { return s.DeleteUnit("x", u.ID) }); !isKey(err, "employer.unit_has_history") {
		t.Errorf("delete: %v", err)
	}
	// an employer with that credit code now has a union
	other := model.Employer{Name: "另一家", CreditCode: "91350100M000100Y43", Employees: 3, Registered: 20240601}
	if ps := problems(t, unchanged(t, s, func() error { return s.CreateEmployer("x", &other) })); !ps.Has("credit_code", "employer.duplicate_credit") {
		t.Errorf("credit code: %v", ps)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %+v", err, rep.Problems)
	}
	// the audit log has the visit and the formation
	es, _ := s.Audit(0, 10)
	var kinds []string
	for _, a := range es {
		kinds = append(kinds, string(a.Entity)+"/"+string(a.Action))
	}
	if !strings.Contains(strings.Join(kinds, " "), "employer/status unit/create employer/update employer/create") {
		t.Errorf("audit: %v", kinds)
	}
}

func TestEmployerGoneAndDeleted(t *testing.T) {
	s := openTest(t)
	e := model.Employer{Name: "临时搬走的厂", Employees: 8, Registered: 20240110}
	if err := s.CreateEmployer("x", &e); err != nil {
		t.Fatal(err)
	}
	if ps := problems(t, unchanged(t, s, func() error { _, err := s.EmployerGone("x", e.ID, 20240201, ""); return err })); !ps.Has("reason", "problem.required") {
		t.Errorf("gone without reason: %v", ps)
	}
	if _, err := s.EmployerGone("x", e.ID, 20240201, "迁往外地"); err != nil {
		t.Fatal(err)
	}
	if err := unchanged(t, s, func() error { return s.DeleteEmployer("x", e.ID) }); !problems(t, err).Has("", "employer.delete_history") {
		t.Errorf("delete closed: %v", err)
	}
	f := model.Employer{Name: "录错的", Employees: 1, Registered: 20240110}
	if err := s.CreateEmployer("x", &f); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteEmployer("x", f.ID); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.Employers(); len(es) != 1 {
		t.Errorf("employers: %d", len(es))
	}
}

func TestHonoursAndModelWorkers(t *testing.T) {
	s := openTest(t)
	u := mustUnit(t, s, "宏达机械工会")
	m := mustMember(t, s, "张三", "110101199003078670", u.ID)
	h := model.Honour{MemberID: m.ID, Title: model.HonourModelWorker, Level: model.LevelCity, Year: 2023, Body: "福州市人民政府"}
	if err := s.CreateHonour("李秘书", &h); err != nil {
		t.Fatal(err)
	}
	bad := model.Honour{MemberID: 999, Title: model.HonourPioneer, Level: model.LevelCity, Year: 2023}
	if ps := problems(t, unchanged(t, s, func() error { return s.CreateHonour("x", &bad) })); !ps.Has("holder", "dues.member_missing") {
		t.Errorf("missing member: %v", ps)
	}
	team := model.Honour{UnitID: u.ID, Title: model.HonourPioneer, Level: model.LevelProvince, Year: 2024}
	if err := s.CreateHonour("李秘书", &team); err != nil {
		t.Fatal(err)
	}
	if err := unchanged(t, s, func() error { return s.DeleteMember("x", m.ID) }); !isKey(err, "honour.member_has") {
		t.Errorf("delete member with honours: %v", err)
	}
	care, err := s.ModelWorkers(2024)
	if err != nil || len(care) != 1 || care[0].Level != model.ModelCity || care[0].Member.ID != m.ID {
		t.Fatalf("model workers: %+v %v", care, err)
	}
	if hs, _ := s.UnitHonours(u.ID); len(hs) != 1 || hs[0].Title != model.HonourPioneer {
		t.Errorf("unit honours %+v", hs)
	}
	if err := s.DeleteHonour("x", h.ID); err != nil {
		t.Fatal(err)
	}
	if care, _ := s.ModelWorkers(2024); len(care) != 0 {
		t.Errorf("no model worker left: %+v", care)
	}
	rep, err := s.Check()
	if err != nil || !rep.OK() {
		t.Fatalf("check: %v %+v", err, rep.Problems)
	}
}

// A coded status change is audited with its code, ground and report; a
// laid-off member is not made retained.
func TestCodedStatusChange(t *testing.T) {
	s := openTest(t)
	u := mustUnit(t, s, "宏达机械工会")
	m := mustMember(t, s, "张三", "110101199003078670", u.ID)
	laidOff := model.StatusChange{Date: 20240301, To: model.StatusRetained, ReasonCode: model.ReasonLaidOff}
	if err := unchanged(t, s, func() error { _, err := s.ChangeStatus("x", m.ID, laidOff); return err }); !problems(t, err).Has("reason_code", "member.laid_off_stays") {
		t.Errorf("laid off: %v", err)
	}
	ex := model.StatusChange{Date: 20240301, To: model.StatusExpelled, Ground: "某区人民法院刑事判决", ReportedOn: 20240305, CardReturned: 20240302}
	got, err := s.ChangeStatus("李秘书", m.ID, ex)
	if err != nil {
		t.Fatal(err)
	}
	if got.CardReturned != 20240302 || got.History[0].ReasonCode != model.ReasonCrime {
		t.Errorf("expelled: %+v", got)
	}
	es, _ := s.Audit(0, 1)
	fields := map[string]string{}
	for _, c := range es[0].Changes {
		fields[c.Field] = c.New
	}
	if fields["reason_code"] != "reason.6" || fields["ground"] == "" || fields["reported_on"] != "2024-03-05" {
		t.Errorf("audit changes %+v", es[0].Changes)
	}
}

func TestFilingNoticeIsChecked(t *testing.T) {
	s, zs, _ := hardshipFixture(t)
	f := newFile(zs)
	f.FilingNoticeFrom, f.FilingNoticeTo = 20240603, 20240604 // Mon–Tue
	if ps := problems(t, unchanged(t, s, func() error { return s.CreateHardshipFile(hop, &f) })); !ps.Has("hs_filing_notice_to", "hardship.notice_short") {
		t.Errorf("short notice: %v", ps)
	}
	f.FilingNoticeTo = 20240607
	if err := s.CreateHardshipFile(hop, &f); err != nil {
		t.Fatal(err)
	}
}

// The Overview's organisation line reads members briefly but agrees with
// the full computation the Units tab's figures and stats make: members who
// left, retired members, members of a dissolved union and a joint union's
// covered employers count as there.
func TestOrgGlanceAgreesWithTheFullFigures(t *testing.T) {
	s := openTest(t)
	today := model.DateOf(testNow)
	factory := mustUnit(t, s, "宏达机械工会")
	village := model.Unit{Name: "东岭村联合工会", Form: model.FormVillage, Employees: 60, CoveredEmployers: 7, ElectedOn: 20190701}
	gone := model.Unit{Name: "已撤销工会", Kind: 170, Employees: 10}
	for _, u := range []*model.Unit{&village, &gone} {
		if err := s.CreateUnit("x", u); err != nil {
			t.Fatal(err)
		}
	}
	ids := []string{"110101199003078670", "500154199804106120", "430302199312194239", "350303199002033073"}
	var ms []model.Member
	for i, unit := range []uint64{factory.ID, factory.ID, village.ID, gone.ID} {
		ms = append(ms, mustMember(t, s, "会员"+string(rune('甲'+i)), ids[i], unit))
	}
	if _, err := s.ChangeStatus("x", ms[1].ID, model.StatusChange{Date: 20240301, To: model.StatusLeft, ReasonCode: model.ReasonOwnRequest}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus("x", ms[2].ID, model.StatusChange{Date: 20240302, To: model.StatusRetained, ReasonCode: model.ReasonRetired}); err != nil {
		t.Fatal(err)
	}
	gone.Status, gone.DissolvedOn = model.UnitDissolved, 20240401
	if err := s.UpdateUnit("x", &gone); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateEmployer("x", &model.Employer{Name: "鑫源物流", Employees: 40, Registered: 20240110}); err != nil {
		t.Fatal(err)
	}
	g, err := s.OrgGlance(today)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.OrgData()
	if err != nil {
		t.Fatal(err)
	}
	year, _ := model.ParsePeriod("2024")
	full := model.RatesAsOf(year, today, d.Units, d.Employers, d.Members)
	if g.Rates != full {
		t.Errorf("glance %+v, full figures %+v", g.Rates, full)
	}
	// by hand: the factory (1) and the village union's 7 employers are
	// organised, 鑫源物流 is not: 8 of 9; members in the union today are
	// 会员甲 and the retired 会员丙: 2
	if g.Rates.EmployersOrganised != 8 || g.Rates.EmployersUnorganised != 1 || g.Rates.Members != 2 {
		t.Errorf("rates %+v", g.Rates)
	}
	// the village union elected in July 2019 is due in June 2024 (term ends
	// 2024-07-01, within 90 days)
	if g.ElectionsDue != 1 {
		t.Errorf("elections due %d", g.ElectionsDue)
	}
	// a day before the changes (as after a laptop's clock was set back):
	// 会员乙 had not left yet, the dissolved union still worked
	before := model.Date(20240229)
	g, err = s.OrgGlance(before)
	if err != nil {
		t.Fatal(err)
	}
	if full := model.RatesAsOf(year, before, d.Units, d.Employers, d.Members); g.Rates != full || g.Rates.Members != 4 {
		t.Errorf("on %s: glance %+v, full figures %+v", before, g.Rates, full)
	}
}

// In one bulk transaction an employer's name and credit code are refused
// when an employer written earlier in it has them, also while that
// employer's index entries are held back (their keys sort before the
// bucket's last).
func TestBulkRefusesAnEmployerItWroteAlready(t *testing.T) {
	s := openTest(t)
	err := s.Bulk("李秘书", func(b *Batch) error {
		first := model.Employer{Name: "甲食品厂", CreditCode: "91350100M000100Y43", Employees: 45, Registered: 20240110}
		if err := b.CreateEmployer(&first); err != nil {
			return err
		}
		held := model.Employer{Name: "乙食品厂", CreditCode: "91110000802100433B", Employees: 12, Registered: 20240110}
		if err := b.CreateEmployer(&held); err != nil {
			return err
		}
		sameName := model.Employer{Name: "乙 食品厂", Employees: 3, Registered: 20240110}
		if ps := problems(t, b.CreateEmployer(&sameName)); !ps.Has("employer_name", "employer.duplicate_name") {
			t.Errorf("the name of an employer written in the same transaction: %v", ps)
		}
		sameCode := model.Employer{Name: "丙食品厂", CreditCode: "91110000802100433B", Employees: 3, Registered: 20240110}
		if ps := problems(t, b.CreateEmployer(&sameCode)); !ps.Has("credit_code", "employer.duplicate_credit") {
			t.Errorf("the credit code of an employer written in the same transaction: %v", ps)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.OK() {
		t.Fatalf("check: %v %+v", err, rep.Problems)
	}
}
