package model

import (
	"slices"
	"time"
	"unicode/utf8"
)

// CollectionReport is what a unit that collects its own dues (自收自管)
// reports for a month or a quarter: how many members paid and how much.
// It counts in the collection figures, marked as reported, and never in
// this federation's cash. A wrong report is deleted and entered again.
type CollectionReport struct {
	ID     uint64 `cbor:"1,keyasint"`
	UnitID uint64 `cbor:"2,keyasint"`
	From   Month  `cbor:"3,keyasint"`
	To     Month  `cbor:"4,keyasint"`
	// Members is the members who paid, in each month of the report.
	Members int   `cbor:"5,keyasint"`
	Paid    Money `cbor:"6,keyasint"` // over all its months
	// Due is what the unit says was due over its months; 0 when it did not
	// say, and then the roster's figure counts.
	Due       Money     `cbor:"7,keyasint,omitempty"`
	Date      Date      `cbor:"8,keyasint"` // when it was reported
	Note      string    `cbor:"9,keyasint,omitempty"`
	Operator  string    `cbor:"10,keyasint,omitempty"`
	CreatedAt time.Time `cbor:"11,keyasint"`
}

// MaxReportMonths bounds the months one report covers: a year.
const MaxReportMonths = 12

// Validate checks a report by itself, every problem at once on the fields
// "unit", "from", "to", "report_members", "report_paid", "report_due",
// "date" and "note".
func (r *CollectionReport) Validate(today Date) Problems {
	var ps Problems
	if r.UnitID == 0 {
		ps.add("unit", "problem.required")
	}
	ps = append(ps, CheckMonths(r.From, r.To, "from", "to")...)
	if !ps.Has("to", "dues.too_many_months") && len(ps.For("to")) == 0 && len(ps.For("from")) == 0 && MonthsBetween(r.From, r.To) > MaxReportMonths {
		ps.add("to", "dues.too_many_months", MaxReportMonths)
	}
	if r.Members < 0 {
		ps.add("report_members", "problem.negative")
	} else if r.Members > 1_000_000 {
		ps.add("report_members", "problem.too_large")
	}
	if r.Paid < 0 {
		ps.add("report_paid", "money.negative")
	} else if r.Paid == 0 && r.Members > 0 {
		ps.add("report_paid", "dues.report_paid_zero")
	}
	if r.Due < 0 {
		ps.add("report_due", "money.negative")
	}
	switch {
	case r.Date == 0:
		ps.add("date", "problem.required")
	case !r.Date.Valid():
		ps.add("date", "date.impossible", r.Date.String())
	case r.Date > today:
		ps.add("date", "problem.future")
	}
	r.Note = CleanText(r.Note)
	if utf8.RuneCountInString(r.Note) > 200 {
		ps.add("note", "problem.too_long", 200)
	}
	return ps
}

// Months is the number of months the report covers.
func (r *CollectionReport) Months() int { return MonthsBetween(r.From, r.To) }

// ReminderHow is how a member or unit was reminded of dues in arrears.
type ReminderHow uint8

const (
	RemindTalk    ReminderHow = iota + 1 // 当面谈话
	RemindPhone                          // 电话
	RemindMessage                        // 短信/微信
	RemindNotice                         // 书面催缴通知
	RemindOther                          // 其他
)

// ReminderHows lists the ways in display order.
var ReminderHows = []ReminderHow{RemindTalk, RemindPhone, RemindMessage, RemindNotice, RemindOther}

// Key is the catalogue key of the way's name.
func (h ReminderHow) Key() string {
	return [...]string{"remind.other", "remind.talk", "remind.phone", "remind.message", "remind.notice", "remind.other"}[min(int(h), 5)]
}

// Reminder is one follow-up (催缴) of dues in arrears: a unit as a whole
// (MemberID 0) or one member. The charter treats a member as having left
// only after six months of neither paying nor taking part "and not
// changing after being talked to": the log is the record of that talk.
// The program never changes a status by itself.
type Reminder struct {
	ID        uint64      `cbor:"1,keyasint"`
	UnitID    uint64      `cbor:"2,keyasint"`
	MemberID  uint64      `cbor:"3,keyasint,omitempty"`
	Date      Date        `cbor:"4,keyasint"`
	How       ReminderHow `cbor:"5,keyasint"`
	Note      string      `cbor:"6,keyasint,omitempty"`
	Operator  string      `cbor:"7,keyasint,omitempty"`
	CreatedAt time.Time   `cbor:"8,keyasint"`
}

// Validate checks a reminder, every problem on "unit", "date",
// "remind_how" and "note".
func (r *Reminder) Validate(today Date) Problems {
	var ps Problems
	if r.UnitID == 0 && r.MemberID == 0 {
		ps.add("unit", "problem.required")
	}
	switch {
	case r.Date == 0:
		ps.add("date", "problem.required")
	case !r.Date.Valid():
		ps.add("date", "date.impossible", r.Date.String())
	case r.Date > today:
		ps.add("date", "problem.future")
	}
	if !slices.Contains(ReminderHows, r.How) {
		ps.add("remind_how", "problem.not_in_list")
	}
	r.Note = CleanText(r.Note)
	if utf8.RuneCountInString(r.Note) > 200 {
		ps.add("note", "problem.too_long", 200)
	}
	return ps
}
