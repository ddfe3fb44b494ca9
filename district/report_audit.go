package district

import (
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/workbook"
)

// 操作日志: every audit entry of the period, oldest first (issue 8: the
// audit log goes with the district package as its own sheet).

func writeAudit(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	t, err := b.Table(rc.T("export.s_audit"), rc.T("export.r_audit"), []workbook.Column{
		{Header: rc.T("export.c_audit_id"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_time"), Width: 18, ColKind: workbook.KText},
		{Header: rc.T("export.c_operator"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_action"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_entity"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_entity_id"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_label"), Width: 24, ColKind: workbook.KText},
		{Header: rc.T("export.c_changes"), Width: 70, ColKind: workbook.KText},
	})
	if err != nil {
		return nil, err
	}
	n := 0
	f := storage.AuditFilter{From: rc.Period.First(), To: rc.Period.Last()}
	err = rc.Store.ForEachAudit(f, func(e model.AuditEntry) error {
		n++
		var parts []string
		for _, c := range e.Changes {
			field := c.Field
			if k := "field." + c.Field; rc.Lang.Has(k) {
				field = rc.T(k)
			}
			switch {
			case c.Old != "" && c.New != "":
				parts = append(parts, field+": "+c.Old+" → "+c.New)
			case c.New != "":
				parts = append(parts, field+": "+c.New)
			default:
				parts = append(parts, field+": "+c.Old+" → ∅")
			}
		}
		action := string(e.Action)
		if k := "export.action_" + action; rc.Lang.Has(k) {
			action = rc.T(k)
		}
		entity := string(e.Entity)
		if k := e.Entity.Key(); rc.Lang.Has(k) {
			entity = rc.T(k)
		}
		id := ""
		if e.EntityID != 0 {
			id = strconv.FormatUint(e.EntityID, 10)
		}
		return t.Row(strconv.FormatUint(e.ID, 10), e.At.Local().Format("2006-01-02 15:04:05"), e.Operator, action, entity, id, e.Label, strings.Join(parts, "; "))
	})
	if err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{{Key: "audit_entries", Label: "export.f_audit_entries", Kind: workbook.KInt, Value: int64(n)}}, nil
}
