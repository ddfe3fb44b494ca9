package model

import (
	"slices"
	"strconv"
	"strings"

	"unionbook/i18n"
)

// How an audit entry reads, in the user's language: the action, the record
// kind, each field's name and each value. The store writes a change's
// values as text (FieldChange), in the form each writer chose: catalogue
// keys for most enumerations, but also codes ("applied", "sports"),
// numbers (a fund source, a unit's id), yes/no, plain money ("3085.00")
// and, in files written by earlier versions, Chinese words (a hardship
// category). AuditValue knows each field's form, so neither the log on
// screen nor the exported audit sheet shows a raw value.

// AuditNames lets a summary name what a change refers to by number. Each
// lookup may be nil (the number is shown); Chart nil means the standard
// chart of accounts.
type AuditNames struct {
	Unit   func(id uint64) (string, bool)
	Member func(id uint64) (string, bool)
	Chart  []Account
}

// Text is the action in language l ("修改", "changed").
func (a AuditAction) Text(l i18n.Lang) string {
	if l.Has(a.Key()) {
		return l.T(a.Key())
	}
	return string(a)
}

// Text is the record kind in language l ("会员", "member").
func (e Entity) Text(l i18n.Lang) string {
	if l.Has(e.Key()) {
		return l.T(e.Key())
	}
	return string(e)
}

// AuditFieldName is a logged field's name in language l: the form's label
// ("field.<name>"), or the log's own word for a field no form has.
func AuditFieldName(l i18n.Lang, field string) string {
	if k := "audit.field_" + field; l.Has(k) {
		return l.T(k)
	}
	if k := "field." + field; l.Has(k) {
		return l.T(k)
	}
	return field
}

// valueForm is how a field's value is written to the log.
type valueForm uint8

const (
	asText           valueForm = iota // as typed; a catalogue key or yes/no is translated
	asMoney                           // Money.String()
	asUnit                            // a unit's id
	asMember                          // a member's id
	asMembers                         // "3 (+12 -7)": a count, with who joined and left
	asAccount                         // an account code
	asSource                          // "dues 12": where a cash-book entry came from
	asFile                            // a hardship file's number
	asHardshipStatus                  // applied, active, lifted, closed
	asCategory                        // 深度困难 … or a catalogue key
	asCauses                          // "3,9": cause numbers
	asMarital                         // a number
	asAidType                         // 送温暖 … or a catalogue key
	asFund                            // a number
	asEventType                       // sports, training …
	asWageBase                        // "2026-01 3085.00": from a month, the base
	asCode                            // an enumeration's code ("visit", "wages"): codeKeys
	asConsolCaps                      // "festival:1200.00 birthday:300.00 "
	asUnitShares                      // "3:60.00% ": a unit's id and its share
	asSignatures                      // "{chair finance reviewer preparer}" (fmt of SignatureLine)
	asCommittees                      // "women 2025-06-20 李宏坤 4; audit 2025-06-20  " (code, formed, chair, members)
	asCaseStep                        // "2. 2026-12-06 mediate 李秘书" (StepChange: number, date, kind, who)
)

// auditFields are the fields whose values need more than asText.
var auditFields = map[string]valueForm{
	"amount": asMoney, "expected": asMoney, "min_living": asMoney, "trunc_unit": asMoney,
	"hs_income": asMoney, "hs_spending": asMoney, "aid_cash": asMoney, "aid_goods_value": asMoney,
	"ev_cost": asMoney, "hs_cap_school_compulsory": asMoney, "hs_cap_school_senior": asMoney,
	"hs_cap_school_university": asMoney, "hs_cap_medical": asMoney, "hs_cap_warmth": asMoney,
	"closing_cash": asMoney, "closing_bank": asMoney, "payroll": asMoney, "paid": asMoney, "received": asMoney,
	"funds_due": asMoney, "consol_amount": asMoney,
	"unit": asUnit, "ev_unit": asUnit,
	"member":     asMember,
	"ev_members": asMembers,
	"account":    asAccount, "ev_account": asAccount,
	"source":      asSource,
	"hs_file":     asFile,
	"hs_status":   asHardshipStatus,
	"hs_category": asCategory,
	"hs_causes":   asCauses,
	"hs_marital":  asMarital,
	"aid_type":    asAidType,
	"aid_fund":    asFund,
	"ev_type":     asEventType,
	"wage_base":   asWageBase,
	"cs_unit":     asUnit, "rk_unit": asUnit,
	"cs_steps":   asCaseStep,
	"cs_channel": asCode, "cs_type": asCode, "cs_outcome": asCode, "rk_level": asCode, "rk_area": asCode,
	"consol_kind": asCode, "records": asCode,
	"consol_cap":  asConsolCaps,
	"funds_share": asUnitShares,
	"signatures":  asSignatures,
	"committees":  asCommittees,
}

// codeKeys is the catalogue key of a code, for the fields of asCode.
var codeKeys = map[string]func(code string) (string, bool){
	"cs_channel":  codeKey("cases.channel.", caseChannelCodes),
	"cs_type":     codeKey("cases.type.", caseTypeCodes),
	"rk_area":     codeKey("cases.type.", caseTypeCodes),
	"cs_outcome":  codeKey("cases.outcome.", caseOutcomeCodes),
	"rk_level":    codeKey("cases.risk.", riskLevelCodes),
	"consol_kind": consolKindKey,
	"records":     codeKey("audit.records_", exportScopeCodes),
}

// exportScopeCodes are the codes of a district package's records in the
// audit entry of its export (storage.RecordExport); codeKey passes over
// the first.
var exportScopeCodes = []string{"", "period", "whole"}

// codeKey finds a code among codes and makes its key.
func codeKey(prefix string, codes []string) func(string) (string, bool) {
	return func(code string) (string, bool) {
		for _, c := range codes[1:] {
			if c == code {
				return prefix + c, true
			}
		}
		return "", false
	}
}

func consolKindKey(code string) (string, bool) {
	k, ok := ParseConsolKind(code)
	return k.Key(), ok
}

// Words of earlier logs for what now has a catalogue key.
var (
	hardshipStatusCodes = map[string]HardshipStatus{"applied": HardshipApplied, "active": HardshipActive,
		"lifted": HardshipLifted, "closed": HardshipClosed}
	categoryWords = map[string]HardshipCategory{"深度困难": CategoryDeep, "相对困难": CategoryRelative, "意外致困": CategorySudden}
	aidTypeWords  = map[string]AidType{"送温暖": AidWarmth, "生活救助": AidLiving, "医疗救助": AidMedical,
		"金秋助学": AidSchool, "就业帮扶": AidEmployment, "其他帮扶": AidOther}
	// sourceKinds are the record kinds a cash-book entry's source names.
	sourceKinds = map[string]Entity{"dues": EntityPayment, "dues_batch": EntityBatch, "aid": EntityAid, "event": EntityEvent,
		"consolation": EntityConsolation, "funds": EntityFundsPay}
)

// AuditValue is a logged value of field in language l: "-" for none,
// enumerations in words, money with separators, units, members and
// accounts by name.
func AuditValue(l i18n.Lang, field, v string, names *AuditNames) string {
	if v == "" {
		return "-"
	}
	if names == nil {
		names = &AuditNames{}
	}
	switch auditFields[field] {
	case asMoney:
		if m, err := ParseMoney(v); err == nil {
			return m.Display()
		}
	case asUnit:
		return lookup(names.Unit, v)
	case asMember:
		return lookup(names.Member, v)
	case asMembers:
		return membersText(v, names)
	case asAccount:
		return accountText(l, v, names.Chart)
	case asSource:
		kind, id, ok := strings.Cut(v, " ")
		if e, known := sourceKinds[kind]; ok && known {
			return e.Text(l) + " #" + id
		}
	case asFile:
		if _, err := strconv.ParseUint(v, 10, 64); err == nil {
			return "#" + v
		}
	case asHardshipStatus:
		if s, ok := hardshipStatusCodes[v]; ok {
			return l.T(s.Key())
		}
	case asCategory:
		if c, ok := categoryWords[v]; ok {
			return l.T(c.Key())
		}
	case asCauses:
		return numbered(l, v, func(n int) string { return HardshipCause(n).Key() })
	case asMarital:
		return numbered(l, v, func(n int) string { return Marital(n).Key() })
	case asFund:
		return numbered(l, v, func(n int) string { return FundSource(n).Key() })
	case asAidType:
		if t, ok := aidTypeWords[v]; ok {
			return l.T(t.Key())
		}
	case asEventType:
		for _, t := range EventTypes {
			if t.Code() == v {
				return l.T(t.Key())
			}
		}
	case asCode:
		if key, ok := codeKeys[field](v); ok && l.Has(key) {
			return l.T(key)
		}
	case asConsolCaps:
		return pairsText(l, v, func(code, cap string) (string, bool) {
			k, ok := consolKindKey(code)
			m, err := ParseMoney(cap)
			return l.T(k) + " " + m.Display(), ok && err == nil
		})
	case asUnitShares:
		return pairsText(l, v, func(unit, share string) (string, bool) {
			return lookup(names.Unit, unit) + " " + share, true
		})
	case asSignatures:
		if inner, ok := strings.CutPrefix(v, "{"); ok && strings.HasSuffix(inner, "}") {
			inner = strings.TrimSuffix(inner, "}")
			if strings.TrimSpace(inner) == "" {
				return "-"
			}
			words := strings.Split(inner, " ")
			for i, w := range words {
				if w == "" {
					words[i] = "-"
				}
			}
			return strings.Join(words, l.T("audit.list_sep"))
		}
	case asCommittees:
		var out []string
		for _, c := range strings.Split(v, "; ") {
			f := strings.Fields(c)
			if len(f) == 0 {
				continue
			}
			k := slices.IndexFunc(CommitteeKinds, func(k CommitteeKind) bool { return k.Code() == f[0] })
			if k < 0 {
				return v
			}
			out = append(out, strings.Join(append([]string{l.T(CommitteeKinds[k].Key())}, f[1:]...), " "))
		}
		if len(out) == 0 {
			return "-"
		}
		return strings.Join(out, l.T("audit.list_sep"))
	case asCaseStep:
		if f := strings.SplitN(v, " ", 4); len(f) >= 3 {
			if key, ok := codeKey("cases.step.", stepKindCodes)(f[2]); ok {
				f[2] = l.T(key)
				return strings.Join(f, " ")
			}
		}
	case asWageBase:
		month, base, ok := strings.Cut(v, " ")
		if m, err := ParseMoney(base); ok && err == nil {
			return l.T("audit.wage_base", m.Display(), month)
		}
	}
	switch {
	case v == "yes":
		return l.T("audit.yes")
	case v == "no":
		return l.T("audit.no")
	case strings.Contains(v, ".") && l.Has(v):
		return l.T(v)
	}
	return v
}

// pairsText reads "a:b c:d " and says each pair with say; anything it
// cannot read is shown as it is.
func pairsText(l i18n.Lang, v string, say func(a, b string) (string, bool)) string {
	var out []string
	for _, p := range strings.Fields(v) {
		a, b, ok := strings.Cut(p, ":")
		if !ok {
			return v
		}
		text, ok := say(a, b)
		if !ok {
			return v
		}
		out = append(out, text)
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, l.T("audit.list_sep"))
}

// lookup names the record of id v, or shows its number.
func lookup(find func(uint64) (string, bool), v string) string {
	id, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return v
	}
	if find != nil {
		if name, ok := find(id); ok && name != "" {
			return name
		}
	}
	return "#" + v
}

// numbered reads "3" or "3,9" as enumeration numbers and says each in
// words; anything else is shown as it is.
func numbered(l i18n.Lang, v string, key func(int) string) string {
	parts := strings.Split(v, ",")
	words := make([]string, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return v
		}
		words[i] = l.T(key(n))
	}
	return strings.Join(words, l.T("audit.list_sep"))
}

// membersText reads an event's "3 (+12 +14 -7)" and names the members.
func membersText(v string, names *AuditNames) string {
	count, rest, ok := strings.Cut(v, " (")
	if !ok || !strings.HasSuffix(rest, ")") {
		return v
	}
	ids := strings.Fields(strings.TrimSuffix(rest, ")"))
	for i, s := range ids {
		if len(s) < 2 || (s[0] != '+' && s[0] != '-') {
			return v
		}
		ids[i] = s[:1] + lookup(names.Member, s[1:])
	}
	return count + " (" + strings.Join(ids, " ") + ")"
}

// accountText is "50102 文体活动" for an account code.
func accountText(l i18n.Lang, code string, chart []Account) string {
	if chart == nil {
		chart = chart2021
	}
	if a, ok := FindAccount(chart, code); ok {
		return a.Label(l == i18n.EN)
	}
	return code
}

// DescribeChange is one field change as the user reads it: "字段: 旧 -> 新".
// A field of a created record, or a fact a status change, reversal or
// export adds, shows its new value only; a deleted record's field its old.
func DescribeChange(l i18n.Lang, action AuditAction, fc FieldChange, names *AuditNames) string {
	name := AuditFieldName(l, fc.Field)
	switch {
	case action == ActionCreate, fc.Old == "" && action != ActionUpdate:
		return name + ": " + AuditValue(l, fc.Field, fc.New, names)
	case action == ActionDelete:
		return name + ": " + AuditValue(l, fc.Field, fc.Old, names)
	}
	return name + ": " + AuditValue(l, fc.Field, fc.Old, names) + " -> " + AuditValue(l, fc.Field, fc.New, names)
}

// DescribeChanges is every change of e, in the order written.
func DescribeChanges(l i18n.Lang, e *AuditEntry, names *AuditNames) []string {
	out := make([]string, len(e.Changes))
	for i, fc := range e.Changes {
		out[i] = DescribeChange(l, e.Action, fc, names)
	}
	return out
}

// AuditSummary is the changes of e on one line, joined as the language joins
// a list of clauses.
func AuditSummary(l i18n.Lang, e *AuditEntry, names *AuditNames) string {
	return strings.Join(DescribeChanges(l, e, names), l.T("audit.sep"))
}
