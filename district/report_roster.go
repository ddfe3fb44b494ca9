package district

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 会员名册: every member who had joined by the period's end, with the
// membership status on that day.

func writeRoster(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	cols := []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: rc.T("export.c_member_no"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_name"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_gender"), Width: 6, ColKind: workbook.KText},
		{Header: rc.T("export.c_ethnicity"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_birth"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_doc_type"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_id_number"), Width: 21, ColKind: workbook.KText},
		{Header: rc.T("export.c_phone"), Width: 13, ColKind: workbook.KText},
		{Header: rc.T("export.c_unit"), Width: 28, ColKind: workbook.KText},
		{Header: rc.T("export.c_job"), Width: 12, ColKind: workbook.KText},
		{Header: rc.T("export.c_education"), Width: 9, ColKind: workbook.KText},
		{Header: rc.T("export.c_political"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_migrant"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_join_date"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_status"), Width: 9, ColKind: workbook.KText},
		{Header: rc.T("export.c_status_date"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_honours"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_notes"), Width: 20, ColKind: workbook.KText},
	}
	t, err := b.Table(rc.T("export.s_roster"), rc.T("export.r_roster"), cols)
	if err != nil {
		return nil, err
	}
	last := rc.Period.Last()
	var n, inUnion, women, migrant, joined, left int
	for i := range rc.Members {
		m := &rc.Members[i]
		if m.JoinDate == 0 || m.JoinDate > last {
			continue
		}
		st := m.StatusOn(last)
		var changed model.Date
		for _, c := range m.History {
			if c.Date <= last {
				changed = c.Date
			}
			if c.Date >= rc.Period.First() && c.Date <= last && !c.To.InUnion() && c.From.InUnion() {
				left++
			}
		}
		if m.JoinDate >= rc.Period.First() {
			joined++
		}
		n++
		if st.InUnion() {
			inUnion++
			if m.Gender == model.Female {
				women++
			}
			if m.Migrant {
				migrant++
			}
		}
		err := t.Row(n, m.No, m.Name, rc.T(m.Gender.Key()), m.Ethnicity, m.Birth.String(), rc.T(m.DocType.Key()),
			m.IDNumber, m.Phone, rc.UnitName(m.UnitID), m.Job, m.Education, m.Political, yesBlank(rc, m.Migrant),
			m.JoinDate.String(), rc.T(st.Key()), changed.String(), m.Honours, m.Notes)
		if err != nil {
			return nil, err
		}
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{
		{Key: "members_listed", Label: "export.f_members_listed", Kind: workbook.KInt, Value: int64(n)},
		{Key: "members_in_union", Label: "export.f_members_in_union", Kind: workbook.KInt, Value: int64(inUnion)},
		{Key: "women_members", Label: "export.f_women_members", Kind: workbook.KInt, Value: int64(women)},
		{Key: "migrant_members", Label: "export.f_migrant_members", Kind: workbook.KInt, Value: int64(migrant)},
		{Key: "joined", Label: "export.f_joined", Kind: workbook.KInt, Value: int64(joined)},
		{Key: "left", Label: "export.f_left", Kind: workbook.KInt, Value: int64(left)},
	}, nil
}

// yesBlank is 是 for true and nothing for false, as rosters mark flags.
func yesBlank(rc *ReportContext, v bool) string {
	if v {
		return rc.T("export.yes")
	}
	return ""
}
