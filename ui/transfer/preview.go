package transfer

import (
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// previewTop is the line of the preview's table: under the title, the
// counts, the column mapping, the options and the notices (unit names
// matched, rows that are not data).
const previewTop = 5

// previewGrid names the preview's table in its click messages.
const previewGrid = "transfer.preview"

// preview shows every row of the file read with its problems, or what the
// import will do with it. The options (members or units, existing records,
// new units, rows with problems, a join date), the column mapping and the
// unit names taken as registered units change here; the file is checked
// again at once. r writes the problems report, i imports.
type preview struct {
	e        *env
	imp      *importState // its settings are the ones changed here
	plan     *roster.Plan
	header   *roster.Header // the mapping the user changed, nil for the one found
	joinDate model.Date     // the join date of rows without one, 0 for none
	refused  []string       // the near unit names refused (roster.UnitMatch.Key)
	rows     []int          // indexes into plan.Items shown
	grid     widget.Table
	seq      int // the newest check asked for: older answers are dropped
	w, h     int
}

// checkedMsg is the answer to the check asked for as seq by from.
type checkedMsg struct {
	from *preview
	seq  int
	plan *roster.Plan
	err  error
}

func newPreview(e *env, imp *importState, plan *roster.Plan) *preview {
	c := e.c
	p := &preview{e: e, imp: imp, plan: plan, grid: widget.NewTable(nil, c.TableStyles())}
	p.grid.SetEmptyText(c.T("importer.no_rows"))
	p.grid.SetOrigin(0, previewTop)
	p.grid.SetID(previewGrid)
	p.refilter()
	return p
}

func (p *preview) SetSize(w, h int) {
	p.w, p.h = w, h
	p.grid.SetSize(w, max(3, h-previewTop-2))
	p.refreshGrid()
}

func (p *preview) Cursor() *tea.Cursor { return nil }
func (p *preview) Capturing() bool     { return false }
func (p *preview) Dirty() bool         { return false }

// check checks the file again with changed options or mapping.
func (p *preview) check() tea.Cmd {
	p.seq++
	seq, st, t := p.seq, p.e.c.Store, p.plan.Table
	opts := p.imp.set.options(p.e.c.Today(), p.header, p.joinDate, p.refused)
	return func() tea.Msg {
		pl, err := roster.Prepare(t, st, opts)
		return checkedMsg{from: p, seq: seq, plan: pl, err: err}
	}
}

// setHeader takes the mapping changed on the mapping screen.
func (p *preview) setHeader(h roster.Header) tea.Cmd {
	p.header = &h
	return p.check()
}

// setJoinDate takes the join date given on the join date screen.
func (p *preview) setJoinDate(d model.Date) tea.Cmd {
	p.joinDate = d
	return p.check()
}

// setRefused takes the near unit names refused on the unit names screen.
func (p *preview) setRefused(keys []string) tea.Cmd {
	p.refused = keys
	return p.check()
}

func (p *preview) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case checkedMsg:
		if msg.from != p || msg.seq != p.seq {
			return nil
		}
		if msg.err != nil { // the database could not be read
			popTo(p.e.st, p)
			return p.e.st.Replace(newUnreadable(p.e, p.imp, p.plan.Table.Path, msg.err))
		}
		p.plan = msg.plan
		p.refilter()
		return nil
	case widget.RowClickedMsg:
		// a click on the selected row opens it
		if msg.ID == previewGrid && msg.Again && p.e.st.Top() == p {
			return p.openRow()
		}
	case tea.KeyPressMsg:
		return p.key(msg)
	case tea.MouseMsg:
		var cmd tea.Cmd
		p.grid, cmd = p.grid.Update(msg)
		return cmd
	}
	return nil
}

func (p *preview) key(msg tea.KeyPressMsg) tea.Cmd {
	k, set := p.e.keys, &p.imp.set
	switch {
	case key.Matches(msg, k.problems):
		set.onlyBad = !set.onlyBad
		p.refilter()
	case key.Matches(msg, k.mapping):
		if p.plan.Header.Index >= 0 {
			return p.e.st.Push(newMapping(p.e, p))
		}
	case key.Matches(msg, k.kind):
		set.kind = 1 - set.kind
		p.header, p.refused = nil, nil
		return p.check()
	case key.Matches(msg, k.dup):
		set.dup = (set.dup + 1) % 3
		return p.check()
	case key.Matches(msg, k.create):
		set.createUnits = !set.createUnits
		return p.check()
	case key.Matches(msg, k.skip):
		set.skipInvalid = !set.skipInvalid
	case key.Matches(msg, k.joinDate):
		if p.plan.WantsJoinDate() {
			return p.e.st.Push(newJoinDate(p.e, p))
		}
	case key.Matches(msg, k.matches):
		if len(p.plan.UnitMatches) > 0 {
			return p.e.st.Push(newUnitNames(p.e, p))
		}
	case key.Matches(msg, k.report):
		return chooseReport(p.e, p.plan)
	case key.Matches(msg, k.importRows):
		return p.startImport()
	case key.Matches(msg, k.openRow):
		return p.openRow()
	default:
		var cmd tea.Cmd
		p.grid, cmd = p.grid.Update(msg)
		return cmd
	}
	return nil
}

// openRow shows the selected row in full.
func (p *preview) openRow() tea.Cmd {
	i := p.grid.Cursor()
	if len(p.plan.FileIssues) > 0 || i < 0 || i >= len(p.rows) {
		return nil
	}
	return p.e.st.Push(newRow(p.e, p.plan, p.plan.Items[p.rows[i]]))
}

// startImport writes the valid rows on the importing screen, unless there
// is nothing to write or problems that were not to be skipped.
func (p *preview) startImport() tea.Cmd {
	pl := p.plan
	if len(pl.FileIssues) > 0 {
		return nil
	}
	if pl.Stats.Problems > 0 && !p.imp.set.skipInvalid {
		return common.SetStatus(p.e.c.T("importer.fix_first", pl.Stats.Problems), true)
	}
	if pl.Stats.New+pl.Stats.Updates == 0 {
		return common.SetStatus(p.e.c.T("importer.nothing_to_import"), true)
	}
	return p.e.st.Push(newImporting(p.e, p.imp, pl))
}

// refilter picks the rows shown: all, or those with problems.
func (p *preview) refilter() {
	p.rows = p.rows[:0]
	for i, it := range p.plan.Items {
		if !p.imp.set.onlyBad || len(it.Issues) > 0 {
			p.rows = append(p.rows, i)
		}
	}
	p.grid.SetCursor(0)
	p.refreshGrid()
}

func (p *preview) refreshGrid() {
	c := p.e.c
	var cols []widget.Column
	var fields []roster.Field
	if p.plan.Kind == roster.Units {
		cols = []widget.Column{
			{Title: c.T("importer.col_row"), Width: 5, AlignRight: true},
			{Title: c.T("field.unit_name"), Width: 14, Flex: 1},
			{Title: c.T("field.credit_code"), Width: 18},
			{Title: c.T("importer.col_problems"), Width: 20, Flex: 2},
		}
		fields = []roster.Field{roster.FUnitName, roster.FCreditCode}
	} else {
		cols = []widget.Column{
			{Title: c.T("importer.col_row"), Width: 5, AlignRight: true},
			{Title: c.T("field.name"), Width: 8},
			{Title: c.T("field.id_number"), Width: 18},
			{Title: c.T("field.unit"), Width: 10, Flex: 1},
			{Title: c.T("importer.col_problems"), Width: 20, Flex: 2},
		}
		fields = []roster.Field{roster.FName, roster.FIDNumber, roster.FUnit}
	}
	p.grid.SetColumns(cols)
	pl, rows := p.plan, p.rows
	p.grid.SetRows(len(rows), func(row, col int) string {
		it := pl.Items[rows[row]]
		switch {
		case col == 0:
			return strconv.Itoa(it.Row)
		case col <= len(fields):
			f := fields[col-1]
			v := model.Clean(pl.Table.Rows[it.Index].Cell(pl.Header.Column(f)))
			if f == roster.FIDNumber && looksLikeID(v) {
				v = model.MaskID(v) // lists never show a whole ID, whatever its length
			}
			return v
		}
		return p.rowStatus(it)
	})
}

// rowStatus is the preview's last column: the row's problems, or what
// the import will do with it.
func (p *preview) rowStatus(it roster.Item) string {
	c := p.e.c
	if len(it.Issues) > 0 {
		sep := ": "
		if c.Lang == i18n.ZH {
			sep = "："
		}
		msgs := make([]string, len(it.Issues))
		for i, is := range it.Issues {
			msgs[i] = is.Label(c.Lang) + sep + is.Message(c.Lang)
		}
		return "! " + joinProblems(c.Lang, msgs)
	}
	return action(c, p.plan, it)
}

func (p *preview) View() string { return screenOf(p.lines("", ""), p.w, p.h) }

// lines draw the preview. The mapping and join date screens draw it too,
// with their own line in place of the mapping or the options ("" keeps
// the preview's).
func (p *preview) lines(mapping, options string) []string {
	c, st, w := p.e.c, p.e.c.Styles, p.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	pl, t := p.plan, p.plan.Table
	kind := c.T("import.kind_members")
	if pl.Kind == roster.Units {
		kind = c.T("import.kind_units")
	}
	src := filepath.Base(t.Path)
	if t.Format == roster.XLSX {
		src += " | " + c.T("importer.sheet", t.Sheet)
	} else {
		src += " | " + t.Encoding + " | " + commaName(t.Comma)
	}
	if pl.Header.Index >= 0 {
		src += " | " + c.T("importer.header_row", pl.Header.Row)
	}
	s := pl.Stats
	if mapping == "" {
		mapping = mappingLine(c, pl.Header, w, -1)
	}
	if options == "" {
		options = p.optionsLine(w)
	}
	stats := c.T("importer.stats", s.Read, s.Valid, s.Problems, s.New, s.Duplicates)
	if p.imp.set.onlyBad {
		stats += " | " + c.T("importer.only_problems")
	}
	lines := []string{
		st.Title.Render(fit(c.T("importer.preview_title", kind) + "  " + src)),
		fit(stats),
		mapping,
		options,
		p.noticeLine(w),
	}
	if len(pl.FileIssues) > 0 {
		for _, is := range pl.FileIssues {
			if is.P.Key == "import.missing_join_date" {
				// the tab's own way to give the date, not the flag's
				is.P.Key = "importer.missing_join_date"
			}
			for _, l := range wrap(is.Localize(c.Lang), w) {
				lines = append(lines, st.Error.Render(fit(l)))
			}
		}
		return lines
	}
	lines = append(lines, strings.Split(p.grid.View(), "\n")...)
	// the selected row's problems in full, or what its update changes
	var detail string
	style := st.Error
	if i := p.grid.Cursor(); i >= 0 && i < len(p.rows) {
		it := pl.Items[p.rows[i]]
		var msgs []string
		for _, is := range it.Issues {
			msgs = append(msgs, is.Localize(c.Lang))
		}
		detail = joinProblems(c.Lang, msgs)
		if len(msgs) == 0 && len(it.Changes) > 0 {
			detail, style = c.T("importer.changes", roster.ChangesText(it.Changes, c.Lang)), st.Warning
		}
	}
	wl := wrap(plain(detail), w)
	for len(wl) < 2 {
		wl = append(wl, "")
	}
	for _, l := range wl[:2] {
		lines = append(lines, style.Render(fit(l)))
	}
	return lines
}

// ShortHelp lists the keys that do something for this file: i only when
// the file can be imported at all, m when it has a header row to map, u
// when unit names were matched. The options' keys (d, s, c, t) show on the
// options line, each before what it changes, and in the full help.
func (p *preview) ShortHelp() []key.Binding {
	k, pl := p.e.keys, p.plan
	var out []key.Binding
	if len(pl.FileIssues) == 0 {
		out = append(out, k.importRows)
	}
	out = append(out, k.problems)
	if pl.Header.Index >= 0 {
		out = append(out, k.mapping)
	}
	out = append(out, k.kind)
	if len(pl.UnitMatches) > 0 {
		out = append(out, k.matches)
	}
	return append(out, k.report)
}

// optionKeys are the keys of the options line.
func (p *preview) optionKeys() []key.Binding {
	k := p.e.keys
	var out []key.Binding
	if p.plan.WantsJoinDate() {
		out = append(out, k.joinDate)
	}
	out = append(out, k.dup, k.skip)
	if p.plan.Kind == roster.Members {
		out = append(out, k.create)
	}
	return out
}

func (p *preview) FullHelp() [][]key.Binding {
	g, k := p.e.c.Keys, p.e.keys
	switch {
	case len(p.plan.FileIssues) > 0 || len(p.rows) == 0: // no rows shown
		return [][]key.Binding{p.ShortHelp(), p.optionKeys(), {g.Back}}
	case len(p.rows) == 1:
		return [][]key.Binding{p.ShortHelp(), p.optionKeys(), {k.openRow, g.Back}}
	}
	return [][]key.Binding{p.ShortHelp(), p.optionKeys(), {k.openRow, k.rowUp, g.Down, g.PageUp, g.PageDown, g.Home, g.End, g.Back}}
}
