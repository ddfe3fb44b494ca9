package transfer

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
	"unionbook/roster"
	"unionbook/ui/common"
)

// The preview's lines of text: the options with their keys, the notices,
// what the import does with a row.

// action says what the import does with a row without problems; for a
// member it updates, field by field what changes.
func action(c *common.Common, pl *roster.Plan, it roster.Item) string {
	switch {
	case it.Action == roster.Update && pl.Kind == roster.Members && len(it.Changes) == 0:
		return c.T("importer.no_change")
	case it.Action == roster.Update && pl.Kind == roster.Members:
		return "* " + roster.ChangesText(it.Changes, c.Lang)
	case it.Action == roster.Update:
		return c.T("importer.will_update")
	case it.Action == roster.Skip:
		return c.T("importer.will_skip")
	}
	return c.T("importer.will_create")
}

// joinProblems joins a row's problems as the language separates sentences.
func joinProblems(l i18n.Lang, msgs []string) string {
	if l == i18n.ZH {
		return strings.Join(msgs, "；")
	}
	return strings.Join(msgs, "; ")
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

// optionsLine shows each option with the key that changes it, in w cells:
// "d 已有记录算问题  s 有问题则不导入  c 不建新单位".
func (p *preview) optionsLine(w int) string {
	c, set, st := p.e.c, &p.imp.set, p.e.c.Styles
	k := p.e.keys
	type option struct {
		key  key.Binding
		text string
	}
	var opts []option
	if p.plan.Kind == roster.Members && p.plan.WantsJoinDate() {
		// first, where it shows: only rosters that lack join dates have it
		text := c.T("importer.join_date_none")
		if p.joinDate != 0 {
			text = c.T("importer.join_date_set", p.joinDate.String())
		}
		opts = append(opts, option{k.joinDate, text})
	}
	opts = append(opts, option{k.dup, c.T([]string{"importer.dup_error", "importer.dup_skip", "importer.dup_update"}[set.dup])})
	skip := "importer.invalid_block"
	if set.skipInvalid {
		skip = "importer.invalid_skip"
	}
	opts = append(opts, option{k.skip, c.T(skip)})
	if p.plan.Kind == roster.Members {
		create := "importer.units_no"
		if set.createUnits {
			create = "importer.units_yes"
		}
		opts = append(opts, option{k.create, c.T(create)})
	}
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = st.Key.Render(o.key.Help().Key) + " " + st.Muted.Render(o.text)
	}
	return fitStyled(strings.Join(parts, "  "), w)
}

// noticeLine says what the import does besides the rows: unit names taken
// as registered units (u shows them), units not registered, rows that are
// not data; in w cells.
func (p *preview) noticeLine(w int) string {
	c, pl, st := p.e.c, p.plan, p.e.c.Styles
	var parts []string
	if n := len(pl.UnitMatches); n > 0 {
		parts = append(parts, st.Warning.Render(c.T("importer.unit_matches", n)))
	}
	if n := len(pl.NewUnits); n > 0 && pl.Kind == roster.Members {
		parts = append(parts, st.Muted.Render(c.T("importer.new_units", n)))
	}
	if pl.Ignored > 0 {
		parts = append(parts, st.Muted.Render(c.T("importer.ignored", pl.Ignored)))
	}
	sep := st.Muted.Render(" | ")
	return fitStyled(strings.Join(parts, sep), w)
}

func commaName(c rune) string {
	switch c {
	case '\t':
		return "Tab"
	case ';':
		return ";"
	}
	return ","
}
