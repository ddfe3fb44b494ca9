package model

import (
	"slices"
	"strconv"
	"strings"
)

// The fields the corrected hardship rules add to a file (docs/rules.md):
// what excludes a household, the worker's 劳模类别, 身份 and 户口类型, the
// industry, and the public notice before filing.

// HardshipExclusion is a circumstance that local rules say rules a
// household out of hardship filing, whatever its income (DOMAIN.md's
// summary of 邢台, 平顶山, 宜兴 and 南通; no public copy was found:
// docs/rules.md).
type HardshipExclusion uint8

const (
	ExcludeSecondHome    HardshipExclusion = 1 // 拥有第二套（及以上）住房
	ExcludeVehicle       HardshipExclusion = 2 // 拥有机动车（残疾人代步车除外）
	ExcludeShareholding  HardshipExclusion = 3 // 控股或经营企业
	ExcludePrivateSchool HardshipExclusion = 4 // 子女就读高收费私立学校
	ExcludeStudyAbroad   HardshipExclusion = 5 // 子女自费出国留学
	ExcludeRefusedCheck  HardshipExclusion = 6 // 拒不配合家庭经济状况核查
)

// HardshipExclusions in display order.
var HardshipExclusions = []HardshipExclusion{ExcludeSecondHome, ExcludeVehicle, ExcludeShareholding,
	ExcludePrivateSchool, ExcludeStudyAbroad, ExcludeRefusedCheck}

// Key is the catalogue key of the exclusion.
func (x HardshipExclusion) Key() string { return "hardship.excl_" + strconv.Itoa(int(min(x, 7))) }

// WorkerIdentity is the worker's 身份 on the hardship file.
type WorkerIdentity uint8

const (
	IdentityOnPost  WorkerIdentity = 1 // 在岗
	IdentityLaidOff WorkerIdentity = 2 // 下（待）岗
	IdentityJobless WorkerIdentity = 3 // 失（无）业
	IdentityRetired WorkerIdentity = 4 // 退休
	IdentitySick    WorkerIdentity = 5 // 病休
	IdentityEarly   WorkerIdentity = 6 // 内退
	IdentityMigrant WorkerIdentity = 7 // 农民工
)

// WorkerIdentities in display order.
var WorkerIdentities = []WorkerIdentity{IdentityOnPost, IdentityLaidOff, IdentityJobless, IdentityRetired,
	IdentitySick, IdentityEarly, IdentityMigrant}

// Key is the catalogue key of the identity (hardship.identity_0 when not given).
func (i WorkerIdentity) Key() string { return "hardship.identity_" + strconv.Itoa(int(min(i, 8))) }

// ModelWorkerInHardship reports a 困难劳模: a model worker's household filed.
func (f *HardshipFile) ModelWorkerInHardship() bool { return f.ModelWorker != ModelNone }

// validateOrg checks the added fields: known values, no exclusion twice,
// notice dates possible and in order.
func (f *HardshipFile) validateOrg(today Date) Problems {
	var ps Problems
	seen := map[HardshipExclusion]bool{}
	for _, x := range f.Exclusions {
		switch {
		case !slices.Contains(HardshipExclusions, x):
			ps.add("hs_exclusions", "problem.not_in_list")
		case seen[x]:
			ps.add("hs_exclusions", "hardship.excl_twice")
		}
		seen[x] = true
	}
	if !slices.Contains(ModelWorkerLevels, f.ModelWorker) {
		ps.add("hs_model_worker", "problem.not_in_list")
	}
	if f.Identity != 0 && !slices.Contains(WorkerIdentities, f.Identity) {
		ps.add("hs_identity", "problem.not_in_list")
	}
	if f.Hukou != 0 && !slices.Contains(HukouTypes, f.Hukou) {
		ps.add("hukou", "problem.not_in_list")
	}
	tooLong(&ps, "industry", f.Industry, 30)
	from := optionalDate(&ps, "hs_filing_notice_from", f.FilingNoticeFrom, today)
	to := optionalDate(&ps, "hs_filing_notice_to", f.FilingNoticeTo, today)
	switch {
	case (f.FilingNoticeFrom == 0) != (f.FilingNoticeTo == 0):
		if f.FilingNoticeFrom == 0 {
			ps.add("hs_filing_notice_from", "problem.required")
		} else {
			ps.add("hs_filing_notice_to", "problem.required")
		}
	case from && to && f.FilingNoticeTo < f.FilingNoticeFrom:
		ps.add("hs_filing_notice_to", "hardship.notice_order")
	}
	return ps
}

// ValidateFilingNotice checks the length of the file's public notice
// against the rules (at least NoticeWorkdays working days) once both dates
// are given, and that it does not start before the application.
func ValidateFilingNotice(f *HardshipFile, r HardshipRules) Problems {
	var ps Problems
	if f.FilingNoticeFrom == 0 || f.FilingNoticeTo == 0 || f.FilingNoticeTo < f.FilingNoticeFrom {
		return nil
	}
	if n := Workdays(f.FilingNoticeFrom, f.FilingNoticeTo); n < r.NoticeWorkdays {
		ps.add("hs_filing_notice_to", "hardship.notice_short", r.NoticeWorkdays, n)
	}
	if f.AppliedDate != 0 && f.FilingNoticeFrom < f.AppliedDate {
		ps.add("hs_filing_notice_from", "hardship.before_applied", f.AppliedDate.String())
	}
	return ps
}

// HardshipOrgChanges lists the added fields that differ, for the audit log.
func HardshipOrgChanges(old, new *HardshipFile) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	excl := func(f *HardshipFile) string {
		parts := make([]string, len(f.Exclusions))
		for i, x := range f.Exclusions {
			parts[i] = strconv.Itoa(int(x))
		}
		return strings.Join(parts, ",")
	}
	diff("hs_exclusions", excl(old), excl(new))
	diff("hs_model_worker", strconv.Itoa(int(old.ModelWorker)), strconv.Itoa(int(new.ModelWorker)))
	diff("hs_identity", strconv.Itoa(int(old.Identity)), strconv.Itoa(int(new.Identity)))
	diff("hukou", strconv.Itoa(int(old.Hukou)), strconv.Itoa(int(new.Hukou)))
	diff("industry", old.Industry, new.Industry)
	diff("hs_filing_notice_from", old.FilingNoticeFrom.String(), new.FilingNoticeFrom.String())
	diff("hs_filing_notice_to", old.FilingNoticeTo.String(), new.FilingNoticeTo.String())
	return cs
}
