package district

import (
	"unionbook/model"
	"unionbook/storage"
)

// The data files of the records kept since the first versions: the
// profile and counters here; units, members (with their status history and
// wage bases), unit batches and dues payments (reversals included),
// cash-book entries, events and the audit log are simpleEntity lines in
// registry.go. Hardship files and aid are in entity_hardship.go.

// profileEntity is the union's profile, one line.
var profileEntity = Entity{
	Name: "profile",
	Count: func(r *storage.Records, _ *periodScope) int {
		if _, ok, _ := r.Profile(); ok {
			return 1
		}
		return 0
	},
	Write: func(r *storage.Records, j *JSONL, s *periodScope) error {
		p, ok, err := r.Profile()
		if err != nil || !ok {
			return err
		}
		if s != nil {
			s.periodProfile(&p)
		}
		return encodeLine(j, &p)
	},
	Load: func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(p *model.Profile) error { return rs.PutProfile(*p) })
	},
}

// countersEntity holds the sequences and numbering counters, one line.
var countersEntity = Entity{
	Name:  "counters",
	Count: func(*storage.Records, *periodScope) int { return 1 },
	Write: func(r *storage.Records, j *JSONL, _ *periodScope) error {
		c, err := r.Counters()
		if err != nil {
			return err
		}
		return encodeLine(j, &c)
	},
	Load: func(rs *storage.Restorer, d *LineDecoder) error {
		return loadEach(d, func(c *storage.Counters) error { rs.SetCounters(*c); return nil })
	},
}

func encodeLine(j *JSONL, v any) error {
	return j.Raw(AppendRecord(nil, v))
}
