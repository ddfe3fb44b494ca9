package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

// Every form a value takes in the log, old and new, reads as words.
func TestAuditValueReadsEveryForm(t *testing.T) {
	names := &AuditNames{
		Unit: func(id uint64) (string, bool) { return map[uint64]string{4: "宏达工会"}[id], id == 4 },
		Member: func(id uint64) (string, bool) {
			return map[uint64]string{7: "张三", 9: "李四"}[id], id == 7 || id == 9
		},
	}
	for _, c := range []struct{ field, v, zh, en string }{
		{"amount", "3450.50", "3,450.50", "3,450.50"},
		{"amount", "", "-", "-"},
		{"migrant", "yes", "是", "yes"},
		{"owe_join_month", "no", "否", "no"},
		{"gender", "gender.female", "女", "female"},
		{"unit", "4", "宏达工会", "宏达工会"},
		{"unit", "5", "#5", "#5"}, // a unit removed since
		{"member", "7", "张三", "张三"},
		{"ev_members", "3 (+7 -9 +11)", "3 (+张三 -李四 +#11)", "3 (+张三 -李四 +#11)"},
		{"account", "50102", "50102 文体活动支出", "50102 Culture and sports"},
		{"account", "50190", "50190", "50190"}, // not in the chart given
		{"source", "dues 12", "会费缴纳 #12", "dues payment #12"},
		{"source", "dues_batch 3", "会费批量收缴 #3", "dues batch #3"},
		{"hs_file", "2", "#2", "#2"},
		{"hs_status", "lifted", "已脱困", "lifted out"},
		{"hs_category", "相对困难", "相对困难", "relative hardship"},
		{"hs_category", "hardship.cat_deep", "深度困难", "deep hardship"},
		{"hs_causes", "3,9", "下岗失业、子女上学", "laid off, children at school"},
		{"hs_marital", "2", "已婚", "married"},
		{"aid_type", "金秋助学", "金秋助学", "school aid"},
		{"aid_fund", "2", "上级补助", "higher union"},
		{"ev_type", "sports", "文体活动", "Sports & culture"},
		{"wage_base", "2026-01 3085.00", "3,085.00（2026-01 起）", "3,085.00 from 2026-01"},
		{"cs_channel", "visit", "来访", "Visit"},
		{"cs_type", "wages", "欠薪", "Unpaid wages"},
		{"rk_area", "wages", "欠薪", "Unpaid wages"},
		{"cs_outcome", "mediated", "调解成功", "Mediated"},
		{"rk_level", "medium", "中", "Medium"},
		{"cs_unit", "4", "宏达工会", "宏达工会"},
		{"consol_kind", "birthday", "生日慰问", "birthday"},
		{"records", "period", "本期记录", "the period's records"},
		{"records", "whole", "全部记录", "every record"},
		{"records", "", "-", "-"},
		{"consol_cap", "festival:1200.00 birthday:300.00 ", "节日慰问 1,200.00、生日慰问 300.00", "festival 1,200.00, birthday 300.00"},
		{"consol_cap", " ", "-", "-"},
		{"funds_share", "4:60.00% ", "宏达工会 60.00%", "宏达工会 60.00%"},
		{"signatures", "{陈建国 林秀英  黄建国}", "陈建国、林秀英、-、黄建国", "陈建国, 林秀英, -, 黄建国"},
		{"signatures", "{   }", "-", "-"},
		{"committees", "women 2025-06-20 李宏坤 4; audit 2025-06-20  ", "女职工委员会 2025-06-20 李宏坤 4、经费审查委员会 2025-06-20", "women workers' committee 2025-06-20 李宏坤 4, funds audit committee 2025-06-20"},
		{"cs_channel", "pigeon", "pigeon", "pigeon"}, // a code this version does not know
		{"memo", "会费 2026-01", "会费 2026-01", "会费 2026-01"},
		{"notes", "see v1.2", "see v1.2", "see v1.2"}, // a dot in typed text is not a key
	} {
		if got := AuditValue(i18n.ZH, c.field, c.v, names); got != c.zh {
			t.Errorf("zh %s=%q: %q, want %q", c.field, c.v, got, c.zh)
		}
		if got := AuditValue(i18n.EN, c.field, c.v, names); got != c.en {
			t.Errorf("en %s=%q: %q, want %q", c.field, c.v, got, c.en)
		}
	}
}

func TestDescribeChangeByAction(t *testing.T) {
	fc := FieldChange{Field: "amount", New: "12.00"}
	for _, c := range []struct {
		action AuditAction
		fc     FieldChange
		want   string
	}{
		{ActionCreate, fc, "金额: 12.00"},
		{ActionReverse, FieldChange{Field: "amount", New: "-12.00"}, "金额: -12.00"},
		{ActionExport, FieldChange{Field: "sha256", New: "ab12"}, "校验码: ab12"},
		{ActionUpdate, fc, "金额: - -> 12.00"},
		{ActionUpdate, FieldChange{Field: "migrant", Old: "no", New: "yes"}, "农民工: 否 -> 是"},
		{ActionStatus, FieldChange{Field: "hs_status", Old: "applied", New: "active"}, "档案状态: 申请 -> 在档"},
		{ActionDelete, FieldChange{Field: "migrant", Old: "yes"}, "农民工: 是"},
	} {
		if got := DescribeChange(i18n.ZH, c.action, c.fc, nil); got != c.want {
			t.Errorf("%s %+v: %q, want %q", c.action, c.fc, got, c.want)
		}
	}
	e := &AuditEntry{Action: ActionExport, Changes: []FieldChange{{Field: "period", New: "2026"}, {Field: "file", New: "x.zip"}}}
	if got := AuditSummary(i18n.EN, e, nil); got != "Period: 2026; File: x.zip" {
		t.Errorf("summary %q", got)
	}
	if ActionExport.Text(i18n.ZH) != "导出" || EntityExport.Text(i18n.EN) != "district package" || !strings.Contains(ActionStatus.Text(i18n.ZH), "状态") {
		t.Error("action and entity words")
	}
}
