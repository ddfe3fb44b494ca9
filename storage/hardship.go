package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Hardship files and aid records (migration 3); their buckets are in
// layout.go.

// SourceAid is the source kind of the cash-book entry of a cash aid (or
// its reversal): Source.ID is the aid record's ID.
const SourceAid = "aid"

func hardshipBuckets() [][]byte {
	return [][]byte{bucketHardship, idxHardshipMember, idxHardshipOpen, bucketAid, idxAidMember, idxAidFile, idxAidDate, idxAidReversal}
}

func createHardshipBuckets(tx *bbolt.Tx) error {
	for _, name := range hardshipBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// indexHouseholds creates idx_hardship_household from the open files.
func indexHouseholds(tx *bbolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(idxHardshipHousehold)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", idxHardshipHousehold, err)
	}
	return forEach(tx, bucketHardship, func(f *model.HardshipFile) error {
		if !f.Status.Open() {
			return nil
		}
		for _, k := range householdKeys(f) {
			if err := putIdx(b, k, empty); err != nil {
				return err
			}
		}
		return nil
	})
}

// memberHardshipRef: a member with a hardship file cannot be deleted.
func memberHardshipRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return len(prefixIDs(tx.Bucket(idxHardshipMember), id)), "hardship.member_has_files", nil
}

// memberAidRef: nor one who was given aid.
func memberAidRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return len(prefixIDs(tx.Bucket(idxAidMember), id)), "aid.member_has_aid", nil
}

// prefixIDs lists the second IDs of the 16-byte keys starting with id.
func prefixIDs(b *bbolt.Bucket, id uint64) []uint64 {
	if b == nil {
		return nil
	}
	var ids []uint64
	prefix := itob(id)
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 16 {
			ids = append(ids, btoi(k[8:]))
		}
	}
	return ids
}

func aidDateKey(d model.Date, id uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, uint32(d))
	binary.BigEndian.PutUint64(k[4:], id)
	return k
}

func getHardshipFile(tx *bbolt.Tx, id uint64) (model.HardshipFile, error) {
	var f model.HardshipFile
	v := tx.Bucket(bucketHardship).Get(itob(id))
	if v == nil {
		return f, fmt.Errorf("hardship file %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &f); err != nil {
		return f, fmt.Errorf("hardship file %d: %w", id, err)
	}
	return f, nil
}

func getAid(tx *bbolt.Tx, id uint64) (model.AidRecord, error) {
	var a model.AidRecord
	v := tx.Bucket(bucketAid).Get(itob(id))
	if v == nil {
		return a, fmt.Errorf("aid %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &a); err != nil {
		return a, fmt.Errorf("aid %d: %w", id, err)
	}
	return a, nil
}

func aidByIDs(tx *bbolt.Tx, ids []uint64) ([]model.AidRecord, error) {
	out := make([]model.AidRecord, 0, len(ids))
	for _, id := range ids {
		a, err := getAid(tx, id)
		if err != nil {
			return nil, dangling(err)
		}
		out = append(out, a)
	}
	return out, nil
}

// ---- writes

// putIdx writes an index entry at once. Hardship and aid indexes are
// small (a few percent of the roster) and read back within the same bulk
// transaction (the demo), so they are not held back like the roster's.
func putIdx(b *bbolt.Bucket, k, v []byte) error { return b.Put(k, v) }

func fileLabel(f *model.HardshipFile, m *model.Member) string {
	return fmt.Sprintf("%s (%s) #%d", m.Name, m.No, f.ID)
}

func fileProblem(field, key string, args ...any) model.Problems {
	return model.Problems{{Field: field, Key: key, Args: args}}
}

// checkFileMember checks the file's member exists and has no other open
// file, and that no household member's ID number is the worker or a
// household member of another open file (one file per household).
func (w *writer) checkFileMember(f *model.HardshipFile) (*model.Member, model.Problems, error) {
	if f.MemberID == 0 {
		return nil, fileProblem("member", "problem.required"), nil
	}
	m, err := getMember(w.tx, f.MemberID)
	if err != nil {
		return nil, fileProblem("member", "dues.member_missing"), nil
	}
	var ps model.Problems
	open := w.tx.Bucket(idxHardshipOpen)
	if f.Status.Open() {
		if v := open.Get(itob(f.MemberID)); v != nil && btoi(v) != f.ID {
			ps = append(ps, model.Problem{Field: "member", Key: "hardship.already_open", Args: []any{m.Name, btoi(v)}})
		}
		ids := map[string]bool{}
		for _, h := range f.Household {
			if h.IDNumber != "" {
				ids[idKey(h.IDNumber)] = true
			}
		}
		if m.IDNumber != "" {
			ids[idKey(m.IDNumber)] = true
		}
		others, err := w.openFilesOfHousehold(f, ids)
		if err != nil {
			return nil, nil, err
		}
		for _, o := range others {
			ps = append(ps, model.Problem{Field: "hs_household", Key: "hardship.household_filed", Args: []any{o.name, o.fileID}})
		}
	}
	nps, err := w.filingNoticeProblems(f)
	if err != nil {
		return nil, nil, err
	}
	return &m, append(ps, nps...), nil
}

// householdFile is another open file of the same household.
type householdFile struct {
	fileID, memberID uint64
	name             string // the member's
}

// openFilesOfHousehold finds the open files, other than f and its member's,
// whose member or household shares one of ids (ID numbers, idKey'd): by the
// ID number index for their members and idx_hardship_household for their
// households, never walking the open files. In member ID order.
func (w *writer) openFilesOfHousehold(f *model.HardshipFile, ids map[string]bool) ([]householdFile, error) {
	open, byID, household := w.tx.Bucket(idxHardshipOpen), w.tx.Bucket(idxMemberIDNumber), w.tx.Bucket(idxHardshipHousehold)
	found := map[uint64]bool{} // file IDs
	for id := range ids {
		if mid := byID.Get([]byte(id)); mid != nil && btoi(mid) != f.MemberID {
			if v := open.Get(mid); v != nil && btoi(v) != f.ID {
				found[btoi(v)] = true
			}
		}
		prefix := householdPrefix(id)
		c := household.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = c.Next() {
			if fid := btoi(k[len(prefix):]); fid != f.ID {
				found[fid] = true
			}
		}
	}
	var out []householdFile
	for fid := range found {
		other, err := getHardshipFile(w.tx, fid)
		if err != nil {
			return nil, err
		}
		if other.MemberID == f.MemberID {
			continue
		}
		om, err := getMember(w.tx, other.MemberID)
		if err != nil {
			return nil, err
		}
		out = append(out, householdFile{fileID: fid, memberID: other.MemberID, name: om.Name})
	}
	slices.SortFunc(out, func(a, b householdFile) int { return cmp.Compare(a.memberID, b.memberID) })
	return out, nil
}

// householdPrefix is the key prefix of an ID number in
// idx_hardship_household: the number (idKey'd) and a zero byte.
func householdPrefix(idNumber string) []byte {
	return append([]byte(idKey(idNumber)), 0)
}

// householdKeys are f's keys in idx_hardship_household: its household's ID
// numbers, each with the file ID.
func householdKeys(f *model.HardshipFile) [][]byte {
	var keys [][]byte
	for _, h := range f.Household {
		if h.IDNumber != "" {
			keys = append(keys, append(householdPrefix(h.IDNumber), itob(f.ID)...))
		}
	}
	return keys
}

// setHousehold keeps idx_hardship_household in step with a file that was
// old (nil when new) and is now f: an open file's household ID numbers.
func (w *writer) setHousehold(old, f *model.HardshipFile) error {
	b := w.tx.Bucket(idxHardshipHousehold)
	if old != nil && old.Status.Open() {
		for _, k := range householdKeys(old) {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
	}
	if f.Status.Open() {
		for _, k := range householdKeys(f) {
			if err := putIdx(b, k, empty); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *writer) putFile(f *model.HardshipFile) error {
	return w.put(w.tx.Bucket(bucketHardship), itob(f.ID), f)
}

// setOpen keeps idx_hardship_open in step with the file's status.
func (w *writer) setOpen(f *model.HardshipFile) error {
	b := w.tx.Bucket(idxHardshipOpen)
	if f.Status.Open() {
		return putIdx(b, itob(f.MemberID), itob(f.ID))
	}
	if v := b.Get(itob(f.MemberID)); v != nil && btoi(v) == f.ID {
		return b.Delete(itob(f.MemberID))
	}
	return nil
}

func (w *writer) createHardshipFile(f *model.HardshipFile) error {
	f.ID, f.Reviews, f.LiftDate, f.NoticeFrom, f.NoticeTo, f.LiftApproval, f.FollowUpUntil = 0, nil, 0, 0, 0, "", 0
	f.ClosedDate, f.CloseReason = 0, ""
	switch f.Status {
	case 0:
		f.Status = model.HardshipApplied
	case model.HardshipApplied, model.HardshipActive:
	default:
		return fileProblem("hs_status", "hardship.new_status")
	}
	if f.EnteredBy == "" {
		f.EnteredBy = w.op
	}
	f.Normalize()
	ps := f.Validate(w.today)
	if f.Status == model.HardshipActive {
		if f.ApprovedDate == 0 {
			f.ApprovedDate = f.AppliedDate
		} else if f.ApprovedDate < f.AppliedDate || f.ApprovedDate > w.today {
			ps = append(ps, model.Problem{Field: "hs_approved", Key: "hardship.approved_date"})
		}
	} else {
		f.ApprovedDate = 0
	}
	m, mps, err := w.checkFileMember(f)
	if err != nil {
		return err
	}
	if ps = append(ps, mps...); len(ps) > 0 {
		return ps
	}
	// A household filed again: link its latest earlier file.
	if prev := prefixIDs(w.tx.Bucket(idxHardshipMember), f.MemberID); len(prev) > 0 {
		f.PreviousID = slices.Max(prev)
	} else {
		f.PreviousID = 0
	}
	id, err := w.tx.Bucket(bucketHardship).NextSequence()
	if err != nil {
		return err
	}
	f.ID, f.CreatedAt = id, w.now
	if err := w.putFile(f); err != nil {
		return err
	}
	if err := putIdx(w.tx.Bucket(idxHardshipMember), pairKey(f.MemberID, id), empty); err != nil {
		return err
	}
	if err := w.setOpen(f); err != nil {
		return err
	}
	if err := w.setHousehold(nil, f); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityHardship, id, fileLabel(f, m), fileChanges(nil, f))
}

// updateHardshipFile stores changed file fields; the member, status,
// lifecycle dates, reviews and link are kept as stored (they change only
// through the lifecycle writes).
func (w *writer) updateHardshipFile(f *model.HardshipFile) error {
	old, err := getHardshipFile(w.tx, f.ID)
	if err != nil {
		return err
	}
	if old.Status == model.HardshipClosed {
		return fileProblem("", "hardship.file_closed")
	}
	f.MemberID, f.Status, f.Reviews, f.PreviousID, f.CreatedAt = old.MemberID, old.Status, old.Reviews, old.PreviousID, old.CreatedAt
	f.ApprovedDate, f.NoticeFrom, f.NoticeTo, f.LiftApproval, f.LiftDate, f.FollowUpUntil = old.ApprovedDate, old.NoticeFrom, old.NoticeTo, old.LiftApproval, old.LiftDate, old.FollowUpUntil
	f.ClosedDate, f.CloseReason = old.ClosedDate, old.CloseReason
	f.Normalize()
	ps := f.Validate(w.today)
	m, mps, err := w.checkFileMember(f)
	if err != nil {
		return err
	}
	if ps = append(ps, mps...); len(ps) > 0 {
		return ps
	}
	changes := fileChanges(&old, f)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.putFile(f); err != nil {
		return err
	}
	if err := w.setHousehold(&old, f); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityHardship, f.ID, fileLabel(f, m), changes)
}

// lifecycle loads a file and its member for a lifecycle change.
func (w *writer) lifecycle(id uint64) (model.HardshipFile, model.Member, error) {
	f, err := getHardshipFile(w.tx, id)
	if err != nil {
		return f, model.Member{}, err
	}
	m, err := getMember(w.tx, f.MemberID)
	return f, m, err
}

func (w *writer) approveHardshipFile(id uint64, date model.Date, approver string) (model.HardshipFile, error) {
	f, m, err := w.lifecycle(id)
	if err != nil {
		return f, err
	}
	if ps := model.ValidateApprove(&f, date, approver, w.today); len(ps) > 0 {
		return f, ps
	}
	f.Status, f.ApprovedDate, f.ReviewedBy = model.HardshipActive, date, model.CleanName(approver)
	if err := w.putFile(&f); err != nil {
		return f, err
	}
	return f, w.writeAudit(model.ActionStatus, model.EntityHardship, id, fileLabel(&f, &m), []model.FieldChange{
		{Field: "hs_status", Old: "applied", New: "active"},
		{Field: "hs_approved", New: date.String()},
		{Field: "hs_reviewed_by", New: f.ReviewedBy},
	})
}

func (w *writer) reviewHardshipFile(id uint64, r model.HardshipReview) (model.HardshipFile, error) {
	f, m, err := w.lifecycle(id)
	if err != nil {
		return f, err
	}
	if ps := model.ValidateReview(&f, &r, w.today); len(ps) > 0 {
		return f, ps
	}
	r.Operator, r.At = w.op, w.now
	changes := []model.FieldChange{
		{Field: "hs_review_date", New: r.Date.String()},
		{Field: "hs_reviewer", New: r.Reviewer},
		{Field: "hs_finding", New: r.Finding},
	}
	if r.Category != 0 && r.Category != f.Category {
		changes = append(changes, model.FieldChange{Field: "hs_category", Old: catText(f.Category), New: catText(r.Category)})
		f.Category = r.Category
	}
	f.Reviews = append(slices.Clone(f.Reviews), r)
	slices.SortStableFunc(f.Reviews, func(a, b model.HardshipReview) int { return int(a.Date - b.Date) })
	if err := w.putFile(&f); err != nil {
		return f, err
	}
	return f, w.writeAudit(model.ActionUpdate, model.EntityHardship, id, fileLabel(&f, &m), changes)
}

func (w *writer) liftHardshipFile(id uint64, l model.LiftOut) (model.HardshipFile, error) {
	f, m, err := w.lifecycle(id)
	if err != nil {
		return f, err
	}
	before := f // its household leaves the index when it closes
	r, err := w.rulesHardship()
	if err != nil {
		return f, err
	}
	if ps := model.ValidateLiftOut(&f, l, w.today, r.NoticeWorkdays); len(ps) > 0 {
		return f, ps
	}
	f.Status = model.HardshipLifted
	f.NoticeFrom, f.NoticeTo, f.LiftApproval, f.LiftDate = l.NoticeFrom, l.NoticeTo, model.CleanText(l.Approval), l.Date
	f.FollowUpUntil = l.Date.AddMonths(6)
	if err := w.putFile(&f); err != nil {
		return f, err
	}
	if err := w.setOpen(&f); err != nil {
		return f, err
	}
	if err := w.setHousehold(&before, &f); err != nil {
		return f, err
	}
	return f, w.writeAudit(model.ActionStatus, model.EntityHardship, id, fileLabel(&f, &m), []model.FieldChange{
		{Field: "hs_status", Old: "active", New: "lifted"},
		{Field: "hs_notice_from", New: f.NoticeFrom.String()},
		{Field: "hs_notice_to", New: f.NoticeTo.String()},
		{Field: "hs_approval", New: f.LiftApproval},
		{Field: "date", New: f.LiftDate.String()},
		{Field: "hs_follow_up", New: f.FollowUpUntil.String()},
	})
}

func (w *writer) closeHardshipFile(id uint64, date model.Date, reason string) (model.HardshipFile, error) {
	f, m, err := w.lifecycle(id)
	if err != nil {
		return f, err
	}
	before := f // its household leaves the index when it closes
	if ps := model.ValidateClose(&f, date, reason, w.today); len(ps) > 0 {
		return f, ps
	}
	old := f.Status
	f.Status, f.ClosedDate, f.CloseReason = model.HardshipClosed, date, model.CleanText(reason)
	if err := w.putFile(&f); err != nil {
		return f, err
	}
	if err := w.setOpen(&f); err != nil {
		return f, err
	}
	if err := w.setHousehold(&before, &f); err != nil {
		return f, err
	}
	return f, w.writeAudit(model.ActionStatus, model.EntityHardship, id, fileLabel(&f, &m), []model.FieldChange{
		{Field: "hs_status", Old: statusCode(old), New: "closed"},
		{Field: "date", New: date.String()},
		{Field: "reason", New: f.CloseReason},
	})
}
