package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Cases (维权案件): the labour disputes, workers' calls and visits and the
// legal aid the federation handles (劳动争议调解, 来信来访, 法律援助). A case is
// received on a date through a channel, concerns one or more workers at a
// unit of the register or an employer without a union, has dated steps
// (investigation, mediation, referral...) and ends with an outcome and the
// amount recovered for the workers. A case is never deleted once it has a
// step: a case entered by mistake is closed as such (Void) with a reason,
// drops out of every figure, and stays readable with its audit history.
//
// Collective disputes: 《劳动争议调解仲裁法》 第七条 reads "发生劳动争议的劳动者
// 一方在十人以上，并有共同请求的，可以推举代表参加调解、仲裁或者诉讼活动", and
// 《劳动人事争议仲裁办案规则》 第六十二条 handles disputes "劳动者一方在十人以上
// 并有共同请求的" as collective cases; many township work summaries count five
// or more instead. The threshold is a setting (Profile.CaseCollectiveMin,
// default DefaultCollectiveMin = 10), and whether a case is collective is
// derived from its headcount with the setting in force, so that every
// figure of every period follows one definition.
//
// Privacy: the workers' names, phones and ID numbers, the summary and the
// notes of steps and closing (CaseSensitiveFields) never leave the program:
// district sheets and packages carry counts and amounts only, and the audit
// log names those fields without copying their values.

// CaseChannel is how a case came in (受理渠道).
type CaseChannel uint8

const (
	ChannelVisit    CaseChannel = 1 // 来访
	ChannelCall     CaseChannel = 2 // 来电
	ChannelLetter   CaseChannel = 3 // 来信
	ChannelOnline   CaseChannel = 4 // 网络
	ChannelReferred CaseChannel = 5 // 上级转办
)

// CaseChannels in display order.
var CaseChannels = []CaseChannel{ChannelVisit, ChannelCall, ChannelLetter, ChannelOnline, ChannelReferred}

var caseChannelCodes = []string{"", "visit", "call", "letter", "online", "referred"}

// Valid reports a known channel.
func (c CaseChannel) Valid() bool { return c >= ChannelVisit && c <= ChannelReferred }

// Code is the channel's stable English code ("visit"), used in stats --json.
func (c CaseChannel) Code() string { return enumCode(c, caseChannelCodes) }

// Key is the catalogue key of the channel's name.
func (c CaseChannel) Key() string { return enumKey("cases.channel.", c, caseChannelCodes) }

// CaseType is what a case is about (争议类型). The types follow the matters
// 《劳动争议调解仲裁法》 第二条 lists: pay, social insurance, the contract, work
// injury, working time and leave, dismissal.
type CaseType uint8

const (
	CaseWages     CaseType = 1 // 欠薪
	CaseInsurance CaseType = 2 // 社会保险
	CaseContract  CaseType = 3 // 劳动合同
	CaseInjury    CaseType = 4 // 工伤
	CaseHours     CaseType = 5 // 工时与休假
	CaseDismissal CaseType = 6 // 解除/辞退
	CaseOtherType CaseType = 7 // 其他
)

// CaseTypes in display order.
var CaseTypes = []CaseType{CaseWages, CaseInsurance, CaseContract, CaseInjury, CaseHours, CaseDismissal, CaseOtherType}

var caseTypeCodes = []string{"", "wages", "social_insurance", "contract", "injury", "hours", "dismissal", "other"}

// Valid reports a known type.
func (t CaseType) Valid() bool { return t >= CaseWages && t <= CaseOtherType }

// Code is the type's stable English code ("wages").
func (t CaseType) Code() string { return enumCode(t, caseTypeCodes) }

// Key is the catalogue key of the type's name.
func (t CaseType) Key() string { return enumKey("cases.type.", t, caseTypeCodes) }

// StepKind is what a step of a case did (办理环节).
type StepKind uint8

const (
	StepInvestigate StepKind = 1 // 调查
	StepMediate     StepKind = 2 // 调解
	StepNegotiate   StepKind = 3 // 协商
	StepArbitration StepKind = 4 // 转仲裁
	StepLegalAid    StepKind = 5 // 转法律援助
	StepFollowUp    StepKind = 6 // 回访
)

// StepKinds in display order.
var StepKinds = []StepKind{StepInvestigate, StepMediate, StepNegotiate, StepArbitration, StepLegalAid, StepFollowUp}

var stepKindCodes = []string{"", "investigate", "mediate", "negotiate", "arbitration", "legal_aid", "follow_up"}

// Valid reports a known kind.
func (k StepKind) Valid() bool { return k >= StepInvestigate && k <= StepFollowUp }

// Code is the kind's stable English code.
func (k StepKind) Code() string { return enumCode(k, stepKindCodes) }

// Key is the catalogue key of the kind's name.
func (k StepKind) Key() string { return enumKey("cases.step.", k, stepKindCodes) }

// CaseOutcome is how a case ended (办结结果).
type CaseOutcome uint8

const (
	OutcomeMediated    CaseOutcome = 1 // 调解成功
	OutcomePartial     CaseOutcome = 2 // 部分解决
	OutcomeFailed      CaseOutcome = 3 // 调解不成
	OutcomeArbitration CaseOutcome = 4 // 转仲裁
	OutcomeLitigation  CaseOutcome = 5 // 转诉讼
	OutcomeWithdrawn   CaseOutcome = 6 // 撤回
)

// CaseOutcomes in display order.
var CaseOutcomes = []CaseOutcome{OutcomeMediated, OutcomePartial, OutcomeFailed, OutcomeArbitration, OutcomeLitigation, OutcomeWithdrawn}

var caseOutcomeCodes = []string{"", "mediated", "partial", "failed", "arbitration", "litigation", "withdrawn"}

// Valid reports a known outcome.
func (o CaseOutcome) Valid() bool { return o >= OutcomeMediated && o <= OutcomeWithdrawn }

// Code is the outcome's stable English code.
func (o CaseOutcome) Code() string { return enumCode(o, caseOutcomeCodes) }

// Key is the catalogue key of the outcome's name.
func (o CaseOutcome) Key() string { return enumKey("cases.outcome.", o, caseOutcomeCodes) }

func enumCode[T ~uint8](v T, codes []string) string {
	if v == 0 || int(v) >= len(codes) {
		return ""
	}
	return codes[v]
}

func enumKey[T ~uint8](prefix string, v T, codes []string) string {
	if v == 0 || int(v) >= len(codes) {
		return "form.none"
	}
	return prefix + codes[v]
}

// CaseWorker is one worker of a case: a member of the roster (MemberID;
// name, phone and ID number are then the member's) or a worker who is not
// one, with a name and, when given, a phone and an ID number.
type CaseWorker struct {
	MemberID uint64 `cbor:"1,keyasint,omitempty"`
	Name     string `cbor:"2,keyasint,omitempty"`
	Phone    string `cbor:"3,keyasint,omitempty"`
	IDNumber string `cbor:"4,keyasint,omitempty"`
}

// CaseStep is one dated step of a case: what was done, by whom, and a note.
type CaseStep struct {
	Date     Date      `cbor:"1,keyasint"`
	Kind     StepKind  `cbor:"2,keyasint"`
	Who      string    `cbor:"3,keyasint,omitempty"` // who handled it (经办人)
	Note     string    `cbor:"4,keyasint,omitempty"` // sensitive
	Operator string    `cbor:"5,keyasint,omitempty"`
	At       time.Time `cbor:"6,keyasint"`
}

// Case is one labour dispute, visit or legal-aid request (维权案件).
type Case struct {
	ID        uint64       `cbor:"1,keyasint"`
	Received  Date         `cbor:"2,keyasint"`
	Channel   CaseChannel  `cbor:"3,keyasint"`
	Type      CaseType     `cbor:"4,keyasint"`
	Workers   []CaseWorker `cbor:"5,keyasint,omitempty"`
	Headcount int          `cbor:"6,keyasint"` // workers involved, the named ones included
	UnitID    uint64       `cbor:"7,keyasint,omitempty"`
	Employer  string       `cbor:"8,keyasint,omitempty"`  // an employer not in the register
	Claimed   Money        `cbor:"9,keyasint,omitempty"`  // amount in dispute (标的)
	Summary   string       `cbor:"10,keyasint,omitempty"` // what the workers ask (sensitive)
	// RiskCheckID is the risk check (隐患排查) that found the dispute, if any.
	RiskCheckID uint64     `cbor:"11,keyasint,omitempty"`
	Steps       []CaseStep `cbor:"12,keyasint,omitempty"`

	Outcome   CaseOutcome `cbor:"13,keyasint,omitempty"`
	Recovered Money       `cbor:"14,keyasint,omitempty"` // recovered for the workers
	Closed    Date        `cbor:"15,keyasint,omitempty"` // 0 while open
	CloseNote string      `cbor:"16,keyasint,omitempty"` // sensitive
	// Void marks a case closed as entered by mistake (Closed is the day it
	// was so marked); it counts in no figure.
	Void       bool   `cbor:"17,keyasint,omitempty"`
	VoidReason string `cbor:"18,keyasint,omitempty"`

	Operator  string    `cbor:"19,keyasint,omitempty"`
	CreatedAt time.Time `cbor:"20,keyasint"`
}

// CaseSensitiveFields are the keys ("field.<key>") of the case's fields
// that never leave the program and whose values the audit log does not
// copy: the workers (names, phones, ID numbers), the summary, and the notes
// of steps, of closing and of closing as entered by mistake.
var CaseSensitiveFields = []string{"cs_workers", "cs_summary", "cs_step_note", "cs_close_note", "cs_void_reason"}

// Limits of a case's fields.
const (
	CaseWorkersMax   = 50
	CaseHeadcountMax = 100_000
	CaseEmployerMax  = 60
	CaseSummaryMax   = 1000
	CaseNoteMax      = 500
	CaseWhoMax       = 30
	CaseStepsMax     = 200
)

// DefaultCollectiveMin is the collective-dispute threshold of 《劳动争议调解
// 仲裁法》 第七条: ten or more workers.
const DefaultCollectiveMin = 10

// CaseRules are the settings the case figures follow.
type CaseRules struct {
	// CollectiveMin is the least headcount of a collective dispute.
	CollectiveMin int
}

// CaseRules are the profile's case settings, defaults filled in.
func (p *Profile) CaseRules() CaseRules {
	r := CaseRules{CollectiveMin: p.CaseCollectiveMin}
	if r.CollectiveMin <= 0 {
		r.CollectiveMin = DefaultCollectiveMin
	}
	return r
}

// validateCases checks the profile's case settings.
func (p *Profile) validateCases() Problems {
	var ps Problems
	if n := p.CaseCollectiveMin; n != 0 && (n < 2 || n > 1000) {
		ps.add("case_collective_min", "cases.collective_min_range", 2, 1000)
	}
	return ps
}

// Open reports a case still being handled.
func (c *Case) Open() bool { return c.Closed == 0 }

// Collective reports whether the case is a collective dispute under r.
func (c *Case) Collective(r CaseRules) bool { return c.Headcount >= r.CollectiveMin }

// LastStep is the date of the latest step (0 without steps).
func (c *Case) LastStep() Date {
	var d Date
	for _, s := range c.Steps {
		d = max(d, s.Date)
	}
	return d
}

// HasStep reports whether the case has a step of kind k.
func (c *Case) HasStep(k StepKind) bool {
	for _, s := range c.Steps {
		if s.Kind == k {
			return true
		}
	}
	return false
}

// MemberIDs are the workers who are members, each once.
func (c *Case) MemberIDs() []uint64 {
	var ids []uint64
	seen := map[uint64]bool{}
	for _, w := range c.Workers {
		if w.MemberID != 0 && !seen[w.MemberID] {
			seen[w.MemberID] = true
			ids = append(ids, w.MemberID)
		}
	}
	return ids
}

// UnitKey tells the units of cases apart for counting: the register's unit,
// or the employer's name as typed (case-folded).
func (c *Case) UnitKey() string { return unitKey(c.UnitID, c.Employer) }

func unitKey(id uint64, employer string) string {
	if id != 0 {
		return "u" + uintText(id)
	}
	if employer == "" {
		return ""
	}
	return "e" + strings.ToLower(NormalizeUnitName(employer))
}

// Normalize cleans the case's text fields and its workers, and a missing
// headcount becomes the number of named workers.
func (c *Case) Normalize() {
	c.Employer = NormalizeUnitName(c.Employer)
	c.Summary = strings.TrimSpace(c.Summary)
	c.CloseNote = CleanText(c.CloseNote)
	c.VoidReason = CleanText(c.VoidReason)
	for i := range c.Workers {
		c.Workers[i].Normalize()
	}
	if c.Headcount == 0 {
		c.Headcount = len(c.Workers)
	}
	for i := range c.Steps {
		c.Steps[i].Normalize()
	}
}

// Normalize cleans a worker: a member's own details are the roster's and
// are dropped here; a non-member's name, phone and ID number are cleaned.
func (w *CaseWorker) Normalize() {
	if w.MemberID != 0 {
		w.Name, w.Phone, w.IDNumber = "", "", ""
		return
	}
	w.Name = CleanName(w.Name)
	if p, err := NormalizePhone(w.Phone); err == nil {
		w.Phone = p
	} else {
		w.Phone = Clean(w.Phone)
	}
	if id, err := NormalizeResidentID(w.IDNumber); err == nil {
		w.IDNumber = id
	} else {
		w.IDNumber = strings.ToUpper(Clean(w.IDNumber))
	}
}

// Normalize cleans a step's text.
func (s *CaseStep) Normalize() {
	s.Who = CleanName(s.Who)
	s.Note = strings.TrimSpace(s.Note)
}

// ValidateCaseWorker returns the problems of one worker on the fields
// "cs_worker_name", "cs_worker_phone" and "cs_worker_id": a non-member needs
// a name; a phone and an 18-character ID number, when given, must be right
// (other documents are taken as typed, 5 to 30 characters).
func ValidateCaseWorker(w *CaseWorker) Problems {
	var ps Problems
	if w.MemberID != 0 {
		return nil
	}
	switch n := utf8.RuneCountInString(w.Name); {
	case n == 0:
		ps.add("cs_worker_name", "problem.required")
	case n > 30:
		ps.add("cs_worker_name", "problem.too_long", 30)
	}
	if w.Phone != "" {
		if _, err := NormalizePhone(w.Phone); err != nil {
			ps.addErr("cs_worker_phone", err)
		}
	}
	if id := w.IDNumber; id != "" {
		n := utf8.RuneCountInString(id)
		switch {
		case n == 15 || n == 18 || allDigits(strings.TrimSuffix(id, "X")):
			if _, err := NormalizeResidentID(id); err != nil {
				ps.addErr("cs_worker_id", err)
			}
		case n < 5 || n > 30:
			ps.add("cs_worker_id", "member.doc_length")
		}
	}
	return ps
}

// ValidateCaseStep returns the problems of a step of c on the fields
// "cs_step_date", "cs_step_kind", "cs_step_who" and "cs_step_note": a real
// date, not in the future, not before the case was received and, for a
// closed case, not after it was closed; a kind; short texts.
func ValidateCaseStep(s *CaseStep, c *Case, today Date) Problems {
	var ps Problems
	switch {
	case s.Date == 0:
		ps.add("cs_step_date", "problem.required")
	case !s.Date.Valid():
		ps.add("cs_step_date", "date.impossible", s.Date.String())
	case s.Date > today:
		ps.add("cs_step_date", "problem.future")
	case c.Received.Valid() && s.Date < c.Received:
		ps.add("cs_step_date", "cases.step_before_case", c.Received.String())
	case c.Closed != 0 && s.Date > c.Closed:
		ps.add("cs_step_date", "cases.step_after_close", c.Closed.String())
	}
	if !s.Kind.Valid() {
		ps.add("cs_step_kind", "problem.required")
	}
	if utf8.RuneCountInString(s.Who) > CaseWhoMax {
		ps.add("cs_step_who", "problem.too_long", CaseWhoMax)
	}
	if utf8.RuneCountInString(s.Note) > CaseNoteMax {
		ps.add("cs_step_note", "problem.too_long", CaseNoteMax)
	}
	return ps
}

// ValidateCase returns every problem of a case, on the fields
// "cs_received", "cs_channel", "cs_type", "cs_workers", "cs_headcount",
// "cs_unit", "cs_employer", "cs_claimed", "cs_summary", "cs_steps",
// "cs_outcome", "cs_recovered", "cs_closed", "cs_close_note" and
// "cs_void_reason". A worker's or a step's problem is reported on
// "cs_workers" or "cs_steps" naming which one and the field. Whether the
// members, the unit and the risk check exist is checked by the store.
func ValidateCase(c *Case, today Date) Problems {
	var ps Problems
	receivedOK := false
	switch {
	case c.Received == 0:
		ps.add("cs_received", "problem.required")
	case !c.Received.Valid():
		ps.add("cs_received", "date.impossible", c.Received.String())
	case c.Received > today:
		ps.add("cs_received", "problem.future")
	default:
		receivedOK = true
	}
	if !c.Channel.Valid() {
		ps.add("cs_channel", "problem.required")
	}
	if !c.Type.Valid() {
		ps.add("cs_type", "problem.required")
	}
	switch {
	case len(c.Workers) == 0:
		ps.add("cs_workers", "cases.no_worker")
	case len(c.Workers) > CaseWorkersMax:
		ps.add("cs_workers", "cases.too_many", CaseWorkersMax)
	}
	seen := map[uint64]bool{}
	for i := range c.Workers {
		w := &c.Workers[i]
		if w.MemberID != 0 {
			if seen[w.MemberID] {
				ps.add("cs_workers", "cases.worker_twice", i+1)
			}
			seen[w.MemberID] = true
		}
		for _, p := range ValidateCaseWorker(w) {
			ps.add("cs_workers", "cases.worker_bad", i+1, i18nKeyArg("field."+p.Field), p)
		}
	}
	switch {
	case c.Headcount < 1:
		ps.add("cs_headcount", "cases.headcount_min")
	case c.Headcount > CaseHeadcountMax:
		ps.add("cs_headcount", "cases.too_many", CaseHeadcountMax)
	case c.Headcount < len(c.Workers):
		ps.add("cs_headcount", "cases.headcount_below_workers", len(c.Workers))
	}
	if c.UnitID == 0 && c.Employer == "" {
		ps.add("cs_unit", "cases.unit_required")
	}
	if c.UnitID != 0 && c.Employer != "" {
		ps.add("cs_employer", "cases.unit_and_employer")
	}
	if utf8.RuneCountInString(c.Employer) > CaseEmployerMax {
		ps.add("cs_employer", "problem.too_long", CaseEmployerMax)
	}
	switch {
	case c.Claimed < 0:
		ps.add("cs_claimed", "problem.negative")
	case c.Claimed > Yuan(10_000_000_000):
		ps.add("cs_claimed", "cases.amount_too_large")
	}
	if utf8.RuneCountInString(c.Summary) > CaseSummaryMax {
		ps.add("cs_summary", "problem.too_long", CaseSummaryMax)
	}
	if len(c.Steps) > CaseStepsMax {
		ps.add("cs_steps", "cases.too_many", CaseStepsMax)
	}
	// A step is checked against the case as received, and against the
	// closing date only if the closing itself is right.
	bounds := Case{Received: c.Received}
	if !receivedOK {
		bounds.Received = 0
	}
	if c.Closed.Valid() && c.Closed <= today {
		bounds.Closed = c.Closed
	}
	for i := range c.Steps {
		for _, p := range ValidateCaseStep(&c.Steps[i], &bounds, today) {
			ps.add("cs_steps", "cases.step_bad", i+1, i18nKeyArg("field."+p.Field), p)
		}
	}
	ps = append(ps, validateClosing(c, today, receivedOK)...)
	return ps
}

// validateClosing checks the closing fields of a case.
func validateClosing(c *Case, today Date, receivedOK bool) Problems {
	var ps Problems
	if c.Recovered < 0 {
		ps.add("cs_recovered", "problem.negative")
	} else if c.Recovered > Yuan(10_000_000_000) {
		ps.add("cs_recovered", "cases.amount_too_large")
	}
	if utf8.RuneCountInString(c.CloseNote) > CaseNoteMax {
		ps.add("cs_close_note", "problem.too_long", CaseNoteMax)
	}
	if c.Closed == 0 {
		if c.Void {
			ps.add("cs_closed", "problem.required")
		}
		if c.Outcome != 0 {
			ps.add("cs_outcome", "cases.outcome_while_open")
		}
		return ps
	}
	switch {
	case !c.Closed.Valid():
		ps.add("cs_closed", "date.impossible", c.Closed.String())
	case c.Closed > today:
		ps.add("cs_closed", "problem.future")
	case receivedOK && c.Closed < c.Received:
		ps.add("cs_closed", "cases.closed_before_received", c.Received.String())
	case !c.Void && c.LastStep() > c.Closed:
		ps.add("cs_closed", "cases.closed_before_step", c.LastStep().String())
	}
	if c.Void {
		switch n := utf8.RuneCountInString(c.VoidReason); {
		case n == 0:
			ps.add("cs_void_reason", "problem.required")
		case n > CaseNoteMax:
			ps.add("cs_void_reason", "problem.too_long", CaseNoteMax)
		}
		return ps
	}
	if !c.Outcome.Valid() {
		ps.add("cs_outcome", "cases.outcome_required")
	}
	return ps
}

// CaseClosing is what the close form gives: the day, the outcome, the
// amount recovered and a note.
type CaseClosing struct {
	Date      Date
	Outcome   CaseOutcome
	Recovered Money
	Note      string
}

// Apply closes c with k (the store validates the result).
func (k CaseClosing) Apply(c *Case) {
	c.Closed, c.Outcome, c.Recovered, c.CloseNote = k.Date, k.Outcome, k.Recovered, k.Note
}

// CaseWarnings are what the secretary should know about a case but that
// does not stop the write: an amount recovered above the amount in dispute
// (interest, compensation on top of the claim, or a typing slip).
func CaseWarnings(c *Case) Warnings {
	if c.Recovered > c.Claimed && !c.Void {
		return Warnings{{Field: "cs_recovered", Key: "cases.recovered_over_claimed", Args: []any{c.Recovered.Display(), c.Claimed.Display()}}}
	}
	return nil
}
