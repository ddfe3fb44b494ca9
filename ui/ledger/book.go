package ledger

import (
	"strconv"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// book is what every screen of the tab reads: the chart of accounts (the
// standard one with the union's own sub-accounts, reloaded by the page when
// data changes) and the words for accounts, directions and sources.
type book struct {
	c      *common.Common
	k      keys
	chart  []model.Account
	byCode map[string]int // account code -> index into chart
	err    error          // reading the chart
}

func newBook(c *common.Common) *book {
	b := &book{c: c, k: newKeys(c)}
	b.loadChart()
	return b
}

func (b *book) loadChart() {
	chart, err := b.c.Store.Chart()
	if err != nil {
		b.err = err
		return
	}
	b.chart, b.err = chart, nil
	b.byCode = make(map[string]int, len(chart))
	for i, a := range chart {
		b.byCode[a.Code] = i
	}
}

// accountName is an account's name in the user's language.
func (b *book) accountName(a model.Account) string {
	if b.c.Lang == i18n.EN && a.NameEN != "" {
		return a.NameEN
	}
	return a.Name
}

// accountLabel is "50204 困难职工帮扶费" for a code.
func (b *book) accountLabel(code string) string {
	if i, ok := b.byCode[code]; ok {
		return code + " " + b.accountName(b.chart[i])
	}
	return code
}

// accountOf is the account of an option's value (its index in the chart
// plus one).
func (b *book) accountOf(v uint64) (model.Account, bool) {
	if v == 0 || int(v) > len(b.chart) {
		return model.Account{}, false
	}
	return b.chart[v-1], true
}

// accountValue is the option value of an account code, 0 for none.
func (b *book) accountValue(code string) uint64 {
	if i, ok := b.byCode[code]; ok {
		return uint64(i + 1)
	}
	return 0
}

// accountOptions lists the chart, only accounts of direction d when d is
// set. An option's value is the account's index in the chart plus one. For
// a picker, sub-accounts are indented under their parent and English
// labels carry the Chinese name too, so pinyin initials find them.
func (b *book) accountOptions(d model.Direction, forPicker bool) []form.Option {
	opts := make([]form.Option, 0, len(b.chart))
	for i, a := range b.chart {
		if d != 0 && a.Direction != d {
			continue
		}
		label := a.Code + " " + b.accountName(a)
		if forPicker {
			label = strings.Repeat("  ", depth(a.Code)) + label
			if b.c.Lang == i18n.EN && a.NameEN != "" && a.Name != "" && !hasHan(a.NameEN) {
				label += " (" + a.Name + ")"
			}
		}
		opts = append(opts, form.Option{Label: label, Value: uint64(i + 1)})
	}
	return opts
}

// depth is how far an account is indented under its parents.
func depth(code string) int { return max(0, (len(code)-3+1)/2) }

func (b *book) dirName(d model.Direction) string {
	switch d {
	case model.In:
		return b.c.T("cashbook.dir_in")
	case model.Out:
		return b.c.T("cashbook.dir_out")
	}
	return b.c.T("cashbook.dir_all")
}

func (b *book) sourceName(s model.Source) string {
	switch s.Kind {
	case "":
		return b.c.T("cashbook.src_manual")
	case "dues":
		return b.c.T("cashbook.src_dues")
	case "dues_batch":
		return b.c.T("cashbook.src_dues_batch")
	case "aid":
		return b.c.T("cashbook.src_aid")
	case "event":
		return b.c.T("cashbook.src_event")
	case storage.SourceConsolation:
		return b.c.T("entity.consolation")
	case storage.SourceFunds:
		return b.c.T("entity.funds_payment")
	}
	return s.Kind
}

// sourceTab names the tab where an entry's source is reversed.
func (b *book) sourceTab(s model.Source) string {
	switch s.Kind {
	case "aid":
		return b.c.T("cashbook.tab_hardship")
	case "event":
		return b.c.T("cashbook.tab_events")
	}
	return b.c.T("cashbook.tab_dues")
}

// flag says whether a line was reversed or is a reversal.
func (b *book) flag(l storage.LedgerLine) string {
	switch {
	case l.ReversalOf != 0:
		return b.c.T("cashbook.flag_reversal")
	case l.ReversedBy != 0:
		return b.c.T("cashbook.flag_reversed")
	}
	return ""
}

// widest is the widest translation of keys, at least least cells.
func (b *book) widest(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(b.c.T(k)))
	}
	return w
}

// entryLine finds entry id with its running balance and reversal (the store
// reads the entry's own day and account).
func (b *book) entryLine(id uint64) (storage.LedgerLine, error) {
	e, err := b.c.Store.LedgerEntry(id)
	if err != nil {
		return storage.LedgerLine{}, err
	}
	ls, err := b.c.Store.Ledger(storage.LedgerFilter{From: e.Date, To: e.Date, Account: e.Account})
	if err == nil {
		for _, l := range ls {
			if l.ID == id {
				return l, nil
			}
		}
	}
	return storage.LedgerLine{LedgerEntry: e}, nil
}

// voucher is an entry's voucher number, or its id when it cannot be read.
func (b *book) voucher(id uint64) string {
	if e, err := b.c.Store.LedgerEntry(id); err == nil {
		return e.VoucherNo
	}
	return itoa(id)
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// itoa is strconv.Itoa for uint64 ids.
func itoa(id uint64) string { return strconv.FormatUint(id, 10) }

// postedStatus is the status after something was posted: what was saved,
// then any budget or money-account warning the posting raised, shown as an
// error so that it is not missed.
func (b *book) postedStatus(text string, warns ...model.Warnings) tea.Cmd {
	var msgs []string
	for _, ws := range warns {
		for _, w := range ws {
			msgs = append(msgs, w.Message(b.c.Lang))
		}
	}
	if len(msgs) == 0 {
		return common.SetStatus(text, false)
	}
	return common.SetStatus(b.c.T("books_ui.posted_warning", text, strings.Join(msgs, b.c.T("books_ui.warning_sep"))), true)
}
