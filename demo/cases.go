package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"unionbook/model"
	"unionbook/storage"
)

// writeCases records a realistic year of the federation's rights work
// ending with the demo's reference day: risk-check visits to about half
// the units (most finding nothing, a few a high risk, most risks put
// right), and about one case per unit — most of them one or two workers,
// some collective (ten or more), most about wages before the Spring
// Festival, most resolved by mediation, the latest still open, one entered
// by mistake.
func writeCases(b *storage.Batch, w World) error {
	checks, cases := GenerateCases(w)
	ids := make([]uint64, len(checks))
	for i := range checks {
		if err := b.CreateRiskCheck(&checks[i]); err != nil {
			return fmt.Errorf("risk check %d: %w", i+1, err)
		}
		ids[i] = checks[i].ID
	}
	for i := range cases {
		c := cases[i]
		if c.RiskCheckID != 0 {
			c.RiskCheckID = ids[c.RiskCheckID-1]
		}
		if _, err := b.CreateCase(&c); err != nil {
			return fmt.Errorf("case %d: %w", i+1, err)
		}
	}
	return nil
}

// caseKind is what a generated case is about, with the money at stake per
// worker (yuan) and what the workers ask.
type caseKind struct {
	typ        model.CaseType
	weight     int
	perLo      int
	perHi      int
	summaries  []string
	findings   string
	legalAidPc int // share referred to legal aid, in percent
}

var caseKinds = []caseKind{
	{model.CaseWages, 40, 3000, 15000, []string{"拖欠工资两个月", "年底工资未结清", "包工头拖欠务工人员工资", "停工期间工资未发"}, "工资推迟发放，未建立工资支付台账", 2},
	{model.CaseInsurance, 15, 2000, 10000, []string{"单位未缴纳社会保险", "社保缴费基数低于实发工资", "离职后社保未转移"}, "部分职工未参加社会保险", 5},
	{model.CaseContract, 12, 0, 8000, []string{"入职超过一个月未签劳动合同", "要求支付未签合同的二倍工资", "合同到期未续签"}, "新入职人员未及时签订劳动合同", 5},
	{model.CaseInjury, 10, 20000, 150000, []string{"工伤认定后待遇未落实", "工伤医疗费未报销", "停工留薪期工资未发"}, "未落实安全生产培训，工伤保险未全员覆盖", 20},
	{model.CaseHours, 8, 1000, 6000, []string{"加班费未支付", "年休假未安排也未补偿", "长期每天工作超过十小时"}, "加班时长超过法定上限", 3},
	{model.CaseDismissal, 12, 5000, 40000, []string{"被违法解除劳动合同", "经济补偿金未支付", "以考核不合格为由辞退"}, "裁员未履行民主程序", 15},
	{model.CaseOtherType, 3, 0, 3000, []string{"押金未退还", "培训费扣款争议"}, "规章制度未经职代会讨论", 0},
}

var (
	caseChannels = newWeighted[model.CaseChannel](model.ChannelVisit, 45, model.ChannelCall, 30, model.ChannelLetter, 5,
		model.ChannelOnline, 12, model.ChannelReferred, 8)
	caseOutcomes = newWeighted[model.CaseOutcome](model.OutcomeMediated, 80, model.OutcomePartial, 7, model.OutcomeFailed, 3,
		model.OutcomeArbitration, 5, model.OutcomeLitigation, 2, model.OutcomeWithdrawn, 3)
	riskLevels = newWeighted[model.RiskLevel](model.RiskNone, 55, model.RiskLow, 25, model.RiskMedium, 15, model.RiskHigh, 5)
	// employers outside the register: the subcontractors and small shops a
	// township's disputes often come from
	outsideEmployers = []string{"青山建筑劳务有限公司", "晋安区鑫顺装修工程队", "福州鸿运物流有限公司", "青山镇好再来餐馆",
		"福州安居家政服务有限公司", "青山镇宏发五金加工厂", "福州速达快递青山网点", "青山镇美佳服装加工坊"}
	caseHandlers = []string{"陈志强", "林晓燕"}
)

// GenerateCases makes the demo's risk checks and cases for w, in date
// order, without IDs; a case's RiskCheckID is the position (from 1) of the
// check that found it. Deterministic for a given World.
func GenerateCases(w World) ([]model.RiskCheck, []model.Case) {
	if len(w.Units) == 0 {
		return nil, nil
	}
	r := rand.New(rand.NewPCG(w.Seed, 0x6361736573)) // "cases"
	first := w.Today.Month().Add(-11).First()
	dayIn := func(lo, hi model.Date) model.Date {
		n := int(hi.Time().Sub(lo.Time()).Hours()/24) + 1
		return model.DateOf(lo.Time().AddDate(0, 0, r.IntN(max(1, n))))
	}
	after := func(d model.Date, lo, hi int) model.Date {
		return min(w.Today, model.DateOf(d.Time().AddDate(0, 0, lo+r.IntN(hi-lo+1))))
	}
	handlers := append([]string{w.Profile.Operator}, caseHandlers...)
	kindWeights := make([]any, 0, 2*len(caseKinds))
	for i, k := range caseKinds {
		kindWeights = append(kindWeights, i, k.weight)
	}
	kinds := newWeighted[int](kindWeights...)
	byUnit := map[uint64][]*model.Member{}
	for i := range w.Members {
		m := &w.Members[i]
		byUnit[m.UnitID] = append(byUnit[m.UnitID], m)
	}

	// Risk checks: about half the units a year, and a few outside employers.
	var checks []model.RiskCheck
	for i := 0; i < len(w.Units)/2+4; i++ {
		rc := model.RiskCheck{Date: dayIn(first, w.Today), Inspector: one(r, handlers), Level: riskLevels.pick(r)}
		if i < 4 {
			rc.Employer = outsideEmployers[i%len(outsideEmployers)]
		} else {
			rc.UnitID = w.Units[r.IntN(len(w.Units))].ID
		}
		if rc.Level >= model.RiskLow {
			k := caseKinds[kinds.pick(r)]
			rc.Area, rc.Findings = k.typ, k.findings
			if end := after(rc.Date, 10, 60); end < w.Today && r.IntN(10) < 8 {
				rc.Resolved, rc.Resolution = end, "已督促整改到位，复查合格"
			}
		} else {
			rc.Findings = "劳动合同、工资支付、社会保险抽查未见问题"
		}
		checks = append(checks, rc)
	}
	slices.SortStableFunc(checks, func(a, b model.RiskCheck) int { return int(a.Date) - int(b.Date) })

	// Cases: about one per unit a year; wage disputes crowd the two months
	// before the Spring Festival.
	n := max(8, len(w.Units)*9/10)
	var cases []model.Case
	for i := range n {
		k := caseKinds[kinds.pick(r)]
		received := dayIn(first, w.Today)
		if k.typ == model.CaseWages && r.IntN(3) == 0 {
			if m := received.MonthOfYear(); m != 12 && m != 1 {
				if d := model.NewDate(received.Year(), 1, 1+r.IntN(28)); d >= first && d <= w.Today {
					received = d
				}
			}
		}
		c := model.Case{Received: received, Channel: caseChannels.pick(r), Type: k.typ, Headcount: 1}
		switch x := r.IntN(100); {
		case x < 8 && (k.typ == model.CaseWages || k.typ == model.CaseInsurance || k.typ == model.CaseDismissal):
			c.Headcount = 10 + r.IntN(50)
		case x < 16:
			c.Headcount = 3 + r.IntN(7)
		case x < 30:
			c.Headcount = 2
		}
		var members []*model.Member
		if r.IntN(4) > 0 {
			u := w.Units[r.IntN(len(w.Units))]
			c.UnitID, members = u.ID, byUnit[u.ID]
			for j, rc := range checks {
				if rc.UnitID == u.ID && rc.Level >= model.RiskLow && rc.Date <= received && r.IntN(3) == 0 {
					c.RiskCheckID = uint64(j + 1)
				}
			}
		} else {
			c.Employer = one(r, outsideEmployers)
		}
		named := min(c.Headcount, 1+r.IntN(3))
		for j := 0; j < named; j++ {
			if len(members) > 0 && r.IntN(10) < 6 {
				m := members[r.IntN(len(members))]
				if !slices.ContainsFunc(c.Workers, func(x model.CaseWorker) bool { return x.MemberID == m.ID }) && m.StatusOn(received).InUnion() {
					c.Workers = append(c.Workers, model.CaseWorker{MemberID: m.ID})
					continue
				}
			}
			wk := model.CaseWorker{Name: personName(r, r.IntN(3) == 0, r.IntN(3) > 0, "汉族"), Phone: fmt.Sprintf("1%d%09d", 3+r.IntN(7), r.IntN(1_000_000_000))}
			c.Workers = append(c.Workers, wk)
		}
		per := k.perLo + r.IntN(k.perHi-k.perLo+1)
		c.Claimed = model.Yuan(int64(per/100*100) * int64(c.Headcount))
		c.Summary = one(r, k.summaries)
		if c.Headcount > 1 {
			c.Summary += fmt.Sprintf("，涉及%d人", c.Headcount)
		}
		// the steps: an investigation, mediation, sometimes a second round
		// or legal aid, and a follow-up before the case is closed
		d := after(received, 0, 3)
		handler := one(r, handlers)
		c.Steps = append(c.Steps, model.CaseStep{Date: d, Kind: model.StepInvestigate, Who: handler, Note: "听取诉求，调取考勤和工资记录"})
		d = after(d, 1, 10)
		c.Steps = append(c.Steps, model.CaseStep{Date: d, Kind: model.StepMediate, Who: handler, Note: "组织双方调解"})
		if r.IntN(4) == 0 {
			d = after(d, 2, 10)
			c.Steps = append(c.Steps, model.CaseStep{Date: d, Kind: model.StepNegotiate, Who: handler, Note: "与单位负责人再次协商"})
		}
		if r.IntN(100) < k.legalAidPc {
			d = after(d, 1, 5)
			c.Steps = append(c.Steps, model.CaseStep{Date: d, Kind: model.StepLegalAid, Who: handler, Note: "转介法律援助律师"})
		}
		age := int(w.Today.Time().Sub(received.Time()).Hours() / 24)
		if age > 45 || (age > 10 && r.IntN(10) < 6) { // the latest are still being handled
			o := caseOutcomes.pick(r)
			switch o {
			case model.OutcomeMediated:
				c.Recovered = c.Claimed * model.Money(85+r.IntN(16)) / 100
			case model.OutcomePartial:
				c.Recovered = c.Claimed * model.Money(30+r.IntN(41)) / 100
			case model.OutcomeArbitration:
				c.Steps = append(c.Steps, model.CaseStep{Date: after(d, 1, 5), Kind: model.StepArbitration, Who: handler, Note: "协助申请劳动仲裁"})
			}
			d = c.LastStep()
			if o == model.OutcomeMediated || o == model.OutcomePartial {
				d = after(d, 3, 15)
				c.Steps = append(c.Steps, model.CaseStep{Date: d, Kind: model.StepFollowUp, Who: handler, Note: "回访确认款项到位"})
			}
			c.Recovered = c.Recovered / 100 * 100
			c.Closed, c.Outcome = after(d, 0, 3), o
		}
		if i == n/2 { // one typed twice, closed as entered by mistake
			c.Steps, c.Outcome, c.Recovered = nil, 0, 0
			c.Void, c.Closed, c.VoidReason = true, after(received, 0, 2), "与同日登记的案件重复"
		}
		cases = append(cases, c)
	}
	slices.SortStableFunc(cases, func(a, b model.Case) int { return int(a.Received) - int(b.Received) })
	return checks, cases
}
