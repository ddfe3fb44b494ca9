package storage

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// writer does the writes of one transaction. The Store methods and the
// Batch methods share it, so a record written through Bulk gets exactly the
// normalization, validation, uniqueness checks, indexes and audit entry of
// one written alone.
type writer struct {
	tx    *bbolt.Tx
	op    string
	now   time.Time
	today model.Date
	clock time.Time // the transaction's own time, once Batch.SetClock moved now

	meta, units, members, audit                      *bbolt.Bucket
	idxIDNumber, idxNo, idxNoRetired, idxUnitMembers *bbolt.Bucket
	idxUnitName, idxUnitCredit                       *bbolt.Bucket
	knownUnits                                       map[uint64]bool // unit existence, cached for the transaction

	// Dues and cash book (dues_write.go, ledger_write.go).
	payments, duesMember, duesTotals, duesBatches, idxReceipt, idxPayRev *bbolt.Bucket
	ledger, idxLedgerDate, idxVoucher, idxLedgerRev, ledgerTotals        *bbolt.Bucket
	profileCache                                                         *model.Profile // read once per transaction
	memberCache                                                          map[uint64]*model.Member
	charts                                                               map[int]model.Chart // the books' chart of each year (books.go)

	// pending holds index entries written in a bulk transaction until
	// flush. bbolt splits nodes only at commit, so thousands of keys put in
	// random order into one transaction each shift an ever longer node:
	// quadratic. Held here and put in key order at the end, they append;
	// a key after every key of its bucket is an append already (set).
	pending map[*bbolt.Bucket]*heldIndex
	// partialMembers are the members given a month paid in part in this
	// transaction (writerPaid), pending or not.
	partialMembers map[uint64]bool
}

func newWriter(s *Store, tx *bbolt.Tx, op string) *writer {
	now := s.now()
	w := &writer{
		tx: tx, op: op, now: now, today: model.DateOf(now),
		meta:           tx.Bucket(bucketMeta),
		units:          tx.Bucket(bucketUnits),
		members:        tx.Bucket(bucketMembers),
		audit:          tx.Bucket(bucketAudit),
		idxIDNumber:    tx.Bucket(idxMemberIDNumber),
		idxNo:          tx.Bucket(idxMemberNo),
		idxNoRetired:   tx.Bucket(idxMemberNoRetired),
		idxUnitMembers: tx.Bucket(idxUnitMembers),
		idxUnitName:    tx.Bucket(idxUnitName),
		idxUnitCredit:  tx.Bucket(idxUnitCredit),
		knownUnits:     make(map[uint64]bool),
		payments:       tx.Bucket(bucketPayments),
		duesMember:     tx.Bucket(bucketDuesMember),
		duesTotals:     tx.Bucket(bucketDuesTotals),
		duesBatches:    tx.Bucket(bucketDuesBatches),
		idxReceipt:     tx.Bucket(idxReceipt),
		idxPayRev:      tx.Bucket(idxPaymentReversal),
		ledger:         tx.Bucket(bucketLedger),
		idxLedgerDate:  tx.Bucket(idxLedgerDate),
		idxVoucher:     tx.Bucket(idxVoucher),
		idxLedgerRev:   tx.Bucket(idxLedgerReversal),
		ledgerTotals:   tx.Bucket(bucketLedgerTotals),
	}
	// Records, audit entries and automatic member numbers are appended with
	// growing keys: pack their pages fuller than bbolt's default half.
	// Payments, cash-book entries, batches and audit entries are never
	// changed once written: their pages are filled whole. Units and members
	// keep a tenth free for the edits that lengthen a record.
	for _, b := range []*bbolt.Bucket{w.units, w.members, w.idxNo} {
		b.FillPercent = 0.9
	}
	for _, b := range []*bbolt.Bucket{w.audit, w.payments, w.ledger, w.duesBatches} {
		b.FillPercent = 1.0
	}
	return w
}

var empty = []byte{}

// get reads an index entry, pending ones first. In a bulk transaction a
// key after the last the bucket holds is known absent without a look.
func (w *writer) get(b *bbolt.Bucket, key []byte) []byte {
	if w.pending != nil {
		h := w.held(b)
		if bytes.Compare(key, h.last) > 0 {
			return nil
		}
		if v, ok := h.entries[string(key)]; ok {
			return v
		}
	}
	return b.Get(key)
}

// set writes an index entry. A bulk transaction holds it back until
// flush, unless it comes after every key of the bucket while none is held
// (receipt and voucher numbers, dates: the demo writes them in order):
// such a key is put at once, an append that costs bbolt no more than
// holding it would.
func (w *writer) set(b *bbolt.Bucket, key, value []byte) error {
	if w.pending == nil {
		return b.Put(key, value)
	}
	h := w.held(b)
	after := bytes.Compare(key, h.last) > 0
	if after {
		h.last = bytes.Clone(key)
	}
	if after && len(h.entries) == 0 {
		if b.FillPercent < heldFill {
			b.FillPercent = heldFill
		}
		return b.Put(key, value)
	}
	if h.entries == nil {
		h.entries = make(map[string][]byte)
	}
	h.entries[string(key)] = value
	return nil
}

// del removes an index entry, pending or stored.
func (w *writer) del(b *bbolt.Bucket, key []byte) error {
	if h := w.pending[b]; h != nil {
		delete(h.entries, string(key))
	}
	return b.Delete(key)
}

// heldIndex is what a bulk transaction holds back of one index bucket.
type heldIndex struct {
	entries map[string][]byte // put by flush, in key order
	last    []byte            // no key of the bucket, held or stored, is after it
}

// held is b's heldIndex, made on first use.
func (w *writer) held(b *bbolt.Bucket) *heldIndex {
	h := w.pending[b]
	if h == nil {
		h = &heldIndex{}
		if k, _ := b.Cursor().Last(); k != nil {
			h.last = bytes.Clone(k)
		}
		w.pending[b] = h
	}
	return h
}

// heldFill is how full a bulk transaction packs the pages of the index
// entries it puts in key order.
const heldFill = 0.9

// hold starts holding index entries back until flush (bulk transactions).
func (w *writer) hold() { w.pending = make(map[*bbolt.Bucket]*heldIndex) }

// flush puts the held index entries, each bucket's in key order.
func (w *writer) flush() error {
	for b, h := range w.pending {
		if len(h.entries) == 0 {
			continue
		}
		keys := make([]string, 0, len(h.entries))
		for k := range h.entries {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.FillPercent = heldFill // the keys come in order: fill pages up
		for _, k := range keys {
			if err := b.Put([]byte(k), h.entries[k]); err != nil {
				return err
			}
		}
	}
	w.pending = nil
	return nil
}

// errNoChange ends an update that changes nothing: its transaction rolls
// back, so the file is not touched, and Store.update reports success.
var errNoChange = errors.New("no change")

// writeAudit appends the audit entry of one write.
func (w *writer) writeAudit(action model.AuditAction, entity model.Entity, id uint64, label string, changes []model.FieldChange) error {
	seq, err := w.audit.NextSequence()
	if err != nil {
		return err
	}
	e := model.AuditEntry{
		ID: seq, At: w.now, Operator: w.op, Action: action,
		Entity: entity, EntityID: id, Label: label, Changes: changes,
	}
	return w.put(w.audit, itob(seq), &e)
}

func (w *writer) put(b *bbolt.Bucket, key []byte, v any) error {
	data, err := encode(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// refChecker counts the records that refer to entity id and names the
// message, taking that count, that explains why it cannot be deleted.
type refChecker func(tx *bbolt.Tx, id uint64) (n int, key string, err error)

// What keeps a member or a unit from being deleted, asked in this order
// (the first that finds records names them). A feature whose records refer
// to members or units adds its checker here.
var (
	memberRefCheckers = []refChecker{
		memberCasesRef,                  // case.go
		memberDuesRef,                   // dues_write.go
		memberEventsRef,                 // event.go
		memberHardshipRef, memberAidRef, // hardship.go
		memberHonoursRef, // org.go
	}
	unitRefCheckers = []refChecker{
		unitMembersRef,
		unitCasesRef,                    // case.go
		unitReportsRef,                  // dues_schema2.go
		unitDuesRef,                     // dues_write.go
		unitEventsRef,                   // event.go
		unitHonoursRef, unitEmployerRef, // org.go
	}
)

func unitMembersRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return len(memberIDsOfUnit(tx, id)), "unit.in_use", nil
}

func checkRefs(tx *bbolt.Tx, id uint64, checkers []refChecker) error {
	for _, check := range checkers {
		n, key, err := check(tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return i18n.E(key, n)
		}
	}
	return nil
}

// ---- profile

func (w *writer) saveProfile(p *model.Profile) error {
	p.Normalize()
	old, ok, err := getProfile(w.tx)
	if err != nil {
		return err
	}
	ps := p.Validate()
	if ok && old.Code == p.Code {
		// a code kept from before the code was checked: saving other
		// settings must not fail on it (the profile form shows it)
		ps = slices.DeleteFunc(ps, func(q model.Problem) bool { return q.Field == "union_code" })
	}
	if len(ps) > 0 {
		return ps
	}
	action := model.ActionCreate
	var prev *model.Profile
	if ok {
		action, prev = model.ActionUpdate, &old
		if err := w.paidMonthsKept(&old, p); err != nil {
			return err
		}
	}
	changes := profileChanges(prev, p)
	if ok && len(changes) == 0 {
		return errNoChange
	}
	if err := w.put(w.meta, keyProfile, p); err != nil {
		return err
	}
	w.profileCache = nil
	return w.writeAudit(action, model.EntityProfile, 0, p.UnionName, changes)
}

// profileChanges lists the changed fields of the profile for the audit log.
func profileChanges(old, new *model.Profile) []model.FieldChange {
	if old == nil {
		old = &model.Profile{}
	}
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	diff("union_name", old.UnionName, new.UnionName)
	diff("union_code", old.Code, new.Code)
	diff("higher_union", old.HigherUnion, new.HigherUnion)
	diff("dues_rate", rateText(old.DuesRateBP), rateText(new.DuesRateBP))
	diff("min_living", old.MinLiving.String(), new.MinLiving.String())
	diff("operator", old.Operator, new.Operator)
	diff("trunc_unit", old.DuesTruncUnit.String(), new.DuesTruncUnit.String())
	diff("owe_join_month", yesNo(old.OweJoinMonth), yesNo(new.OweJoinMonth))
	diff("batch_one_receipt", yesNo(old.BatchOneReceipt), yesNo(new.BatchOneReceipt))
	diff("arrears_months", fmt.Sprint(old.ArrearsMonths), fmt.Sprint(new.ArrearsMonths))
	diff("dues_since", monthText(old.DuesSince), monthText(new.DuesSince))
	diff("dues_rates", ratesText(old.DuesRates), ratesText(new.DuesRates))
	diff("custom_accounts", accountsText(old.CustomAccounts), accountsText(new.CustomAccounts))
	diff("pay_ahead_months", fmt.Sprint(old.PayAheadMonths), fmt.Sprint(new.PayAheadMonths))
	diff("entry_years_back", fmt.Sprint(old.EntryYearsBack), fmt.Sprint(new.EntryYearsBack))
	cs = append(cs, HardshipProfileChanges(old, new)...)
	cs = append(cs, orgProfileChanges(old, new)...)
	cs = append(cs, caseProfileChanges(old, new)...)
	cs = append(cs, booksProfileChanges(old, new)...)
	return cs
}

// rateText shows basis points as a percentage: 50 is "0.50%".
func rateText(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }

// ratesText lists the changes of the dues rate: "2027-01 0.80% 10.00".
func ratesText(rs []model.DuesRate) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.From.String() + " " + rateText(r.RateBP) + " " + r.TruncUnit.String()
	}
	return strings.Join(parts, "; ")
}

// ---- units

// unitNameKey is the index key of a unit name: normalized as the model
// compares names, and case-folded for Latin letters.
func unitNameKey(name string) []byte {
	return []byte(strings.ToLower(model.NormalizeUnitName(name)))
}

func unitLabel(u *model.Unit) string { return u.Name }

func (w *writer) unitExists(id uint64) bool {
	if ok, seen := w.knownUnits[id]; seen {
		return ok
	}
	ok := w.units.Get(itob(id)) != nil
	w.knownUnits[id] = ok
	return ok
}

// unitConflicts reports a name or credit code already used by another unit.
func (w *writer) unitConflicts(u *model.Unit, self uint64) (model.Problems, error) {
	var ps model.Problems
	if u.Name != "" {
		if v := w.get(w.idxUnitName, unitNameKey(u.Name)); v != nil && btoi(v) != self {
			other, err := getUnit(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "unit_name", Key: "unit.duplicate_name", Args: []any{other.Name}})
		}
	}
	if u.CreditCode != "" {
		if v := w.get(w.idxUnitCredit, []byte(u.CreditCode)); v != nil && btoi(v) != self {
			other, err := getUnit(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "credit_code", Key: "unit.duplicate_credit", Args: []any{other.Name}})
		}
	}
	return ps, nil
}

func (w *writer) checkUnit(u *model.Unit, self uint64) error {
	u.Normalize()
	ps := u.Validate(w.today)
	cps, err := w.unitConflicts(u, self)
	if err != nil {
		return err
	}
	if ps = append(ps, cps...); len(ps) > 0 {
		return ps
	}
	return nil
}

func (w *writer) createUnit(u *model.Unit) error {
	u.ID = 0
	if err := w.checkUnit(u, 0); err != nil {
		return err
	}
	id, err := w.units.NextSequence()
	if err != nil {
		return err
	}
	u.ID = id
	if err := w.put(w.units, itob(id), u); err != nil {
		return err
	}
	if err := w.indexUnit(nil, u); err != nil {
		return err
	}
	w.knownUnits[id] = true
	return w.writeAudit(model.ActionCreate, model.EntityUnit, id, unitLabel(u), model.UnitChanges(nil, u))
}

func (w *writer) updateUnit(u *model.Unit) error {
	old, err := getUnit(w.tx, u.ID)
	if err != nil {
		return err
	}
	if err := w.checkUnit(u, u.ID); err != nil {
		return err
	}
	changes := model.UnitChanges(&old, u)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.put(w.units, itob(u.ID), u); err != nil {
		return err
	}
	if err := w.indexUnit(&old, u); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityUnit, u.ID, unitLabel(u), changes)
}

func (w *writer) deleteUnit(id uint64) error {
	old, err := getUnit(w.tx, id)
	if err != nil {
		return err
	}
	if err := checkRefs(w.tx, id, unitRefCheckers); err != nil {
		return err
	}
	if err := w.units.Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexUnit(&old, nil); err != nil {
		return err
	}
	w.knownUnits[id] = false
	if err := w.dropDuesOf(model.EntityUnit, id); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityUnit, id, unitLabel(&old), model.UnitChanges(&old, &model.Unit{}))
}

// indexUnit moves a unit's index entries from old to new; either may be
// nil (create, delete).
func (w *writer) indexUnit(old, new *model.Unit) error {
	var oldName, newName, oldCode, newCode string
	var id uint64
	if old != nil {
		oldName, oldCode, id = string(unitNameKey(old.Name)), old.CreditCode, old.ID
	}
	if new != nil {
		newName, newCode, id = string(unitNameKey(new.Name)), new.CreditCode, new.ID
	}
	if err := w.moveKey(w.idxUnitName, id, oldName, newName); err != nil {
		return err
	}
	return w.moveKey(w.idxUnitCredit, id, oldCode, newCode)
}

// moveKey replaces a unique index entry oldKey → id by newKey → id. Empty
// keys are not indexed; an old entry is removed only if it points at id.
func (w *writer) moveKey(b *bbolt.Bucket, id uint64, oldKey, newKey string) error {
	if oldKey == newKey {
		return nil
	}
	if oldKey != "" {
		if v := w.get(b, []byte(oldKey)); v != nil && btoi(v) == id {
			if err := w.del(b, []byte(oldKey)); err != nil {
				return err
			}
		}
	}
	if newKey != "" {
		return w.set(b, []byte(newKey), itob(id))
	}
	return nil
}

// ---- members

func memberLabel(m *model.Member) string { return fmt.Sprintf("%s (%s)", m.Name, m.No) }

// idKey is the index key of an ID or document number: upper-cased, so a
// passport number typed in lower case is still the same number.
func idKey(n string) string { return strings.ToUpper(n) }

// idNumberLookupKeys are the index keys a typed number may be stored under.
func idNumberLookupKeys(s string) []string {
	keys := []string{idKey(model.Clean(s))}
	if id, err := model.NormalizeResidentID(s); err == nil && id != keys[0] {
		keys = append([]string{id}, keys...)
	}
	return keys
}

// memberConflicts reports a missing unit, and an ID number or member number
// that another member already has.
func (w *writer) memberConflicts(m *model.Member, self uint64) (model.Problems, error) {
	var ps model.Problems
	if m.UnitID != 0 && !w.unitExists(m.UnitID) {
		ps = append(ps, model.Problem{Field: "unit", Key: "member.unit_missing"})
	}
	if m.IDNumber != "" {
		if v := w.get(w.idxIDNumber, []byte(idKey(m.IDNumber))); v != nil && btoi(v) != self {
			other, err := getMember(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "id_number", Key: "member.duplicate_id", Args: []any{other.Name, other.No}})
		}
	}
	if m.No != "" {
		if v := w.get(w.idxNo, []byte(m.No)); v != nil && btoi(v) != self {
			other, err := getMember(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "member_no", Key: "member.duplicate_no", Args: []any{other.Name, other.No}})
		}
	}
	return ps, nil
}

func (w *writer) checkMember(m *model.Member, self uint64) error {
	m.Normalize()
	ps := m.Validate(w.today)
	cps, err := w.memberConflicts(m, self)
	if err != nil {
		return err
	}
	if ps = append(ps, cps...); len(ps) > 0 {
		return ps
	}
	return nil
}

// nextMemberNo hands out the next automatic member number, "%06d", skipping
// numbers in use or retired. The counter only grows, so a number is never
// given twice.
func (w *writer) nextMemberNo() (string, error) {
	n := btoi(w.meta.Get(keyMemberNoSeq))
	var no string
	for {
		n++
		no = fmt.Sprintf("%06d", n)
		if w.get(w.idxNo, []byte(no)) == nil && w.get(w.idxNoRetired, []byte(no)) == nil {
			break
		}
	}
	return no, w.meta.Put(keyMemberNoSeq, itob(n))
}

func (w *writer) createMember(m *model.Member) error {
	m.ID = 0
	if err := w.checkMember(m, 0); err != nil {
		return err
	}
	if m.No == "" {
		no, err := w.nextMemberNo()
		if err != nil {
			return err
		}
		m.No = no
	}
	id, err := w.members.NextSequence()
	if err != nil {
		return err
	}
	m.ID = id
	if err := w.put(w.members, itob(id), m); err != nil {
		return err
	}
	if err := w.indexMember(nil, m); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityMember, id, memberLabel(m), model.MemberChanges(nil, m))
}

func (w *writer) updateMember(m *model.Member) error {
	old, err := getMember(w.tx, m.ID)
	if err != nil {
		return err
	}
	m.Status, m.History = old.Status, old.History
	m.Wages = old.Wages // wage bases change only through SetWageBase
	m.Normalize()
	if m.No == "" {
		m.No = old.No
	}
	if err := w.checkMember(m, m.ID); err != nil {
		return err
	}
	if m.JoinDate != old.JoinDate {
		if err := w.paidStillOwed(m, "join_date"); err != nil {
			return err
		}
	}
	changes := model.MemberChanges(&old, m)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.put(w.members, itob(m.ID), m); err != nil {
		return err
	}
	w.forgetMember(m.ID)
	if err := w.indexMember(&old, m); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityMember, m.ID, memberLabel(m), changes)
}

func (w *writer) changeStatus(id uint64, c model.StatusChange) (model.Member, error) {
	old, err := getMember(w.tx, id)
	if err != nil {
		return model.Member{}, err
	}
	m := old
	m.History = slices.Clone(old.History)
	if ps := m.ValidateChange(c, w.today); len(ps) > 0 {
		return model.Member{}, ps
	}
	c.At, c.Operator = w.now, w.op
	m.Apply(c)
	if err := w.paidStillOwed(&m, "change_date"); err != nil {
		return model.Member{}, err
	}
	if err := w.put(w.members, itob(id), &m); err != nil {
		return model.Member{}, err
	}
	w.forgetMember(id)
	last := m.History[len(m.History)-1]
	changes := append(model.MemberChanges(&old, &m), last.ChangeFields()...)
	return m, w.writeAudit(model.ActionStatus, model.EntityMember, id, memberLabel(&m), changes)
}

func (w *writer) deleteMember(id uint64) error {
	old, err := getMember(w.tx, id)
	if err != nil {
		return err
	}
	if err := checkRefs(w.tx, id, memberRefCheckers); err != nil {
		return err
	}
	w.forgetMember(id)
	if err := w.members.Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexMember(&old, nil); err != nil {
		return err
	}
	if err := w.dropDuesOf(model.EntityMember, id); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityMember, id, memberLabel(&old), model.MemberChanges(&old, &model.Member{}))
}

// indexMember moves a member's index entries from old to new; either may be
// nil (create, delete). A number that leaves a member is retired.
func (w *writer) indexMember(old, new *model.Member) error {
	var oldID, newID, oldNo, newNo string
	var oldUnit, newUnit, id uint64
	if old != nil {
		oldID, oldNo, oldUnit, id = idKey(old.IDNumber), old.No, old.UnitID, old.ID
	}
	if new != nil {
		newID, newNo, newUnit, id = idKey(new.IDNumber), new.No, new.UnitID, new.ID
	}
	if err := w.moveKey(w.idxIDNumber, id, oldID, newID); err != nil {
		return err
	}
	if err := w.moveKey(w.idxNo, id, oldNo, newNo); err != nil {
		return err
	}
	if oldNo != "" && oldNo != newNo {
		if err := w.set(w.idxNoRetired, []byte(oldNo), empty); err != nil {
			return err
		}
	}
	if oldUnit != newUnit {
		if oldUnit != 0 {
			if err := w.del(w.idxUnitMembers, pairKey(oldUnit, id)); err != nil {
				return err
			}
		}
		if newUnit != 0 {
			return w.set(w.idxUnitMembers, pairKey(newUnit, id), empty)
		}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func monthText(m model.Month) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

func accountsText(as []model.Account) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Code + " " + a.Name
	}
	return strings.Join(parts, "; ")
}

// paidStillOwed refuses a change to a member (a later join date, a
// back-dated status change) that would leave a paid month no longer owed:
// the payment would then stand for nothing. Such a payment is reversed
// first. The problem is reported on field.
func (w *writer) paidStillOwed(m *model.Member, field string) error {
	if w.duesMember == nil {
		return nil
	}
	paid := w.memberDues(m.ID).paid()
	if len(paid) == 0 {
		return nil
	}
	rules, err := w.duesRules()
	if err != nil {
		return err
	}
	for _, mo := range paid {
		if !m.Owes(mo, rules) {
			return model.Problems{{Field: field, Key: "dues.paid_not_owed", Args: []any{mo.String()}}}
		}
	}
	return nil
}
