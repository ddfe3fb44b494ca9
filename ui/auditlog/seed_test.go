package auditlog

import (
	"regexp"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"

	"unionbook/model"
	"unionbook/storage"
)

// seedEveryKind writes one of every kind of write the store logs: the
// profile with its dues and hardship settings and a sub-account, units and
// members created, changed, given a new status and removed, a wage base,
// payments, a unit's batch and a reversal, cash-book entries and a
// reversal, a hardship file through its life with aid and a reversal,
// events changed and removed, and an export.
func seedEveryKind(t *testing.T, s *storage.Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const op = "李秘书"
	prof := model.DefaultProfile()
	prof.UnionName, prof.Operator, prof.DuesSince = "青山镇总工会", op, 202601
	must(s.SaveProfile(op, prof))
	prof.DuesRateBP, prof.OweJoinMonth, prof.BatchOneReceipt, prof.MinLiving = 80, !prof.OweJoinMonth, !prof.BatchOneReceipt, model.Yuan(850)
	prof.HardshipDeepPct, prof.CapMedical = 120, model.Yuan(20000)
	prof.CustomAccounts = append(prof.CustomAccounts, model.Account{Code: "50190", Name: "职工书屋", Direction: model.Out})
	must(s.SaveProfile(op, prof))

	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320, Women: 120, Chair: "王建国"}
	must(s.CreateUnit(op, u))
	u2 := &model.Unit{Name: "青山镇中心小学工会", Kind: 400, Employees: 60}
	must(s.CreateUnit(op, u2))
	u.Kind, u.WorkersCongress, u.OpenAffairs, u.ContractSigned, u.Status = 110, true, true, 20260101, model.UnitStatus(1)
	must(s.UpdateUnit(op, u))
	tmp := &model.Unit{Name: "临时工会"}
	must(s.CreateUnit(op, tmp))
	must(s.DeleteUnit(op, tmp.ID))

	m := &model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", Phone: "13812345678", UnitID: u.ID, JoinDate: 20150301}
	must(s.CreateMember(op, m))
	m2 := &model.Member{Name: "单丽华", Gender: model.Female, IDNumber: "500154199804106120", UnitID: u.ID, JoinDate: 20200601, Migrant: true}
	must(s.CreateMember(op, m2))
	m3 := &model.Member{Name: "李四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: u2.ID, JoinDate: 20150301}
	must(s.CreateMember(op, m3))
	m.Phone, m.Job, m.UnitID, m.Migrant = "13912345678", "钳工", u2.ID, true
	must(s.UpdateMember(op, m))
	_, err := s.ChangeStatus(op, m2.ID, model.StatusChange{Date: 20261101, To: model.StatusTransferred, Reason: "调动", ToUnion: "滨江区总工会"})
	must(err)
	gone := &model.Member{Name: "王五", Gender: model.Male, IDNumber: "440308199901101512", UnitID: u.ID, JoinDate: 20190101}
	must(s.CreateMember(op, gone))
	must(s.DeleteMember(op, gone.ID))

	_, err = s.SetWageBase(op, m.ID, model.WageBase{From: 202601, Base: 308500})
	must(err)
	_, err = s.SetWageBase(op, m3.ID, model.WageBase{From: 202601, Base: 200000})
	must(err)
	pay := model.DuesPayment{MemberID: m.ID, From: 202601, To: 202602, Amount: 3080, Method: model.PayMobile, Date: 20260305}
	must(s.RecordPayment(op, &pay))
	_, err = s.ReversePayment(op, pay.ID, 20260310, "重复收款")
	must(err)
	plan, err := s.BatchPreview(u2.ID, 202603, 202603)
	must(err)
	_, err = s.RecordBatch(op, storage.DuesBatch{UnitID: u2.ID, From: 202603, To: 202603, Method: model.PayPayroll, Date: 20260405, Lines: plan.Lines})
	must(err)

	e := model.LedgerEntry{Date: 20261103, Direction: model.Out, Account: "50102", Amount: 345050, Counterparty: "青山镇文化站", Memo: "职工篮球赛场地租金"}
	must(s.AddLedgerEntry(op, &e))
	_, err = s.ReverseLedgerEntry(op, e.ID, 20261105, "录错")
	must(err)

	f := model.HardshipFile{MemberID: m3.ID, Status: model.HardshipApplied, Category: model.CategoryRelative,
		MainCause: model.CauseLaidOff, OtherCauses: []model.HardshipCause{model.CauseSchooling}, HouseholdSize: 3,
		YearlyIncome: model.Yuan(43200), Health: "高血压", Marital: model.MaritalMarried, SingleParent: true,
		BankName: "中国农业银行", BankAccount: "6228480012345678901", AppliedDate: 20250310,
		Household: []model.HouseholdMember{{Name: "王芳", Relation: "配偶", MonthlyIncome: model.Yuan(1200), SchoolOrWork: "灵活就业"}}}
	must(s.CreateHardshipFile(op, &f))
	f.Marital, f.MainCause, f.ZeroEmployment, f.Category = model.MaritalDivorced, model.CauseSeriousIllness, true, model.CategoryDeep
	must(s.UpdateHardshipFile(op, &f))
	_, err = s.ApproveHardshipFile(op, f.ID, 20250401, "王主席")
	must(err)
	_, err = s.ReviewHardshipFile(op, f.ID, model.HardshipReview{Date: 20260301, Reviewer: "王主席", Finding: "情况属实", Category: model.CategoryRelative})
	must(err)
	aid := model.AidRecord{FileID: f.ID, Type: model.AidSchool, Date: 20260120, Cash: model.Yuan(800), Fund: model.FundHigher,
		Approver: "王主席", Student: "李小明", SchoolLevel: model.SchoolLevel(1)}
	_, err = s.RecordAid(op, &aid)
	must(err)
	_, err = s.ReverseAid(op, aid.ID, 20260125, "金额有误")
	must(err)
	_, err = s.LiftHardshipFile(op, f.ID, model.LiftOut{NoticeFrom: 20261102, NoticeTo: 20261109, Approval: "区工会批复", Date: 20261110})
	must(err)
	_, err = s.CloseHardshipFile(op, f.ID, 20261120, "已脱困满六个月")
	must(err)

	ev := model.Event{Title: "2026年职工篮球赛", Type: model.EventSports, Start: 20261110, Place: "镇文体中心篮球场",
		UnitID: u.ID, Members: []uint64{m.ID, m3.ID}, Others: 6}
	must(s.CreateEvent(op, &ev))
	ev.Type, ev.Members, ev.Cost, ev.Account = model.EventTraining, []uint64{m.ID}, model.Yuan(300), "50101"
	must(s.UpdateEvent(op, &ev, "改为培训"))
	ev2 := model.Event{Title: "消防安全培训", Type: model.EventTraining, Start: 20261105, Others: 25}
	must(s.CreateEvent(op, &ev2))
	must(s.DeleteEvent(op, ev2.ID))

	must(s.RecordExport(op, &storage.ExportRecord{Period: "2026", File: "青山镇总工会_2026.zip", SHA256: "ab12cd"}))
}

// latin finds words in Latin letters: in the Chinese log, a raw key
// (unit_kind.170), a code (applied, sports), yes/no or an untranslated field
// name.
var latin = regexp.MustCompile(`[A-Za-z]{2,}[A-Za-z0-9_.]*`)

// data are the words in Latin letters the seed itself typed.
var data = strings.NewReplacer("青山镇总工会_2026.zip", "", "ab12cd", "")

// Every kind of change reads in Chinese in the Chinese log: no raw key,
// code or English word in any entry's summary or detail, and the values
// the store writes as numbers or codes are words.
func TestChineseLogShowsNoRawKey(t *testing.T) {
	v := newView(t, i18n.ZH, func(s *storage.Store) { seedEveryKind(t, s) })
	for v.next != 0 {
		v.more()
	}
	if len(v.entries) < 40 {
		t.Fatalf("the seed wrote %d entries", len(v.entries))
	}
	var all []string
	for i := range v.entries {
		v.table.SetCursor(i)
		row := uitest.Screen(v.Stack.View())
		press(v, "enter")
		detail := uitest.Screen(v.Stack.View())
		press(v, "esc")
		// the detail may be cut at the screen's edge: the whole is checked too
		text := row + "\n" + detail + "\n" + model.AuditSummary(i18n.ZH, &v.entries[i], v.names)
		all = append(all, text)
		if m := latin.FindAllString(data.Replace(text), -1); len(m) > 0 {
			t.Errorf("entry %d (%s %s) shows %q:\n%s", i, v.entries[i].Action, v.entries[i].Entity, m, text)
		}
	}
	joined := strings.Join(all, "\n")
	uitest.Contains(t, joined, "婚姻状况: 已婚 -> 离异", "资金来源: 上级补助", "致困原因: 下岗失业、子女上学",
		"档案状态: 申请 -> 在档", "会员: 李四", "活动类型: 文体活动 -> 培训/讲座", "参加会员: 2 (+张三 +李四)",
		"组织单位: 青山镇宏达机械制造有限公司工会", "来源: 会费缴纳 #1", "科目: 50102 文体", "金额: 3,450.50",
		"月缴费基数: - -> 3,085.00（2026-01 起）", "农民工: 否 -> 是", "单位类型: 私营企业 -> 国有企业",
		"期间: 2026", "校验码: ab12cd", "帮扶类型: 金秋助学", "困难类别: 相对困难 -> 深度困难")
}

// The English log says in English what earlier versions logged in Chinese.
func TestEnglishLogTranslatesOldChineseValues(t *testing.T) {
	v := newView(t, i18n.EN, func(s *storage.Store) { seedEveryKind(t, s) })
	for v.next != 0 {
		v.more()
	}
	var all []string
	for i := range v.entries {
		all = append(all, model.AuditSummary(i18n.EN, &v.entries[i], v.names))
	}
	joined := strings.Join(all, "\n")
	uitest.Contains(t, joined, "Category: relative hardship -> deep hardship", "Aid type: school aid", "Fund source: higher union",
		"Account: 50102 Culture and sports", "Type: Sports & culture -> Training/lecture")
	uitest.Lacks(t, joined, "Category: 相对困难", "Aid type: 金秋助学") // memos may say it in Chinese: typed text
}
