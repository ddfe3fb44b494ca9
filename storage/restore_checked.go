package storage

import (
	"errors"

	"go.etcd.io/bbolt"
)

// ErrRestoreCheckFailed is RestoreRecordsChecked's error when the restored
// records fail the check: nothing was written.
var ErrRestoreCheckFailed = errors.New("storage: the restored records fail the check")

// RestoreRecordsChecked is RestoreRecords that also runs the domain checks
// of Check (every registered checker; not bbolt's structural one, which a
// transaction not yet written has no use for) inside the same transaction,
// once the indexes are rebuilt. When they find a problem the transaction
// is rolled back, nothing is written, and the report, with
// ErrRestoreCheckFailed, says what was wrong: a package whose data is
// inconsistent is never loaded. The report holds no reference into the
// database's memory (see freezeArgs).
func (s *Store) RestoreRecordsChecked(fn func(*Restorer) error) (*CheckReport, error) {
	rep := &CheckReport{}
	err := s.restoreRecords(fn, func(tx *bbolt.Tx) error {
		for _, c := range checkers() {
			rep.checker = c.name
			if err := runChecker(c, tx, rep); errors.Is(err, errMissingBuckets) {
				break
			} else if err != nil {
				return err
			}
		}
		rep.checker = ""
		if !rep.OK() { // (a report holds nothing of the transaction: see freezeArgs)
			return ErrRestoreCheckFailed
		}
		return nil
	})
	return rep, err
}
