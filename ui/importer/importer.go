// Package importer is the Import/Export tab. It opens on a menu: import a
// roster, export the district package, or the list of past exports.
//
// Import: choose a roster file, see the sheet, header row and column
// mapping found in it (and change the mapping), preview every row with its
// problems, then import all valid rows in one transaction with a progress
// bar that can be cancelled without writing anything.
//
// Export (export.go): choose the period, language, encryption and folder,
// see what the package will hold, write it with a progress bar that can be
// cancelled without leaving a file, see where it went and its SHA-256.
package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/district"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

type state int

const (
	stateFile      state = iota // typing the path
	stateLoading                // reading and checking the file
	statePreview                // rows and problems
	stateMapping                // changing what a column maps to
	stateImporting              // writing, with a progress bar
	stateDone                   // the result

	stateMenu          // import, export or the past exports
	stateExportForm    // period, language, encryption, folder
	stateExportPreview // what the package will hold
	stateExporting     // writing, with a progress bar
	stateExportDone    // the file and its SHA-256, or what went wrong
	stateHistory       // the past exports

	stateJoinDate // typing the join date of the rows without one
)

type loadedMsg struct {
	seq   int
	table *roster.Table
	plan  *roster.Plan
	err   error
}

type progressMsg struct {
	seq         int
	done, total int
}

type doneMsg struct {
	seq int
	res roster.Result
	err error
}

// Page is the Import/Export tab.
type Page struct {
	c      *common.Common
	width  int
	height int

	state state
	path  widget.TextField
	hint  string // completion candidates or an error under the path
	err   error

	kind        roster.Kind
	dup         roster.Duplicate
	createUnits bool
	skipInvalid bool
	onlyBad     bool
	joinDate    model.Date       // the join date of rows without one, 0 for none
	joinInput   widget.TextField // stateJoinDate
	joinErr     string           // what is wrong with the date typed

	table    *roster.Table
	plan     *roster.Plan
	header   *roster.Header // the mapping the user changed, nil for the found one
	rows     []int          // indexes into plan.Items shown
	grid     widget.Table
	mapCol   int // the column selected in stateMapping
	seq      int // ignores answers to superseded requests
	barW     int
	done     int
	total    int
	cancel   context.CancelFunc
	stopLoad context.CancelFunc // ends the reading of the file
	updates  chan tea.Msg
	result   roster.Result
	keys     keys

	// the menu, the export and the history (export.go)
	menu         int // the menu's selected line
	xkeys        exportKeys
	xform        exportForm
	xperiod      model.Period
	xpreview     district.Preview
	xpreviewErr  error
	xcancel      context.CancelFunc
	xcancelled   bool
	xupdates     chan tea.Msg
	xdone        int
	xtotal       int
	xstep        string
	xresult      *district.PackageResult
	xerr         error
	xrecord      storage.ExportRecord
	xrecordErr   error
	history      []storage.ExportRecord
	historyErr   error
	hgrid        widget.Table
	now          func() time.Time
	progressHook func(done int) // tests: called at each step of an export
}

type keys struct {
	complete, load, problems, mapping, kind, dup, create, skip, imp, cancel, left, right, cycle key.Binding
	joinDate, joinSet                                                                           key.Binding
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(ks[0], c.T(help)))
	}
	return keys{
		complete: b("importer.key_complete", "tab"),
		load:     b("importer.key_load", "enter"),
		problems: b("importer.key_problems", "p"),
		mapping:  b("importer.key_mapping", "m"),
		kind:     b("importer.key_kind", "k"),
		dup:      b("importer.key_dup", "d"),
		create:   b("importer.key_create", "c"),
		skip:     b("importer.key_skip", "s"),
		imp:      b("importer.key_import", "i"),
		cancel:   b("importer.key_cancel", "esc"),
		left:     b("importer.key_column", "left", "h"),
		right:    b("importer.key_column", "right", "l"),
		cycle:    b("importer.key_cycle", "space", "enter"),
		joinDate: b("importer.key_join_date", "t"),
		joinSet:  b("importer.key_join_set", "enter"),
	}
}

// New makes the Import/Export page.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, grid: widget.NewTable(nil, st), keys: newKeys(c), state: stateMenu, now: time.Now}
	p.path = widget.NewTextField()
	p.path.SetPlaceholder(c.T("importer.path_hint"))
	p.joinInput = widget.NewTextField()
	p.joinInput.SetPlaceholder("2023-05-01")
	p.joinInput.SetWidth(12)
	p.grid.SetEmptyText(c.T("importer.no_rows"))
	p.xkeys = newExportKeys(c)
	p.xform = newExportForm(c)
	p.hgrid = widget.NewTable(nil, st)
	p.hgrid.SetEmptyText(c.T("exportui.history_empty"))
	p.loadHistory()
	return p
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("importer.tab") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.path.SetWidth(max(10, w-lipWidth(p.c.T("importer.file"))-3))
	p.grid.SetSize(w, max(3, h-6))
	p.barW = max(10, min(60, w-24))
	p.refreshGrid()
	iw := max(10, min(44, w-p.formLabelWidth()-2))
	for _, in := range []*widget.TextField{&p.xform.period, &p.xform.pass, &p.xform.pass2, &p.xform.mask, &p.xform.recipient, &p.xform.dir} {
		in.SetWidth(iw)
	}
	p.xform.syncMask()
	p.hgrid.SetSize(w, max(3, h-6))
}

func lipWidth(s string) int { return ansi.StringWidth(s) }

// Capturing: the path input, the join date input and the export form
// take every key while they have the focus.
func (p *Page) Capturing() bool {
	return p.state == stateFile || p.state == stateExportForm || p.state == stateJoinDate
}

// Dirty: an import or export under way must not be quit by accident.
func (p *Page) Dirty() bool { return p.state == stateImporting || p.state == stateExporting }

// Cursor puts the terminal cursor in the path input, or in the export
// form's focused input.
func (p *Page) Cursor() *tea.Cursor {
	if p.state == stateExportForm {
		return p.formCursor()
	}
	if p.state == stateJoinDate {
		return tea.NewCursor(lipWidth(p.c.T("importer.join_date_prompt"))+1+p.joinInput.CursorColumn(), 3)
	}
	if p.state != stateFile {
		return nil
	}
	x := lipWidth(p.c.T("importer.file")) + 1 + p.path.CursorColumn()
	return tea.NewCursor(x, 1)
}

// ShortHelp lists the keys of the current state.
func (p *Page) ShortHelp() []key.Binding {
	k := p.keys
	x := p.xkeys
	switch p.state {
	case stateMenu:
		return []key.Binding{x.imp, x.exp, x.hist, x.choose}
	case stateExportForm:
		if p.xform.focus == exDir {
			return []key.Binding{x.complete, x.prev, x.submit, x.back}
		}
		if p.xform.focus == exLang || p.xform.focus == exEnc {
			return []key.Binding{x.change, x.next, x.prev, x.submit, x.back}
		}
		return []key.Binding{x.next, x.prev, x.submit, x.back}
	case stateExportPreview:
		return []key.Binding{x.start, x.back}
	case stateExporting:
		return []key.Binding{x.cancel}
	case stateExportDone:
		return []key.Binding{x.hist, x.back}
	case stateHistory:
		if p.hgrid.Len() > 1 { // something to move between
			return []key.Binding{p.c.Keys.Up, p.c.Keys.Down, x.back}
		}
		return []key.Binding{x.back}
	case stateFile:
		return []key.Binding{k.complete, k.load, x.back}
	case statePreview:
		if p.plan != nil && p.plan.WantsJoinDate() {
			return []key.Binding{k.imp, k.problems, k.mapping, k.kind, k.dup, k.create, k.joinDate, k.skip, k.cancel}
		}
		return []key.Binding{k.imp, k.problems, k.mapping, k.kind, k.dup, k.create, k.skip, k.cancel}
	case stateJoinDate:
		return []key.Binding{k.joinSet, k.cancel}
	case stateMapping:
		return []key.Binding{k.left, k.cycle, k.cancel}
	case stateImporting:
		return []key.Binding{k.cancel}
	}
	return []key.Binding{k.cancel}
}

// FullHelp is the short help in one column.
func (p *Page) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// Update handles keys and the background work's messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if cmd, ok := p.exportMsg(msg); ok {
		return p, cmd
	}
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		if msg.err != nil {
			p.state, p.err = stateFile, msg.err
			p.path.Focus()
			return p, nil
		}
		p.table, p.plan, p.err = msg.table, msg.plan, nil
		if p.state != stateMapping {
			p.state = statePreview
		}
		p.refilter()
		return p, nil
	case progressMsg:
		if msg.seq == p.seq && p.state == stateImporting {
			p.done, p.total = msg.done, msg.total
			return p, p.listen()
		}
		return p, nil
	case doneMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.cancel = nil
		p.state, p.result, p.err = stateDone, msg.res, msg.err
		if msg.err == nil {
			entity := model.EntityMember
			if p.kind == roster.Units {
				entity = model.EntityUnit
			}
			return p, common.Changed(entity, 0)
		}
		return p, nil
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	if p.state == stateFile {
		var cmd tea.Cmd
		p.path, cmd = p.path.Update(msg)
		return p, cmd
	}
	if p.state == stateJoinDate {
		var cmd tea.Cmd
		p.joinInput, cmd = p.joinInput.Update(msg)
		return p, cmd
	}
	if p.state == stateExportForm {
		if in := p.xform.input(p.xform.focus); in != nil {
			var cmd tea.Cmd
			*in, cmd = in.Update(msg)
			p.xform.syncMask()
			return p, cmd
		}
		return p, nil
	}
	if p.state == stateHistory {
		var cmd tea.Cmd
		p.hgrid, cmd = p.hgrid.Update(msg)
		return p, cmd
	}
	if p.state == statePreview {
		var cmd tea.Cmd
		p.grid, cmd = p.grid.Update(msg)
		return p, cmd
	}
	return p, nil
}

func (p *Page) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.keys
	switch p.state {
	case stateMenu, stateExportForm, stateExportPreview, stateExporting, stateExportDone, stateHistory:
		return p.exportKey(msg)
	case stateFile:
		switch {
		case key.Matches(msg, k.cancel):
			p.path.Blur()
			p.hint, p.err = "", nil
			p.state = stateMenu
			return nil
		case key.Matches(msg, k.complete):
			p.complete()
			return nil
		case key.Matches(msg, k.load):
			return p.load()
		}
		p.hint = ""
		var cmd tea.Cmd
		p.path, cmd = p.path.Update(msg)
		return cmd
	case stateLoading:
		if key.Matches(msg, k.cancel) {
			p.seq++
			if p.stopLoad != nil {
				p.stopLoad()
				p.stopLoad = nil
			}
			p.state = stateFile
			p.path.Focus()
		}
		return nil
	case statePreview:
		switch {
		case key.Matches(msg, k.cancel):
			p.state = stateFile
			p.path.Focus()
			return nil
		case key.Matches(msg, k.problems):
			p.onlyBad = !p.onlyBad
			p.refilter()
			return nil
		case key.Matches(msg, k.mapping):
			if p.plan != nil && p.plan.Header.Index >= 0 {
				h := p.plan.Header
				h.Fields = slices.Clone(h.Fields)
				p.header = &h
				p.state, p.mapCol = stateMapping, 0
			}
			return nil
		case key.Matches(msg, k.kind):
			p.kind = 1 - p.kind
			p.header = nil
			return p.prepare()
		case key.Matches(msg, k.dup):
			p.dup = (p.dup + 1) % 3
			return p.prepare()
		case key.Matches(msg, k.create):
			p.createUnits = !p.createUnits
			return p.prepare()
		case key.Matches(msg, k.skip):
			p.skipInvalid = !p.skipInvalid
			return nil
		case key.Matches(msg, k.joinDate):
			if p.plan != nil && p.plan.WantsJoinDate() {
				p.joinInput.SetValue("")
				if p.joinDate != 0 {
					p.joinInput.SetValue(p.joinDate.String())
				}
				p.joinInput.SetPosition(len([]rune(p.joinInput.Value())))
				p.joinInput.Focus()
				p.joinErr = ""
				p.state = stateJoinDate
			}
			return nil
		case key.Matches(msg, k.imp):
			return p.startImport()
		}
		var cmd tea.Cmd
		p.grid, cmd = p.grid.Update(msg)
		return cmd
	case stateJoinDate:
		switch {
		case key.Matches(msg, k.cancel):
			p.joinInput.Blur()
			p.state = statePreview
			return nil
		case key.Matches(msg, k.joinSet):
			return p.setJoinDate()
		}
		p.joinErr = ""
		var cmd tea.Cmd
		p.joinInput, cmd = p.joinInput.Update(msg)
		return cmd
	case stateMapping:
		fields := append([]roster.Field{""}, roster.FieldsOf(p.kind)...)
		switch {
		case key.Matches(msg, k.cancel):
			p.state = statePreview
			return p.prepare()
		case key.Matches(msg, k.left):
			p.mapCol = max(0, p.mapCol-1)
		case key.Matches(msg, k.right):
			p.mapCol = min(len(p.header.Fields)-1, p.mapCol+1)
		case key.Matches(msg, k.cycle):
			i := slices.Index(fields, p.header.Fields[p.mapCol])
			p.header.Set(p.mapCol, fields[(i+1)%len(fields)])
		}
		return nil
	case stateImporting:
		if key.Matches(msg, k.cancel) && p.cancel != nil {
			p.cancel()
		}
		return nil
	case stateDone:
		if key.Matches(msg, k.cancel) || key.Matches(msg, k.load) {
			p.state = stateFile
			p.path.Focus()
			p.table, p.plan = nil, nil
		}
	}
	return nil
}

// expand resolves ~ in a typed path.
func expand(s string) string {
	s = strings.TrimSpace(strings.Trim(s, `"'`))
	if strings.HasPrefix(s, "~") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, s[1:])
		}
	}
	return s
}

// importable is a file the importer reads.
func importable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".txt", ".xls", ".et":
		return true
	}
	return false
}

// complete completes the typed path's last part among folders and roster
// files: all the way when one name fits, to the common prefix otherwise,
// listing the candidates.
func (p *Page) complete() {
	typed := p.path.Value()
	// the typed folder (with ~ expanded) and the part being completed; the
	// folder is kept as typed
	cut := strings.LastIndex(typed, string(filepath.Separator)) + 1
	prefix, base := typed[:cut], typed[cut:]
	dir := expand(prefix)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.hint = p.c.T("importer.no_folder")
		return
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		if !strings.HasPrefix(strings.ToLower(n), strings.ToLower(base)) {
			continue
		}
		if e.IsDir() {
			names = append(names, n+string(filepath.Separator))
		} else if importable(n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		p.hint = p.c.T("importer.no_match")
		return
	}
	common := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(strings.ToLower(n), strings.ToLower(common)) {
			r := []rune(common)
			common = string(r[:len(r)-1])
		}
	}
	p.path.SetValue(prefix + common)
	p.path.SetPosition(len([]rune(p.path.Value())))
	p.hint = ""
	if len(names) > 1 {
		p.hint = strings.Join(names, "  ")
	}
}

// setJoinDate takes the join date typed for the rows without one (none
// when the input is empty) and checks the file again with it.
func (p *Page) setJoinDate() tea.Cmd {
	var d model.Date
	if v := strings.TrimSpace(p.joinInput.Value()); v != "" {
		var err error
		if d, err = model.ParseDate(v); err != nil {
			p.joinErr = p.c.Err(err)
			return nil
		}
		if d > p.c.Today() {
			p.joinErr = p.c.T("import.join_date_future", d.String())
			return nil
		}
	}
	p.joinInput.Blur()
	p.joinDate, p.joinErr = d, ""
	p.state = statePreview
	return p.prepare()
}

func (p *Page) options() roster.Options {
	return roster.Options{Kind: p.kind, OnDuplicate: p.dup, CreateUnits: p.createUnits, Today: p.c.Today(), Header: p.header, JoinDate: p.joinDate}
}

// load reads and checks the file in the background: its rows are checked
// while the next ones are read. Esc stops it.
func (p *Page) load() tea.Cmd {
	path := expand(p.path.Value())
	if path == "" { // say what enter wants
		p.hint = p.c.T("importer.path_hint")
		return nil
	}
	p.seq++
	// a default join date belongs to the file it was given for
	p.joinDate = 0
	seq, st, opts := p.seq, p.c.Store, p.options()
	p.state, p.err, p.hint, p.header = stateLoading, nil, "", nil
	p.path.Blur()
	ctx, cancel := context.WithCancel(context.Background())
	p.stopLoad = cancel
	return func() tea.Msg {
		defer cancel()
		opts.Header = nil
		pl, err := roster.Load(ctx, path, "", st, opts)
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		return loadedMsg{seq: seq, table: pl.Table, plan: pl}
	}
}

// prepare checks the file again with changed options or mapping.
func (p *Page) prepare() tea.Cmd {
	if p.table == nil {
		return nil
	}
	p.seq++
	seq, st, opts, t := p.seq, p.c.Store, p.options(), p.table
	return func() tea.Msg {
		pl, err := roster.Prepare(t, st, opts)
		return loadedMsg{seq: seq, table: t, plan: pl, err: err}
	}
}

func (p *Page) startImport() tea.Cmd {
	pl := p.plan
	if pl == nil || len(pl.FileIssues) > 0 {
		return nil
	}
	if pl.Stats.Problems > 0 && !p.skipInvalid {
		return common.SetStatus(p.c.T("importer.fix_first", pl.Stats.Problems), true)
	}
	if pl.Stats.New+pl.Stats.Updates == 0 {
		return common.SetStatus(p.c.T("importer.nothing_to_import"), true)
	}
	p.seq++
	seq := p.seq
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.state, p.done, p.total = stateImporting, 0, pl.Stats.New+pl.Stats.Updates
	p.updates = make(chan tea.Msg, 1)
	ch, st, op := p.updates, p.c.Store, p.c.Operator
	if op == "" {
		op = "import"
	}
	go func() {
		res, err := pl.Commit(ctx, st, op, func(done, total int) {
			select { // drop an update the page has not taken yet
			case ch <- progressMsg{seq: seq, done: done, total: total}:
			default:
			}
		})
		cancel()
		ch <- doneMsg{seq: seq, res: res, err: err}
	}()
	return p.listen()
}

// listen waits for the next message from the import.
func (p *Page) listen() tea.Cmd {
	ch := p.updates
	return func() tea.Msg { return <-ch }
}

// refilter picks the rows shown: all, or those with problems.
func (p *Page) refilter() {
	p.rows = p.rows[:0]
	if p.plan != nil {
		for i, it := range p.plan.Items {
			if !p.onlyBad || len(it.Issues) > 0 {
				p.rows = append(p.rows, i)
			}
		}
	}
	p.grid.SetCursor(0)
	p.refreshGrid()
}

func (p *Page) refreshGrid() {
	if p.plan == nil {
		p.grid.SetColumns(nil)
		p.grid.SetRows(0, nil)
		return
	}
	var cols []widget.Column
	var fields []roster.Field
	if p.kind == roster.Units {
		cols = []widget.Column{
			{Title: p.c.T("importer.col_row"), Width: 5, AlignRight: true},
			{Title: p.c.T("field.unit_name"), Width: 14, Flex: 1},
			{Title: p.c.T("field.credit_code"), Width: 18},
			{Title: p.c.T("importer.col_problems"), Width: 20, Flex: 2},
		}
		fields = []roster.Field{roster.FUnitName, roster.FCreditCode}
	} else {
		cols = []widget.Column{
			{Title: p.c.T("importer.col_row"), Width: 5, AlignRight: true},
			{Title: p.c.T("field.name"), Width: 8},
			{Title: p.c.T("field.id_number"), Width: 18},
			{Title: p.c.T("field.unit"), Width: 10, Flex: 1},
			{Title: p.c.T("importer.col_problems"), Width: 20, Flex: 2},
		}
		fields = []roster.Field{roster.FName, roster.FIDNumber, roster.FUnit}
	}
	p.grid.SetColumns(cols)
	pl := p.plan
	p.grid.SetRows(len(p.rows), func(row, col int) string {
		it := pl.Items[p.rows[row]]
		switch {
		case col == 0:
			return strconv.Itoa(it.Row)
		case col <= len(fields):
			f := fields[col-1]
			c := pl.Header.Column(f)
			v := model.Clean(p.table.Rows[it.Index].Cell(c))
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
func (p *Page) rowStatus(it roster.Item) string {
	if len(it.Issues) > 0 {
		msgs := make([]string, len(it.Issues))
		for i, is := range it.Issues {
			msgs[i] = is.Label(p.c.Lang) + ": " + is.Message(p.c.Lang)
			if p.c.Lang == 0 {
				msgs[i] = is.Label(p.c.Lang) + "：" + is.Message(p.c.Lang)
			}
		}
		return "! " + strings.Join(msgs, "；")
	}
	switch it.Action {
	case roster.Update:
		return p.c.T("importer.will_update")
	case roster.Skip:
		return p.c.T("importer.will_skip")
	}
	return p.c.T("importer.will_create")
}

// looksLikeID tells an ID number of any length (18, 15, a typo with 17 or
// 19 digits) from what Excel made of one (1.10101E+17), which reveals
// nothing and must stay visible so the secretary sees what went wrong.
func looksLikeID(v string) bool {
	if strings.ContainsAny(v, "Ee") {
		return false
	}
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 10
}
