package model

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// EventType is the kind of a union event (活动类型).
type EventType uint8

// The event types, in the order forms and reports list them.
const (
	EventSports       EventType = 1 // 文体活动
	EventTraining     EventType = 2 // 培训/讲座
	EventCompetition  EventType = 3 // 劳动竞赛/技能比武
	EventConsolation  EventType = 4 // 慰问/送温暖
	EventPublicity    EventType = 5 // 法律/安全宣传
	EventMeeting      EventType = 6 // 职代会/会议
	EventOrganising   EventType = 7 // 建会/入会活动
	EventOtherType    EventType = 8 // 其他
	maxEventType                = EventOtherType
	eventTypeKeyStart           = "events.type."
)

// EventTypes lists every type in display order.
var EventTypes = []EventType{EventSports, EventTraining, EventCompetition, EventConsolation,
	EventPublicity, EventMeeting, EventOrganising, EventOtherType}

var eventTypeCodes = [...]string{"", "sports", "training", "competition", "consolation", "publicity", "meeting", "organising", "other"}

// Valid reports whether t is one of EventTypes.
func (t EventType) Valid() bool { return t >= EventSports && t <= maxEventType }

// Code is the type's stable English code ("sports"), used in stats --json.
func (t EventType) Code() string {
	if !t.Valid() {
		return ""
	}
	return eventTypeCodes[t]
}

// Key is the catalogue key of the type's name.
func (t EventType) Key() string {
	if !t.Valid() {
		return "form.none"
	}
	return eventTypeKeyStart + eventTypeCodes[t]
}

// DefaultAccount is the cash-book account of chart an event of this type
// is paid from unless the secretary chooses another: 文体, 教育, 宣传, 送温暖
// or other activities, found by their role (the codes differ between the
// 2010 and 2021 charts); "" when chart has none.
func (t EventType) DefaultAccount(chart []Account) string {
	role := RoleOtherActivities
	switch t {
	case EventSports:
		role = RoleSports
	case EventTraining:
		role = RoleEducation
	case EventPublicity:
		role = RolePublicity
	case EventConsolation:
		role = RoleWarmth
	}
	c := Chart{Accounts: chart}
	code, _ := c.RoleCode(role)
	return code
}

// warmthCodes are the 送温暖 accounts of the published charts.
var warmthCodes = []string{"50405", "50205"}

// EventAccountAllowed reports whether an event's cost may be posted to
// code: 501 职工活动支出 or one of its sub-accounts, or 送温暖 (50405 in the
// 2021 chart, 50205 in the 2010 chart).
func EventAccountAllowed(code string) bool {
	return AccountUnder(code, AccountActivities) || slices.Contains(warmthCodes, code)
}

// Event is one thing the union did (活动记录): who organised it, who took
// part and what it cost. Title, place, summary, participants and
// attachments may be edited; the cost is financial: it is posted to the
// cash book once (LedgerID) and changed only by reversing that entry and
// posting a new one (LedgerIDs keeps every entry, reversals included).
type Event struct {
	ID          uint64    `cbor:"1,keyasint"`
	Title       string    `cbor:"2,keyasint"`
	Type        EventType `cbor:"3,keyasint"`
	Start       Date      `cbor:"4,keyasint"`
	End         Date      `cbor:"5,keyasint,omitempty"` // 0 or Start for a one-day event
	Place       string    `cbor:"6,keyasint,omitempty"`
	UnitID      uint64    `cbor:"7,keyasint,omitempty"` // organising unit; 0 = the federation itself
	Members     []uint64  `cbor:"8,keyasint,omitempty"` // participating members
	Others      int       `cbor:"9,keyasint,omitempty"` // other participants, a headcount
	Cost        Money     `cbor:"10,keyasint,omitempty"`
	Account     string    `cbor:"11,keyasint,omitempty"` // the cost's account (501xx or 50205)
	Summary     string    `cbor:"12,keyasint,omitempty"`
	Attachments []string  `cbor:"13,keyasint,omitempty"` // file paths: photos, sign-in sheets
	LedgerID    uint64    `cbor:"14,keyasint,omitempty"` // the cost's live cash-book entry
	LedgerIDs   []uint64  `cbor:"15,keyasint,omitempty"` // every entry posted for the event, in order
	Operator    string    `cbor:"16,keyasint,omitempty"`
	CreatedAt   time.Time `cbor:"17,keyasint"`
}

// Limits of an event's fields.
const (
	EventTitleMax       = 60
	EventPlaceMax       = 60
	EventSummaryMax     = 2000
	EventAttachmentsMax = 50
	EventAttachmentMax  = 260 // a Windows path
	EventOthersMax      = 1_000_000
	EventMembersMax     = 200_000
)

// PersonTimes is the event's participation (人次): members plus the other
// headcount.
func (e *Event) PersonTimes() int { return len(e.Members) + max(e.Others, 0) }

// LastDay is End, or Start for a one-day event.
func (e *Event) LastDay() Date {
	if e.End == 0 {
		return e.Start
	}
	return e.End
}

// HasMember reports whether member id took part.
func (e *Event) HasMember(id uint64) bool { return slices.Contains(e.Members, id) }

// Normalize cleans the text fields, drops empty attachment paths and
// repeated ones, and sets End to Start for a one-day event. Participants
// are left as given, so that Validate can name a member given twice.
func (e *Event) Normalize() {
	e.Title = CleanText(e.Title)
	e.Place = CleanText(e.Place)
	e.Summary = CleanLines(e.Summary)
	e.Account = Clean(e.Account)
	var atts []string
	for _, a := range e.Attachments {
		a = strings.TrimSpace(StripUnsafe(a))
		a = strings.Trim(a, `"'`) // pasted from Explorer's "copy as path"
		if a != "" && !slices.Contains(atts, a) {
			atts = append(atts, a)
		}
	}
	e.Attachments = atts
	if e.End == 0 {
		e.End = e.Start
	}
	if e.Cost == 0 {
		e.Account = ""
	}
}

// ValidateEvent returns every problem of an event, on the fields
// "ev_title", "ev_type", "ev_start", "ev_end", "ev_place", "ev_members",
// "ev_others", "ev_cost", "ev_account", "ev_summary" and "ev_attachments":
// a title; a type; real dates not in the future with the end not before
// the start; a headcount and a cost not below zero; a cost's account under
// 501 or 50205; no member twice (the problem's argument is the member's
// ID, which the store replaces by the name). Whether the members, the unit
// and the attachment files exist is checked by the store.
func ValidateEvent(e *Event, today Date) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(e.Title); {
	case n == 0:
		ps.add("ev_title", "problem.required")
	case n > EventTitleMax:
		ps.add("ev_title", "problem.too_long", EventTitleMax)
	}
	if !e.Type.Valid() {
		ps.add("ev_type", "problem.required")
	}
	startOK := false
	switch {
	case e.Start == 0:
		ps.add("ev_start", "problem.required")
	case !e.Start.Valid():
		ps.add("ev_start", "date.impossible", e.Start.String())
	case e.Start > today:
		ps.add("ev_start", "problem.future")
	default:
		startOK = true
	}
	switch {
	case e.End == 0:
	case !e.End.Valid():
		ps.add("ev_end", "date.impossible", e.End.String())
	case startOK && e.End < e.Start:
		ps.add("ev_end", "events.end_before_start", e.Start.String())
	case e.End > today:
		ps.add("ev_end", "problem.future")
	}
	if utf8.RuneCountInString(e.Place) > EventPlaceMax {
		ps.add("ev_place", "problem.too_long", EventPlaceMax)
	}
	switch {
	case e.Others < 0:
		ps.add("ev_others", "problem.negative")
	case e.Others > EventOthersMax:
		ps.add("ev_others", "events.too_many", EventOthersMax)
	}
	if len(e.Members) > EventMembersMax {
		ps.add("ev_members", "events.too_many", EventMembersMax)
	}
	seen := make(map[uint64]bool, len(e.Members))
	for _, id := range e.Members {
		if id == 0 {
			ps.add("ev_members", "events.member_missing", "0")
			continue
		}
		if seen[id] {
			ps.add("ev_members", "events.duplicate_member", strconv.FormatUint(id, 10))
		}
		seen[id] = true
	}
	switch {
	case e.Cost < 0:
		ps.add("ev_cost", "problem.negative")
	case e.Cost > Yuan(100_000_000):
		ps.add("ev_cost", "events.cost_too_large")
	case e.Cost > 0 && e.Account == "":
		ps.add("ev_account", "problem.required")
	case e.Cost > 0 && !EventAccountAllowed(e.Account):
		ps.add("ev_account", "events.account_not_allowed", e.Account)
	}
	if utf8.RuneCountInString(e.Summary) > EventSummaryMax {
		ps.add("ev_summary", "problem.too_long", EventSummaryMax)
	}
	if len(e.Attachments) > EventAttachmentsMax {
		ps.add("ev_attachments", "events.too_many", EventAttachmentsMax)
	}
	for _, a := range e.Attachments {
		if utf8.RuneCountInString(a) > EventAttachmentMax {
			ps.add("ev_attachments", "problem.too_long", EventAttachmentMax)
			break
		}
	}
	return ps
}

// EventChanges lists the fields that differ between two versions of an
// event, for the audit log (participants by count and who joined or left).
func EventChanges(old, new *Event) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	if old == nil {
		old = &Event{}
	}
	diff("ev_title", old.Title, new.Title)
	diff("ev_type", old.Type.Code(), new.Type.Code())
	diff("ev_start", old.Start.String(), new.Start.String())
	diff("ev_end", old.End.String(), new.End.String())
	diff("ev_place", old.Place, new.Place)
	diff("ev_unit", uintText(old.UnitID), uintText(new.UnitID))
	added, removed := idDiff(old.Members, new.Members)
	if len(added) > 0 || len(removed) > 0 {
		cs = append(cs, FieldChange{Field: "ev_members",
			Old: strconv.Itoa(len(old.Members)) + idsText("-", removed),
			New: strconv.Itoa(len(new.Members)) + idsText("+", added)})
	}
	diff("ev_others", strconv.Itoa(old.Others), strconv.Itoa(new.Others))
	diff("ev_cost", old.Cost.String(), new.Cost.String())
	diff("ev_account", old.Account, new.Account)
	diff("ev_summary", old.Summary, new.Summary)
	diff("ev_attachments", strings.Join(old.Attachments, "; "), strings.Join(new.Attachments, "; "))
	return cs
}

// idDiff lists the IDs in b not in a (added) and in a not in b (removed).
func idDiff(a, b []uint64) (added, removed []uint64) {
	in := func(s []uint64) map[uint64]bool {
		m := make(map[uint64]bool, len(s))
		for _, x := range s {
			m[x] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	for _, x := range b {
		if !ina[x] {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !inb[x] {
			removed = append(removed, x)
		}
	}
	return added, removed
}

// idsText is " (+3 +7 +9)" for at most 20 IDs, else " (+25)".
func idsText(sign string, ids []uint64) string {
	if len(ids) == 0 {
		return ""
	}
	if len(ids) > 20 {
		return " (" + sign + strconv.Itoa(len(ids)) + ")"
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = sign + strconv.FormatUint(id, 10)
	}
	return " (" + strings.Join(parts, " ") + ")"
}
