package units

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
)

func itoa(n int) string { return strconv.Itoa(n) }

func (d *detail) View() string {
	u, ok := d.b.unit(d.id)
	if !ok {
		return ""
	}
	st := d.c.Styles
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render(u.Name)+"  "+st.Muted.Render(d.c.T("units.member_count", d.b.counts[u.ID])), d.width, "~") + "\n")
	tabs := make([]string, numPanes)
	for i, k := range paneKeys {
		if pane(i) == d.pane {
			tabs[i] = st.TableSelected.Render("[" + d.c.T(k) + "]")
		} else {
			tabs[i] = st.Muted.Render(" " + d.c.T(k) + " ")
		}
	}
	line := strings.Join(tabs, " ")
	if d.err != nil {
		line += "  " + st.Error.Render(d.c.Err(d.err))
	}
	b.WriteString(ansi.Truncate(line, d.width, "~") + "\n")
	switch d.pane {
	case paneSummary:
		facts := d.summaryLines(&u)
		b.WriteString(strings.Join(facts, "\n"))
		if d.membersUnderFacts(len(facts)) {
			b.WriteString("\n" + st.Title.Render(d.c.T("units.members_title")) + "\n" + d.table.View())
		}
	case paneOrg:
		b.WriteString(d.orgRows.View())
		b.WriteString("\n" + st.Muted.Render(ansi.Truncate(d.c.T("units.org_hint"), d.width, "~")))
	case paneMembers:
		b.WriteString(d.table.View())
	}
	return b.String()
}

// membersUnderFacts reports whether the summary pane has room for the
// member table under its facts lines (at least three members).
func (d *detail) membersUnderFacts(facts int) bool {
	return d.height-headerLines-facts-1 >= 5
}

// layout places the member table: under the facts in the summary pane
// when there is room, alone in the members pane.
func (d *detail) layout() {
	top := headerLines
	if d.pane == paneSummary {
		u, _ := d.b.unit(d.id)
		top += len(d.summaryLines(&u)) + 1
	}
	d.table.SetOrigin(0, top)
	d.table.SetSize(d.width, max(3, d.height-top))
}

// summaryLines lay the unit's facts out in two columns when there is room.
func (d *detail) summaryLines(u *model.Unit) []string {
	st := d.c.Styles
	yes := func(v bool) string {
		if v {
			return d.c.T("form.yes")
		}
		return d.c.T("form.no")
	}
	counts := d.c.T("units.staff_counts", u.Employees, u.Women, u.MigrantWorkers)
	if u.JointUnion() {
		counts += d.c.T("units.sep") + d.c.T("units.covered", u.EmployersCovered())
	}
	status := d.c.T(u.Status.Key())
	if u.DissolvedOn != 0 {
		status += " " + u.DissolvedOn.String()
	}
	left := [][2]string{
		{"union_form", d.c.T(u.FormOrType().Key())},
		{"credit_code", dash(u.CreditCode)},
		{"union_credit", dash(u.UnionCredit)},
		{"employees", counts},
		{"chair", dash(u.Chair) + "  " + u.Phone},
		{"address", dash(u.Address)},
		{"election", electionText(d.c, u, d.rules)},
	}
	right := [][2]string{
		{"unit_kind", d.c.T(u.Kind.Key())},
		{"stat_code", dash(u.StatCode)},
		{"region_code", dash(u.RegionCode)},
		{"formed_on", dash(u.FormedOn.String())},
		{"unit_status", status},
		{"workers_congress", yes(u.WorkersCongress) + "  " + d.c.T("field.open_affairs") + " " + yes(u.OpenAffairs)},
	}
	if u.FromEmployer != 0 {
		right = append(right, [2]string{"from_employer", d.c.T("units.from_employer")})
	}
	var notes [][2]string
	if u.Notes != "" {
		notes = [][2]string{{"notes", u.Notes}}
	}
	lab := func(k string, w int) string {
		l := d.c.T("field." + k)
		return st.Label.Render(l+strings.Repeat(" ", max(0, w-ansi.StringWidth(l)))) + " "
	}
	widest := func(kvs [][2]string) int {
		n := 0
		for _, kv := range kvs {
			n = max(n, ansi.StringWidth(d.c.T("field."+kv[0])))
		}
		return n
	}
	// need is how wide a column is with its labels padded to lw
	need := func(kvs [][2]string, lw int) int {
		n := 0
		for _, kv := range kvs {
			n = max(n, lw+1+ansi.StringWidth(kv[1]))
		}
		return n
	}
	var out []string
	w := d.width
	lw, rw := widest(left), widest(right)
	// two columns when both fit whole: the left one as wide as its
	// figures need (at least half the screen), the right one after it
	if ln, rn := need(left, lw), need(right, rw); w >= 96 && ln+2+rn <= w {
		half := min(max(w/2+4, ln+2), w-rn)
		for i := range max(len(left), len(right)) {
			l := ""
			if i < len(left) {
				l = ansi.Truncate(lab(left[i][0], lw)+left[i][1], half-1, "~")
			}
			l += strings.Repeat(" ", max(0, half-ansi.StringWidth(l)))
			if i < len(right) {
				l += ansi.Truncate(lab(right[i][0], rw)+right[i][1], w-half, "~")
			}
			out = append(out, l)
		}
		for _, kv := range notes {
			out = append(out, ansi.Truncate(lab(kv[0], lw)+kv[1], w, "~"))
		}
		return out
	}
	left = append(left, notes...)
	all := append(left, right...)
	lw = widest(all)
	for _, kv := range all {
		out = append(out, ansi.Truncate(lab(kv[0], lw)+kv[1], w, "~"))
	}
	return out
}
