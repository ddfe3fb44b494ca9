package dues

import (
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
)

// Files is the file system the save and open choosers show (a fake one
// in tests).
var Files filechooser.FS = filechooser.OS{}

// saveTo opens the shared file chooser to save a printable document,
// suggesting name in the folder last used this session (the Desktop at
// first), and writes it where she chooses.
func saveTo(d *data, st *stack.Stack, title, name string, write func(path string) error) tea.Cmd {
	o := filechooser.Options{Title: title, Mode: filechooser.Save, Exts: []string{".xlsx"}, Dir: d.lastDir, Name: name, FS: Files}
	return st.Push(filechooser.New(d.c, st, o, func(path string) tea.Cmd {
		if err := write(path); err != nil {
			return common.SetStatus(d.c.Err(err), true)
		}
		d.lastDir = filepath.Dir(path)
		return common.SetStatus(d.c.T("dues.saved_to", path), false)
	}))
}

// fileName makes a file name of parts, without characters a file system
// refuses.
func fileName(parts ...string) string {
	name := strings.Join(parts, "_")
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, name) + ".xlsx"
}

// newNoticeSave prepares the unit's arrears notice, or says it has none.
func newNoticeSave(d *data, st *stack.Stack, unit uint64) tea.Cmd {
	c := d.c
	asOf := model.DueThrough(c.Today())
	ar, err := c.Store.UnitArrears(unit, asOf)
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	if len(ar) == 0 {
		return common.SetStatus(c.T("dues.notice_none", d.unitName(unit), asOf.String()), false)
	}
	ids := make([]uint64, len(ar))
	for i, a := range ar {
		ids[i] = a.MemberID
	}
	names, err := c.Store.MembersByID(ids)
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	n := &report.Notice{Union: d.prof.UnionName, Unit: d.unitName(unit), AsOf: asOf, Date: c.Today(),
		Deadline: c.Today().Month().Add(1).Last(), Operator: c.OperatorName()}
	for _, a := range ar {
		m := names[a.MemberID]
		n.Lines = append(n.Lines, report.NoticeLine{No: m.No, Name: m.Name, Months: monthRanges(a.Months),
			Count: len(a.Months), Amount: a.Amount, Underpaid: a.Underpaid})
	}
	title := c.T("dues.notice_title", n.Unit)
	hint := c.T("dues.notice_hint", len(n.Lines), n.Total().Display(), asOf.String())
	return saveTo(d, st, title+"  "+hint, fileName(c.T("notice.file"), n.Unit, c.Today().String()),
		func(path string) error { return report.WriteNotice(path, c.Lang, n) })
}

// monthRanges writes months compactly: 2026-01~2026-03, 2026-05.
func monthRanges(ms []model.Month) string {
	var parts []string
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1] == ms[j].Add(1) {
			j++
		}
		parts = append(parts, monthsText(ms[i], ms[j]))
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// receiptOf is the receipt of one payment.
func receiptOf(d *data, pay model.DuesPayment, m model.Member, reversed bool) report.Receipt {
	c := d.c
	r := report.Receipt{No: pay.ReceiptNo, Payer: c.T("receipt.payer_name", m.Name, m.No), Unit: d.unitName(pay.UnitID),
		Months: batchMonthsText(pay.From, pay.To), Amount: pay.Amount, Method: pay.Method, Date: pay.Date, Operator: pay.Operator}
	var notes []string
	if s := pay.Shortfall(); s > 0 {
		notes = append(notes, c.T("receipt.short", pay.To.String(), s.Display()))
	}
	if reversed {
		notes = append(notes, c.T("receipt.reversed"))
	}
	r.Note = strings.Join(notes, "；")
	return r
}

// newReceiptSave prepares the receipt of a payment.
func newReceiptSave(d *data, st *stack.Stack, pay model.DuesPayment) tea.Cmd {
	c := d.c
	if pay.BatchID != 0 {
		if rec, _, err := c.Store.DuesBatch(pay.BatchID); err == nil && rec.ReceiptNo != "" {
			return newBatchReceiptsSave(d, st, pay.BatchID) // the batch's one receipt
		}
	}
	m, err := c.Store.Member(pay.MemberID)
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	rev, _ := c.Store.PaymentReversedBy(pay.ID)
	rs := []report.Receipt{receiptOf(d, pay, m, rev != 0)}
	return saveTo(d, st, c.T("dues.receipt_title", pay.ReceiptNo)+"  "+c.T("dues.receipt_hint", 1),
		fileName(c.T("receipt.file"), pay.ReceiptNo), func(path string) error {
			return report.WriteReceipts(path, c.Lang, d.prof.UnionName, rs)
		})
}

// newBatchReceiptsSave prepares the receipts of a unit's batch: its one
// receipt with the list of members, or one for each payment, three to a
// page.
func newBatchReceiptsSave(d *data, st *stack.Stack, batchID uint64) tea.Cmd {
	c := d.c
	rec, pays, err := c.Store.DuesBatch(batchID)
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	ids := make([]uint64, len(pays))
	for i, p := range pays {
		ids[i] = p.MemberID
	}
	names, err := c.Store.MembersByID(ids)
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	var rs []report.Receipt
	if rec.ReceiptNo != "" {
		r := report.Receipt{No: rec.ReceiptNo, Payer: d.unitName(rec.UnitID), Unit: d.unitName(rec.UnitID),
			Months: batchMonthsText(rec.Month, rec.Last()), Amount: rec.Total, Method: rec.Method, Date: rec.Date, Operator: rec.Operator,
			Note: c.T("receipt.batch_note", len(pays))}
		for _, p := range pays {
			m := names[p.MemberID]
			r.Members = append(r.Members, report.ReceiptLine{No: m.No, Name: m.Name, Months: batchMonthsText(p.From, p.To), Amount: p.Amount})
		}
		rs = append(rs, r)
	} else {
		for _, p := range pays {
			rev, _ := c.Store.PaymentReversedBy(p.ID)
			rs = append(rs, receiptOf(d, p, names[p.MemberID], rev != 0))
		}
	}
	first := rs[0].No
	return saveTo(d, st, c.T("dues.batch_receipts_title", d.unitName(rec.UnitID), batchMonthsText(rec.Month, rec.Last()))+"  "+
		c.T("dues.receipt_hint", len(rs)), fileName(c.T("receipt.file"), d.unitName(rec.UnitID), first), func(path string) error {
		return report.WriteReceipts(path, c.Lang, d.prof.UnionName, rs)
	})
}
