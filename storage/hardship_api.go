package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The Store's and the Batch's hardship writes and reads.

// CreateHardshipFile validates and stores a new file for f.MemberID, as
// applied (申请) or, for a file carried over from paper, active (在档, its
// approval date defaulting to the application date). A member with an open
// file is refused (field "member"), and so is a household one of whose
// members is in another open file. A member whose earlier file was lifted
// out or closed is filed again: the new file names the latest earlier one
// in PreviousID. On success f holds the stored file.
func (s *Store) CreateHardshipFile(op string, f *model.HardshipFile) error {
	c := f.Clone()
	if err := s.update(op, func(w *writer) error { return w.createHardshipFile(&c) }); err != nil {
		return err
	}
	*f = c
	return nil
}

// UpdateHardshipFile stores the changed fields of an applied, active or
// lifted-out file (not of a closed one). Its member, status, lifecycle
// dates and reviews are kept as stored.
func (s *Store) UpdateHardshipFile(op string, f *model.HardshipFile) error {
	c := f.Clone()
	if err := s.update(op, func(w *writer) error { return w.updateHardshipFile(&c) }); err != nil {
		return err
	}
	*f = c
	return nil
}

// ApproveHardshipFile makes an applied file active (在档) from date.
func (s *Store) ApproveHardshipFile(op string, id uint64, date model.Date, approver string) (model.HardshipFile, error) {
	var f model.HardshipFile
	err := s.update(op, func(w *writer) (e error) { f, e = w.approveHardshipFile(id, date, approver); return })
	return f, err
}

// ReviewHardshipFile appends a dated review (复核); a review may change the
// file's category (r.Category).
func (s *Store) ReviewHardshipFile(op string, id uint64, r model.HardshipReview) (model.HardshipFile, error) {
	var f model.HardshipFile
	err := s.update(op, func(w *writer) (e error) { f, e = w.reviewHardshipFile(id, r); return })
	return f, err
}

// LiftHardshipFile records that an active file's household left hardship
// (已脱困), with the public notice, the approval and the date; the follow-up
// runs six months from that date.
func (s *Store) LiftHardshipFile(op string, id uint64, l model.LiftOut) (model.HardshipFile, error) {
	var f model.HardshipFile
	err := s.update(op, func(w *writer) (e error) { f, e = w.liftHardshipFile(id, l); return })
	return f, err
}

// CloseHardshipFile closes a file (退出) with a reason. The file is kept.
func (s *Store) CloseHardshipFile(op string, id uint64, date model.Date, reason string) (model.HardshipFile, error) {
	var f model.HardshipFile
	err := s.update(op, func(w *writer) (e error) { f, e = w.closeHardshipFile(id, date, reason); return })
	return f, err
}

// RecordAid validates and writes an aid record for a file (a.FileID) or a
// member without one (a.MemberID); cash aid posts its 502 cash-book entry
// (50205 for 送温暖, 50204 otherwise) in the same transaction. Aid under a
// closed file, or a lifted-out one after its follow-up, is refused. The
// warnings say when the yearly cap of the type is exceeded: the record
// is written all the same.
func (s *Store) RecordAid(op string, a *model.AidRecord) (model.Warnings, error) {
	c := *a
	var warn model.Warnings
	err := s.update(op, func(w *writer) (e error) { warn, e = w.recordAid(&c); return })
	if err != nil {
		return nil, err
	}
	*a = c
	return warn, nil
}

// ReverseAid reverses an aid record (冲正) with a record of the negative
// amounts, and its cash-book entry with a red entry, in one transaction.
// A reversal cannot be reversed, nor a record twice.
func (s *Store) ReverseAid(op string, id uint64, date model.Date, reason string) (model.AidRecord, error) {
	var rev model.AidRecord
	err := s.update(op, func(w *writer) (e error) { rev, e = w.reverseAid(id, date, reason); return })
	return rev, err
}

// HardshipFile returns one file.
func (s *Store) HardshipFile(id uint64) (f model.HardshipFile, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		f, e = getHardshipFile(tx, id)
		return e
	})
	return f, err
}

// HardshipFiles returns every file in ID order (files are a small share of
// the roster: the list is read whole).
func (s *Store) HardshipFiles() ([]model.HardshipFile, error) {
	var fs []model.HardshipFile
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketHardship).ForEach(func(k, v []byte) error {
			var f model.HardshipFile
			if err := decode(v, &f); err != nil {
				return fmt.Errorf("hardship file %d: %w", btoi(k), err)
			}
			fs = append(fs, f)
			return nil
		})
	})
	return fs, err
}

// MemberHardshipFiles returns a member's files, oldest first.
func (s *Store) MemberHardshipFiles(memberID uint64) ([]model.HardshipFile, error) {
	var fs []model.HardshipFile
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, id := range prefixIDs(tx.Bucket(idxHardshipMember), memberID) {
			f, err := getHardshipFile(tx, id)
			if err != nil {
				return dangling(err)
			}
			fs = append(fs, f)
		}
		return nil
	})
	return fs, err
}

// OpenHardshipFile is the member's open file, if any.
func (s *Store) OpenHardshipFile(memberID uint64) (f model.HardshipFile, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(idxHardshipOpen).Get(itob(memberID))
		if v == nil {
			return nil
		}
		ok = true
		var e error
		f, e = getHardshipFile(tx, btoi(v))
		return dangling(e)
	})
	return f, ok, err
}

// Aid returns one aid record.
func (s *Store) Aid(id uint64) (a model.AidRecord, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		a, e = getAid(tx, id)
		return e
	})
	return a, err
}

// AidReversedBy is the ID of the record reversing aid id, 0 if none.
func (s *Store) AidReversedBy(id uint64) (rev uint64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		rev = btoi(tx.Bucket(idxAidReversal).Get(itob(id)))
		return nil
	})
	return rev, err
}

// FileAid lists a file's aid records and reversals, oldest first.
func (s *Store) FileAid(fileID uint64) ([]model.AidRecord, error) {
	var as []model.AidRecord
	err := s.db.View(func(tx *bbolt.Tx) (e error) {
		as, e = aidByIDs(tx, prefixIDs(tx.Bucket(idxAidFile), fileID))
		return
	})
	return as, err
}

// MemberAid lists every aid record of a member (with or without a file).
func (s *Store) MemberAid(memberID uint64) ([]model.AidRecord, error) {
	var as []model.AidRecord
	err := s.db.View(func(tx *bbolt.Tx) (e error) {
		as, e = aidByIDs(tx, prefixIDs(tx.Bucket(idxAidMember), memberID))
		return
	})
	return as, err
}

// AidBetween lists aid records dated from..to (inclusive), by date.
func (s *Store) AidBetween(from, to model.Date) ([]model.AidRecord, error) {
	var as []model.AidRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(idxAidDate).Cursor()
		end := aidDateKey(to, ^uint64(0))
		for k, _ := c.Seek(aidDateKey(from, 0)); k != nil && bytes.Compare(k, end) <= 0; k, _ = c.Next() {
			if len(k) != 12 {
				continue
			}
			a, err := getAid(tx, binary.BigEndian.Uint64(k[4:]))
			if err != nil {
				return dangling(err)
			}
			as = append(as, a)
		}
		return nil
	})
	return as, err
}

// HardshipRules are the profile's hardship settings with their defaults.
func (s *Store) HardshipRules() (model.HardshipRules, error) {
	var r model.HardshipRules
	err := s.db.View(func(tx *bbolt.Tx) error {
		p, err := profileOrDefault(tx)
		r = p.HardshipRules()
		return err
	})
	return r, err
}

// HardshipStats are the hardship figures of the year of today (stats
// --json, the overview).
func (s *Store) HardshipStats(today model.Date) (model.HardshipStats, error) {
	files, err := s.HardshipFiles()
	if err != nil {
		return model.HardshipStats{}, err
	}
	aid, err := s.AidBetween(model.NewDate(today.Year(), 1, 1), model.NewDate(today.Year(), 12, 31))
	if err != nil {
		return model.HardshipStats{}, err
	}
	// Reversals of this year's aid dated next year do not exist yet;
	// reversals dated this year of last year's aid subtract here.
	return model.HardshipFigures(files, aid, today), nil
}

// HardshipProfileChanges lists the changed hardship settings of the
// profile for the audit log (for profileChanges).
func HardshipProfileChanges(old, new *model.Profile) []model.FieldChange {
	var cs []model.FieldChange
	diff := func(field string, a, b any) {
		if x, y := fmt.Sprint(a), fmt.Sprint(b); x != y {
			cs = append(cs, model.FieldChange{Field: field, Old: x, New: y})
		}
	}
	diff("hs_deep_pct", old.HardshipDeepPct, new.HardshipDeepPct)
	diff("hs_relative_pct", old.HardshipRelativePct, new.HardshipRelativePct)
	diff("hs_cap_living_deep", old.CapLivingDeepMonths, new.CapLivingDeepMonths)
	diff("hs_cap_living_rel", old.CapLivingRelMonths, new.CapLivingRelMonths)
	diff("hs_cap_school_compulsory", old.CapSchoolCompulsory, new.CapSchoolCompulsory)
	diff("hs_sudden_pct", old.HardshipSuddenPct, new.HardshipSuddenPct)
	diff("hs_cap_school_senior_months", old.CapSchoolSeniorMonths, new.CapSchoolSeniorMonths)
	diff("hs_cap_school_univ_months", old.CapSchoolUnivMonths, new.CapSchoolUnivMonths)
	diff("hs_notice_workdays", old.NoticeWorkdays, new.NoticeWorkdays)
	diff("hs_cap_medical", old.CapMedical, new.CapMedical)
	diff("hs_cap_warmth", old.CapWarmth, new.CapWarmth)
	return cs
}

// ---- Batch (demo)

// CreateHardshipFile is Store.CreateHardshipFile inside the batch's transaction.
func (b *Batch) CreateHardshipFile(f *model.HardshipFile) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createHardshipFile(f)
}

// ApproveHardshipFile is Store.ApproveHardshipFile inside the batch's transaction.
func (b *Batch) ApproveHardshipFile(id uint64, date model.Date, approver string) (model.HardshipFile, error) {
	if b.w == nil {
		return model.HardshipFile{}, errBatchDone
	}
	return b.w.approveHardshipFile(id, date, approver)
}

// ReviewHardshipFile is Store.ReviewHardshipFile inside the batch's transaction.
func (b *Batch) ReviewHardshipFile(id uint64, r model.HardshipReview) (model.HardshipFile, error) {
	if b.w == nil {
		return model.HardshipFile{}, errBatchDone
	}
	return b.w.reviewHardshipFile(id, r)
}

// LiftHardshipFile is Store.LiftHardshipFile inside the batch's transaction.
func (b *Batch) LiftHardshipFile(id uint64, l model.LiftOut) (model.HardshipFile, error) {
	if b.w == nil {
		return model.HardshipFile{}, errBatchDone
	}
	return b.w.liftHardshipFile(id, l)
}

// CloseHardshipFile is Store.CloseHardshipFile inside the batch's transaction.
func (b *Batch) CloseHardshipFile(id uint64, date model.Date, reason string) (model.HardshipFile, error) {
	if b.w == nil {
		return model.HardshipFile{}, errBatchDone
	}
	return b.w.closeHardshipFile(id, date, reason)
}

// RecordAid is Store.RecordAid inside the batch's transaction.
func (b *Batch) RecordAid(a *model.AidRecord) (model.Warnings, error) {
	if b.w == nil {
		return nil, errBatchDone
	}
	return b.w.recordAid(a)
}

// ReverseAid is Store.ReverseAid inside the batch's transaction.
func (b *Batch) ReverseAid(id uint64, date model.Date, reason string) (model.AidRecord, error) {
	if b.w == nil {
		return model.AidRecord{}, errBatchDone
	}
	return b.w.reverseAid(id, date, reason)
}
