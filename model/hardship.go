package model

import (
	"time"
	"unicode/utf8"

	"unionbook/i18n"
)

// Hardship files (困难职工档案, 一户一档): one open file per household, kept
// alive by yearly reviews, with every piece of assistance recorded (see
// aid.go in hardship_aid.go). A household is known by its worker (a
// member): a member has at most one open (applied or active) file at a
// time; a household that falls back into hardship after leaving it is
// filed again in a new file that names the earlier one (PreviousID), so
// its history is kept. Files are never deleted by the program: they stay
// readable at least ten years after the household leaves hardship.

// HardshipCategory is the file's category (困难类别).
type HardshipCategory uint8

const (
	CategoryDeep     HardshipCategory = 1 // 深度困难
	CategoryRelative HardshipCategory = 2 // 相对困难
	CategorySudden   HardshipCategory = 3 // 意外致困
)

// HardshipCategories in display order.
var HardshipCategories = []HardshipCategory{CategoryDeep, CategoryRelative, CategorySudden}

// Key is the catalogue key of the category's name.
func (c HardshipCategory) Key() string {
	switch c {
	case CategoryDeep:
		return "hardship.cat_deep"
	case CategoryRelative:
		return "hardship.cat_relative"
	case CategorySudden:
		return "hardship.cat_sudden"
	}
	return "hardship.cat_none"
}

// Valid reports a known category.
func (c HardshipCategory) Valid() bool { return c >= CategoryDeep && c <= CategorySudden }

// HardshipStatus is where a file is in its life: 申请 → 在档 → 已脱困 or 退出.
type HardshipStatus uint8

const (
	HardshipApplied HardshipStatus = 1 // 申请
	HardshipActive  HardshipStatus = 2 // 在档
	HardshipLifted  HardshipStatus = 3 // 已脱困
	HardshipClosed  HardshipStatus = 4 // 退出
)

// HardshipStatuses in display order.
var HardshipStatuses = []HardshipStatus{HardshipApplied, HardshipActive, HardshipLifted, HardshipClosed}

// Key is the catalogue key of the status's name.
func (s HardshipStatus) Key() string {
	switch s {
	case HardshipApplied:
		return "hardship.st_applied"
	case HardshipActive:
		return "hardship.st_active"
	case HardshipLifted:
		return "hardship.st_lifted"
	case HardshipClosed:
		return "hardship.st_closed"
	}
	return "hardship.st_unknown"
}

// Open reports an applied or active file: the household is (being) filed.
func (s HardshipStatus) Open() bool { return s == HardshipApplied || s == HardshipActive }

// HardshipCause is a cause of hardship (致困原因).
type HardshipCause uint8

const (
	CauseNoWorkAbility   HardshipCause = 1  // 无劳动能力
	CauseUnemployedAble  HardshipCause = 2  // 有劳动能力未就业
	CauseLaidOff         HardshipCause = 3  // 下岗失业
	CauseUninsured       HardshipCause = 4  // 未参保
	CauseBenefitsLacking HardshipCause = 5  // 社保待遇落实不到位
	CauseSeriousIllness  HardshipCause = 6  // 重特大疾病
	CauseDisaster        HardshipCause = 7  // 自然灾害
	CauseAccident        HardshipCause = 8  // 意外事故
	CauseSchooling       HardshipCause = 9  // 子女上学
	CauseOther           HardshipCause = 10 // 其他
)

// HardshipCauses in display order.
var HardshipCauses = []HardshipCause{CauseNoWorkAbility, CauseUnemployedAble, CauseLaidOff, CauseUninsured,
	CauseBenefitsLacking, CauseSeriousIllness, CauseDisaster, CauseAccident, CauseSchooling, CauseOther}

var causeKeys = map[HardshipCause]string{
	CauseNoWorkAbility: "hardship.cause_no_work_ability", CauseUnemployedAble: "hardship.cause_unemployed_able",
	CauseLaidOff: "hardship.cause_laid_off", CauseUninsured: "hardship.cause_uninsured",
	CauseBenefitsLacking: "hardship.cause_benefits", CauseSeriousIllness: "hardship.cause_illness",
	CauseDisaster: "hardship.cause_disaster", CauseAccident: "hardship.cause_accident",
	CauseSchooling: "hardship.cause_schooling", CauseOther: "hardship.cause_other",
}

// Key is the catalogue key of the cause's name.
func (c HardshipCause) Key() string {
	if k, ok := causeKeys[c]; ok {
		return k
	}
	return "hardship.cause_none"
}

// Valid reports a known cause.
func (c HardshipCause) Valid() bool { return c >= CauseNoWorkAbility && c <= CauseOther }

// MaxSecondaryCauses is how many secondary causes a file may name.
const MaxSecondaryCauses = 3

// Marital is the worker's marital status.
type Marital uint8

const (
	MaritalUnknown  Marital = 0
	MaritalSingle   Marital = 1 // 未婚
	MaritalMarried  Marital = 2 // 已婚
	MaritalDivorced Marital = 3 // 离异
	MaritalWidowed  Marital = 4 // 丧偶
)

// Maritals in display order.
var Maritals = []Marital{MaritalSingle, MaritalMarried, MaritalDivorced, MaritalWidowed}

// Key is the catalogue key of the marital status.
func (m Marital) Key() string {
	switch m {
	case MaritalSingle:
		return "hardship.marital_single"
	case MaritalMarried:
		return "hardship.marital_married"
	case MaritalDivorced:
		return "hardship.marital_divorced"
	case MaritalWidowed:
		return "hardship.marital_widowed"
	}
	return "hardship.marital_unknown"
}

// HouseholdMember is one person of the household other than the worker.
type HouseholdMember struct {
	Name          string `cbor:"1,keyasint"`
	Relation      string `cbor:"2,keyasint,omitempty"` // 配偶, 子女, 父母 …
	IDNumber      string `cbor:"3,keyasint,omitempty"`
	Health        string `cbor:"4,keyasint,omitempty"` // sensitive
	MonthlyIncome Money  `cbor:"5,keyasint,omitempty"`
	SchoolOrWork  string `cbor:"6,keyasint,omitempty"` // school or employer
}

// HardshipReview is one dated review (复核) of a file.
type HardshipReview struct {
	Date     Date   `cbor:"1,keyasint"`
	Reviewer string `cbor:"2,keyasint"`
	Finding  string `cbor:"3,keyasint"`
	// Category is the category the review confirmed or changed to (0: unchanged).
	Category HardshipCategory `cbor:"4,keyasint,omitempty"`
	Operator string           `cbor:"5,keyasint,omitempty"`
	At       time.Time        `cbor:"6,keyasint"`
}

// HardshipFile is one household's hardship file (困难职工档案).
type HardshipFile struct {
	ID          uint64           `cbor:"1,keyasint"`
	MemberID    uint64           `cbor:"2,keyasint"`
	Category    HardshipCategory `cbor:"3,keyasint"`
	Status      HardshipStatus   `cbor:"4,keyasint"`
	MainCause   HardshipCause    `cbor:"5,keyasint"`
	OtherCauses []HardshipCause  `cbor:"6,keyasint,omitempty"`

	Health         string  `cbor:"7,keyasint,omitempty"` // 健康状况 (sensitive)
	Disability     string  `cbor:"8,keyasint,omitempty"` // 残疾类别 (sensitive)
	Employment     string  `cbor:"9,keyasint,omitempty"` // 就业状况
	Housing        string  `cbor:"10,keyasint,omitempty"`
	HousingArea    int     `cbor:"11,keyasint,omitempty"` // square metres
	Marital        Marital `cbor:"12,keyasint,omitempty"`
	SingleParent   bool    `cbor:"13,keyasint,omitempty"`
	ZeroEmployment bool    `cbor:"14,keyasint,omitempty"` // 零就业家庭

	HouseholdSize int               `cbor:"15,keyasint"` // everyone in the household, the worker included
	Household     []HouseholdMember `cbor:"16,keyasint,omitempty"`
	// YearlyIncome is the household's yearly disposable income; Spending
	// the hardship-caused spending (medical, schooling) of the same year.
	YearlyIncome     Money  `cbor:"17,keyasint"`
	Spending         Money  `cbor:"18,keyasint,omitempty"`
	MedicalInsurance string `cbor:"19,keyasint,omitempty"`
	BankName         string `cbor:"20,keyasint,omitempty"` // sensitive
	BankAccount      string `cbor:"21,keyasint,omitempty"` // sensitive
	Address          string `cbor:"22,keyasint,omitempty"`
	PairedCadre      string `cbor:"23,keyasint,omitempty"` // 结对帮扶干部

	FiledBy     string `cbor:"24,keyasint,omitempty"` // 建档人
	ReviewedBy  string `cbor:"25,keyasint,omitempty"` // 审核人
	EnteredBy   string `cbor:"26,keyasint,omitempty"` // 录入人 (the operator, set by the store)
	UnitOpinion string `cbor:"27,keyasint,omitempty"` // 基层工会意见
	TownOpinion string `cbor:"28,keyasint,omitempty"` // 乡镇（街道）工会意见
	Notes       string `cbor:"29,keyasint,omitempty"`

	AppliedDate  Date `cbor:"30,keyasint"`           // 申请日期
	ApprovedDate Date `cbor:"31,keyasint,omitempty"` // 在档 since

	// Leaving hardship (脱困): posted publicly from NoticeFrom to NoticeTo,
	// approved by LiftApproval (the district union's decision), lifted on
	// LiftDate and followed up until FollowUpUntil (six months later).
	NoticeFrom    Date   `cbor:"32,keyasint,omitempty"`
	NoticeTo      Date   `cbor:"33,keyasint,omitempty"`
	LiftApproval  string `cbor:"34,keyasint,omitempty"`
	LiftDate      Date   `cbor:"35,keyasint,omitempty"`
	FollowUpUntil Date   `cbor:"36,keyasint,omitempty"`

	ClosedDate  Date   `cbor:"37,keyasint,omitempty"`
	CloseReason string `cbor:"38,keyasint,omitempty"`

	PreviousID uint64           `cbor:"39,keyasint,omitempty"` // the household's earlier file
	Reviews    []HardshipReview `cbor:"40,keyasint,omitempty"` // oldest first
	CreatedAt  time.Time        `cbor:"41,keyasint"`

	// The corrected rules' fields (hardship_org.go, docs/rules.md).
	Exclusions  []HardshipExclusion `cbor:"42,keyasint,omitempty"` // what rules the household out
	ModelWorker ModelWorkerLevel    `cbor:"43,keyasint,omitempty"` // 劳模类别; set: a 困难劳模
	Identity    WorkerIdentity      `cbor:"44,keyasint,omitempty"` // 身份
	Hukou       HukouType           `cbor:"45,keyasint,omitempty"` // 户口类型
	Industry    string              `cbor:"46,keyasint,omitempty"` // 所属行业
	// The public notice (公示) before the file was filed.
	FilingNoticeFrom Date `cbor:"47,keyasint,omitempty"`
	FilingNoticeTo   Date `cbor:"48,keyasint,omitempty"`
}

// HardshipSensitiveFields are the keys (the form and catalogue field keys,
// "field.<key>") of the file's sensitive fields: health, disability and
// the bank account for transfers, and the household members' health. They
// are shown only on the file's detail screen and never leave the program
// in a summary sheet: an export writes HardshipFile.Public(), which blanks
// exactly these. This list is the one place that says which fields are
// sensitive; add a field here and to Public together.
var HardshipSensitiveFields = []string{"hs_health", "hs_disability", "hs_bank_name", "hs_bank_account", "hs_member_health"}

// Public returns a copy of the file with the sensitive fields
// (HardshipSensitiveFields) blanked, for summaries and exports.
func (f *HardshipFile) Public() HardshipFile {
	c := *f
	c.Health, c.Disability, c.BankName, c.BankAccount = "", "", "", ""
	c.Household = make([]HouseholdMember, len(f.Household))
	for i, h := range f.Household {
		h.Health = ""
		c.Household[i] = h
	}
	if f.Household == nil {
		c.Household = nil
	}
	c.OtherCauses = append([]HardshipCause(nil), f.OtherCauses...)
	c.Reviews = append([]HardshipReview(nil), f.Reviews...)
	c.Exclusions = append([]HardshipExclusion(nil), f.Exclusions...)
	return c
}

// Clone is a deep copy of the file.
func (f *HardshipFile) Clone() HardshipFile {
	c := *f
	c.OtherCauses = append([]HardshipCause(nil), f.OtherCauses...)
	c.Household = append([]HouseholdMember(nil), f.Household...)
	c.Reviews = append([]HardshipReview(nil), f.Reviews...)
	c.Exclusions = append([]HardshipExclusion(nil), f.Exclusions...)
	return c
}

// PerCapitaMonthly is the household's per-capita monthly income (人均月收入):
// (yearly disposable income − hardship spending) ÷ 12 ÷ household size, in
// fen, rounded to the nearest fen (halves away from zero). It is negative
// when the spending exceeds the income, and 0 for a household of no one.
func PerCapitaMonthly(yearly, spending Money, size int) Money {
	if size <= 0 {
		return 0
	}
	return divRound(int64(yearly-spending), 12*int64(size))
}

// PerCapita is the file's per-capita monthly income.
func (f *HardshipFile) PerCapita() Money {
	return PerCapitaMonthly(f.YearlyIncome, f.Spending, f.HouseholdSize)
}

// divRound divides rounding to the nearest, halves away from zero (d > 0).
func divRound(n, d int64) Money {
	if n < 0 {
		return -Money((-n*2 + d) / (2 * d))
	}
	return Money((n*2 + d) / (2 * d))
}

// HasCause reports whether c is the main or a secondary cause.
func (f *HardshipFile) HasCause(c HardshipCause) bool {
	if f.MainCause == c {
		return true
	}
	for _, x := range f.OtherCauses {
		if x == c {
			return true
		}
	}
	return false
}

// LastReviewed is the date of the latest review, or the approval (or
// application) date when there was none yet.
func (f *HardshipFile) LastReviewed() Date {
	d := f.ApprovedDate
	if d == 0 {
		d = f.AppliedDate
	}
	for _, r := range f.Reviews {
		d = max(d, r.Date)
	}
	return d
}

// ReviewOverdue reports an active file with no review for twelve months.
func (f *HardshipFile) ReviewOverdue(today Date) bool {
	return f.Status == HardshipActive && f.LastReviewed() != 0 && f.LastReviewed().AddYears(1) < today
}

// LeftDate is when the household left hardship (lifted out or closed), 0
// while the file is open.
func (f *HardshipFile) LeftDate() Date {
	switch f.Status {
	case HardshipLifted:
		return f.LiftDate
	case HardshipClosed:
		return f.ClosedDate
	}
	return 0
}

// HardshipRetentionYears is how long a file is kept after the household
// leaves hardship.
const HardshipRetentionYears = 10

// KeepUntil is the earliest date the file may be disposed of (outside the
// program, which never deletes it); 0 while it is open.
func (f *HardshipFile) KeepUntil() Date {
	if d := f.LeftDate(); d != 0 {
		return d.AddYears(HardshipRetentionYears)
	}
	return 0
}

// InFollowUp reports a lifted-out file still in its six months of follow-up.
func (f *HardshipFile) InFollowUp(d Date) bool {
	return f.Status == HardshipLifted && d <= f.FollowUpUntil
}

// AddMonths is d plus n calendar months (the day clamped by time.AddDate's
// normalization: 08-31 plus six months is 03-03 in a short year).
func (d Date) AddMonths(n int) Date { return DateOf(d.Time().AddDate(0, n, 0)) }

// Normalize cleans the file's text fields in place.
func (f *HardshipFile) Normalize() {
	for _, p := range []*string{&f.Health, &f.Disability, &f.Employment, &f.Housing, &f.MedicalInsurance,
		&f.Address, &f.UnitOpinion, &f.TownOpinion, &f.Notes} {
		*p = CleanText(*p)
	}
	for _, p := range []*string{&f.PairedCadre, &f.FiledBy, &f.ReviewedBy, &f.EnteredBy} {
		*p = CleanName(*p)
	}
	f.BankName = CleanText(f.BankName)
	f.BankAccount = Clean(f.BankAccount)
	f.Industry = CleanText(f.Industry)
	for i := range f.Household {
		h := &f.Household[i]
		h.Name = CleanName(h.Name)
		h.Relation = CleanText(h.Relation)
		h.Health = CleanText(h.Health)
		h.SchoolOrWork = CleanText(h.SchoolOrWork)
		if id, err := NormalizeResidentID(h.IDNumber); err == nil {
			h.IDNumber = id
		} else {
			h.IDNumber = Clean(h.IDNumber)
		}
	}
}

func tooLong(ps *Problems, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		ps.add(field, "problem.too_long", n)
	}
}

// Validate returns every problem of the file's own fields (the store adds
// the member and one-open-file checks): a member, a category and a main
// cause, at most three distinct secondary causes other than the main one,
// a household of at least one person and at least the listed members plus
// the worker, no negative income or spending, valid household members,
// an application date not in the future.
func (f *HardshipFile) Validate(today Date) Problems {
	var ps Problems
	if f.MemberID == 0 {
		ps.add("member", "problem.required")
	}
	if !f.Category.Valid() {
		ps.add("hs_category", "problem.required")
	}
	if !f.MainCause.Valid() {
		ps.add("hs_main_cause", "problem.required")
	}
	if len(f.OtherCauses) > MaxSecondaryCauses {
		ps.add("hs_other_causes", "hardship.too_many_causes", MaxSecondaryCauses)
	}
	seen := map[HardshipCause]bool{}
	for _, c := range f.OtherCauses {
		switch {
		case !c.Valid():
			ps.add("hs_other_causes", "problem.not_in_list")
		case c == f.MainCause:
			ps.add("hs_other_causes", "hardship.cause_is_main")
		case seen[c]:
			ps.add("hs_other_causes", "hardship.cause_twice")
		}
		seen[c] = true
	}
	switch {
	case f.HouseholdSize <= 0:
		ps.add("hs_size", "hardship.size_zero")
	case f.HouseholdSize > 30:
		ps.add("hs_size", "hardship.size_large")
	case f.HouseholdSize < len(f.Household)+1:
		ps.add("hs_size", "hardship.size_lt_members", len(f.Household)+1)
	}
	if f.YearlyIncome < 0 {
		ps.add("hs_income", "hardship.negative_income")
	}
	if f.Spending < 0 {
		ps.add("hs_spending", "problem.negative")
	}
	if f.HousingArea < 0 || f.HousingArea > 10000 {
		ps.add("hs_housing_area", "problem.invalid")
	}
	if f.Marital > MaritalWidowed {
		ps.add("hs_marital", "problem.not_in_list")
	}
	for _, x := range []struct {
		field, s string
		n        int
	}{
		{"hs_health", f.Health, 100}, {"hs_disability", f.Disability, 50}, {"hs_employment", f.Employment, 50},
		{"hs_housing", f.Housing, 50}, {"hs_insurance", f.MedicalInsurance, 50}, {"hs_bank_name", f.BankName, 50},
		{"hs_bank_account", f.BankAccount, 40}, {"address", f.Address, 100}, {"hs_cadre", f.PairedCadre, 30},
		{"hs_filed_by", f.FiledBy, 30}, {"hs_reviewed_by", f.ReviewedBy, 30}, {"hs_unit_opinion", f.UnitOpinion, 200},
		{"hs_town_opinion", f.TownOpinion, 200}, {"notes", f.Notes, 500},
	} {
		tooLong(&ps, x.field, x.s, x.n)
	}
	if f.BankAccount != "" && !validAccountNo(f.BankAccount) {
		ps.add("hs_bank_account", "hardship.bank_account")
	}
	for i := range f.Household {
		for _, p := range ValidateHouseholdMember(&f.Household[i]) {
			ps.add("hs_household", "hardship.household_bad", i+1, i18nKeyArg("field."+p.Field))
		}
	}
	switch {
	case f.AppliedDate == 0:
		ps.add("hs_applied", "problem.required")
	case !f.AppliedDate.Valid():
		ps.add("hs_applied", "date.impossible", f.AppliedDate.String())
	case f.AppliedDate > today:
		ps.add("hs_applied", "problem.future")
	}
	return append(ps, f.validateOrg(today)...)
}

// validAccountNo: a bank card or account number of 8 to 30 digits, spaces
// and dashes allowed between them.
func validAccountNo(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ' || r == '-':
		default:
			return false
		}
	}
	return n >= 8 && n <= 30
}

// ValidateHouseholdMember checks one household member: a name, a relation,
// a monthly income not below zero, a resident ID (when one is given) that
// is valid. Problems on the fields "name", "hs_relation", "id_number",
// "hs_member_income", "hs_member_health", "hs_school_work".
func ValidateHouseholdMember(h *HouseholdMember) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(h.Name); {
	case n == 0:
		ps.add("name", "problem.required")
	case n > 30:
		ps.add("name", "problem.too_long", 30)
	}
	if h.Relation == "" {
		ps.add("hs_relation", "problem.required")
	}
	tooLong(&ps, "hs_relation", h.Relation, 10)
	if h.IDNumber != "" {
		if _, err := NormalizeResidentID(h.IDNumber); err != nil {
			ps.addErr("id_number", err)
		}
	}
	if h.MonthlyIncome < 0 {
		ps.add("hs_member_income", "hardship.negative_income")
	}
	tooLong(&ps, "hs_member_health", h.Health, 100)
	tooLong(&ps, "hs_school_work", h.SchoolOrWork, 60)
	return ps
}

// HouseholdIncome is the sum of the listed household members' monthly
// incomes (a hint for the yearly income; the worker's own is not in it).
func (f *HardshipFile) HouseholdIncome() Money {
	var s Money
	for _, h := range f.Household {
		s += h.MonthlyIncome
	}
	return s
}

// HardshipRules are the hardship settings of the profile with defaults.
// Every number is a setting (docs/rules.md names each one's source).
type HardshipRules struct {
	MinLiving   Money // 低保标准 per person per month
	DeepPct     int   // the deep-hardship line in percent of MinLiving (100)
	RelativePct int   // the relative-hardship line (200)
	SuddenPct   int   // the upper income line of 意外致困 (300; 南通, 平顶山)

	LivingDeepMonths     int   // living aid cap, months of MinLiving a year, deep hardship (12)
	LivingRelativeMonths int   // the same for relative and sudden hardship (8)
	SchoolCompulsory     Money // school aid a year for a pupil in compulsory education (3,000)
	SchoolSeniorMonths   int   // for a high-school or vocational student, months of MinLiving (6)
	SchoolUnivMonths     int   // 金秋助学 for a university student, months of MinLiving (10)
	Medical              Money // medical aid a year per household (0: no cap)
	Warmth               Money // 送温暖 a year per household (0: no cap)

	NoticeWorkdays int // the shortest public notice (公示), working days (5)
}

// Lines are the deep and relative per-capita income lines in fen.
func (r HardshipRules) Lines() (deep, relative Money) {
	return r.line(r.DeepPct), r.line(r.RelativePct)
}

// SuddenLine is the per-capita income above which a household hit by an
// accident, a disaster or a serious illness is no longer 意外致困.
func (r HardshipRules) SuddenLine() Money { return r.line(r.SuddenPct) }

func (r HardshipRules) line(pct int) Money { return Money(int64(r.MinLiving) * int64(pct) / 100) }

// Suggestion is the category the program suggests for a file, with the
// reason (a catalogue key and its arguments); the secretary decides.
type Suggestion struct {
	Category HardshipCategory // 0: no category suggested
	Key      string           // hardship.suggest_*
	Args     []any            // the line compared with, or the exclusion
}

// Text is the reason in the user's language.
func (s Suggestion) Text(l i18n.Lang) string { return l.T(s.Key, localArgs(l, s.Args)...) }

// SuggestCategory suggests a category (local rules of 邢台, 平顶山, 宜兴,
// 南通, 湖北; public copies: 平顶山市总工会 督导通知 for the 3 × 低保 line of
// 意外致困, 江门市总工会 2021 金秋助学 for the income test and 重大疾病;
// docs/rules.md S9–S11):
//
//   - a household with an exclusion (a second home, a vehicle …) gets
//     none, with the exclusion as the reason;
//   - per-capita income at or below the deep line: 深度困难, whatever the
//     cause (the income test alone decides; the causes include 下岗失业
//     and 停发减发工资 as well as illness and disability);
//   - at or below the relative line: 相对困难;
//   - above it, hit by an accident, a disaster or a serious illness
//     (重大疾病) and at or below the 意外致困 line: 意外致困;
//   - otherwise none.
//
// Without a 低保标准 or a household size nothing is suggested.
func SuggestCategory(f *HardshipFile, r HardshipRules) Suggestion {
	if len(f.Exclusions) > 0 {
		return Suggestion{Key: "hardship.suggest_excluded", Args: []any{i18nKeyArg(f.Exclusions[0].Key())}}
	}
	if r.MinLiving <= 0 {
		return Suggestion{Key: "hardship.suggest_no_min_living"}
	}
	if f.HouseholdSize <= 0 {
		return Suggestion{Key: "hardship.suggest_no_size"}
	}
	pc := f.PerCapita()
	deep, rel := r.Lines()
	sudden := f.HasCause(CauseAccident) || f.HasCause(CauseDisaster) || f.HasCause(CauseSeriousIllness)
	switch {
	case pc <= deep:
		return Suggestion{CategoryDeep, "hardship.suggest_deep", []any{deep.Display()}}
	case pc <= rel:
		return Suggestion{CategoryRelative, "hardship.suggest_relative", []any{rel.Display()}}
	case sudden && pc <= r.SuddenLine():
		return Suggestion{CategorySudden, "hardship.suggest_sudden", []any{rel.Display()}}
	case sudden:
		return Suggestion{Key: "hardship.suggest_sudden_above", Args: []any{r.SuddenLine().Display()}}
	}
	return Suggestion{Key: "hardship.suggest_above", Args: []any{rel.Display()}}
}

// LiftOut is the decision that a household has left hardship.
type LiftOut struct {
	NoticeFrom, NoticeTo Date   // public notice (公示), at least 5 working days
	Approval             string // the district union's approval (批复)
	Date                 Date   // lifted out on
}

// MinNoticeWorkdays is the shortest public notice before lifting out when
// the setting (Profile.NoticeWorkdays) is not given.
const MinNoticeWorkdays = 5

// Workdays counts Monday to Friday from a to b inclusive.
func Workdays(a, b Date) int {
	if a == 0 || b == 0 || b < a {
		return 0
	}
	n := 0
	for t, end := a.Time(), b.Time(); !t.After(end); t = t.AddDate(0, 0, 1) {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// ValidateLiftOut checks a lift-out of file f: an active file, notice
// dates in order and covering at least minWorkdays working days (the
// setting HardshipRules.NoticeWorkdays, 5 by default; 0 means 5), ending on or
// before the lift-out date, an approval, a date not in the future and not
// before the file was approved. Fields "hs_notice_from", "hs_notice_to",
// "hs_approval", "date"; a wrong status has no field.
func ValidateLiftOut(f *HardshipFile, l LiftOut, today Date, minWorkdays int) Problems {
	var ps Problems
	if minWorkdays <= 0 {
		minWorkdays = MinNoticeWorkdays
	}
	if f.Status != HardshipActive {
		ps.add("", "hardship.lift_not_active", i18nKeyArg(f.Status.Key()))
	}
	dateCheck(&ps, "hs_notice_from", l.NoticeFrom, today)
	dateCheck(&ps, "hs_notice_to", l.NoticeTo, today)
	if l.NoticeFrom != 0 && l.NoticeTo != 0 && l.NoticeFrom.Valid() && l.NoticeTo.Valid() {
		if l.NoticeTo < l.NoticeFrom {
			ps.add("hs_notice_to", "hardship.notice_order")
		} else if n := Workdays(l.NoticeFrom, l.NoticeTo); n < minWorkdays {
			ps.add("hs_notice_to", "hardship.notice_short", minWorkdays, n)
		}
	}
	if CleanText(l.Approval) == "" {
		ps.add("hs_approval", "problem.required")
	}
	tooLong(&ps, "hs_approval", l.Approval, 60)
	if dateCheck(&ps, "date", l.Date, today) {
		if l.NoticeTo != 0 && l.Date < l.NoticeTo {
			ps.add("date", "hardship.lift_before_notice", l.NoticeTo.String())
		}
		if f.ApprovedDate != 0 && l.Date < f.ApprovedDate {
			ps.add("date", "hardship.before_approved", f.ApprovedDate.String())
		}
	}
	return ps
}

// dateCheck adds the problem of a required date not in the future and
// reports whether it is fine.
func dateCheck(ps *Problems, field string, d, today Date) bool {
	switch {
	case d == 0:
		ps.add(field, "problem.required")
	case !d.Valid():
		ps.add(field, "date.impossible", d.String())
	case d > today:
		ps.add(field, "problem.future")
	default:
		return true
	}
	return false
}

// ValidateReview checks a review of f: an open or lifted file (a lifted
// file is reviewed in its follow-up), a date not in the future nor before
// the application, a reviewer and a finding.
func ValidateReview(f *HardshipFile, r *HardshipReview, today Date) Problems {
	var ps Problems
	r.Reviewer = CleanName(r.Reviewer)
	r.Finding = CleanText(r.Finding)
	if f.Status == HardshipClosed {
		ps.add("", "hardship.file_closed")
	}
	if dateCheck(&ps, "date", r.Date, today) && r.Date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	if r.Reviewer == "" {
		ps.add("hs_reviewer", "problem.required")
	}
	tooLong(&ps, "hs_reviewer", r.Reviewer, 30)
	if r.Finding == "" {
		ps.add("hs_finding", "problem.required")
	}
	tooLong(&ps, "hs_finding", r.Finding, 300)
	if r.Category != 0 && !r.Category.Valid() {
		ps.add("hs_category", "problem.not_in_list")
	}
	return ps
}

// ValidateClose checks closing f: not already closed, a date not in the
// future and not before the application, a reason.
func ValidateClose(f *HardshipFile, date Date, reason string, today Date) Problems {
	var ps Problems
	if f.Status == HardshipClosed {
		ps.add("", "hardship.file_closed")
	}
	if dateCheck(&ps, "date", date, today) && date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	r := CleanText(reason)
	if r == "" {
		ps.add("reason", "problem.required")
	}
	tooLong(&ps, "reason", r, 150)
	return ps
}

// ValidateApprove checks approving an applied file on date by approver.
func ValidateApprove(f *HardshipFile, date Date, approver string, today Date) Problems {
	var ps Problems
	if f.Status != HardshipApplied {
		ps.add("", "hardship.approve_not_applied", i18nKeyArg(f.Status.Key()))
	}
	if dateCheck(&ps, "date", date, today) && date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	if CleanName(approver) == "" {
		ps.add("hs_reviewed_by", "problem.required")
	}
	tooLong(&ps, "hs_reviewed_by", approver, 30)
	return ps
}

// HardshipRules reads the hardship settings of the profile, with the
// defaults for unset (zero) values. The money caps on high-school and
// university aid of earlier versions (10,000 and 5,000 yuan, which ranked
// high school above university) are no longer read: those caps are months
// of the 低保标准 now.
func (p *Profile) HardshipRules() HardshipRules {
	or := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	orM := func(v, d Money) Money {
		if v == 0 {
			return d
		}
		return v
	}
	return HardshipRules{
		MinLiving:            p.MinLiving,
		DeepPct:              or(p.HardshipDeepPct, 100),
		RelativePct:          or(p.HardshipRelativePct, 200),
		SuddenPct:            or(p.HardshipSuddenPct, 300),
		LivingDeepMonths:     or(p.CapLivingDeepMonths, 12),
		LivingRelativeMonths: or(p.CapLivingRelMonths, 8),
		SchoolCompulsory:     orM(p.CapSchoolCompulsory, Yuan(3000)),
		SchoolSeniorMonths:   or(p.CapSchoolSeniorMonths, 6),
		SchoolUnivMonths:     or(p.CapSchoolUnivMonths, 10),
		Medical:              p.CapMedical,
		Warmth:               p.CapWarmth,
		NoticeWorkdays:       or(p.NoticeWorkdays, MinNoticeWorkdays),
	}
}

// validateHardship checks the profile's hardship settings: percentages
// from 0 to 1000, the relative line not below the deep one nor the
// 意外致困 line below the relative one, months from 0 to 36, high-school
// aid not above university aid, caps not negative, a notice of 0 to 30
// working days.
func (p *Profile) validateHardship() Problems {
	var ps Problems
	for _, x := range []struct {
		field string
		v     int
	}{{"hs_deep_pct", p.HardshipDeepPct}, {"hs_relative_pct", p.HardshipRelativePct}, {"hs_sudden_pct", p.HardshipSuddenPct}} {
		if x.v < 0 || x.v > 1000 {
			ps.add(x.field, "profile.hardship_pct")
		}
	}
	r := p.HardshipRules()
	if len(ps) == 0 && r.RelativePct < r.DeepPct {
		ps.add("hs_relative_pct", "profile.hardship_order")
	}
	if len(ps) == 0 && r.SuddenPct < r.RelativePct {
		ps.add("hs_sudden_pct", "profile.hardship_sudden_order")
	}
	months := []struct {
		field string
		v     int
	}{{"hs_cap_living_deep", p.CapLivingDeepMonths}, {"hs_cap_living_rel", p.CapLivingRelMonths},
		{"hs_cap_school_senior_months", p.CapSchoolSeniorMonths}, {"hs_cap_school_univ_months", p.CapSchoolUnivMonths}}
	bad := false
	for _, x := range months {
		if x.v < 0 || x.v > 36 {
			ps.add(x.field, "profile.hardship_months")
			bad = true
		}
	}
	if !bad && r.SchoolSeniorMonths > r.SchoolUnivMonths {
		ps.add("hs_cap_school_senior_months", "profile.school_order")
	}
	for _, x := range []struct {
		field string
		v     Money
	}{{"hs_cap_school_compulsory", p.CapSchoolCompulsory}, {"hs_cap_medical", p.CapMedical}, {"hs_cap_warmth", p.CapWarmth}} {
		if x.v < 0 {
			ps.add(x.field, "problem.negative")
		}
	}
	if p.NoticeWorkdays < 0 || p.NoticeWorkdays > 30 {
		ps.add("hs_notice_workdays", "profile.notice_workdays", 30)
	}
	return ps
}
