package model

import (
	"time"
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

// HouseholdIncome is the sum of the listed household members' monthly
// incomes (a hint for the yearly income; the worker's own is not in it).
func (f *HardshipFile) HouseholdIncome() Money {
	var s Money
	for _, h := range f.Household {
		s += h.MonthlyIncome
	}
	return s
}
