package model

// CaseFigures are the case figures of a period, as work summaries cite them
// ("受理来信来访 N 件，涉及单位 U 家、职工 W 人；其中集体争议 K 件、涉及职工 KW 人，
// 标的 X 元；调解成功率 R%"). A case belongs to the period, and the month, of
// the day it was received; cases closed as entered by mistake count
// nowhere. Amounts are the cases' amounts in dispute and recovered, as
// recorded when they were closed.
type CaseFigures struct {
	From, To          Date
	CollectiveMin     int // the threshold the figures used
	Cases             int
	Workers           int // the cases' headcounts, summed
	Units             int // distinct units and employers
	Collective        int // cases of CollectiveMin workers or more
	CollectiveWorkers int
	Claimed           Money // amounts in dispute (标的)
	Recovered         Money // recovered for the workers
	Closed            int   // of the period's cases, closed by now
	Open              int
	// Mediated are the closed cases resolved by mediation (调解成功);
	// Partial those partly resolved. MediatedBP is Mediated over Closed.
	Mediated int
	Partial  int
	LegalAid int // cases referred to legal aid (a step 转法律援助)

	ByType    []CaseGroup // every type, in CaseTypes order
	ByChannel []CaseGroup // every channel, in CaseChannels order
	ByOutcome []CaseGroup // every outcome, of the closed cases
	ByMonth   []CaseGroup // every month of From..To
	Risk      RiskFigures
}

// CaseGroup is one line of a breakdown: a type, channel, outcome or month.
type CaseGroup struct {
	Type       CaseType
	Channel    CaseChannel
	Outcome    CaseOutcome
	Month      Month
	Cases      int
	Workers    int
	Collective int
	Claimed    Money
	Recovered  Money
}

func (g *CaseGroup) add(c *Case, collective bool) {
	g.Cases++
	g.Workers += c.Headcount
	if collective {
		g.Collective++
	}
	g.Claimed += c.Claimed
	g.Recovered += c.Recovered
}

// MediatedBP is the share of the closed cases resolved by mediation, in
// basis points (10000 = 100%); 0 when none is closed.
func (f *CaseFigures) MediatedBP() int {
	if f.Closed == 0 {
		return 0
	}
	return ShareBP(int64(f.Mediated), int64(f.Closed))
}

// RiskFigures are the risk checks of a period: visits, the units visited,
// the visits that found a risk (by level), how many of those are resolved
// by now, and the units with a risk still open today (whatever the period).
type RiskFigures struct {
	Checks    int
	Units     int
	WithRisk  int
	Resolved  int
	ByLevel   []RiskGroup // every level, in RiskLevels order
	OpenUnits int
}

// RiskGroup counts the visits of one level.
type RiskGroup struct {
	Level  RiskLevel
	Checks int
}

// SumCases computes the figures of the cases received and the risk checks
// made from..to (0 for an open end; ByMonth is then only the months that
// have cases). allChecks are every risk check, for the units with open
// risks today; pass the period's checks again when only those are known.
// Pure: callers load the records.
func SumCases(cases []Case, checks, allChecks []RiskCheck, from, to Date, r CaseRules) CaseFigures {
	f := CaseFigures{From: from, To: to, CollectiveMin: r.CollectiveMin}
	in := func(d Date) bool { return (from == 0 || d >= from) && (to == 0 || d <= to) }
	byType := map[CaseType]*CaseGroup{}
	byChannel := map[CaseChannel]*CaseGroup{}
	byOutcome := map[CaseOutcome]*CaseGroup{}
	byMonth := map[Month]*CaseGroup{}
	for _, t := range CaseTypes {
		byType[t] = &CaseGroup{Type: t}
	}
	for _, ch := range CaseChannels {
		byChannel[ch] = &CaseGroup{Channel: ch}
	}
	for _, o := range CaseOutcomes {
		byOutcome[o] = &CaseGroup{Outcome: o}
	}
	if from != 0 && to != 0 {
		for m := from.Month(); m <= to.Month(); m = m.Add(1) {
			byMonth[m] = &CaseGroup{Month: m}
		}
	}
	units := map[string]bool{}
	for i := range cases {
		c := &cases[i]
		if c.Void || !in(c.Received) {
			continue
		}
		coll := c.Collective(r)
		f.Cases++
		f.Workers += c.Headcount
		if k := c.UnitKey(); k != "" {
			units[k] = true
		}
		if coll {
			f.Collective++
			f.CollectiveWorkers += c.Headcount
		}
		f.Claimed += c.Claimed
		f.Recovered += c.Recovered
		if c.Open() {
			f.Open++
		} else {
			f.Closed++
			switch c.Outcome {
			case OutcomeMediated:
				f.Mediated++
			case OutcomePartial:
				f.Partial++
			}
			if g := byOutcome[c.Outcome]; g != nil {
				g.add(c, coll)
			}
		}
		if c.HasStep(StepLegalAid) {
			f.LegalAid++
		}
		if g := byType[c.Type]; g != nil {
			g.add(c, coll)
		}
		if g := byChannel[c.Channel]; g != nil {
			g.add(c, coll)
		}
		m := c.Received.Month()
		if byMonth[m] == nil {
			byMonth[m] = &CaseGroup{Month: m}
		}
		byMonth[m].add(c, coll)
	}
	f.Units = len(units)
	for _, t := range CaseTypes {
		f.ByType = append(f.ByType, *byType[t])
	}
	for _, ch := range CaseChannels {
		f.ByChannel = append(f.ByChannel, *byChannel[ch])
	}
	for _, o := range CaseOutcomes {
		f.ByOutcome = append(f.ByOutcome, *byOutcome[o])
	}
	if len(byMonth) > 0 {
		first, last := Month(0), Month(0)
		for m := range byMonth {
			if first == 0 || m < first {
				first = m
			}
			last = max(last, m)
		}
		for m := first; m <= last; m = m.Add(1) {
			if g := byMonth[m]; g != nil {
				f.ByMonth = append(f.ByMonth, *g)
			}
		}
	}
	f.Risk = sumRisk(checks, allChecks, in)
	return f
}

func sumRisk(checks, allChecks []RiskCheck, in func(Date) bool) RiskFigures {
	var rf RiskFigures
	byLevel := map[RiskLevel]int{}
	units := map[string]bool{}
	for i := range checks {
		r := &checks[i]
		if !in(r.Date) {
			continue
		}
		rf.Checks++
		units[r.UnitKey()] = true
		byLevel[r.Level]++
		if r.Level >= RiskLow {
			rf.WithRisk++
			if r.Resolved != 0 {
				rf.Resolved++
			}
		}
	}
	rf.Units = len(units)
	for _, l := range RiskLevels {
		rf.ByLevel = append(rf.ByLevel, RiskGroup{Level: l, Checks: byLevel[l]})
	}
	open := map[string]bool{}
	for i := range allChecks {
		if allChecks[i].OpenRisk() {
			open[allChecks[i].UnitKey()] = true
		}
	}
	rf.OpenUnits = len(open)
	return rf
}

// CaseStats are the case figures of stats --json: the current year's
// cases, workers, units, collective cases, amounts (fen), the share
// resolved by mediation (basis points) and the breakdowns, and the year's
// risk checks. The JSON keys are part of the command line's contract.
type CaseStats struct {
	Year              int              `json:"year"`
	CollectiveMin     int              `json:"collective_min"`
	Cases             int              `json:"cases"`
	Workers           int              `json:"workers"`
	Units             int              `json:"units"`
	Collective        int              `json:"collective"`
	CollectiveWorkers int              `json:"collective_workers"`
	Claimed           Money            `json:"claimed"`
	Recovered         Money            `json:"recovered"`
	Closed            int              `json:"closed"`
	Open              int              `json:"open"`
	Mediated          int              `json:"mediated"`
	MediatedRateBP    int              `json:"mediated_rate_bp"`
	LegalAid          int              `json:"legal_aid"`
	ByType            []CaseGroupStats `json:"by_type"`
	ByChannel         []CaseGroupStats `json:"by_channel"`
	ByMonth           []CaseGroupStats `json:"by_month"`
	RiskChecks        RiskStats        `json:"risk_checks"`
}

// CaseGroupStats is one line of a breakdown of CaseStats: Code is the
// type's or channel's code ("wages", "visit") or the month ("2026-03").
type CaseGroupStats struct {
	Code      string `json:"code"`
	Name      string `json:"name,omitempty"`
	Cases     int    `json:"cases"`
	Workers   int    `json:"workers"`
	Claimed   Money  `json:"claimed"`
	Recovered Money  `json:"recovered"`
}

// RiskStats are the year's risk checks in CaseStats.
type RiskStats struct {
	Checks    int `json:"checks"`
	Units     int `json:"units"`
	WithRisk  int `json:"with_risk"`
	Resolved  int `json:"resolved"`
	OpenUnits int `json:"open_units"`
}

// CaseStatsOf turns a year's figures into CaseStats; name gives the display
// name of a catalogue key (the Chinese catalogue, as the books are kept).
func CaseStatsOf(year int, f CaseFigures, name func(key string) string) CaseStats {
	st := CaseStats{
		Year: year, CollectiveMin: f.CollectiveMin, Cases: f.Cases, Workers: f.Workers, Units: f.Units,
		Collective: f.Collective, CollectiveWorkers: f.CollectiveWorkers, Claimed: f.Claimed, Recovered: f.Recovered,
		Closed: f.Closed, Open: f.Open, Mediated: f.Mediated, MediatedRateBP: f.MediatedBP(), LegalAid: f.LegalAid,
		ByType: []CaseGroupStats{}, ByChannel: []CaseGroupStats{}, ByMonth: []CaseGroupStats{},
		RiskChecks: RiskStats{Checks: f.Risk.Checks, Units: f.Risk.Units, WithRisk: f.Risk.WithRisk,
			Resolved: f.Risk.Resolved, OpenUnits: f.Risk.OpenUnits},
	}
	line := func(code, nm string, g CaseGroup) CaseGroupStats {
		return CaseGroupStats{Code: code, Name: nm, Cases: g.Cases, Workers: g.Workers, Claimed: g.Claimed, Recovered: g.Recovered}
	}
	for _, g := range f.ByType {
		st.ByType = append(st.ByType, line(g.Type.Code(), name(g.Type.Key()), g))
	}
	for _, g := range f.ByChannel {
		st.ByChannel = append(st.ByChannel, line(g.Channel.Code(), name(g.Channel.Key()), g))
	}
	for _, g := range f.ByMonth {
		st.ByMonth = append(st.ByMonth, line(g.Month.String(), "", g))
	}
	return st
}

// CaseChanges lists the fields that differ between two versions of a
// case, for the audit log. The sensitive fields (CaseSensitiveFields) are
// named with "***" for a value: the log says that they changed, not what
// they hold, since it travels with the district package.
func CaseChanges(old, new *Case) []FieldChange {
	var cs []FieldChange
	if old == nil {
		old = &Case{}
	}
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	secret := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: secretMark(a), New: secretMark(b)})
		}
	}
	dateText := func(d Date) string {
		if d == 0 {
			return ""
		}
		return d.String()
	}
	diff("cs_received", dateText(old.Received), dateText(new.Received))
	diff("cs_channel", old.Channel.Code(), new.Channel.Code())
	diff("cs_type", old.Type.Code(), new.Type.Code())
	secret("cs_workers", workersText(old.Workers), workersText(new.Workers))
	diff("cs_headcount", itoa(old.Headcount), itoa(new.Headcount))
	diff("cs_unit", uintText(old.UnitID), uintText(new.UnitID))
	diff("cs_employer", old.Employer, new.Employer)
	diff("cs_claimed", old.Claimed.String(), new.Claimed.String())
	secret("cs_summary", old.Summary, new.Summary)
	diff("cs_risk", uintText(old.RiskCheckID), uintText(new.RiskCheckID))
	diff("cs_outcome", old.Outcome.Code(), new.Outcome.Code())
	diff("cs_recovered", old.Recovered.String(), new.Recovered.String())
	diff("cs_closed", dateText(old.Closed), dateText(new.Closed))
	secret("cs_close_note", old.CloseNote, new.CloseNote)
	diff("cs_void", boolText(old.Void), boolText(new.Void))
	secret("cs_void_reason", old.VoidReason, new.VoidReason)
	return cs
}

// StepChange is the audit entry's line for a step added or changed: its
// date and kind, the note only marked.
func StepChange(n int, old *CaseStep, new CaseStep) []FieldChange {
	text := func(s *CaseStep) string {
		if s == nil {
			return ""
		}
		t := itoa(n) + ". " + s.Date.String() + " " + s.Kind.Code()
		if s.Who != "" {
			t += " " + s.Who
		}
		return t
	}
	cs := []FieldChange{{Field: "cs_steps", Old: text(old), New: text(&new)}}
	oldNote := ""
	if old != nil {
		oldNote = old.Note
	}
	if oldNote != new.Note {
		cs = append(cs, FieldChange{Field: "cs_step_note", Old: secretMark(oldNote), New: secretMark(new.Note)})
	}
	return cs
}

// workersText lists the workers whole, only to compare versions.
func workersText(ws []CaseWorker) string {
	s := ""
	for _, w := range ws {
		s += uintText(w.MemberID) + "|" + w.Name + "|" + w.Phone + "|" + w.IDNumber + ";"
	}
	return s
}

// secretMark stands for a sensitive value in the audit log: whether it is set.
func secretMark(s string) string {
	if s == "" {
		return ""
	}
	return "***"
}

// RiskCheckChanges lists the fields that differ between two versions of a
// risk check, for the audit log; the findings and the resolution, which may
// name people, are marked like a case's notes.
func RiskCheckChanges(old, new *RiskCheck) []FieldChange {
	var cs []FieldChange
	if old == nil {
		old = &RiskCheck{}
	}
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	dateText := func(d Date) string {
		if d == 0 {
			return ""
		}
		return d.String()
	}
	diff("rk_date", dateText(old.Date), dateText(new.Date))
	diff("rk_unit", uintText(old.UnitID), uintText(new.UnitID))
	diff("rk_employer", old.Employer, new.Employer)
	diff("rk_inspector", old.Inspector, new.Inspector)
	diff("rk_level", old.Level.Code(), new.Level.Code())
	diff("rk_area", old.Area.Code(), new.Area.Code())
	if old.Findings != new.Findings {
		cs = append(cs, FieldChange{Field: "rk_findings", Old: secretMark(old.Findings), New: secretMark(new.Findings)})
	}
	diff("rk_resolved", dateText(old.Resolved), dateText(new.Resolved))
	if old.Resolution != new.Resolution {
		cs = append(cs, FieldChange{Field: "rk_resolution", Old: secretMark(old.Resolution), New: secretMark(new.Resolution)})
	}
	return cs
}
