package model

import (
	"slices"
	"unicode/utf8"
)

// The organisation register of a unit: what the district's yearly survey
// (基层工会调查表, 国统制〔2019〕107号) and the township work summaries ask
// about a grassroots union besides its members. Sources are listed in
// docs/rules.md; the numbers that vary (the term of office, how early a
// 换届 is due) are profile settings (see OrgRules).

// UnionForm is how a grassroots union is organised (组建形式): the union of
// one employer, or a joint union of several (村级, 社区, 区域, 行业 联合工会).
// It is not the employer's economic type (UnitKind): a village joint union
// has no single economic type at all. The survey's item 904 (1 单独基层工会,
// 2 联合基层工会) follows from it (see UnionType).
type UnionForm uint8

const (
	FormUnset      UnionForm = 0 // a record from before the form was kept: see Unit.Normalize
	FormSingle     UnionForm = 1 // 单独基层工会
	FormVillage    UnionForm = 2 // 村级联合工会
	FormCommunity  UnionForm = 3 // 社区联合工会
	FormArea       UnionForm = 4 // 区域联合工会
	FormIndustry   UnionForm = 5 // 行业联合工会
	FormOtherJoint UnionForm = 6 // 其他联合工会 (楼宇, 市场 …)
)

// UnionForms in display order.
var UnionForms = []UnionForm{FormSingle, FormVillage, FormCommunity, FormArea, FormIndustry, FormOtherJoint}

// Key is the catalogue key of the form's name.
func (f UnionForm) Key() string {
	switch f {
	case FormSingle:
		return "union_form.single"
	case FormVillage:
		return "union_form.village"
	case FormCommunity:
		return "union_form.community"
	case FormArea:
		return "union_form.area"
	case FormIndustry:
		return "union_form.industry"
	case FormOtherJoint:
		return "union_form.other_joint"
	}
	return "union_form.unset"
}

// Joint reports a joint union (联合基层工会).
func (f UnionForm) Joint() bool { return f >= FormVillage && f <= FormOtherJoint }

// Type is the survey's union type (item 904) of the form.
func (f UnionForm) Type() UnionType {
	if f.Joint() {
		return UnionJoint
	}
	return UnionSingle
}

// CommitteeKind is one of the committees a grassroots union sets up, as the
// survey and the yearbooks count them.
type CommitteeKind uint8

const (
	CommitteeWomen      CommitteeKind = 1 // 女职工委员会
	CommitteeAudit      CommitteeKind = 2 // 经费审查委员会
	CommitteeLawWatch   CommitteeKind = 3 // 劳动法律监督委员会
	CommitteeMediation  CommitteeKind = 4 // 劳动争议调解委员会
	CommitteeProtection CommitteeKind = 5 // 劳动保护监督检查委员会
)

// CommitteeKinds in display order.
var CommitteeKinds = []CommitteeKind{CommitteeWomen, CommitteeAudit, CommitteeLawWatch, CommitteeMediation, CommitteeProtection}

// Key is the catalogue key of the committee's name.
func (k CommitteeKind) Key() string {
	switch k {
	case CommitteeWomen:
		return "committee.women"
	case CommitteeAudit:
		return "committee.audit"
	case CommitteeLawWatch:
		return "committee.law_watch"
	case CommitteeMediation:
		return "committee.mediation"
	case CommitteeProtection:
		return "committee.protection"
	}
	return "committee.unknown"
}

// Code is the committee's stable name in stats --json and the package.
func (k CommitteeKind) Code() string {
	return [...]string{"", "women", "audit", "law_watch", "mediation", "protection"}[min(int(k), 5)]
}

// Valid reports a known kind.
func (k CommitteeKind) Valid() bool { return k >= CommitteeWomen && k <= CommitteeProtection }

// Committee is one committee of a unit's union, with the date it was set up.
type Committee struct {
	Kind    CommitteeKind `cbor:"1,keyasint"`
	Formed  Date          `cbor:"2,keyasint,omitempty"`
	Chair   string        `cbor:"3,keyasint,omitempty"`
	Members int           `cbor:"4,keyasint,omitempty"`
	Notes   string        `cbor:"5,keyasint,omitempty"`
}

// HomeLevel is the level at which a unit's union was named a model
// workers' home (模范职工之家).
type HomeLevel uint8

const (
	HomeNone     HomeLevel = 0
	HomeCounty   HomeLevel = 1 // 县（区）级模范职工之家
	HomeCity     HomeLevel = 2 // 市级
	HomeProvince HomeLevel = 3 // 省级
	HomeNational HomeLevel = 4 // 全国模范职工之家
)

// HomeLevels in display order, none first.
var HomeLevels = []HomeLevel{HomeNone, HomeCounty, HomeCity, HomeProvince, HomeNational}

// Key is the catalogue key of the level.
func (h HomeLevel) Key() string {
	return [...]string{"home.none", "home.county", "home.city", "home.province", "home.national"}[min(int(h), 4)]
}

// JointUnion reports a joint union, also for a record from before the form
// was kept (whose union type says so).
func (u *Unit) JointUnion() bool { return u.FormOrType().Joint() }

// FormOrType is the union's form, or for a record from before the form was
// kept the one its union type says (a joint union of an unknown kind is
// 其他联合工会).
func (u *Unit) FormOrType() UnionForm {
	switch {
	case u.Form != FormUnset:
		return u.Form
	case u.UnionType == UnionJoint:
		return FormOtherJoint
	}
	return FormSingle
}

// Committee returns the unit's committee of kind k.
func (u *Unit) Committee(k CommitteeKind) (Committee, bool) {
	for _, c := range u.Committees {
		if c.Kind == k {
			return c, true
		}
	}
	return Committee{}, false
}

// HasCommittee reports whether the unit's union has set up committee k by
// day d (a committee without a date counts from always).
func (u *Unit) HasCommittee(k CommitteeKind, d Date) bool {
	c, ok := u.Committee(k)
	return ok && (c.Formed == 0 || c.Formed <= d)
}

// WageInForce reports whether the wage agreement (工资集体协议) covers day d.
func (u *Unit) WageInForce(d Date) bool { return inForce(u.WageSigned, u.WageExpires, d) }

// WomenContractInForce reports whether the women workers' special
// contract (女职工权益保护专项集体合同) covers day d.
func (u *Unit) WomenContractInForce(d Date) bool { return inForce(u.WomenSigned, u.WomenExpires, d) }

func inForce(signed, expires, d Date) bool {
	return signed != 0 && signed <= d && (expires == 0 || d <= expires)
}

// Organised reports whether the unit had a working union on day d: formed
// by then (a unit without a formation date counts from always) and not
// dissolved by then. A dissolved unit without a date counts as gone.
func (u *Unit) Organised(d Date) bool {
	if u.FormedOn != 0 && u.FormedOn > d {
		return false
	}
	if u.Status == UnitDissolved {
		return u.DissolvedOn != 0 && d < u.DissolvedOn
	}
	return true
}

// EmployersCovered is how many employers the union organises: one for a
// single union, the covered employers of a joint union (at least one).
func (u *Unit) EmployersCovered() int {
	if u.JointUnion() {
		return max(1, u.CoveredEmployers)
	}
	return 1
}

// TermEnds is the day the union committee's term ends: the election date
// plus the unit's term (or the default term of rules), 0 without an
// election date.
func (u *Unit) TermEnds(r OrgRules) Date {
	if u.ElectedOn == 0 {
		return 0
	}
	years := u.TermYears
	if years <= 0 {
		years = r.TermYears
	}
	return u.ElectedOn.AddYears(years)
}

// ElectionDue reports whether the committee's 换届 is due on day d: the
// term ends within the rules' warning days, or has ended.
func (u *Unit) ElectionDue(d Date, r OrgRules) bool {
	end := u.TermEnds(r)
	return end != 0 && u.Status == UnitActive && end <= d.AddDays(r.ElectionWarnDays)
}

// AddDays is d plus n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// normalizeOrg cleans the organisation fields and makes the union's form
// and the survey's union type agree: a record from before the form was
// kept gets the form its type says (a joint union of an unknown kind is
// 其他联合工会); otherwise the form decides the type.
func (u *Unit) normalizeOrg() {
	u.Form = u.FormOrType()
	if u.JointUnion() || u.Form == FormSingle {
		u.UnionType = u.Form.Type()
	}
	u.StatCode = Clean(u.StatCode)
	u.RegionCode = Clean(u.RegionCode)
	if c, err := NormalizeCreditCode(u.UnionCredit); err == nil {
		u.UnionCredit = c
	} else {
		u.UnionCredit = Clean(u.UnionCredit)
	}
	for i := range u.Committees {
		u.Committees[i].Chair = CleanName(u.Committees[i].Chair)
		u.Committees[i].Notes = CleanText(u.Committees[i].Notes)
	}
	slices.SortStableFunc(u.Committees, func(a, b Committee) int { return int(a.Kind) - int(b.Kind) })
}

// optionalDate checks a date that may be empty: possible and not in the future.
func optionalDate(ps *Problems, field string, d, today Date) bool {
	switch {
	case d == 0:
		return false
	case !d.Valid():
		ps.add(field, "date.impossible", d.String())
	case d > today:
		ps.add(field, "problem.future")
	default:
		return true
	}
	return false
}

// agreement checks the dates of a signed agreement: a signing date (when
// there is an expiry) not in the future, an expiry after it.
func agreement(ps *Problems, signedField, expiresField string, signed, expires, today Date) {
	optionalDate(ps, signedField, signed, today)
	if expires == 0 {
		return
	}
	switch {
	case !expires.Valid():
		ps.add(expiresField, "date.impossible", expires.String())
	case signed == 0:
		ps.add(signedField, "problem.required")
	case expires <= signed:
		ps.add(expiresField, "unit.expires_before_signed")
	}
}

// count checks a head count: not negative, at most limit when limit >= 0.
func count(ps *Problems, field string, n, limit int, limitKey string) {
	switch {
	case n < 0:
		ps.add(field, "problem.negative")
	case limit >= 0 && n > limit:
		ps.add(field, limitKey, limit)
	}
}

// ValidTermYears reports whether n years is a grassroots union
// committee's term of office: 基层工会委员会每届任期三年或者五年 (the Trade
// Union Law, article 15; docs/rules.md).
func ValidTermYears(n int) bool { return n == 3 || n == 5 }

// validateOrg returns the problems of the organisation fields.
func (u *Unit) validateOrg(today Date) Problems {
	var ps Problems
	if u.Form != FormUnset && !slices.Contains(UnionForms, u.Form) {
		ps.add("union_form", "problem.not_in_list")
	}
	if u.StatCode != "" && !validStatCode(u.StatCode) {
		ps.add("stat_code", "org.stat_code", 20)
	}
	if u.RegionCode != "" {
		if err := ValidateRegionCode(u.RegionCode); err != nil {
			ps.addErr("region_code", err)
		}
	}
	if u.UnionCredit != "" {
		c, err := NormalizeCreditCode(u.UnionCredit)
		switch {
		case err != nil:
			ps.addErr("union_credit", err)
		case c[:2] != "81":
			ps.add("union_credit", "org.union_credit_prefix")
		case c == u.CreditCode:
			ps.add("union_credit", "org.union_credit_same")
		}
	}
	seen := map[CommitteeKind]bool{}
	for i, c := range u.Committees {
		switch {
		case !c.Kind.Valid():
			ps.add("committees", "problem.not_in_list")
		case seen[c.Kind]:
			ps.add("committees", "org.committee_twice", i18nKeyArg(c.Kind.Key()))
		}
		seen[c.Kind] = true
		var cps Problems
		optionalDate(&cps, "committee_formed", c.Formed, today)
		count(&cps, "committee_members", c.Members, 999, "problem.too_many")
		tooLong(&cps, "committee_chair", c.Chair, 30)
		tooLong(&cps, "notes", c.Notes, 200)
		for _, p := range cps {
			ps.add("committees", "org.committee_bad", i+1, i18nKeyArg(c.Kind.Key()), i18nKeyArg("field."+p.Field), p)
		}
	}
	emp := -1 // head counts are checked against the employees when known
	if u.Employees > 0 {
		emp = u.Employees
	}
	optionalDate(&ps, "congress_last", u.CongressLast, today)
	count(&ps, "congress_delegates", u.CongressDelegates, emp, "org.more_than_employees")
	count(&ps, "congress_women", u.CongressWomen, u.CongressDelegates, "org.women_delegates")
	if !u.WorkersCongress && (u.CongressLast != 0 || u.CongressDelegates > 0) {
		ps.add("workers_congress", "org.congress_flag")
	}
	count(&ps, "contract_covered", u.ContractCovered, emp, "org.more_than_employees")
	if u.ContractCovered > 0 && u.ContractSigned == 0 {
		ps.add("contract_signed", "problem.required")
	}
	agreement(&ps, "wage_signed", "wage_expires", u.WageSigned, u.WageExpires, today)
	count(&ps, "wage_covered", u.WageCovered, emp, "org.more_than_employees")
	if (u.WageCovered > 0 || u.WageRaiseBP != 0) && u.WageSigned == 0 {
		ps.add("wage_signed", "problem.required")
	}
	if u.WageRaiseBP < 0 || u.WageRaiseBP > 5000 {
		ps.add("wage_raise", "org.wage_raise")
	}
	agreement(&ps, "women_signed", "women_expires", u.WomenSigned, u.WomenExpires, today)
	if !slices.Contains(HomeLevels, u.HomeLevel) {
		ps.add("home_level", "problem.not_in_list")
	}
	switch {
	case u.HomeLevel != HomeNone && u.HomeYear == 0:
		ps.add("home_year", "problem.required")
	case u.HomeYear != 0 && (u.HomeYear < 1950 || u.HomeYear > today.Year()):
		ps.add("home_year", "org.year_range", today.Year())
	}
	count(&ps, "staff_full", u.StaffFull, 999, "problem.too_many")
	count(&ps, "staff_part", u.StaffPart, 9999, "problem.too_many")
	optionalDate(&ps, "elected_on", u.ElectedOn, today)
	if u.TermYears != 0 && !ValidTermYears(u.TermYears) { // 0 follows the settings
		ps.add("term_years", "org.term_years")
	}
	count(&ps, "covered_employers", u.CoveredEmployers, 9999, "problem.too_many")
	if u.CoveredEmployers > 0 && !u.JointUnion() {
		ps.add("covered_employers", "org.covered_single")
	}
	formed := optionalDate(&ps, "formed_on", u.FormedOn, today)
	if optionalDate(&ps, "dissolved_on", u.DissolvedOn, today) {
		if u.Status != UnitDissolved {
			ps.add("dissolved_on", "org.dissolved_active")
		} else if formed && u.DissolvedOn < u.FormedOn {
			ps.add("dissolved_on", "org.dissolved_before_formed")
		}
	}
	return ps
}

// validStatCode: the survey's statistical code (901) is up to 20 letters
// and digits.
func validStatCode(s string) bool {
	if len(s) > 20 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return utf8.ValidString(s)
}

// unitOrgChanges lists the organisation fields that differ, for the audit log.
func unitOrgChanges(old, new *Unit) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return itoa(n)
	}
	committees := func(u *Unit) string {
		s := ""
		for i, c := range u.Committees {
			if i > 0 {
				s += "; "
			}
			s += c.Kind.Code() + " " + c.Formed.String() + " " + c.Chair + " " + num(c.Members)
		}
		return s
	}
	diff("union_form", old.Form.Key(), new.Form.Key())
	diff("stat_code", old.StatCode, new.StatCode)
	diff("region_code", old.RegionCode, new.RegionCode)
	diff("union_credit", old.UnionCredit, new.UnionCredit)
	diff("committees", committees(old), committees(new))
	diff("congress_last", old.CongressLast.String(), new.CongressLast.String())
	diff("congress_delegates", num(old.CongressDelegates), num(new.CongressDelegates))
	diff("congress_women", num(old.CongressWomen), num(new.CongressWomen))
	diff("contract_covered", num(old.ContractCovered), num(new.ContractCovered))
	diff("wage_signed", old.WageSigned.String(), new.WageSigned.String())
	diff("wage_expires", old.WageExpires.String(), new.WageExpires.String())
	diff("wage_covered", num(old.WageCovered), num(new.WageCovered))
	diff("wage_raise", num(old.WageRaiseBP), num(new.WageRaiseBP))
	diff("women_signed", old.WomenSigned.String(), new.WomenSigned.String())
	diff("women_expires", old.WomenExpires.String(), new.WomenExpires.String())
	diff("home_level", old.HomeLevel.Key(), new.HomeLevel.Key())
	diff("home_year", num(old.HomeYear), num(new.HomeYear))
	diff("bookhouse", boolText(old.Bookhouse), boolText(new.Bookhouse))
	diff("staff_full", num(old.StaffFull), num(new.StaffFull))
	diff("staff_part", num(old.StaffPart), num(new.StaffPart))
	diff("elected_on", old.ElectedOn.String(), new.ElectedOn.String())
	diff("term_years", num(old.TermYears), num(new.TermYears))
	diff("covered_employers", num(old.CoveredEmployers), num(new.CoveredEmployers))
	diff("formed_on", old.FormedOn.String(), new.FormedOn.String())
	diff("dissolved_on", old.DissolvedOn.String(), new.DissolvedOn.String())
	return cs
}
