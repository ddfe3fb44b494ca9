package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// eventFixture: two units, three members; today is 2024-06-15.
type eventFixture struct {
	u1, u2     model.Unit
	a, b, c    model.Member
	attachment string
}

func eventSetup(t *testing.T, s *Store) eventFixture {
	t.Helper()
	var fx eventFixture
	fx.u1 = mustUnit(t, s, "宏达机械工会")
	fx.u2 = mustUnit(t, s, "青山小学工会")
	fx.a = mustMember(t, s, "张三", "110101199003078670", fx.u1.ID)
	fx.b = mustMember(t, s, "李四", "440308199901101512", fx.u1.ID)
	fx.c = mustMember(t, s, "王芳", "350303199002033073", fx.u2.ID)
	fx.attachment = filepath.Join(t.TempDir(), "签到表.jpg")
	if err := os.WriteFile(fx.attachment, []byte("jpg"), 0o600); err != nil {
		t.Fatal(err)
	}
	return fx
}

func basketball(fx eventFixture) *model.Event {
	return &model.Event{
		Title: "职工篮球赛", Type: model.EventSports, Start: 20240601, End: 20240602, Place: "镇文体中心",
		Members: []uint64{fx.a.ID, fx.b.ID, fx.c.ID}, Others: 4, Cost: model.Yuan(1500),
		Attachments: []string{fx.attachment},
	}
}

func TestCreateEventPostsItsCost(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	e := basketball(fx)
	if err := s.CreateEvent("李秘书", e); err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.LedgerID == 0 || e.Account != "50102" || len(e.LedgerIDs) != 1 {
		t.Fatalf("stored %+v", e)
	}
	le, err := s.LedgerEntry(e.LedgerID)
	if err != nil {
		t.Fatal(err)
	}
	if le.Amount != model.Yuan(1500) || le.Account != "50102" || le.Direction != model.Out || le.Date != 20240602 ||
		le.Source != (model.Source{Kind: SourceEvent, ID: e.ID}) || !strings.Contains(le.Memo, "职工篮球赛") {
		t.Errorf("ledger entry %+v", le)
	}
	if bal, _ := s.Balance(); bal != -model.Yuan(1500) {
		t.Errorf("balance %s", bal)
	}
	for _, m := range []model.Member{fx.a, fx.b, fx.c} {
		es, err := s.MemberEvents(m.ID)
		if err != nil || len(es) != 1 || es[0].ID != e.ID {
			t.Errorf("member %s events %v %v", m.Name, es, err)
		}
	}
	if e.PersonTimes() != 7 {
		t.Errorf("person-times %d", e.PersonTimes())
	}
	// One audit entry for the ledger, one for the event.
	au := auditAll(t, s)
	if au[0].Entity != "event" || au[0].Action != model.ActionCreate || au[1].Entity != "ledger" {
		t.Errorf("audit %+v %+v", au[0], au[1])
	}
	// A consolation visit defaults to 送温暖费.
	v := &model.Event{Title: "中秋慰问", Type: model.EventConsolation, Start: 20240610, Members: []uint64{fx.a.ID}, Cost: 50000}
	if err := s.CreateEvent("李秘书", v); err != nil {
		t.Fatal(err)
	}
	if le, _ := s.LedgerEntry(v.LedgerID); le.Account != "50405" || v.End != v.Start {
		t.Errorf("consolation entry %+v, end %s", le, v.End)
	}
	checkClean(t, s)
}

func checkClean(t *testing.T, s *Store) {
	t.Helper()
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Errorf("check: %v", r.Problems)
	}
}

func TestBadEventWritesNothing(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	cases := []struct {
		name  string
		edit  func(e *model.Event)
		field string
		key   string
	}{
		{"end before start", func(e *model.Event) { e.End = 20240530 }, "ev_end", "events.end_before_start"},
		{"missing attachment", func(e *model.Event) { e.Attachments = append(e.Attachments, "/nowhere/照片.jpg") }, "ev_attachments", "events.attachment_missing"},
		{"negative headcount", func(e *model.Event) { e.Others = -1 }, "ev_others", "problem.negative"},
		{"negative cost", func(e *model.Event) { e.Cost = -100 }, "ev_cost", "problem.negative"},
		{"member twice", func(e *model.Event) { e.Members = append(e.Members, fx.a.ID) }, "ev_members", "events.duplicate_member"},
		{"unknown member", func(e *model.Event) { e.Members = append(e.Members, 999) }, "ev_members", "events.member_missing"},
		{"no title", func(e *model.Event) { e.Title = " " }, "ev_title", "problem.required"},
		{"future", func(e *model.Event) { e.Start, e.End = 20240701, 20240701 }, "ev_start", "problem.future"},
		{"wrong account", func(e *model.Event) { e.Account = "504" }, "ev_account", "events.account_not_allowed"},
		{"unknown unit", func(e *model.Event) { e.UnitID = 77 }, "ev_unit", "member.unit_missing"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := basketball(fx)
			c.edit(e)
			err := unchanged(t, s, func() error { return s.CreateEvent("李秘书", e) })
			ps := problems(t, err)
			if !ps.Has(c.field, c.key) {
				t.Errorf("problems %v, want %s %s", ps, c.field, c.key)
			}
			if e.ID != 0 {
				t.Error("the event got an ID")
			}
		})
	}
	// The duplicate is named, in both languages, and so is the missing file.
	e := basketball(fx)
	e.Members = append(e.Members, fx.b.ID)
	e.Attachments = []string{"/nowhere/签到表.xlsx"}
	ps := problems(t, s.CreateEvent("李秘书", e))
	text := ps.Localize(0)
	if !strings.Contains(text, "李四") || !strings.Contains(text, "/nowhere/签到表.xlsx") || !strings.Contains(text, "参加会员") {
		t.Errorf("message %q", text)
	}
}

func TestUpdateEventAndReverseItsCost(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	e := basketball(fx)
	if err := s.CreateEvent("李秘书", e); err != nil {
		t.Fatal(err)
	}
	first := e.LedgerID
	// Non-financial changes: no ledger entry, members re-indexed.
	e.Title = "青山镇职工篮球赛"
	e.Members = []uint64{fx.a.ID, fx.c.ID}
	if err := s.UpdateEvent("李秘书", e, ""); err != nil {
		t.Fatal(err)
	}
	if e.LedgerID != first || len(e.LedgerIDs) != 1 {
		t.Errorf("ledger links changed: %+v", e)
	}
	if es, _ := s.MemberEvents(fx.b.ID); len(es) != 0 {
		t.Errorf("李四 still has %d events", len(es))
	}
	if err := s.DeleteMember("李秘书", fx.b.ID); err != nil {
		t.Errorf("李四 took part in nothing now: %v", err)
	}
	// A cost change needs a reason and writes nothing without one.
	e.Cost = model.Yuan(1200)
	ps := problems(t, unchanged(t, s, func() error { return s.UpdateEvent("李秘书", e, "") }))
	if !ps.Has("ev_reason", "problem.required") {
		t.Errorf("problems %v", ps)
	}
	if err := s.UpdateEvent("李秘书", e, "发票金额录错"); err != nil {
		t.Fatal(err)
	}
	if e.LedgerID == first || len(e.LedgerIDs) != 3 {
		t.Fatalf("after the change %+v", e)
	}
	orig, _ := s.LedgerEntry(first)
	rev, _ := s.LedgerEntry(e.LedgerIDs[1])
	now, _ := s.LedgerEntry(e.LedgerID)
	if orig.Amount != model.Yuan(1500) || rev.ReversalOf != first || rev.Amount != -model.Yuan(1500) ||
		!strings.Contains(rev.Memo, "发票金额录错") || now.Amount != model.Yuan(1200) || now.Source.ID != e.ID {
		t.Errorf("entries %+v / %+v / %+v", orig, rev, now)
	}
	if by, _ := s.LedgerReversedBy(first); by != rev.ID {
		t.Errorf("reversed by %d", by)
	}
	if bal, _ := s.Balance(); bal != -model.Yuan(1200) {
		t.Errorf("balance %s", bal)
	}
	// The cash book refuses to reverse the event's entry by itself.
	if _, err := s.ReverseLedgerEntry("李秘书", e.LedgerID, 20240615, "x"); err == nil {
		t.Error("the event's entry was reversed from the cash book")
	}
	// Cost to zero: reversed, no new entry; then the event cannot be deleted.
	e.Cost = 0
	if err := s.UpdateEvent("李秘书", e, "活动经费由企业承担"); err != nil {
		t.Fatal(err)
	}
	if e.LedgerID != 0 || len(e.LedgerIDs) != 4 || e.Account != "" {
		t.Errorf("after zero %+v", e)
	}
	if bal, _ := s.Balance(); bal != 0 {
		t.Errorf("balance %s", bal)
	}
	ps = problems(t, unchanged(t, s, func() error { return s.DeleteEvent("李秘书", e.ID) }))
	if !ps.Has("", "events.delete_posted") {
		t.Errorf("problems %v", ps)
	}
	checkClean(t, s)
}

func TestEventReferencesBlockDeletes(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	e := &model.Event{Title: "安全生产培训", Type: model.EventTraining, Start: 20240605, UnitID: fx.u2.ID, Members: []uint64{fx.c.ID}, Others: 12}
	if err := s.CreateEvent("李秘书", e); err != nil {
		t.Fatal(err)
	}
	err := unchanged(t, s, func() error { return s.DeleteMember("李秘书", fx.c.ID) })
	if !isKey(err, "events.member_in_use") {
		t.Errorf("delete member: %v", err)
	}
	s.DeleteMember("李秘书", fx.b.ID) // no event: may go
	err = unchanged(t, s, func() error { return s.DeleteUnit("李秘书", fx.u2.ID) })
	if err == nil {
		t.Error("unit deleted")
	}
	// An event without cost may be deleted; then the member may be too.
	if err := s.DeleteEvent("李秘书", e.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMember("李秘书", fx.c.ID); err != nil {
		t.Errorf("delete member after the event: %v", err)
	}
	checkClean(t, s)
}

func TestEventFiguresAndStats(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	if err := s.CreateEvent("李秘书", basketball(fx)); err != nil {
		t.Fatal(err)
	}
	tr := &model.Event{Title: "安全生产培训", Type: model.EventTraining, Start: 20240305, UnitID: fx.u1.ID,
		Members: []uint64{fx.a.ID}, Others: 20, Cost: model.Yuan(800)}
	if err := s.CreateEvent("李秘书", tr); err != nil {
		t.Fatal(err)
	}
	f, err := s.EventFigures(20240101, 20240630)
	if err != nil {
		t.Fatal(err)
	}
	if f.Events != 2 || f.PersonTimes != 7+21 || f.Members != 4 || f.Others != 24 || f.Cost != model.Yuan(2300) {
		t.Errorf("figures %+v", f)
	}
	if len(f.ByType) != 2 || f.ByType[0].Type != model.EventSports || f.ByType[1].PersonTimes != 21 {
		t.Errorf("by type %+v", f.ByType)
	}
	if len(f.ByMonth) != 2 || f.ByMonth[0].Month != 202403 || f.ByMonth[1].Month != 202406 {
		t.Errorf("by month %+v", f.ByMonth)
	}
	if len(f.ByUnit) != 2 || f.ByUnit[0].Unit != fx.u1.ID || f.ByUnit[1].Unit != 0 {
		t.Errorf("by unit %+v", f.ByUnit)
	}
	if len(f.ByMemberUnit) != 2 || f.ByMemberUnit[0].Unit != fx.u1.ID || f.ByMemberUnit[0].PersonTimes != 3 || f.ByMemberUnit[0].Events != 2 {
		t.Errorf("by member unit %+v", f.ByMemberUnit)
	}
	if f, _ := s.EventFigures(20240401, 20240630); f.Events != 1 {
		t.Errorf("second quarter %+v", f)
	}
	st, err := s.EventStats(2024)
	if err != nil {
		t.Fatal(err)
	}
	if st.Count != 2 || st.PersonTimes != 28 || len(st.ByType) != len(model.EventTypes) || st.ByType[0].Name != "文体活动" || st.ByType[0].Count != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestCheckFindsEventDamage(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fx := eventSetup(t, s)
	e := basketball(fx)
	if err := s.CreateEvent("李秘书", e); err != nil {
		t.Fatal(err)
	}
	checkClean(t, s)
	// Drop a member → event index entry and unlink the cost entry.
	err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(idxMemberEvents).Delete(pairKey(fx.a.ID, e.ID)); err != nil {
			return err
		}
		bad := *e
		bad.LedgerID, bad.LedgerIDs = 0, nil
		data, err := encode(&bad)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketEvents).Put(itob(e.ID), data)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, p := range r.Problems {
		keys[p.Key] = true
	}
	if !keys["check.index_missing"] || !keys["check.no_ledger_entry"] || !keys["check.ledger_backlink"] {
		t.Errorf("problems %v", r.Problems)
	}
}
