package model

import (
	"time"
	"unicode/utf8"
)

// AidType is the kind of assistance (帮扶类型).
type AidType uint8

const (
	AidWarmth     AidType = 1 // 送温暖
	AidLiving     AidType = 2 // 生活救助
	AidMedical    AidType = 3 // 医疗救助
	AidSchool     AidType = 4 // 金秋助学
	AidEmployment AidType = 5 // 就业帮扶
	AidOther      AidType = 6 // 其他
)

// AidTypes in display order.
var AidTypes = []AidType{AidWarmth, AidLiving, AidMedical, AidSchool, AidEmployment, AidOther}

// Key is the catalogue key of the type's name.
func (t AidType) Key() string {
	switch t {
	case AidWarmth:
		return "aid.type_warmth"
	case AidLiving:
		return "aid.type_living"
	case AidMedical:
		return "aid.type_medical"
	case AidSchool:
		return "aid.type_school"
	case AidEmployment:
		return "aid.type_employment"
	case AidOther:
		return "aid.type_other"
	}
	return "aid.type_none"
}

// Code is the type's stable name in stats --json ("warmth", "living" …).
func (t AidType) Code() string {
	switch t {
	case AidWarmth:
		return "warmth"
	case AidLiving:
		return "living"
	case AidMedical:
		return "medical"
	case AidSchool:
		return "school"
	case AidEmployment:
		return "employment"
	}
	return "other"
}

// Valid reports a known type.
func (t AidType) Valid() bool { return t >= AidWarmth && t <= AidOther }

// Role is the role of the cash-book account cash aid of this type is paid
// from: 送温暖 (2021 50405, 2010 50205) for 送温暖, 困难职工帮扶 (50404, 50204)
// for the rest.
func (t AidType) Role() AccountRole {
	if t == AidWarmth {
		return RoleWarmth
	}
	return RoleHardshipAid
}

// FundSource is where the money of an aid comes from.
type FundSource uint8

const (
	FundOwn      FundSource = 1 // 本级经费
	FundHigher   FundSource = 2 // 上级补助
	FundDonation FundSource = 3 // 社会捐助
)

// FundSources in display order.
var FundSources = []FundSource{FundOwn, FundHigher, FundDonation}

// Key is the catalogue key of the fund source.
func (s FundSource) Key() string {
	switch s {
	case FundOwn:
		return "aid.fund_own"
	case FundHigher:
		return "aid.fund_higher"
	case FundDonation:
		return "aid.fund_donation"
	}
	return "aid.fund_none"
}

// SchoolLevel is a 金秋助学 student's level of schooling.
type SchoolLevel uint8

const (
	SchoolCompulsory SchoolLevel = 1 // 义务教育
	SchoolSenior     SchoolLevel = 2 // 高中/中职
	SchoolUniversity SchoolLevel = 3 // 大学（含高职）
)

// SchoolLevels in display order.
var SchoolLevels = []SchoolLevel{SchoolCompulsory, SchoolSenior, SchoolUniversity}

// Key is the catalogue key of the level.
func (l SchoolLevel) Key() string {
	switch l {
	case SchoolCompulsory:
		return "aid.school_compulsory"
	case SchoolSenior:
		return "aid.school_senior"
	case SchoolUniversity:
		return "aid.school_university"
	}
	return "aid.school_none"
}

// AidRecord is one piece of assistance (帮扶记录) given to a household
// (FileID set) or to a member without a file. Cash aid posts a cash-book
// entry (LedgerID) in the same transaction; goods are recorded with their
// value (their purchase is in the cash book already). Aid records are
// never edited or deleted: a wrong one is reversed by a record with the
// negative amounts that names it in ReversalOf, whose own ledger entry
// reverses the original's.
type AidRecord struct {
	ID          uint64      `cbor:"1,keyasint"`
	FileID      uint64      `cbor:"2,keyasint,omitempty"`
	MemberID    uint64      `cbor:"3,keyasint"`
	Type        AidType     `cbor:"4,keyasint"`
	Date        Date        `cbor:"5,keyasint"`
	Cash        Money       `cbor:"6,keyasint,omitempty"`
	Goods       string      `cbor:"7,keyasint,omitempty"`
	GoodsValue  Money       `cbor:"8,keyasint,omitempty"`
	Fund        FundSource  `cbor:"9,keyasint"`
	Approver    string      `cbor:"10,keyasint,omitempty"`
	Student     string      `cbor:"11,keyasint,omitempty"` // 金秋助学
	SchoolLevel SchoolLevel `cbor:"12,keyasint,omitempty"`
	Notes       string      `cbor:"13,keyasint,omitempty"`
	LedgerID    uint64      `cbor:"14,keyasint,omitempty"`
	ReversalOf  uint64      `cbor:"15,keyasint,omitempty"`
	Reason      string      `cbor:"16,keyasint,omitempty"` // of a reversal
	Operator    string      `cbor:"17,keyasint,omitempty"`
	CreatedAt   time.Time   `cbor:"18,keyasint"`
}

// Value is the cash and the goods' value.
func (a *AidRecord) Value() Money { return a.Cash + a.GoodsValue }

// Normalize cleans the record's text fields.
func (a *AidRecord) Normalize() {
	a.Goods = CleanText(a.Goods)
	a.Approver = CleanName(a.Approver)
	a.Student = CleanName(a.Student)
	a.Notes = CleanText(a.Notes)
}

// Validate checks a new aid record's own fields (the store checks the file
// and the member): a type, a fund source, a date not in the future, cash
// and goods value not negative and not both zero, goods named when they
// have a value, a student and school level for 金秋助学, an approver.
// Fields "aid_type", "aid_fund", "date", "aid_cash", "aid_goods",
// "aid_goods_value", "aid_student", "aid_school_level", "aid_approver", "notes".
func (a *AidRecord) Validate(today Date) Problems {
	var ps Problems
	if !a.Type.Valid() {
		ps.add("aid_type", "problem.required")
	}
	if a.Fund < FundOwn || a.Fund > FundDonation {
		ps.add("aid_fund", "problem.required")
	}
	dateCheck(&ps, "date", a.Date, today)
	if a.Cash < 0 {
		ps.add("aid_cash", "money.negative")
	}
	if a.GoodsValue < 0 {
		ps.add("aid_goods_value", "money.negative")
	}
	if a.Cash == 0 && a.GoodsValue == 0 {
		ps.add("aid_cash", "aid.nothing_given")
	}
	if a.GoodsValue > 0 && a.Goods == "" {
		ps.add("aid_goods", "aid.goods_unnamed")
	}
	if a.Cash > Yuan(1_000_000) || a.GoodsValue > Yuan(1_000_000) {
		ps.add("aid_cash", "aid.too_large")
	}
	tooLong(&ps, "aid_goods", a.Goods, 60)
	if a.Type == AidSchool {
		if a.Student == "" {
			ps.add("aid_student", "problem.required")
		}
		if a.SchoolLevel < SchoolCompulsory || a.SchoolLevel > SchoolUniversity {
			ps.add("aid_school_level", "problem.required")
		}
	}
	tooLong(&ps, "aid_student", a.Student, 30)
	if a.Approver == "" {
		ps.add("aid_approver", "problem.required")
	}
	tooLong(&ps, "aid_approver", a.Approver, 30)
	if utf8.RuneCountInString(a.Notes) > 200 {
		ps.add("notes", "problem.too_long", 200)
	}
	return ps
}

// Warnings are what the secretary should know but that does not stop a
// write (an aid over the yearly cap). They localize like Problems.
type Warnings = Problems

// AidCap is the yearly cap that applies to aid of type t for file f (a
// student's level for 金秋助学), 0 when none applies.
func (r HardshipRules) AidCap(t AidType, cat HardshipCategory, level SchoolLevel) Money {
	switch t {
	case AidLiving:
		months := r.LivingRelativeMonths
		if cat == CategoryDeep {
			months = r.LivingDeepMonths
		}
		return Money(int64(r.MinLiving) * int64(months))
	case AidSchool:
		switch level {
		case SchoolCompulsory:
			return r.SchoolCompulsory
		case SchoolSenior:
			return Money(int64(r.MinLiving) * int64(r.SchoolSeniorMonths))
		case SchoolUniversity:
			return Money(int64(r.MinLiving) * int64(r.SchoolUnivMonths))
		}
	case AidMedical:
		return r.Medical
	case AidWarmth:
		return r.Warmth
	}
	return 0
}

// AidCapWarnings says when a new record a, added to the same household's
// (or member's) earlier records of its year, goes over the yearly cap of
// its type. earlier holds every record of that household or member
// (reversals included); only those of a's year and type count (for
// 金秋助学, of the same student). cat is the file's category (0 without a
// file).
func AidCapWarnings(a *AidRecord, earlier []AidRecord, cat HardshipCategory, r HardshipRules) Warnings {
	limit := r.AidCap(a.Type, cat, a.SchoolLevel)
	if limit <= 0 {
		return nil
	}
	total := a.Value()
	for i := range earlier {
		e := &earlier[i]
		if e.ID == a.ID || e.Type != a.Type || e.Date.Year() != a.Date.Year() {
			continue
		}
		if a.Type == AidSchool && e.Student != a.Student && e.ReversalOf == 0 {
			continue
		}
		if a.Type == AidSchool && e.ReversalOf != 0 {
			// a reversal counts for its original's student
			if orig := findAid(earlier, e.ReversalOf); orig == nil || orig.Student != a.Student {
				continue
			}
		}
		total += e.Value()
	}
	if total <= limit {
		return nil
	}
	return Warnings{{Field: "aid_cash", Key: "aid.over_cap", Args: []any{i18nKeyArg(a.Type.Key()), a.Date.Year(), total.Display(), limit.Display()}}}
}

func findAid(as []AidRecord, id uint64) *AidRecord {
	for i := range as {
		if as[i].ID == id {
			return &as[i]
		}
	}
	return nil
}

// AidYear is one year's aid of a file or member: count (records not
// reversed), cash and goods value net of reversals, by type.
type AidYear struct {
	Year   int
	Count  int
	Cash   Money
	Goods  Money
	ByType map[AidType]Money
}

// AidTotalsByYear sums records by year (newest first): the reversals
// subtract in their own year; the count is of records not reversed.
func AidTotalsByYear(as []AidRecord) []AidYear {
	reversed := map[uint64]bool{}
	for _, a := range as {
		if a.ReversalOf != 0 {
			reversed[a.ReversalOf] = true
		}
	}
	by := map[int]*AidYear{}
	var years []int
	for _, a := range as {
		y := a.Date.Year()
		t := by[y]
		if t == nil {
			t = &AidYear{Year: y, ByType: map[AidType]Money{}}
			by[y] = t
			years = append(years, y)
		}
		t.Cash += a.Cash
		t.Goods += a.GoodsValue
		t.ByType[a.Type] += a.Value()
		if a.ReversalOf == 0 && !reversed[a.ID] {
			t.Count++
		}
	}
	out := make([]AidYear, 0, len(years))
	for _, y := range years {
		out = append(out, *by[y])
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Year > out[j-1].Year; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// ValidateAidFor checks that aid dated d may be given under file f:
// refused for a closed file, and for a lifted-out file after its six
// months of follow-up (aid in the follow-up is allowed: it is how a
// household is kept from falling back). Field "hs_file".
func ValidateAidFor(f *HardshipFile, d Date) Problems {
	var ps Problems
	switch {
	case f.Status == HardshipClosed:
		ps.add("hs_file", "aid.file_closed")
	case f.Status == HardshipLifted && d > f.FollowUpUntil:
		ps.add("hs_file", "aid.file_lifted", f.FollowUpUntil.String())
	case d != 0 && d < f.AppliedDate:
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	return ps
}
