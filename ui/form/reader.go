package form

import (
	"strconv"
	"strings"

	"unionbook/model"
)

// Reader reads a form's text fields into values, collecting a problem for
// each field that does not parse; the model's own rules are added after
// with Merge, so a field shows one problem at a time (the parse one first).
type Reader struct {
	F  *Form
	Ps model.Problems
}

// Int reads a whole number; empty is 0.
func (r *Reader) Int(field string) int {
	v := model.Clean(r.F.Value(field))
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.Ps = append(r.Ps, model.Problem{Field: field, Key: "problem.whole_number"})
	}
	return n
}

// Date reads a date; empty is 0.
func (r *Reader) Date(field string) model.Date {
	v := r.F.Value(field)
	if strings.TrimSpace(v) == "" {
		return 0
	}
	d, err := model.ReadDate(v) // a month alone is its first day
	if err != nil {
		r.Ps = append(r.Ps, ProblemOf(field, err))
	}
	return d
}

// BasisPoints reads a percentage with up to two decimals ("3.5", "3.5%")
// as basis points (350); empty is 0.
func (r *Reader) BasisPoints(field string) int {
	v := strings.TrimSuffix(strings.TrimSpace(model.Clean(r.F.Value(field))), "%")
	if v == "" {
		return 0
	}
	m, err := model.ParseMoney(v) // hundredths, as fen
	if err != nil {
		// told as a percentage, not as an amount of money
		p := ProblemOf(field, err)
		if len(p.Args) == 0 {
			p.Args = []any{v}
		}
		p.Key = "percent.format"
		r.Ps = append(r.Ps, p)
	}
	return int(m)
}

// Choice reads a choice field's value (0 when none is chosen).
func (r *Reader) Choice(field string) uint64 {
	v, _ := r.F.Choice(field)
	return v
}

// Merge adds the model's problems of fields that have no parse problem
// and returns them all.
func (r *Reader) Merge(ps model.Problems) model.Problems {
	for _, q := range ps {
		if len(r.Ps.For(q.Field)) == 0 {
			r.Ps = append(r.Ps, q)
		}
	}
	return r.Ps
}

// DateText is a date for a text field: empty for none.
func DateText(d model.Date) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// IntText is a number for a text field: empty for 0.
func IntText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// BasisPointsText shows basis points as a percentage for a text field
// (350 is "3.5"); empty for 0.
func BasisPointsText(bp int) string {
	if bp == 0 {
		return ""
	}
	s := model.Money(bp).String() // two decimals
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

// Has reports whether the form has a field of that key (forms built to
// fit a choice, as a status change's, read only the fields they have).
func (f *Form) Has(key string) bool { return f.has(key) }
