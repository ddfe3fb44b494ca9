package roster

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Result is what Commit wrote.
type Result struct {
	Created, Updated, Unchanged, UnitsCreated int
	Backup                                    string // the backup taken first, "" if none
}

// ErrCanceled is returned by Commit when its context ends before the
// transaction commits: nothing was written.
var ErrCanceled = i18n.E("import.canceled")

// BackupBeforeImport takes the automatic backup before a real import (into
// the backups folder next to the database) and returns its path. A variable
// so tests can count or fail it.
var BackupBeforeImport = func(st *storage.Store) (string, error) { return st.AutoBackup(storage.BackupImport) }

// RowError is a write that failed for one row.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return e.Localize(i18n.EN) }
func (e *RowError) Localize(l i18n.Lang) string {
	return l.T("import.at_row", e.Row, i18n.Text(e.Err, l))
}
func (e *RowError) Unwrap() error { return e.Err }

// Commit writes the plan's valid rows in one transaction: all of them or,
// if any write fails or ctx ends first, none. Rows with problems are left
// out (the caller decides whether a plan with problems may be committed).
// progress, if not nil, is called now and then with the rows done and the
// total.
func (p *Plan) Commit(ctx context.Context, st *storage.Store, op string, progress func(done, total int)) (Result, error) {
	var res Result
	if len(p.FileIssues) > 0 {
		return res, i18n.E("import.cannot", p.FileIssues[0].Localize(i18n.EN))
	}
	if err := ctx.Err(); err != nil {
		return res, ErrCanceled
	}
	total := 0
	for _, it := range p.Items {
		if it.Action == Create || it.Action == Update {
			total++
		}
	}
	if total == 0 {
		return res, nil // nothing to write: no backup, no transaction
	}
	backup, err := BackupBeforeImport(st)
	if err != nil {
		return res, i18n.E("import.backup_failed", i18n.Text(err, i18n.EN))
	}
	res.Backup = backup
	err = st.Bulk(op, func(b *storage.Batch) error {
		res2 := Result{Backup: backup}
		newIDs := map[string]uint64{}
		if p.Kind == Members && p.Opts.CreateUnits {
			used := p.unitsUsed()
			for _, nu := range p.NewUnits {
				k := unitKey(nu.Name)
				if !used[k] {
					continue
				}
				u := model.Unit{Name: nu.Name}
				if err := b.CreateUnit(&u); err != nil {
					return fmt.Errorf("%s: %w", nu.Name, err)
				}
				newIDs[k] = u.ID
				res2.UnitsCreated++
			}
		}
		done := 0
		for i := range p.Items {
			it := &p.Items[i]
			if it.Action != Create && it.Action != Update {
				continue
			}
			if done%512 == 0 {
				if ctx.Err() != nil {
					return ErrCanceled
				}
				if progress != nil {
					progress(done, total)
				}
			}
			done++
			var err error
			switch {
			case p.Kind == Units && it.Action == Create:
				u := it.Unit
				err = b.CreateUnit(&u)
				res2.Created++
			case p.Kind == Units:
				u := it.Unit
				var changed bool
				changed, err = b.UpdateUnit(&u)
				res2.count(changed)
			default:
				m := it.Member
				if it.newUnit != "" {
					m.UnitID = newIDs[it.newUnit]
				}
				if it.Action == Create {
					err = b.CreateMember(&m)
					res2.Created++
				} else {
					var changed bool
					changed, err = b.UpdateMember(&m)
					res2.count(changed)
				}
			}
			if err != nil {
				return &RowError{Row: it.Row, Err: err}
			}
		}
		if ctx.Err() != nil {
			return ErrCanceled
		}
		if progress != nil {
			progress(total, total)
		}
		res = res2
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrCanceled) {
			return Result{Backup: backup}, ErrCanceled
		}
		return Result{Backup: backup}, err
	}
	return res, nil
}

func (r *Result) count(changed bool) {
	if changed {
		r.Updated++
	} else {
		r.Unchanged++
	}
}

// unitsUsed are the new units that valid rows go to.
func (p *Plan) unitsUsed() map[string]bool {
	used := map[string]bool{}
	for i := range p.Items {
		if it := &p.Items[i]; it.newUnit != "" && (it.Action == Create || it.Action == Update) {
			used[it.newUnit] = true
		}
	}
	return used
}

// Itoa is strconv.Itoa, for callers that format counts.
func Itoa(n int) string { return strconv.Itoa(n) }
