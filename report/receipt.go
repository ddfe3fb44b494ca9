package report

import (
	"unionbook/i18n"
	"unionbook/model"
)

// Receipt is one receipt (收据) to print: for a member's payment, or for a
// unit's batch under one receipt (then Members lists who it covers).
type Receipt struct {
	No       string // 收据号
	Payer    string // the member (name and number) or the unit
	Unit     string
	Months   string // "2026-01至2026-03"
	Amount   model.Money
	Method   model.PayMethod
	Date     model.Date
	Operator string
	Note     string        // what the receipt says besides: a shortfall, 代管
	Members  []ReceiptLine // a batch receipt's members
}

// ReceiptLine is one member of a batch receipt.
type ReceiptLine struct {
	No, Name, Months string
	Amount           model.Money
}

// receiptsPerPage is how many receipts an A4 page holds.
const receiptsPerPage = 3

// receiptCols are the widths of a receipt's six columns: label, value,
// value, label, value, value.
var receiptCols = []float64{12, 16, 14, 12, 16, 14}

// WriteReceipts writes receipts for union (its name heads each) to path,
// three to an A4 page with a line to cut along between them. A receipt
// carries its number, the payer, unit, months, the amount in figures and in
// Chinese capitals, the method, date and operator, and room for the seal.
// A batch receipt's members follow on a second docSheet.
func WriteReceipts(path string, l i18n.Lang, union string, rs []Receipt) error {
	b, err := newDocBook(l)
	if err != nil {
		return err
	}
	s, err := b.addSheet(l.T("receipt.sheet"), receiptCols)
	if err != nil {
		b.f.Close()
		return err
	}
	for i, r := range rs {
		if err := s.receipt(l, union, &r); err != nil {
			b.f.Close()
			return err
		}
		if (i+1)%receiptsPerPage == 0 && i+1 < len(rs) {
			if err := s.breakAfter(); err != nil {
				b.f.Close()
				return err
			}
		} else if i+1 < len(rs) {
			if err := s.put(22, docCell(s.st.cut, l.T("receipt.cut"))); err != nil {
				b.f.Close()
				return err
			}
			if err := s.merge(1, 6); err != nil {
				b.f.Close()
				return err
			}
		}
	}
	if err := s.done(); err != nil {
		b.f.Close()
		return err
	}
	for _, r := range rs {
		if len(r.Members) > 0 {
			if err := b.receiptMembers(l, &r); err != nil {
				b.f.Close()
				return err
			}
		}
	}
	return b.save(path)
}

// receipt writes one receipt: eleven rows, about a third of an A4 page.
func (s *docSheet) receipt(l i18n.Lang, union string, r *Receipt) error {
	st := &s.st
	rows := []struct {
		height float64
		cells  []any
		merges [][2]int
	}{
		{34, []any{docCell(st.title, union+"  "+l.T("receipt.title"))}, [][2]int{{1, 6}}},
		{20, []any{docCell(st.sub, l.T("receipt.date", r.Date.String())), nil, nil, docCell(st.sub, l.T("receipt.no", r.No))}, [][2]int{{1, 3}, {4, 6}}},
		{30, []any{docCell(st.label, l.T("receipt.payer")), docCell(st.value, r.Payer), docCell(st.value, ""),
			docCell(st.label, l.T("receipt.unit")), docCell(st.value, r.Unit), docCell(st.value, "")}, [][2]int{{2, 3}, {5, 6}}},
		{30, []any{docCell(st.label, l.T("receipt.months")), docCell(st.value, r.Months), docCell(st.value, ""),
			docCell(st.label, l.T("receipt.method")), docCell(st.value, l.T(r.Method.Key())), docCell(st.value, "")}, [][2]int{{2, 3}, {5, 6}}},
		{30, []any{docCell(st.label, l.T("receipt.item")), docCell(st.value, l.T("receipt.item_dues")), docCell(st.value, ""),
			docCell(st.label, l.T("receipt.figures")), docCell(st.money, docYuan(r.Amount)), docCell(st.money, "")}, [][2]int{{2, 3}, {5, 6}}},
		{30, []any{docCell(st.label, l.T("receipt.capitals")), docCell(st.capital, r.Amount.Capital()), docCell(st.capital, ""),
			docCell(st.capital, ""), docCell(st.capital, ""), docCell(st.capital, "")}, [][2]int{{2, 6}}},
		{30, []any{docCell(st.label, l.T("receipt.note")), docCell(st.value, r.Note), docCell(st.value, ""),
			docCell(st.value, ""), docCell(st.value, ""), docCell(st.value, "")}, [][2]int{{2, 6}}},
		{30, []any{docCell(st.sub, l.T("receipt.seal")), nil, nil, docCell(st.sub, l.T("receipt.operator", r.Operator))}, [][2]int{{1, 3}, {4, 6}}},
		{18, []any{docCell(st.note, l.T("receipt.copy"))}, [][2]int{{1, 6}}},
	}
	for _, row := range rows {
		if err := s.put(row.height, row.cells...); err != nil {
			return err
		}
		for _, m := range row.merges {
			if err := s.merge(m[0], m[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// receiptMembers lists a batch receipt's members on a docSheet of their own.
func (b *docBook) receiptMembers(l i18n.Lang, r *Receipt) error {
	s, err := b.addSheet(l.T("receipt.members_sheet", r.No), []float64{8, 12, 12, 22, 14})
	if err != nil {
		return err
	}
	st := &s.st
	if err := s.put(28, docCell(st.title, l.T("receipt.members_title", r.No, r.Unit))); err != nil {
		return err
	}
	if err := s.merge(1, 5); err != nil {
		return err
	}
	if err := s.put(22, docCell(st.head, l.T("notice.c_seq")), docCell(st.head, l.T("notice.c_member_no")), docCell(st.head, l.T("notice.c_name")),
		docCell(st.head, l.T("notice.c_months")), docCell(st.head, l.T("notice.c_amount"))); err != nil {
		return err
	}
	var total model.Money
	for i, m := range r.Members {
		total += m.Amount
		if err := s.put(20, docCell(st.num, i+1), docCell(st.text, m.No), docCell(st.text, m.Name), docCell(st.text, m.Months), docCell(st.moneyCell, docYuan(m.Amount))); err != nil {
			return err
		}
	}
	if err := s.put(22, docCell(st.total, l.T("notice.total")), docCell(st.total, ""), docCell(st.total, ""), docCell(st.total, ""), docCell(st.totalMoney, docYuan(total))); err != nil {
		return err
	}
	if err := s.merge(1, 4); err != nil {
		return err
	}
	return s.done()
}
