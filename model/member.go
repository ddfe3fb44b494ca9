package model

import (
	"slices"
	"time"
	"unicode/utf8"
)

// Status is a member's membership state (会籍状态).
type Status uint8

const (
	StatusActive      Status = iota + 1 // 在会
	StatusRetained                      // 保留会籍: retired, unemployed; pays no dues
	StatusTransferred                   // 转出, to another union
	StatusLeft                          // 退会
	StatusExpelled                      // 除名
	StatusDeceased                      // 去世
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusActive, StatusRetained, StatusTransferred, StatusLeft, StatusExpelled, StatusDeceased}

// Key is the catalogue key of the status name.
func (s Status) Key() string {
	switch s {
	case StatusActive:
		return "status.active"
	case StatusRetained:
		return "status.retained"
	case StatusTransferred:
		return "status.transferred"
	case StatusLeft:
		return "status.left"
	case StatusExpelled:
		return "status.expelled"
	case StatusDeceased:
		return "status.deceased"
	}
	return "status.unknown"
}

// InUnion reports whether the member still belongs to this union
// (active or retained).
func (s Status) InUnion() bool { return s == StatusActive || s == StatusRetained }

// CanBecome reports whether a member in status s may move to next. Anyone
// may rejoin (一次入会、动态接转), except the deceased.
func (s Status) CanBecome(next Status) bool {
	if s == next || s == StatusDeceased || next < StatusActive || next > StatusDeceased {
		return false
	}
	if !s.InUnion() {
		return next == StatusActive
	}
	return true
}

// StatusChange is one dated, reasoned change of membership state. History
// is only ever appended to.
type StatusChange struct {
	Date     Date      `cbor:"1,keyasint"`
	From     Status    `cbor:"2,keyasint"`
	To       Status    `cbor:"3,keyasint"`
	Reason   string    `cbor:"4,keyasint"`
	ToUnion  string    `cbor:"5,keyasint,omitempty"` // receiving union, for 转出
	Operator string    `cbor:"6,keyasint,omitempty"`
	At       time.Time `cbor:"7,keyasint"` // when it was recorded

	// The member data items (member_org.go): the coded reason (Reason is
	// then its note), the union a member transferred in from when they
	// rejoin, an expulsion's ground and report to the higher union, and
	// the day the card was taken back.
	ReasonCode   ChangeReason `cbor:"8,keyasint,omitempty"`
	FromUnion    string       `cbor:"9,keyasint,omitempty"`
	Joined       JoinKind     `cbor:"10,keyasint,omitempty"`
	Ground       string       `cbor:"11,keyasint,omitempty"`
	ReportedOn   Date         `cbor:"12,keyasint,omitempty"`
	CardReturned Date         `cbor:"13,keyasint,omitempty"`
}

// Member is a union member (会员).
type Member struct {
	ID        uint64         `cbor:"1,keyasint"`
	No        string         `cbor:"2,keyasint"` // 会员编号, sequential, never reused
	Name      string         `cbor:"3,keyasint"`
	Gender    Gender         `cbor:"4,keyasint"`
	Ethnicity string         `cbor:"5,keyasint,omitempty"`
	DocType   DocType        `cbor:"6,keyasint"`
	IDNumber  string         `cbor:"7,keyasint"`
	Birth     Date           `cbor:"8,keyasint,omitempty"`
	Phone     string         `cbor:"9,keyasint,omitempty"`
	UnitID    uint64         `cbor:"10,keyasint"`
	Job       string         `cbor:"11,keyasint,omitempty"`
	Education string         `cbor:"12,keyasint,omitempty"`
	Political string         `cbor:"13,keyasint,omitempty"`
	Migrant   bool           `cbor:"14,keyasint,omitempty"` // 农民工
	JoinDate  Date           `cbor:"15,keyasint"`
	Status    Status         `cbor:"16,keyasint"`
	History   []StatusChange `cbor:"17,keyasint,omitempty"`
	Honours   string         `cbor:"18,keyasint,omitempty"` // 劳模 etc.
	Notes     string         `cbor:"19,keyasint,omitempty"`
	Wages     []WageBase     `cbor:"20,keyasint,omitempty"` // by From, ascending

	// Member data items (member_org.go).
	Employment   EmploymentStatus `cbor:"21,keyasint,omitempty"` // 就业状况
	Hukou        HukouType        `cbor:"22,keyasint,omitempty"` // 户籍类型; decides Migrant where it tells
	Skill        SkillLevel       `cbor:"23,keyasint,omitempty"` // 技术等级
	Title        TitleLevel       `cbor:"24,keyasint,omitempty"` // 职称
	CardNo       string           `cbor:"25,keyasint,omitempty"` // 会员证号
	CardIssued   Date             `cbor:"26,keyasint,omitempty"`
	CardReturned Date             `cbor:"27,keyasint,omitempty"` // taken back
	JoinKind     JoinKind         `cbor:"28,keyasint,omitempty"` // 入会 or 转入
	FromUnion    string           `cbor:"29,keyasint,omitempty"` // for 转入
}

// MinJoinAge is the youngest age at which someone may join: the legal
// minimum working age.
const MinJoinAge = 16

// MinBirthYear is the earliest year of birth a member may have: a birth
// date before it is a typing or an ID number's mistake, not a member.
const MinBirthYear = 1900

// Normalize cleans the member's fields in place (trims, folds full-width
// digits, upper-cases the ID check character, converts 15-digit IDs, fills
// an empty birth date and an unknown gender from a resident ID). It never
// drops information: a value that cannot be normalized, or a birth date or
// gender that disagrees with the ID number, is left for Validate to report.
// (A form that changes the ID number should clear a birth date it had
// filled from the old one.)
func (m *Member) Normalize() {
	m.Name = CleanName(m.Name)
	m.No = Clean(m.No)
	m.Job = CleanText(m.Job)
	m.Notes = CleanText(m.Notes)
	m.Honours = CleanText(m.Honours)
	m.Education = Clean(m.Education)
	m.Political = Clean(m.Political)
	if e, ok := NormalizeEthnicity(m.Ethnicity); ok || m.Ethnicity != "" {
		m.Ethnicity = e
	}
	if m.DocType == DocResidentID {
		if id, err := NormalizeResidentID(m.IDNumber); err == nil {
			m.IDNumber = id
			if b, err := IDBirthDate(id); err == nil && m.Birth == 0 {
				m.Birth = b
			}
			if m.Gender == GenderUnknown {
				m.Gender = IDGender(id)
			}
		} else {
			m.IDNumber = Clean(m.IDNumber)
		}
	} else {
		m.IDNumber = Clean(m.IDNumber)
	}
	if p, err := NormalizePhone(m.Phone); err == nil {
		m.Phone = p
	} else {
		m.Phone = Clean(m.Phone)
	}
	if m.Status == 0 {
		m.Status = StatusActive
	}
	m.normalizeOrg()
}

// Validate returns every problem of the member at once. today bounds dates
// that cannot lie in the future.
func (m *Member) Validate(today Date) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(m.Name); {
	case n == 0:
		ps.add("name", "problem.required")
	case n > 30:
		ps.add("name", "problem.too_long", 30)
	}
	if m.No != "" && !validMemberNo(m.No) {
		ps.add("member_no", "member.no_chars", 20)
	}
	// A resident ID number that does not read has its own problem; the
	// gender comes from it once it does (Normalize), so it is not asked
	// for as well (the caret goes to the ID number, what was typed wrong).
	idUnread := false
	if m.DocType == DocResidentID && m.IDNumber != "" {
		_, err := NormalizeResidentID(m.IDNumber)
		idUnread = err != nil
	}
	if m.Gender != Male && m.Gender != Female && !idUnread {
		ps.add("gender", "problem.required")
	}
	birth := m.Birth // or, when not given, the one the ID number says
	// A birth date the ID number gives (Normalize fills it in) is wrong
	// because the ID number is: its problems go on the ID number, the
	// field that was typed, with the date.
	fromID := false
	if m.DocType > DocOther {
		ps.add("doc_type", "problem.not_in_list")
	}
	if m.IDNumber == "" {
		ps.add("id_number", "problem.required")
	} else if m.DocType == DocResidentID {
		id, err := NormalizeResidentID(m.IDNumber)
		if err != nil {
			ps.addErr("id_number", err)
		} else {
			if g := IDGender(id); (m.Gender == Male || m.Gender == Female) && g != m.Gender {
				ps.add("gender", "member.gender_vs_id", i18nKeyArg(g.Key()))
			}
			b, _ := IDBirthDate(id)
			switch {
			case m.Birth != 0 && b != m.Birth:
				ps.add("birth", "member.birth_vs_id", b.String())
			case m.Birth == 0:
				birth, fromID = b, true
			default:
				fromID = true
			}
		}
	} else if n := utf8.RuneCountInString(m.IDNumber); n < 5 || n > 30 {
		ps.add("id_number", "member.doc_length")
	}
	switch {
	case birth == 0:
	case !birth.Valid():
		ps.add("birth", "date.impossible", birth.String())
	case birth > today && fromID:
		ps.add("id_number", "member.id_birth_future", birth.String())
	case birth > today:
		ps.add("birth", "problem.future")
	case birth.Year() < MinBirthYear && fromID:
		ps.add("id_number", "member.id_born_too_early", birth.String(), MinBirthYear)
	case birth.Year() < MinBirthYear:
		ps.add("birth", "member.born_too_early", MinBirthYear)
	}
	if m.Ethnicity != "" && !slices.Contains(Ethnicities, m.Ethnicity) {
		ps.add("ethnicity", "member.ethnicity", m.Ethnicity)
	}
	if m.Phone != "" {
		// a mobile number, or a landline with its area code: members
		// without a mobile give their workplace's
		if _, err := NormalizePhone(m.Phone); err != nil {
			ps.addErr("phone", err)
		}
	}
	if m.UnitID == 0 {
		ps.add("unit", "problem.required")
	}
	if m.Education != "" && !slices.Contains(Educations, m.Education) {
		ps.add("education", "problem.not_in_list")
	}
	if m.Political != "" && !slices.Contains(PoliticalStatuses, m.Political) {
		ps.add("political", "problem.not_in_list")
	}
	switch {
	case m.JoinDate == 0:
		ps.add("join_date", "problem.required")
	case !m.JoinDate.Valid():
		ps.add("join_date", "date.impossible", m.JoinDate.String())
	case m.JoinDate > today:
		ps.add("join_date", "problem.future")
	case birth.Valid() && birth <= today && birth.YearsUntil(m.JoinDate) < MinJoinAge:
		ps.add("join_date", "member.too_young", MinJoinAge)
	}
	if m.Status < StatusActive || m.Status > StatusDeceased {
		ps.add("status", "problem.not_in_list")
	}
	tooLong(&ps, "job", m.Job, ShortTextMax)
	tooLong(&ps, "honours", m.Honours, AddressMax)
	tooLong(&ps, "notes", m.Notes, NotesMax)
	return append(ps, m.validateOrg(today)...)
}

// i18nKeyArg marks a format argument that is itself a catalogue key, so
// Problem.Localize can translate it.
type i18nKeyArg string

// ValidateChange checks a status change against the member's current state
// and history. It returns every problem at once.
func (m *Member) ValidateChange(c StatusChange, today Date) Problems {
	var ps Problems
	if !m.Status.CanBecome(c.To) {
		ps.add("status", "member.bad_transition", i18nKeyArg(m.Status.Key()), i18nKeyArg(c.To.Key()))
	}
	switch {
	case c.Date == 0:
		ps.add("change_date", "problem.required")
	case !c.Date.Valid():
		ps.add("change_date", "date.impossible", c.Date.String())
	case c.Date > today:
		ps.add("change_date", "problem.future")
	case c.Date < m.JoinDate:
		ps.add("change_date", "member.change_before_join", m.JoinDate.String())
	case len(m.History) > 0 && c.Date < m.History[len(m.History)-1].Date:
		ps.add("change_date", "member.change_before_last", m.History[len(m.History)-1].Date.String())
	}
	if !c.reasonGiven() && c.To != StatusExpelled {
		ps.add("reason", "problem.required")
	}
	tooLong(&ps, "reason", CleanText(c.Reason), ReasonMax)
	if c.To == StatusTransferred && Clean(c.ToUnion) == "" {
		ps.add("to_union", "problem.required")
	}
	tooLong(&ps, "to_union", NormalizeUnitName(c.ToUnion), ShortTextMax)
	return append(ps, m.validateChangeOrg(c, today)...)
}

// Apply records a validated change: it appends to the history and sets the
// status. The caller has checked ValidateChange.
func (m *Member) Apply(c StatusChange) {
	c.From = m.Status
	c.Reason = CleanText(c.Reason)
	c.ToUnion = NormalizeUnitName(c.ToUnion)
	c.FromUnion = NormalizeUnitName(c.FromUnion)
	c.Ground = CleanText(c.Ground)
	if c.To == StatusExpelled && c.ReasonCode == 0 {
		c.ReasonCode = ReasonCrime // the charter's only ground
	}
	if c.CardReturned != 0 {
		m.CardReturned = c.CardReturned
	}
	m.History = append(m.History, c)
	m.Status = c.To
}

// StatusOn returns the member's status on date d, from the history.
func (m *Member) StatusOn(d Date) Status {
	if d < m.JoinDate {
		return 0
	}
	if len(m.History) == 0 {
		return m.Status
	}
	s := m.History[0].From
	for _, c := range m.History {
		if c.Date > d {
			break
		}
		s = c.To
	}
	return s
}

// validMemberNo accepts what union card numbers look like: up to 20 letters,
// digits and dashes.
func validMemberNo(no string) bool {
	if len(no) > 20 {
		return false
	}
	for _, r := range no {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return true
}
