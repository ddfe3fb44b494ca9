package dues

import (
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// saveForm asks where to save a printable document (a folder and a file
// name) and writes it there. The folder is the last one used, or the
// user's home folder. (A shared file chooser may take its place.)
type saveForm struct {
	formFrame
	title, hint string
	write       func(path string) error
}

func newSaveForm(d *data, st *stack.Stack, title, hint, file string, write func(path string) error) *saveForm {
	c := d.c
	f := form.New(c,
		form.TextField("folder", true, c.T("hint.folder")),
		form.TextField("file_name", true, ""),
	)
	dir := d.lastDir
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = home
		}
	}
	f.SetValue("folder", dir)
	f.SetValue("file_name", file)
	s := &saveForm{title: title, hint: hint, write: write}
	s.open(d, st, f, s.validate)
	return s
}

// expandHome resolves ~ in a typed folder.
func expandHome(s string) string {
	s = strings.TrimSpace(strings.Trim(s, `"'`))
	if strings.HasPrefix(s, "~") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, s[1:])
		}
	}
	return s
}

func (s *saveForm) validate(f *form.Form) model.Problems {
	var ps model.Problems
	dir := expandHome(f.Value("folder"))
	if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
		ps = append(ps, model.Problem{Field: "folder", Key: "dues.no_folder"})
	}
	name := strings.TrimSpace(f.Value("file_name"))
	switch {
	case name == "":
		ps = append(ps, model.Problem{Field: "file_name", Key: "problem.required"})
	case strings.ContainsAny(name, `/\:*?"<>|`):
		ps = append(ps, model.Problem{Field: "file_name", Key: "dues.bad_file_name"})
	}
	return ps
}

func (s *saveForm) path() string {
	name := strings.TrimSpace(s.form.Value("file_name"))
	if !strings.EqualFold(filepath.Ext(name), ".xlsx") {
		name += ".xlsx"
	}
	return filepath.Join(expandHome(s.form.Value("folder")), name)
}

func (s *saveForm) Update(msg tea.Msg) tea.Cmd { return s.answer(msg, s.save) }

func (s *saveForm) save() tea.Cmd {
	path := s.path()
	if err := s.write(path); err != nil {
		return common.SetStatus(s.c.Err(err), true)
	}
	s.lastDir = filepath.Dir(path)
	s.st.Pop()
	return common.SetStatus(s.c.T("dues.saved_to", path), false)
}

func (s *saveForm) View() string { return s.view(s.title, s.hint) }

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
	return st.Push(newSaveForm(d, st, title, hint, fileName(c.T("notice.file"), n.Unit, c.Today().String()),
		func(path string) error { return report.WriteNotice(path, c.Lang, n) }))
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
	r := report.Receipt{No: pay.ReceiptNo, Payer: m.Name + "（" + m.No + "）", Unit: d.unitName(pay.UnitID),
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
	return st.Push(newSaveForm(d, st, c.T("dues.receipt_title", pay.ReceiptNo), c.T("dues.receipt_hint", 1),
		fileName(c.T("receipt.file"), pay.ReceiptNo), func(path string) error {
			return report.WriteReceipts(path, c.Lang, d.prof.UnionName, rs)
		}))
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
	return st.Push(newSaveForm(d, st, c.T("dues.batch_receipts_title", d.unitName(rec.UnitID), batchMonthsText(rec.Month, rec.Last())),
		c.T("dues.receipt_hint", len(rs)), fileName(c.T("receipt.file"), d.unitName(rec.UnitID), first), func(path string) error {
			return report.WriteReceipts(path, c.Lang, d.prof.UnionName, rs)
		}))
}
