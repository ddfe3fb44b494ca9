package units

import (
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// A section is one part of a unit's organisation register with its own
// small form: the fields it shows, how they are filled from the unit and
// read back into it. Saving writes the whole unit (one transaction, one
// audit entry naming the changed fields).
type section struct {
	key     string // sections.<key>: its name; its form's title
	fields  func(c *common.Common) []*form.Field
	fill    func(f *form.Form, u *model.Unit)
	read    func(r *form.Reader, u *model.Unit)
	summary func(c *common.Common, u *model.Unit, r model.OrgRules) string
}

// sections are the parts of the register in the order the detail lists
// them; committees come first and have their own screen (committees.go).
var sections = []section{congressSection, agreementsSection, homeSection, electionSection}

// sectionKeys are the sections' catalogue keys.
func sectionKeys() []string {
	ks := make([]string, len(sections))
	for i, s := range sections {
		ks[i] = s.key
	}
	return ks
}

var congressSection = section{
	key: "congress",
	fields: func(c *common.Common) []*form.Field {
		return []*form.Field{
			form.CheckField("workers_congress"),
			form.TextField("congress_last", false, c.T("hint.date")),
			form.TextField("congress_delegates", false, ""),
			form.TextField("congress_women", false, ""),
			form.CheckField("open_affairs"),
		}
	},
	fill: func(f *form.Form, u *model.Unit) {
		f.SetChecked("workers_congress", u.WorkersCongress)
		f.SetValue("congress_last", form.DateText(u.CongressLast))
		f.SetValue("congress_delegates", form.IntText(u.CongressDelegates))
		f.SetValue("congress_women", form.IntText(u.CongressWomen))
		f.SetChecked("open_affairs", u.OpenAffairs)
	},
	read: func(r *form.Reader, u *model.Unit) {
		u.WorkersCongress = r.F.Checked("workers_congress")
		u.CongressLast = r.Date("congress_last")
		u.CongressDelegates = r.Int("congress_delegates")
		u.CongressWomen = r.Int("congress_women")
		u.OpenAffairs = r.F.Checked("open_affairs")
	},
	summary: func(c *common.Common, u *model.Unit, _ model.OrgRules) string {
		parts := []string{c.T("units.no_congress")}
		if u.WorkersCongress {
			parts = []string{c.T("units.congress_line", dash(u.CongressLast.String()), u.CongressDelegates, u.CongressWomen)}
		}
		if u.OpenAffairs {
			parts = append(parts, c.T("field.open_affairs"))
		}
		return strings.Join(parts, c.T("units.sep"))
	},
}

var agreementsSection = section{
	key: "agreements",
	fields: func(c *common.Common) []*form.Field {
		d := c.T("hint.date")
		return []*form.Field{
			form.TextField("contract_signed", false, d),
			form.TextField("contract_expires", false, d),
			form.TextField("contract_covered", false, ""),
			form.TextField("wage_signed", false, d),
			form.TextField("wage_expires", false, d),
			form.TextField("wage_covered", false, ""),
			form.TextField("wage_raise", false, c.T("units.hint_raise")),
			form.TextField("women_signed", false, d),
			form.TextField("women_expires", false, d),
		}
	},
	fill: func(f *form.Form, u *model.Unit) {
		f.SetValue("contract_signed", form.DateText(u.ContractSigned))
		f.SetValue("contract_expires", form.DateText(u.ContractExpires))
		f.SetValue("contract_covered", form.IntText(u.ContractCovered))
		f.SetValue("wage_signed", form.DateText(u.WageSigned))
		f.SetValue("wage_expires", form.DateText(u.WageExpires))
		f.SetValue("wage_covered", form.IntText(u.WageCovered))
		f.SetValue("wage_raise", form.BasisPointsText(u.WageRaiseBP))
		f.SetValue("women_signed", form.DateText(u.WomenSigned))
		f.SetValue("women_expires", form.DateText(u.WomenExpires))
	},
	read: func(r *form.Reader, u *model.Unit) {
		u.ContractSigned = r.Date("contract_signed")
		u.ContractExpires = r.Date("contract_expires")
		u.ContractCovered = r.Int("contract_covered")
		u.WageSigned = r.Date("wage_signed")
		u.WageExpires = r.Date("wage_expires")
		u.WageCovered = r.Int("wage_covered")
		u.WageRaiseBP = r.BasisPoints("wage_raise")
		u.WomenSigned = r.Date("women_signed")
		u.WomenExpires = r.Date("women_expires")
	},
	summary: func(c *common.Common, u *model.Unit, _ model.OrgRules) string {
		today := c.Today()
		state := func(signed, expires model.Date, inForce bool) string {
			switch {
			case signed == 0:
				return c.T("units.none")
			case inForce:
				return c.T("units.until", dash(expires.String()))
			}
			return c.T("units.expired", expires.String())
		}
		return c.T("units.agreements_line",
			state(u.ContractSigned, u.ContractExpires, u.ContractInForce(today)),
			state(u.WageSigned, u.WageExpires, u.WageInForce(today)),
			state(u.WomenSigned, u.WomenExpires, u.WomenContractInForce(today)))
	},
}

var homeSection = section{
	key: "home",
	fields: func(c *common.Common) []*form.Field {
		levels := make([]form.Option, len(model.HomeLevels))
		for i, l := range model.HomeLevels {
			levels[i] = form.Option{Label: c.T(l.Key()), Value: uint64(l)}
		}
		return []*form.Field{
			form.ChoiceField("home_level", true, levels),
			form.TextField("home_year", false, ""),
			form.CheckField("bookhouse"),
			form.TextField("staff_full", false, "0"),
			form.TextField("staff_part", false, "0"),
		}
	},
	fill: func(f *form.Form, u *model.Unit) {
		f.SetChoice("home_level", uint64(u.HomeLevel))
		f.SetValue("home_year", form.IntText(u.HomeYear))
		f.SetChecked("bookhouse", u.Bookhouse)
		f.SetValue("staff_full", form.IntText(u.StaffFull))
		f.SetValue("staff_part", form.IntText(u.StaffPart))
	},
	read: func(r *form.Reader, u *model.Unit) {
		u.HomeLevel = model.HomeLevel(r.Choice("home_level"))
		u.HomeYear = r.Int("home_year")
		u.Bookhouse = r.F.Checked("bookhouse")
		u.StaffFull = r.Int("staff_full")
		u.StaffPart = r.Int("staff_part")
	},
	summary: func(c *common.Common, u *model.Unit, _ model.OrgRules) string {
		parts := []string{c.T(u.HomeLevel.Key())}
		if u.HomeLevel != model.HomeNone {
			parts[0] += " " + strconv.Itoa(u.HomeYear)
		}
		if u.Bookhouse {
			parts = append(parts, c.T("field.bookhouse"))
		}
		parts = append(parts, c.T("units.staff_line", u.StaffFull, u.StaffPart))
		return strings.Join(parts, c.T("units.sep"))
	},
}

var electionSection = section{
	key: "election",
	fields: func(c *common.Common) []*form.Field {
		return []*form.Field{
			form.TextField("elected_on", false, c.T("hint.date")),
			form.TextField("term_years", false, c.T("units.hint_term")),
		}
	},
	fill: func(f *form.Form, u *model.Unit) {
		f.SetValue("elected_on", form.DateText(u.ElectedOn))
		f.SetValue("term_years", form.IntText(u.TermYears))
	},
	read: func(r *form.Reader, u *model.Unit) {
		u.ElectedOn = r.Date("elected_on")
		u.TermYears = r.Int("term_years")
	},
	summary: func(c *common.Common, u *model.Unit, r model.OrgRules) string {
		return electionText(c, u, r)
	},
}

// electionText says when the committee was elected and when its term
// ends, and whether its 换届 is due.
func electionText(c *common.Common, u *model.Unit, r model.OrgRules) string {
	end := u.TermEnds(r)
	if end == 0 {
		return c.T("units.no_election")
	}
	s := c.T("units.election_line", u.ElectedOn.String(), end.String())
	if today := c.Today(); u.ElectionDue(today, r) {
		if end < today {
			s += c.T("units.sep") + c.T("units.election_overdue")
		} else {
			s += c.T("units.sep") + c.T("units.election_due")
		}
	}
	return s
}

// openSection pushes sec's form for the unit id; saving writes the unit.
func openSection(c *common.Common, st *stack.Stack, b *book, id uint64, sec section) tea.Cmd {
	u, ok := b.unit(id)
	if !ok {
		return nil
	}
	fields := sec.fields(c)
	keys := make([]string, len(fields))
	for i, fl := range fields {
		keys[i] = fl.Key
	}
	f := form.New(c, fields...)
	sec.fill(f, &u)
	f.MarkClean()
	read := func() (model.Unit, model.Problems) {
		r := form.Reader{F: f}
		v := u
		sec.read(&r, &v)
		v.Normalize()
		var own model.Problems // the section shows its own fields' problems
		for _, p := range v.Validate(c.Today()) {
			if slices.Contains(keys, p.Field) {
				own = append(own, p)
			}
		}
		return v, r.Merge(own)
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	title := c.T("sections."+sec.key) + c.T("units.title_sep") + u.Name
	return st.Push(form.NewScreen(c, st, title, f, func() tea.Cmd {
		v, _ := read()
		if err := c.Store.UpdateUnit(c.OperatorName(), &v); err != nil {
			return f.SaveError(err, nil)
		}
		b.reload()
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("units.updated", v.Name), false), common.Changed(model.EntityUnit, v.ID))
	}))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
