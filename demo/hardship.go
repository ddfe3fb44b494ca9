package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

// The demo's hardship files: about 1.5% of the members in the union are
// filed, over the three years before the reference date; most are active
// and reviewed every year (a few are overdue), some were lifted out or
// closed, a few are still applying. They get the year's festival
// consolation (送温暖) at the Spring Festival, 金秋助学 in August for a
// student, living and medical aid, paid from the cash book; one aid is
// reversed. Everything is drawn from the demo's seed and its own stream.

// HardshipShare is the share of members in the union who are filed, in per mille.
const HardshipShare = 15

var (
	relations   = []string{"配偶", "子女", "子女", "父亲", "母亲"}
	healthNotes = []string{"尿毒症，需定期透析", "恶性肿瘤术后化疗", "脑梗后遗症，行动不便", "重度糖尿病并发症", "白血病"}
	disabilityT = []string{"肢体残疾二级", "视力残疾三级", "精神残疾二级", ""}
	housingT    = []string{"自有住房", "租住", "借住亲属住房", "自建房"}
	insuranceT  = []string{"职工医保", "居民医保", "未参保"}
	banks       = []string{"中国农业银行", "中国工商银行", "福建海峡银行", "农村信用社"}
	approvers   = []string{"陈建华", "王美玲", "林志强"}
)

type demoFile struct {
	f     model.HardshipFile
	fate  int // 0 active, 1 lifted, 2 closed, 3 still applying
	ends  model.Date
	kids  []string
	ill   bool
	level model.SchoolLevel
}

func writeHardship(b *storage.Batch, w World) error {
	r := rand.New(rand.NewPCG(w.Seed, 0x68617264)) // "hard"
	today := w.Today
	if today == 0 {
		return nil
	}
	minLiving := w.Profile.MinLiving
	if minLiving <= 0 {
		minLiving = model.Yuan(850)
	}
	var files []*demoFile
	for i := range w.Members {
		m := &w.Members[i]
		if !m.Status.InUnion() || r.IntN(1000) >= HardshipShare {
			continue
		}
		files = append(files, planFile(r, strings.TrimSuffix(w.Profile.UnionName, "总工会"), m, minLiving, today))
	}
	approver := one(r, approvers)
	var reverse model.AidRecord
	for _, df := range files {
		first, err := writeFile(b, r, df, approver, minLiving, today)
		if err != nil {
			return err
		}
		if reverse.ID == 0 {
			reverse = first
		}
	}
	// One grant entered wrongly, reversed two days later.
	if reverse.ID != 0 {
		if _, err := b.ReverseAid(reverse.ID, min(today, addDays(reverse.Date, 2)), "登记有误，冲正"); err != nil {
			return fmt.Errorf("reverse aid %d: %w", reverse.ID, err)
		}
	}
	return nil
}

func dayIn(r *rand.Rand, from, to model.Date) model.Date {
	a, b := from.Time(), to.Time()
	days := int(b.Sub(a).Hours()/24 + 0.5)
	if days <= 0 {
		return from
	}
	return model.DateOf(a.AddDate(0, 0, r.IntN(days+1)))
}

func planFile(r *rand.Rand, town string, m *model.Member, minLiving model.Money, today model.Date) *demoFile {
	df := &demoFile{}
	f := &df.f
	f.MemberID = m.ID
	start := max(m.JoinDate, today.AddYears(-3))
	f.AppliedDate = dayIn(r, start, today.AddMonths(-1))
	switch x := r.IntN(100); {
	case x < 6:
		df.fate = 3
		f.AppliedDate = dayIn(r, today.AddMonths(-2), today)
	case x < 20:
		df.fate = 1
	case x < 25:
		df.fate = 2
	}
	size := 1 + r.IntN(5)
	f.HouseholdSize = size
	for j := 1; j < size; j++ {
		rel := one(r, relations)
		if j == 1 && r.IntN(4) > 0 {
			rel = "配偶"
		} else if rel == "配偶" {
			rel = "子女"
		}
		h := model.HouseholdMember{Relation: rel, Name: personName(r, r.IntN(2) == 0, true, "汉族")}
		switch rel {
		case "子女":
			if r.IntN(2) == 0 {
				h.SchoolOrWork = one(r, []string{"青山镇中心小学", "晋安区第三中学", "福州职业技术学院", "福建师范大学"})
				df.kids = append(df.kids, h.Name)
			}
		case "配偶":
			if r.IntN(3) > 0 {
				h.MonthlyIncome = model.Yuan(int64(800 + r.IntN(1800)))
				h.SchoolOrWork = "灵活就业"
			}
		default:
			if r.IntN(3) == 0 {
				h.Health = one(r, healthNotes)
			}
		}
		f.Household = append(f.Household, h)
	}
	// The category decides the income: per capita below 低保 for deep
	// hardship, up to twice it for relative, a little above for sudden.
	var pcLo, pcHi float64
	switch x := r.IntN(100); {
	case x < 35:
		f.Category = model.CategoryDeep
		f.MainCause = one(r, []model.HardshipCause{model.CauseSeriousIllness, model.CauseNoWorkAbility, model.CauseSeriousIllness})
		pcLo, pcHi = 0.4, 0.95
	case x < 85:
		f.Category = model.CategoryRelative
		f.MainCause = one(r, []model.HardshipCause{model.CauseLaidOff, model.CauseUnemployedAble, model.CauseSchooling, model.CauseBenefitsLacking, model.CauseUninsured})
		pcLo, pcHi = 1.05, 1.95
	default:
		f.Category = model.CategorySudden
		f.MainCause = one(r, []model.HardshipCause{model.CauseAccident, model.CauseDisaster})
		pcLo, pcHi = 2.1, 2.6
	}
	if len(df.kids) > 0 && f.MainCause != model.CauseSchooling {
		f.OtherCauses = append(f.OtherCauses, model.CauseSchooling)
	}
	if f.Category == model.CategoryDeep && f.MainCause != model.CauseSeriousIllness && r.IntN(2) == 0 {
		f.OtherCauses = append(f.OtherCauses, model.CauseSeriousIllness)
	}
	df.ill = f.HasCause(model.CauseSeriousIllness)
	if df.ill {
		f.Health = one(r, healthNotes)
	} else {
		f.Health = "良好"
	}
	if f.MainCause == model.CauseNoWorkAbility {
		f.Disability = one(r, disabilityT[:3])
	}
	pc := float64(minLiving) * (pcLo + (pcHi-pcLo)*r.Float64())
	f.Spending = 0
	if df.ill {
		f.Spending = model.Yuan(int64(6000 + r.IntN(30000)))
	}
	f.YearlyIncome = model.Money(int64(pc*12*float64(size))/100*100) + f.Spending
	f.Employment = one(r, []string{"在岗", "下岗", "灵活就业", "病休"})
	f.Housing = one(r, housingT)
	f.HousingArea = 20 + r.IntN(80)
	f.Marital = model.MaritalMarried
	if size == 1 {
		f.Marital = one(r, []model.Marital{model.MaritalSingle, model.MaritalDivorced, model.MaritalWidowed})
	} else if f.Household[0].Relation != "配偶" {
		f.Marital = one(r, []model.Marital{model.MaritalDivorced, model.MaritalWidowed})
		f.SingleParent = len(df.kids) > 0
	}
	f.ZeroEmployment = f.MainCause == model.CauseLaidOff && f.HouseholdIncome() == 0 && r.IntN(2) == 0
	f.MedicalInsurance = one(r, insuranceT)
	f.BankName = one(r, banks)
	f.BankAccount = fmt.Sprintf("6228%04d%04d%04d%03d", r.IntN(10000), r.IntN(10000), r.IntN(10000), r.IntN(1000))
	f.Address = town + one(r, villageNames) + fmt.Sprintf("%d号", 1+r.IntN(120))
	f.PairedCadre = one(r, operatorCandidates)
	f.FiledBy = one(r, operatorCandidates)
	f.UnitOpinion = "情况属实，同意申报"
	f.TownOpinion = "经集体研究，同意建档"
	df.level = one(r, model.SchoolLevels)
	return df
}

func addDays(d model.Date, n int) model.Date { return model.DateOf(d.Time().AddDate(0, 0, n)) }

// writeFile writes a planned file and its life: approval, yearly reviews,
// aid in date order, then its lift-out or closing. It returns the first
// cash aid written (for the demo's one reversal).
func writeFile(b *storage.Batch, r *rand.Rand, df *demoFile, approver string, minLiving model.Money, today model.Date) (model.AidRecord, error) {
	var first model.AidRecord
	f := df.f
	if err := b.CreateHardshipFile(&f); err != nil {
		return first, fmt.Errorf("file of member %d: %w", f.MemberID, err)
	}
	if df.fate == 3 {
		return first, nil
	}
	approved := min(today, addDays(f.AppliedDate, 10+r.IntN(20)))
	if _, err := b.ApproveHardshipFile(f.ID, approved, approver); err != nil {
		return first, fmt.Errorf("approve file %d: %w", f.ID, err)
	}
	end := today
	if df.fate != 0 {
		if earliest := approved.AddMonths(6); earliest < addDays(today, -20) {
			end = dayIn(r, earliest, addDays(today, -20))
		} else {
			df.fate = 0
		}
	}
	type event struct {
		date   model.Date
		review *model.HardshipReview
		aid    *model.AidRecord
	}
	var evs []event
	overdue := r.IntN(10) == 0
	for d := approved.AddMonths(11 + r.IntN(2)); d <= end; d = d.AddMonths(12) {
		if overdue && d.AddMonths(12) > end {
			break
		}
		evs = append(evs, event{date: d, review: &model.HardshipReview{Date: d, Reviewer: approver,
			Finding: one(r, []string{"家庭情况无明显变化，继续在档", "收入略有增加，仍符合条件", "病情稳定，继续帮扶"})}})
	}
	aid := func(d model.Date, t model.AidType, cash, goods model.Money, what string) {
		if d < approved || d > end {
			return
		}
		a := &model.AidRecord{FileID: f.ID, Type: t, Date: d, Cash: cash, GoodsValue: goods, Goods: what,
			Fund: one(r, model.FundSources), Approver: approver}
		if t == model.AidSchool {
			a.Student, a.SchoolLevel = df.kids[0], df.level
		}
		evs = append(evs, event{date: d, aid: a})
	}
	for y := approved.Year(); y <= end.Year(); y++ {
		aid(model.NewDate(y, time.January, 15+r.IntN(10)), model.AidWarmth, model.Yuan(int64(500+100*r.IntN(6))), model.Yuan(200), "米、油、慰问品")
		if len(df.kids) > 0 {
			amt := map[model.SchoolLevel]int64{model.SchoolCompulsory: 1000, model.SchoolSenior: 2000, model.SchoolUniversity: 3000 + 500*int64(r.IntN(5))}[df.level]
			aid(model.NewDate(y, time.August, 20+r.IntN(8)), model.AidSchool, model.Yuan(amt), 0, "")
		}
		if f.Category == model.CategoryDeep {
			aid(model.NewDate(y, time.April, 10), model.AidLiving, minLiving*model.Money(2+r.IntN(3)), 0, "")
			aid(model.NewDate(y, time.October, 10), model.AidLiving, minLiving*model.Money(2+r.IntN(3)), 0, "")
		}
		if df.ill {
			aid(model.NewDate(y, time.June, 1+r.IntN(28)), model.AidMedical, model.Yuan(int64(2000+500*r.IntN(12))), 0, "")
		}
		if f.MainCause == model.CauseLaidOff && r.IntN(2) == 0 {
			aid(model.NewDate(y, time.March, 1+r.IntN(28)), model.AidEmployment, 0, model.Yuan(1500), "职业技能培训名额")
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return int(a.date - b.date) })
	for _, e := range evs {
		if e.review != nil {
			if _, err := b.ReviewHardshipFile(f.ID, *e.review); err != nil {
				return first, fmt.Errorf("review file %d: %w", f.ID, err)
			}
			continue
		}
		a := *e.aid
		if _, err := b.RecordAid(&a); err != nil {
			return first, fmt.Errorf("aid for file %d: %w", f.ID, err)
		}
		if first.ID == 0 && a.Cash > 0 {
			first = a
		}
	}
	switch df.fate {
	case 1:
		l := model.LiftOut{NoticeFrom: addDays(end, -12), NoticeTo: addDays(end, -3), Approval: fmt.Sprintf("晋总工〔%d〕%d号", end.Year(), 3+r.IntN(40)), Date: end}
		if l.NoticeFrom < approved {
			return first, nil
		}
		if _, err := b.LiftHardshipFile(f.ID, l); err != nil {
			return first, fmt.Errorf("lift file %d: %w", f.ID, err)
		}
	case 2:
		if _, err := b.CloseHardshipFile(f.ID, end, one(r, []string{"调离本地", "家庭收入明显提高，本人申请退出", "不再符合建档条件"})); err != nil {
			return first, fmt.Errorf("close file %d: %w", f.ID, err)
		}
	}
	return first, nil
}
