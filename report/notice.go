package report

import (
	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// Notice is a unit's arrears notice (催缴通知单): its members with months
// still owing, as of a month.
type Notice struct {
	Union    string // this federation
	Unit     string
	AsOf     model.Month // the last month overdue
	Date     model.Date  // when the notice is issued
	Deadline model.Date  // pay by (0: none named)
	Operator string
	Lines    []NoticeLine
}

// NoticeLine is one member on a notice.
type NoticeLine struct {
	No, Name  string
	Months    string // "2026-01~2026-03, 2026-05"
	Count     int
	Amount    model.Money
	Underpaid int // of the months, paid in part
}

// Total is what the notice's members owe.
func (n *Notice) Total() model.Money {
	var t model.Money
	for _, l := range n.Lines {
		t += l.Amount
	}
	return t
}

// WriteNotice writes the notice to path: a title, the letter to the unit,
// the table of members, months and amounts with a 合计 row, and room to
// sign and stamp for both sides, on A4 portrait.
func WriteNotice(path string, l i18n.Lang, n *Notice) error {
	b, err := newDocBook(l)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			b.f.Close()
		}
	}()
	s, err := b.addSheet(l.T("notice.sheet"), []float64{6, 11, 10, 30, 7, 12, 14})
	if err != nil {
		return err
	}
	if err = s.notice(l, n); err != nil {
		return err
	}
	if err = s.done(); err != nil {
		return err
	}
	// the table's header on every printed page
	if err = b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + s.name + "'!$5:$5", Scope: s.name}); err != nil {
		return err
	}
	return b.save(path)
}

func (s *docSheet) notice(l i18n.Lang, n *Notice) error {
	st := &s.st
	const cols = 7
	line := func(height float64, style int, text string) error {
		if err := s.put(height, docCell(style, text)); err != nil {
			return err
		}
		return s.merge(1, cols)
	}
	total := n.Total()
	if err := line(34, st.title, n.Union+"  "+l.T("notice.title")); err != nil {
		return err
	}
	if err := line(22, st.sub, l.T("notice.to", n.Unit)); err != nil {
		return err
	}
	body := l.T("notice.body", n.AsOf.String(), len(n.Lines), total.Display(), total.Capital())
	if n.Deadline != 0 {
		body += l.T("notice.deadline", n.Deadline.String())
	}
	if err := line(78, st.note, body+l.T("notice.charter")); err != nil {
		return err
	}
	if err := s.put(8); err != nil {
		return err
	}
	head := []any{}
	for _, k := range []string{"notice.c_seq", "notice.c_member_no", "notice.c_name", "notice.c_months", "notice.c_count", "notice.c_amount", "notice.c_note"} {
		head = append(head, docCell(st.head, l.T(k)))
	}
	if err := s.put(24, head...); err != nil {
		return err
	}
	count := 0
	for i, x := range n.Lines {
		note := ""
		if x.Underpaid > 0 {
			note = l.T("notice.underpaid", x.Underpaid)
		}
		count += x.Count
		if err := s.put(20, docCell(st.num, i+1), docCell(st.text, x.No), docCell(st.text, x.Name), docCell(st.text, x.Months),
			docCell(st.num, x.Count), docCell(st.moneyCell, docYuan(x.Amount)), docCell(st.text, note)); err != nil {
			return err
		}
	}
	if err := s.put(22, docCell(st.total, l.T("notice.total")), docCell(st.total, ""), docCell(st.total, ""), docCell(st.total, total.Capital()),
		docCell(st.num, count), docCell(st.totalMoney, docYuan(total)), docCell(st.total, "")); err != nil {
		return err
	}
	if err := s.merge(1, 3); err != nil {
		return err
	}
	if err := s.put(16); err != nil {
		return err
	}
	if err := line(22, st.sub, l.T("notice.contact", n.Operator)); err != nil {
		return err
	}
	if err := s.put(40, nil, nil, nil, nil, docCell(st.sub, l.T("notice.seal", n.Union))); err != nil {
		return err
	}
	if err := s.merge(5, cols); err != nil {
		return err
	}
	if err := s.put(22, nil, nil, nil, nil, docCell(st.sub, n.Date.String())); err != nil {
		return err
	}
	if err := s.merge(5, cols); err != nil {
		return err
	}
	if err := s.put(16, docCell(st.cut, l.T("receipt.cut"))); err != nil {
		return err
	}
	if err := s.merge(1, cols); err != nil {
		return err
	}
	return line(40, st.sub, l.T("notice.ack", n.Unit))
}
