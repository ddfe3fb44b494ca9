package district

import (
	"strconv"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/workbook"
)

// 操作日志: every audit entry of the period, oldest first (issue 8: the
// audit log goes with the district package as its own sheet). Each entry
// reads as the audit log on screen does (model.AuditSummary): actions,
// record kinds, field names and values in the package's language, units,
// members and accounts by name.

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
	names := rc.auditNames()
	n := 0
	f := storage.AuditFilter{From: rc.Period.First(), To: rc.Period.Last()}
	err = rc.Store.ForEachAudit(f, func(e model.AuditEntry) error {
		n++
		id := ""
		if e.EntityID != 0 {
			id = strconv.FormatUint(e.EntityID, 10)
		}
		return t.Row(strconv.FormatUint(e.ID, 10), e.At.Local().Format("2006-01-02 15:04:05"), e.Operator,
			e.Action.Text(rc.Lang), e.Entity.Text(rc.Lang), id, e.Label, model.AuditSummary(rc.Lang, &e, names))
	})
	if err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{{Key: "audit_entries", Label: "export.f_audit_entries", Kind: workbook.KInt, Value: int64(n)}}, nil
}

// auditNames names the units, members and accounts audit entries refer to
// by number, from what the report already holds.
func (rc *ReportContext) auditNames() *model.AuditNames {
	members := make(map[uint64]string, len(rc.Members))
	for i := range rc.Members {
		members[rc.Members[i].ID] = rc.Members[i].Name
	}
	n := &model.AuditNames{
		Unit: func(id uint64) (string, bool) {
			if u := rc.Unit(id); u != nil {
				return u.Name, true
			}
			return "", false
		},
		Member: func(id uint64) (string, bool) { name, ok := members[id]; return name, ok },
	}
	if chart, err := rc.Store.Chart(); err == nil {
		n.Chart = chart
	}
	return n
}
