package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// AuditFilter selects audit entries; zero fields select everything.
type AuditFilter struct {
	Entity   model.Entity      // "" for every kind
	EntityID uint64            // with Entity: one record's history
	Action   model.AuditAction // create, update, delete, status, reverse, ...
	From, To model.Date        // the entry's local date, inclusive
}

func (f AuditFilter) match(e *model.AuditEntry) bool {
	if f.Entity != "" && e.Entity != f.Entity {
		return false
	}
	if f.EntityID != 0 && e.EntityID != f.EntityID {
		return false
	}
	if f.Action != "" && e.Action != f.Action {
		return false
	}
	if f.From != 0 || f.To != 0 {
		d := model.DateOf(e.At.Local())
		if f.From != 0 && d < f.From {
			return false
		}
		if f.To != 0 && d > f.To {
			return false
		}
	}
	return true
}

// datesExclude says, from the entry's time alone, that audit record v is
// outside f's dates. Its time is read without the rest of the entry (the
// start of a compressed entry, storage/codec.go): a quarter's export or a
// date filter passes over hundreds of thousands of entries of other days
// at a third of the cost. A record that does not read is left to the
// whole decode, which reports it.
func (f AuditFilter) datesExclude(v []byte) bool {
	if f.From == 0 && f.To == 0 {
		return false
	}
	var r AuditRef
	if decode(v, &r) != nil {
		return false
	}
	d := model.DateOf(r.At.Local())
	return f.From != 0 && d < f.From || f.To != 0 && d > f.To
}

// auditScanLimit caps the entries one AuditQuery call reads, so a filter
// that matches nothing in a long log answers quickly; the caller pages on
// with the returned cursor.
const auditScanLimit = 20000

// AuditQuery returns up to limit entries matching f, newest first, among
// those with an ID below before (0: from the newest). next is the before to
// pass for the following page: 0 when no older entries remain. Fewer than
// limit entries with a non-zero next means the scan stopped at its cap
// (20,000 entries read): ask again to go on. Entries are read by key range,
// never all at once.
func (s *Store) AuditQuery(f AuditFilter, before uint64, limit int) (es []model.AuditEntry, next uint64, err error) {
	if limit <= 0 {
		limit = 100
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		var k, v []byte
		if before == 0 {
			k, v = c.Last()
		} else {
			k, v = c.Seek(itob(before))
			if k == nil {
				k, v = c.Last()
			}
			for k != nil && btoi(k) >= before {
				k, v = c.Prev()
			}
		}
		scanned := 0
		for ; k != nil; k, v = c.Prev() {
			if len(es) == limit || scanned == auditScanLimit {
				next = btoi(k) + 1
				return nil
			}
			scanned++
			if f.datesExclude(v) {
				continue
			}
			var e model.AuditEntry
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("audit %d: %w", btoi(k), err)
			}
			if f.match(&e) {
				es = append(es, e)
			}
		}
		return nil
	})
	return es, next, err
}

// ForEachAudit calls fn with every audit entry matching f, oldest first,
// reading by key range in chunks (for the district package's audit sheet).
// fn runs outside any transaction, so it may take its time.
func (s *Store) ForEachAudit(f AuditFilter, fn func(model.AuditEntry) error) error {
	const chunk = 2000
	var after uint64
	for {
		var batch []model.AuditEntry
		scanned := 0
		err := s.db.View(func(tx *bbolt.Tx) error {
			c := tx.Bucket(bucketAudit).Cursor()
			for k, v := c.Seek(itob(after + 1)); k != nil && scanned < chunk; k, v = c.Next() {
				scanned++
				after = btoi(k)
				if f.datesExclude(v) {
					continue
				}
				var e model.AuditEntry
				if err := decode(v, &e); err != nil {
					return fmt.Errorf("audit %d: %w", btoi(k), err)
				}
				if f.match(&e) {
					batch = append(batch, e)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, e := range batch {
			if err := fn(e); err != nil {
				return err
			}
		}
		if scanned < chunk {
			return nil
		}
	}
}
