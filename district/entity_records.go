package district

import (
	"unionbook/model"
	"unionbook/storage"
)

// The data files of the records kept since the first versions: the
// profile and counters, units, members (with their status history and
// wage bases), unit batches and dues payments (reversals included),
// cash-book entries, events and the audit log. Hardship files and aid
// register theirs in entity_hardship.go.

func init() {
	RegisterEntity(Entity{
		Name: "profile", Order: 10,
		Count: func(r *storage.Records) int {
			if _, ok, _ := r.Profile(); ok {
				return 1
			}
			return 0
		},
		Write: func(r *storage.Records, j *JSONL) error {
			p, ok, err := r.Profile()
			if err != nil || !ok {
				return err
			}
			return encodeLine(j, &p)
		},
		Load: func(rs *storage.Restorer, d *LineDecoder) error {
			return loadEach(d, func(p *model.Profile) error { return rs.PutProfile(*p) })
		},
	})
	RegisterEntity(Entity{
		Name: "counters", Order: 15,
		Count: func(*storage.Records) int { return 1 },
		Write: func(r *storage.Records, j *JSONL) error {
			c, err := r.Counters()
			if err != nil {
				return err
			}
			return encodeLine(j, &c)
		},
		Load: func(rs *storage.Restorer, d *LineDecoder) error {
			return loadEach(d, func(c *storage.Counters) error { rs.SetCounters(*c); return nil })
		},
	})
	RegisterEntity(simpleEntity("units", 20, "units", (*storage.Restorer).PutUnit))
	RegisterEntity(simpleEntity("members", 30, "members", (*storage.Restorer).PutMember))
	RegisterEntity(simpleEntity("dues_batches", 40, "dues_batches", (*storage.Restorer).PutBatch))
	RegisterEntity(simpleEntity("dues_payments", 50, "payments", (*storage.Restorer).PutPayment))
	RegisterEntity(simpleEntity("ledger", 60, "ledger", (*storage.Restorer).PutLedger))
	RegisterEntity(simpleEntity("events", 80, "events", (*storage.Restorer).PutEvent))
	RegisterEntity(simpleEntity("audit", 100, "audit", (*storage.Restorer).PutAudit))
}

func encodeLine(j *JSONL, v any) error {
	return j.Raw(AppendRecord(nil, v))
}
