package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"unionbook/model"
	"unionbook/storage"
)

// eventTemplate is one kind of event the federation or a unit holds.
type eventTemplate struct {
	title  string
	typ    model.EventType
	place  string
	months []int // months of the year it is held in; nil: any
	days   int   // length in days
	// share of the organiser's active members who take part, in percent,
	// and the other headcount (guests, families, outside staff)
	shareLo, shareHi int
	othersHi         int
	// cost per person-time in yuan (0: no cost), and a fixed part
	perHead, fixed int
	women          bool // only women members (三八妇女节)
}

// federationEvents are held by the federation itself, with members from
// several units; unitEvents by a grassroots union for its own members.
var federationEvents = []eventTemplate{
	{"春节送温暖慰问困难职工", model.EventConsolation, "各基层单位", []int{1, 2}, 3, 1, 2, 0, 300, 0, false},
	{"「三八」妇女节女职工健康讲座", model.EventTraining, "镇文化站", []int{3}, 1, 4, 8, 10, 20, 800, true},
	{"职工健步走活动", model.EventSports, "青山湖绿道", []int{4}, 1, 5, 10, 30, 30, 2000, false},
	{"「五一」劳动技能竞赛（焊工）", model.EventCompetition, "镇职业技术学校", []int{4, 5}, 2, 1, 2, 8, 60, 3000, false},
	{"安全生产月宣传咨询", model.EventPublicity, "镇政府广场", []int{6}, 1, 2, 4, 120, 0, 1500, false},
	{"夏季送清凉慰问一线职工", model.EventConsolation, "各建筑工地、园区企业", []int{7, 8}, 5, 3, 6, 0, 40, 0, false},
	{"职工篮球赛", model.EventSports, "镇文体中心篮球场", []int{9, 10}, 3, 2, 4, 60, 50, 3000, false},
	{"中秋慰问困难职工和劳模", model.EventConsolation, "职工家中", []int{9}, 2, 1, 1, 0, 400, 0, false},
	{"《工会法》《劳动合同法》普法讲座", model.EventPublicity, "镇党群服务中心", []int{11, 12}, 1, 2, 4, 15, 0, 600, false},
	{"工会干部业务培训班", model.EventTraining, "镇党群服务中心", []int{3, 10}, 2, 1, 1, 5, 120, 0, false},
	{"基层工会集中建会入会行动", model.EventOrganising, "园区企业", []int{5, 8}, 1, 1, 2, 40, 0, 0, false},
	{"镇总工会委员会全体会议", model.EventMeeting, "镇总工会会议室", []int{1, 7}, 1, 0, 0, 25, 0, 0, false},
	{"职工书画摄影作品展", model.EventSports, "镇文化站", []int{10, 11}, 5, 1, 2, 40, 0, 2500, false},
}

var unitEvents = []eventTemplate{
	{"职工代表大会", model.EventMeeting, "本单位会议室", []int{1, 2, 3, 12}, 1, 20, 40, 5, 0, 0, false},
	{"消防安全培训及疏散演练", model.EventTraining, "本单位厂区", nil, 1, 50, 90, 3, 15, 0, false},
	{"职工拔河比赛", model.EventSports, "本单位厂区", nil, 1, 20, 40, 10, 30, 0, false},
	{"岗位技能比武", model.EventCompetition, "本单位车间", nil, 1, 10, 25, 2, 60, 0, false},
	{"职工羽毛球赛", model.EventSports, "镇文体中心", nil, 1, 10, 20, 0, 40, 0, false},
	{"职业病防治知识讲座", model.EventPublicity, "本单位会议室", nil, 1, 30, 60, 0, 0, 0, false},
	{"新入职职工入会仪式", model.EventOrganising, "本单位会议室", nil, 1, 5, 10, 0, 0, 0, false},
	{"生日会及集体读书活动", model.EventOtherType, "职工之家", nil, 1, 10, 20, 0, 0, 0, false},
}

// writeEvents records a realistic year of events ending with the demo's
// reference month: the federation's own (festival consolation, contests,
// publicity, training, a meeting of its committee) with members of
// several units, and grassroots unions' own events for their members,
// about one in six of them with a subsidy from the federation's funds. Costs
// post to the cash book (501 sub-accounts, consolation to 送温暖 50405).
func writeEvents(b *storage.Batch, w World) error {
	es := GenerateEvents(w)
	for i := range es {
		if err := b.CreateEvent(&es[i]); err != nil {
			return fmt.Errorf("event %d %s: %w", i+1, es[i].Title, err)
		}
	}
	return nil
}

// GenerateEvents makes the demo's events for w, in date order, without
// IDs. Deterministic for a given World.
func GenerateEvents(w World) []model.Event {
	if len(w.Units) == 0 || len(w.Members) == 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(w.Seed, 0x6576656e7473)) // "events"
	byUnit := map[uint64][]int{}
	for i := range w.Members {
		byUnit[w.Members[i].UnitID] = append(byUnit[w.Members[i].UnitID], i)
	}
	last := w.Today.Month()
	first := last.Add(-11)
	var out []model.Event
	day := func(mo model.Month, days int) (model.Date, model.Date) {
		lastDay := mo.Last()
		if mo == last {
			lastDay = w.Today
		}
		n := int(lastDay) - int(mo.First()) + 1
		start := mo.First() + model.Date(r.IntN(max(1, n-days+1)))
		end := min(start+model.Date(days-1), lastDay)
		return start, end
	}
	active := func(idx []int, d model.Date, women bool) []uint64 {
		var ids []uint64
		for _, i := range idx {
			m := &w.Members[i]
			if m.StatusOn(d) != model.StatusActive || (women && m.Gender != model.Female) {
				continue
			}
			ids = append(ids, m.ID)
		}
		return ids
	}
	pick := func(ids []uint64, lo, hi int) []uint64 {
		if len(ids) == 0 || hi == 0 {
			return nil
		}
		pct := lo + r.IntN(hi-lo+1)
		n := max(1, len(ids)*pct/100)
		c := slices.Clone(ids)
		r.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
		c = c[:min(n, len(c))]
		slices.Sort(c)
		return c
	}
	cost := func(t eventTemplate, people int) model.Money {
		if t.perHead == 0 && t.fixed == 0 {
			return 0
		}
		y := t.fixed + t.perHead*people
		y = y * (85 + r.IntN(30)) / 100 // quotes and invoices vary
		return model.Yuan(int64(max(y, 50)))
	}
	// Federation events: each template in its months, once a year.
	for _, t := range federationEvents {
		mo := model.Month(0)
		for _, m := range t.months {
			cand := model.Month(first.Year()*100 + m)
			if cand < first {
				cand = model.Month((first.Year()+1)*100 + m)
			}
			if cand >= first && cand <= last && (mo == 0 || r.IntN(2) == 0) {
				mo = cand
			}
		}
		if mo == 0 {
			continue
		}
		start, end := day(mo, t.days)
		// members of three to eight units take part
		units := slices.Clone(w.Units)
		r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
		units = units[:min(len(units), 3+r.IntN(6))]
		var ms []uint64
		for _, u := range units {
			ms = append(ms, pick(active(byUnit[u.ID], start, t.women), t.shareLo, t.shareHi)...)
		}
		if t.typ == model.EventConsolation {
			ms = ms[:min(len(ms), 12+r.IntN(30))]
		}
		slices.Sort(ms)
		ms = slices.Compact(ms)
		others := 0
		if t.othersHi > 0 {
			others = t.othersHi/2 + r.IntN(t.othersHi/2+1)
		}
		e := model.Event{
			Title: fmt.Sprintf("%d年%s", start.Year(), t.title), Type: t.typ, Start: start, End: end,
			Place: t.place, Members: ms, Others: others,
		}
		e.Cost = cost(t, len(ms)+others)
		e.Summary = summaryOf(&e, len(units))
		out = append(out, e)
	}
	// Unit events: about one a month for every eight units.
	perMonth := max(1, len(w.Units)/8)
	for mo := first; mo <= last; mo = mo.Add(1) {
		for range perMonth {
			u := w.Units[r.IntN(len(w.Units))]
			t := unitEvents[r.IntN(len(unitEvents))]
			if t.months != nil && !slices.Contains(t.months, mo.MonthOfYear()) {
				t = unitEvents[1+r.IntN(len(unitEvents)-1)]
			}
			start, end := day(mo, t.days)
			ms := pick(active(byUnit[u.ID], start, false), t.shareLo, t.shareHi)
			if len(ms) == 0 {
				continue
			}
			others := 0
			if t.othersHi > 0 {
				others = r.IntN(t.othersHi + 1)
			}
			e := model.Event{
				Title: t.title, Type: t.typ, Start: start, End: end, Place: t.place,
				UnitID: u.ID, Members: ms, Others: others,
			}
			if t.perHead > 0 && r.IntN(6) == 0 { // a subsidy from the federation
				e.Cost = cost(t, len(ms)+others)
			}
			e.Summary = summaryOf(&e, 1)
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Event) int { return int(a.Start) - int(b.Start) })
	return out
}

func summaryOf(e *model.Event, units int) string {
	s := fmt.Sprintf("%s，%d个单位的会员%d人参加", e.Start.String(), units, len(e.Members))
	if e.Others > 0 {
		s += fmt.Sprintf("，另有其他人员%d人", e.Others)
	}
	return s + "。"
}
