package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

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
			return nil, err
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

func statusCode(s model.HardshipStatus) string {
	switch s {
	case model.HardshipApplied:
		return "applied"
	case model.HardshipActive:
		return "active"
	case model.HardshipLifted:
		return "lifted"
	case model.HardshipClosed:
		return "closed"
	}
	return ""
}

func catText(c model.HardshipCategory) string {
	switch c {
	case model.CategoryDeep:
		return "深度困难"
	case model.CategoryRelative:
		return "相对困难"
	case model.CategorySudden:
		return "意外致困"
	}
	return ""
}

// fileChanges lists the changed fields of a file for the audit log. The
// sensitive fields are named but their values are not copied into the log.
func fileChanges(old, new *model.HardshipFile) []model.FieldChange {
	if old == nil {
		old = &model.HardshipFile{}
	}
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	secret := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: mark(a), New: mark(b)})
		}
	}
	causes := func(f *model.HardshipFile) string {
		s := fmt.Sprint(int(f.MainCause))
		for _, c := range f.OtherCauses {
			s += fmt.Sprintf(",%d", c)
		}
		return s
	}
	// household lists the members with their ID numbers, whole (to
	// compare: an edit that changes only the digits a mask hides is still
	// a change) or masked as in the member log (to show).
	household := func(f *model.HardshipFile, masked bool) string {
		s := ""
		for i, h := range f.Household {
			if i > 0 {
				s += "; "
			}
			s += h.Name + " " + h.Relation + " " + h.MonthlyIncome.String()
			if id := h.IDNumber; id != "" {
				if masked {
					id = model.MaskID(id)
				}
				s += " " + id
			}
			if h.SchoolOrWork != "" {
				s += " " + h.SchoolOrWork
			}
		}
		return s
	}
	// memberHealth is the health recorded for the members who have one:
	// adding or removing a member without it changes nothing here.
	memberHealth := func(f *model.HardshipFile) string {
		var hs []string
		for _, h := range f.Household {
			if h.Health != "" {
				hs = append(hs, h.Health)
			}
		}
		return strings.Join(hs, "|")
	}
	diff("member", uintText(old.MemberID), uintText(new.MemberID))
	diff("hs_status", statusCode(old.Status), statusCode(new.Status))
	diff("hs_category", catText(old.Category), catText(new.Category))
	diff("hs_causes", causes(old), causes(new))
	secret("hs_health", old.Health, new.Health)
	secret("hs_disability", old.Disability, new.Disability)
	diff("hs_employment", old.Employment, new.Employment)
	diff("hs_housing", old.Housing, new.Housing)
	diff("hs_housing_area", fmt.Sprint(old.HousingArea), fmt.Sprint(new.HousingArea))
	diff("hs_marital", fmt.Sprint(int(old.Marital)), fmt.Sprint(int(new.Marital)))
	diff("hs_single_parent", yesNo(old.SingleParent), yesNo(new.SingleParent))
	diff("hs_zero_employment", yesNo(old.ZeroEmployment), yesNo(new.ZeroEmployment))
	diff("hs_size", fmt.Sprint(old.HouseholdSize), fmt.Sprint(new.HouseholdSize))
	if household(old, false) != household(new, false) {
		cs = append(cs, model.FieldChange{Field: "hs_household", Old: household(old, true), New: household(new, true)})
	}
	secret("hs_member_health", memberHealth(old), memberHealth(new))
	diff("hs_income", old.YearlyIncome.String(), new.YearlyIncome.String())
	diff("hs_spending", old.Spending.String(), new.Spending.String())
	diff("hs_insurance", old.MedicalInsurance, new.MedicalInsurance)
	secret("hs_bank_name", old.BankName, new.BankName)
	secret("hs_bank_account", old.BankAccount, new.BankAccount)
	diff("address", old.Address, new.Address)
	diff("hs_cadre", old.PairedCadre, new.PairedCadre)
	diff("hs_filed_by", old.FiledBy, new.FiledBy)
	diff("hs_reviewed_by", old.ReviewedBy, new.ReviewedBy)
	diff("hs_entered_by", old.EnteredBy, new.EnteredBy)
	diff("hs_unit_opinion", old.UnitOpinion, new.UnitOpinion)
	diff("hs_town_opinion", old.TownOpinion, new.TownOpinion)
	diff("notes", old.Notes, new.Notes)
	diff("hs_applied", old.AppliedDate.String(), new.AppliedDate.String())
	diff("hs_approved", old.ApprovedDate.String(), new.ApprovedDate.String())
	diff("hs_previous", uintText(old.PreviousID), uintText(new.PreviousID))
	cs = append(cs, model.HardshipOrgChanges(old, new)...)
	return cs
}

// mark stands for a sensitive value in the audit log: whether it is set.
func mark(s string) string {
	if s == "" || s == "|" {
		return ""
	}
	return "***"
}

func uintText(v uint64) string {
	if v == 0 {
		return ""
	}
	return fmt.Sprint(v)
}

// ---- aid

func aidLabel(a *model.AidRecord, m *model.Member) string {
	return fmt.Sprintf("%s (%s)", m.Name, m.No)
}

func aidTypeText(t model.AidType) string {
	switch t {
	case model.AidWarmth:
		return "送温暖"
	case model.AidLiving:
		return "生活救助"
	case model.AidMedical:
		return "医疗救助"
	case model.AidSchool:
		return "金秋助学"
	case model.AidEmployment:
		return "就业帮扶"
	}
	return "其他帮扶"
}

// householdAid is every aid record of the file, or of the member when
// there is no file.
func (w *writer) householdAid(fileID, memberID uint64) ([]model.AidRecord, error) {
	if fileID != 0 {
		return aidByIDs(w.tx, prefixIDs(w.tx.Bucket(idxAidFile), fileID))
	}
	return aidByIDs(w.tx, prefixIDs(w.tx.Bucket(idxAidMember), memberID))
}

func (w *writer) rulesHardship() (model.HardshipRules, error) {
	p, err := w.profile()
	if err != nil {
		return model.HardshipRules{}, err
	}
	return p.HardshipRules(), nil
}

// storeAid gives a its ID, writes it and its index entries (the ledger
// entry is posted by the caller, then the record is written again).
func (w *writer) storeAid(a *model.AidRecord) error {
	id, err := w.tx.Bucket(bucketAid).NextSequence()
	if err != nil {
		return err
	}
	a.ID, a.CreatedAt, a.Operator = id, w.now, w.op
	if err := putIdx(w.tx.Bucket(idxAidMember), pairKey(a.MemberID, id), empty); err != nil {
		return err
	}
	if a.FileID != 0 {
		if err := putIdx(w.tx.Bucket(idxAidFile), pairKey(a.FileID, id), empty); err != nil {
			return err
		}
	}
	return putIdx(w.tx.Bucket(idxAidDate), aidDateKey(a.Date, id), empty)
}

func aidMemo(a *model.AidRecord, fileID uint64) string {
	s := aidTypeText(a.Type)
	if a.Type == model.AidSchool && a.Student != "" {
		s += " " + a.Student
	}
	if fileID != 0 {
		s += fmt.Sprintf(" 档案%d", fileID)
	}
	return s
}

func (w *writer) recordAid(a *model.AidRecord) (model.Warnings, error) {
	a.ID, a.LedgerID, a.ReversalOf, a.Reason = 0, 0, 0, ""
	a.Normalize()
	ps := a.Validate(w.today)
	var cat model.HardshipCategory
	if a.FileID != 0 {
		f, err := getHardshipFile(w.tx, a.FileID)
		if err != nil {
			ps = append(ps, model.Problem{Field: "hs_file", Key: "aid.file_missing"})
		} else {
			if a.MemberID != 0 && a.MemberID != f.MemberID {
				ps = append(ps, model.Problem{Field: "member", Key: "aid.other_member"})
			}
			a.MemberID = f.MemberID
			cat = f.Category
			ps = append(ps, model.ValidateAidFor(&f, a.Date)...)
		}
	}
	var m model.Member
	if a.MemberID == 0 {
		ps = append(ps, model.Problem{Field: "member", Key: "problem.required"})
	} else if mm, err := getMember(w.tx, a.MemberID); err != nil {
		ps = append(ps, model.Problem{Field: "member", Key: "dues.member_missing"})
	} else {
		m = mm
	}
	if len(ps) > 0 {
		return nil, ps
	}
	rules, err := w.rulesHardship()
	if err != nil {
		return nil, err
	}
	earlier, err := w.householdAid(a.FileID, a.MemberID)
	if err != nil {
		return nil, err
	}
	warn := model.AidCapWarnings(a, earlier, cat, rules)
	if err := w.storeAid(a); err != nil {
		return nil, err
	}
	if a.Cash > 0 {
		account, err := w.roleAccount(a.Date.Year(), a.Type.Role())
		if err != nil {
			return nil, err
		}
		e := model.LedgerEntry{Date: a.Date, Direction: model.Out, Account: account, Amount: a.Cash,
			Counterparty: m.Name, Memo: aidMemo(a, a.FileID), Source: model.Source{Kind: SourceAid, ID: a.ID}}
		if err := w.postLedger(&e); err != nil {
			return nil, err
		}
		a.LedgerID = e.ID
	}
	if err := w.put(w.tx.Bucket(bucketAid), itob(a.ID), a); err != nil {
		return nil, err
	}
	return warn, w.writeAudit(model.ActionCreate, model.EntityAid, a.ID, aidLabel(a, &m), aidChanges(a))
}

func aidChanges(a *model.AidRecord) []model.FieldChange {
	cs := []model.FieldChange{
		{Field: "aid_type", New: aidTypeText(a.Type)},
		{Field: "date", New: a.Date.String()},
		{Field: "aid_cash", New: a.Cash.String()},
	}
	add := func(field, v string) {
		if v != "" {
			cs = append(cs, model.FieldChange{Field: field, New: v})
		}
	}
	add("hs_file", uintText(a.FileID))
	add("aid_goods", a.Goods)
	if a.GoodsValue != 0 {
		add("aid_goods_value", a.GoodsValue.String())
	}
	add("aid_fund", fmt.Sprint(int(a.Fund)))
	add("aid_approver", a.Approver)
	add("aid_student", a.Student)
	add("reason", a.Reason)
	return cs
}

func (w *writer) reverseAid(id uint64, date model.Date, reason string) (model.AidRecord, error) {
	orig, err := getAid(w.tx, id)
	if err != nil {
		return model.AidRecord{}, err
	}
	if orig.ReversalOf != 0 {
		return model.AidRecord{}, model.Problems{{Key: "aid.cannot_reverse_reversal"}}
	}
	if v := w.tx.Bucket(idxAidReversal).Get(itob(id)); v != nil {
		return model.AidRecord{}, model.Problems{{Key: "aid.already_reversed", Args: []any{orig.Date.String()}}}
	}
	if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
		return model.AidRecord{}, ps
	}
	m, err := getMember(w.tx, orig.MemberID)
	if err != nil {
		return model.AidRecord{}, err
	}
	rev := model.AidRecord{
		FileID: orig.FileID, MemberID: orig.MemberID, Type: orig.Type, Date: date,
		Cash: -orig.Cash, Goods: orig.Goods, GoodsValue: -orig.GoodsValue, Fund: orig.Fund, Approver: orig.Approver,
		Student: orig.Student, SchoolLevel: orig.SchoolLevel, ReversalOf: id, Reason: model.CleanText(reason),
	}
	if err := w.storeAid(&rev); err != nil {
		return model.AidRecord{}, err
	}
	if orig.LedgerID != 0 {
		le, err := getLedgerEntry(w.ledger, orig.LedgerID)
		if err != nil {
			return model.AidRecord{}, err
		}
		e := model.LedgerEntry{Date: date, Direction: le.Direction, Account: le.Account, Amount: -le.Amount,
			Counterparty: le.Counterparty, Memo: reversalMemo(le.VoucherNo, reason),
			Source: model.Source{Kind: SourceAid, ID: rev.ID}, ReversalOf: le.ID}
		if err := w.postLedger(&e); err != nil {
			return model.AidRecord{}, err
		}
		rev.LedgerID = e.ID
	}
	if err := w.put(w.tx.Bucket(bucketAid), itob(rev.ID), &rev); err != nil {
		return model.AidRecord{}, err
	}
	if err := putIdx(w.tx.Bucket(idxAidReversal), itob(id), itob(rev.ID)); err != nil {
		return model.AidRecord{}, err
	}
	return rev, w.writeAudit(model.ActionReverse, model.EntityAid, id, aidLabel(&rev, &m), aidChanges(&rev))
}

// ---- Store API

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
				return err
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
		return e
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
				return err
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
