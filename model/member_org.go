package model

import (
	"slices"

	"unionbook/i18n"
)

// Member data items of the ACFTU's real-name member register (工会会员实名制
// 数据项), as third-party implementations of the standard code them
// (xg81196/lgjt-project, RedisKeys.java; docs/rules.md S6): how a member
// came in (入会, 转入), the coded reasons of a change of membership,
// employment, household registration, skill level. The codes are the
// standard's, so a roster exchanged with the district's system keeps its
// meaning.

// EmploymentStatus is a member's 就业状况.
type EmploymentStatus uint8

const (
	EmployedOnPost   EmploymentStatus = 1 // 在岗
	EmployedLaidOff  EmploymentStatus = 2 // 待（下）岗
	EmployedJobless  EmploymentStatus = 3 // 失业
	EmployedRetired  EmploymentStatus = 4 // 退休
	EmployedRetiredL EmploymentStatus = 5 // 离休
	EmployedResigned EmploymentStatus = 6 // 退职
	EmployedEarly    EmploymentStatus = 7 // 退养（内退）
	EmployedSick     EmploymentStatus = 8 // 病休
	EmployedOther    EmploymentStatus = 9 // 其他
)

// EmploymentStatuses in the standard's order.
var EmploymentStatuses = []EmploymentStatus{EmployedOnPost, EmployedLaidOff, EmployedJobless, EmployedRetired,
	EmployedRetiredL, EmployedResigned, EmployedEarly, EmployedSick, EmployedOther}

// Key is the catalogue key of the status (employment.0 for not given).
func (e EmploymentStatus) Key() string { return "employment." + itoa(int(min(e, 10))) }

// HukouType is a member's household registration (户籍类型).
type HukouType uint8

const (
	HukouUrban     HukouType = 1 // 非农业（城镇）户口
	HukouRural     HukouType = 2 // 农业（农村）户口
	HukouConverted HukouType = 3 // 农转居
	HukouResident  HukouType = 4 // 居民户口 (the unified registration, which no longer tells)
)

// HukouTypes in display order.
var HukouTypes = []HukouType{HukouUrban, HukouRural, HukouConverted, HukouResident}

// Key is the catalogue key of the type (hukou.0 for not given).
func (h HukouType) Key() string { return "hukou." + itoa(int(min(h, 5))) }

// Migrant tells what the registration says about the migrant-worker flag
// (农民工: a worker with a rural registration in non-farm work): known is
// false where the registration does not tell (unified 居民户口, not given).
func (h HukouType) Migrant() (migrant, known bool) {
	switch h {
	case HukouRural:
		return true, true
	case HukouUrban, HukouConverted:
		return false, true
	}
	return false, false
}

// SkillLevel is the national vocational qualification (技术等级).
type SkillLevel uint8

// SkillLevels: 1 职业资格一级（高级技师） … 5 五级（初级）.
var SkillLevels = []SkillLevel{1, 2, 3, 4, 5}

// Key is the catalogue key of the level (skill.0 for none).
func (s SkillLevel) Key() string { return "skill." + itoa(int(min(s, 6))) }

// TitleLevel is a professional title's grade (职称).
type TitleLevel uint8

// TitleLevels: 1 初级, 2 中级, 3 副高级, 4 正高级.
var TitleLevels = []TitleLevel{1, 2, 3, 4}

// Key is the catalogue key of the grade (title.0 for none).
func (t TitleLevel) Key() string { return "title." + itoa(int(min(t, 5))) }

// JoinKind is how someone came into this union (会籍变化类型 入会 or 转入).
type JoinKind uint8

const (
	JoinNew      JoinKind = 0 // 入会: joined here
	JoinTransfer JoinKind = 1 // 转入: transferred in from another union
)

// Key is the catalogue key of the kind.
func (j JoinKind) Key() string {
	if j == JoinTransfer {
		return "join.transfer"
	}
	return "join.new"
}

// ChangeReason is the coded reason of a change of membership (会籍变化原因).
// 1–6 are the standard's; 7 and 9 are this program's for reasons it does
// not code (retirement, anything else with a note).
type ChangeReason uint8

const (
	ReasonEmployment ChangeReason = 1 // 劳动（工作）关系发生变化
	ReasonLaidOff    ChangeReason = 2 // 在本单位下岗后待岗
	ReasonJobless    ChangeReason = 3 // 失业
	ReasonBankrupt   ChangeReason = 4 // 所在企业破产
	ReasonOwnRequest ChangeReason = 5 // 个人要求退会
	ReasonCrime      ChangeReason = 6 // 因犯罪被开除会籍
	ReasonRetired    ChangeReason = 7 // 退休
	ReasonOther      ChangeReason = 9 // 其他 (the note says what)
)

// ChangeReasons in display order.
var ChangeReasons = []ChangeReason{ReasonEmployment, ReasonLaidOff, ReasonJobless, ReasonBankrupt,
	ReasonOwnRequest, ReasonCrime, ReasonRetired, ReasonOther}

// Key is the catalogue key of the reason (reason.0 for none).
func (r ChangeReason) Key() string { return "reason." + itoa(int(min(r, 10))) }

// ReasonsFor are the coded reasons that fit a change to status s. A
// laid-off member waiting for a post is offered for retained membership
// only to be told why not (see ValidateChange).
func ReasonsFor(s Status) []ChangeReason {
	switch s {
	case StatusRetained:
		return []ChangeReason{ReasonJobless, ReasonBankrupt, ReasonRetired, ReasonLaidOff, ReasonOther}
	case StatusTransferred:
		return []ChangeReason{ReasonEmployment, ReasonBankrupt, ReasonOther}
	case StatusLeft:
		return []ChangeReason{ReasonOwnRequest, ReasonEmployment, ReasonJobless, ReasonBankrupt, ReasonRetired, ReasonOther}
	case StatusExpelled:
		return []ChangeReason{ReasonCrime}
	}
	return nil
}

// ChangeType is the standard's 会籍变化类型 of a change (1 入会, 2 转入,
// 3 保留, 4 转出, 5 除名, 6 退会; 0 for a death, which it does not code).
func (c StatusChange) ChangeType() int {
	switch c.To {
	case StatusActive:
		if c.Joined == JoinTransfer {
			return 2
		}
		return 1
	case StatusRetained:
		return 3
	case StatusTransferred:
		return 4
	case StatusExpelled:
		return 5
	case StatusLeft:
		return 6
	}
	return 0
}

// ChangeTypeKey is the catalogue key of the standard's change type.
func (c StatusChange) ChangeTypeKey() string { return "change_type." + itoa(c.ChangeType()) }

// normalizeOrg cleans the member data items and lets the household
// registration decide the migrant-worker flag where it tells.
func (m *Member) normalizeOrg() {
	m.CardNo = Clean(m.CardNo)
	m.FromUnion = NormalizeUnitName(m.FromUnion)
	if mig, known := m.Hukou.Migrant(); known {
		m.Migrant = mig
	}
}

// validateOrg returns the problems of the member data items.
func (m *Member) validateOrg(today Date) Problems {
	var ps Problems
	if m.Employment != 0 && !slices.Contains(EmploymentStatuses, m.Employment) {
		ps.add("employment", "problem.not_in_list")
	}
	if m.Hukou != 0 && !slices.Contains(HukouTypes, m.Hukou) {
		ps.add("hukou", "problem.not_in_list")
	}
	if m.Skill != 0 && !slices.Contains(SkillLevels, m.Skill) {
		ps.add("skill", "problem.not_in_list")
	}
	if m.Title != 0 && !slices.Contains(TitleLevels, m.Title) {
		ps.add("title", "problem.not_in_list")
	}
	if m.JoinKind > JoinTransfer {
		ps.add("join_kind", "problem.not_in_list")
	}
	if m.JoinKind == JoinTransfer && m.FromUnion == "" {
		ps.add("from_union", "problem.required")
	}
	tooLong(&ps, "from_union", m.FromUnion, 60)
	if m.CardNo != "" && !validMemberNo(m.CardNo) {
		ps.add("card_no", "member.no_chars", 20)
	}
	if optionalDate(&ps, "card_issued", m.CardIssued, today) {
		if m.CardNo == "" {
			ps.add("card_no", "problem.required")
		}
		if m.CardIssued < m.JoinDate {
			ps.add("card_issued", "member.change_before_join", m.JoinDate.String())
		}
	}
	if optionalDate(&ps, "card_returned", m.CardReturned, today) {
		if m.CardIssued == 0 {
			ps.add("card_issued", "problem.required")
		} else if m.CardReturned < m.CardIssued {
			ps.add("card_returned", "member.card_returned_early")
		}
	}
	return ps
}

// validateChangeOrg checks a change's coded reason and what the reason
// asks for: a laid-off member waiting for a post stays a member (not
// retained); an expulsion only for a criminal sentence, with its ground
// and the date it was reported to the higher union (the charter,
// docs/rules.md); a transfer in names the union it came from; "other"
// has a note.
func (m *Member) validateChangeOrg(c StatusChange, today Date) Problems {
	var ps Problems
	if c.ReasonCode != 0 && !slices.Contains(ChangeReasons, c.ReasonCode) {
		ps.add("reason_code", "problem.not_in_list")
	}
	if c.ReasonCode != 0 && !slices.Contains(ReasonsFor(c.To), c.ReasonCode) {
		ps.add("reason_code", "member.reason_not_for", i18nKeyArg(c.ReasonCode.Key()), i18nKeyArg(c.To.Key()))
	}
	if c.To == StatusRetained && c.ReasonCode == ReasonLaidOff {
		ps.add("reason_code", "member.laid_off_stays")
	}
	if c.ReasonCode == ReasonOther && Clean(c.Reason) == "" {
		ps.add("reason", "problem.required")
	}
	if c.To == StatusExpelled {
		if Clean(c.Ground) == "" {
			ps.add("ground", "member.ground_required")
		}
		if c.ReportedOn == 0 {
			ps.add("reported_on", "member.report_required")
		} else if optionalDate(&ps, "reported_on", c.ReportedOn, today) && c.Date != 0 && c.ReportedOn < c.Date {
			ps.add("reported_on", "member.report_before_change")
		}
	}
	tooLong(&ps, "ground", c.Ground, 100)
	if c.To == StatusActive && c.Joined == JoinTransfer && Clean(c.FromUnion) == "" {
		ps.add("from_union", "problem.required")
	}
	if c.Joined > JoinTransfer {
		ps.add("join_kind", "problem.not_in_list")
	}
	if optionalDate(&ps, "card_returned", c.CardReturned, today) && m.CardIssued != 0 && c.CardReturned < m.CardIssued {
		ps.add("card_returned", "member.card_returned_early")
	}
	return ps
}

// reasonGiven reports whether a change states its reason: a code, or a
// written reason.
func (c StatusChange) reasonGiven() bool { return c.ReasonCode != 0 || Clean(c.Reason) != "" }

// ReasonText is the change's reason as the user reads it: the coded
// reason and the note.
func (c StatusChange) ReasonText(l i18n.Lang) string {
	switch {
	case c.ReasonCode != 0 && c.Reason != "":
		return l.T("member.reason_with_note", l.T(c.ReasonCode.Key()), c.Reason)
	case c.ReasonCode != 0:
		return l.T(c.ReasonCode.Key())
	}
	return c.Reason
}

// memberOrgChanges lists the member data items that differ, for the audit log.
func memberOrgChanges(old, new *Member) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	diff("employment", old.Employment.Key(), new.Employment.Key())
	diff("hukou", old.Hukou.Key(), new.Hukou.Key())
	diff("skill", old.Skill.Key(), new.Skill.Key())
	diff("title", old.Title.Key(), new.Title.Key())
	diff("card_no", old.CardNo, new.CardNo)
	diff("card_issued", old.CardIssued.String(), new.CardIssued.String())
	diff("card_returned", old.CardReturned.String(), new.CardReturned.String())
	diff("join_kind", old.JoinKind.Key(), new.JoinKind.Key())
	diff("from_union", old.FromUnion, new.FromUnion)
	return cs
}

// ChangeFields are the audit log's lines of a status change's own data
// (beyond the status itself).
func (c StatusChange) ChangeFields() []FieldChange {
	cs := []FieldChange{{Field: "change_date", New: c.Date.String()}}
	add := func(field, v string) {
		if v != "" {
			cs = append(cs, FieldChange{Field: field, New: v})
		}
	}
	if c.ReasonCode != 0 {
		add("reason_code", c.ReasonCode.Key())
	}
	add("reason", c.Reason)
	add("to_union", c.ToUnion)
	add("from_union", c.FromUnion)
	add("ground", c.Ground)
	add("reported_on", c.ReportedOn.String())
	add("card_returned", c.CardReturned.String())
	return cs
}
