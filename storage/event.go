package storage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Event records (活动记录). An event is a record with three indexes; its
// cost is posted to the cash book in the event's own transaction (source
// kind "event") and changed only by reversing that entry and posting a new
// one. Its buckets are in layout.go.

// SourceEvent is the source kind of a cash-book entry posted by an event.
const SourceEvent = "event"

// eventBuckets are the buckets of the events migration.
func eventBuckets() [][]byte {
	return [][]byte{bucketEvents, idxEventDate, idxMemberEvents, idxUnitEvents}
}

func createEventBuckets(tx *bbolt.Tx) error {
	for _, name := range eventBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

func memberEventsRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return countPrefix(tx.Bucket(idxMemberEvents), itob(id)), "events.member_in_use", nil
}

func unitEventsRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return countPrefix(tx.Bucket(idxUnitEvents), itob(id)), "events.unit_in_use", nil
}

// countPrefix counts the keys of b that start with prefix (0 for a
// missing bucket).
func countPrefix(b *bbolt.Bucket, prefix []byte) int {
	if b == nil {
		return 0
	}
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// idsWithPrefix lists the second IDs of the 16-byte pair keys under first.
func idsWithPrefix(b *bbolt.Bucket, first uint64) []uint64 {
	var ids []uint64
	if b == nil {
		return nil
	}
	prefix := itob(first)
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 16 {
			ids = append(ids, btoi(k[8:]))
		}
	}
	return ids
}

func getEvent(tx *bbolt.Tx, id uint64) (model.Event, error) {
	var e model.Event
	b := tx.Bucket(bucketEvents)
	if b == nil {
		return e, fmt.Errorf("event %d: %w", id, errNotFound())
	}
	v := b.Get(itob(id))
	if v == nil {
		return e, fmt.Errorf("event %d: %w", id, errNotFound())
	}
	if err := decode(v, &e); err != nil {
		return e, fmt.Errorf("event %d: %w", id, err)
	}
	return e, nil
}

// eventLabel names an event in the audit log.
func eventLabel(e *model.Event) string { return e.Start.String() + " " + e.Title }

// checkEvent normalizes and validates e (old is the stored version when
// updating): the model's rules, then that its members and unit exist, that
// the cost's account is in the chart, and that every attachment not
// already on the stored record exists as a file or folder.
func (w *writer) checkEvent(e *model.Event, old *model.Event) (model.Problems, error) {
	e.Normalize()
	if e.Cost > 0 && e.Account == "" && e.Type.Valid() {
		c, err := w.chartFor(e.LastDay().Year())
		if err != nil {
			return nil, err
		}
		e.Account = e.Type.DefaultAccount(c.Accounts)
	}
	ps := model.ValidateEvent(e, w.today)
	for i := range ps {
		if ps[i].Key == "events.duplicate_member" && len(ps[i].Args) == 1 {
			if id, err := strconv.ParseUint(fmt.Sprint(ps[i].Args[0]), 10, 64); err == nil {
				if m, err := w.member(id); err == nil {
					ps[i].Args = []any{memberLabel(m)}
				}
			}
		}
	}
	reported := map[uint64]bool{}
	for _, id := range e.Members {
		if id == 0 || reported[id] {
			continue
		}
		if _, err := w.member(id); err != nil {
			if !errors.Is(err, errNotFound()) {
				return nil, err
			}
			reported[id] = true
			ps = append(ps, model.Problem{Field: "ev_members", Key: "events.member_missing", Args: []any{strconv.FormatUint(id, 10)}})
		}
	}
	if e.UnitID != 0 && !w.unitExists(e.UnitID) {
		ps = append(ps, model.Problem{Field: "ev_unit", Key: "member.unit_missing"})
	}
	if e.Cost > 0 && e.Account != "" && model.EventAccountAllowed(e.Account) {
		c, err := w.chartFor(e.LastDay().Year())
		if err != nil {
			return nil, err
		}
		if _, ok := c.Find(e.Account); !ok {
			ps = append(ps, model.Problem{Field: "ev_account", Key: "account.unknown", Args: []any{e.Account}})
		}
	}
	for _, a := range e.Attachments {
		if old != nil && slices.Contains(old.Attachments, a) {
			continue
		}
		if _, err := os.Stat(a); err != nil {
			key := "events.attachment_unreadable"
			if errors.Is(err, fs.ErrNotExist) {
				key = "events.attachment_missing"
			}
			ps = append(ps, model.Problem{Field: "ev_attachments", Key: key, Args: []any{a}})
		}
	}
	return ps, nil
}

// costMemo is the memo of an event's cash-book entry.
func costMemo(e *model.Event) string { return "活动：" + e.Title }

// counterpartyOf is the place of the event, cut to the cash book's 50 characters.
func counterpartyOf(e *model.Event) string {
	r := []rune(e.Place)
	if len(r) > 50 {
		r = r[:50]
	}
	return string(r)
}

// postCost posts the event's cost dated date and links the entry.
func (w *writer) postCost(e *model.Event, date model.Date) error {
	le := model.LedgerEntry{
		Date: date, Direction: model.Out, Account: e.Account, Amount: e.Cost,
		Counterparty: counterpartyOf(e), Memo: costMemo(e), Source: model.Source{Kind: SourceEvent, ID: e.ID},
	}
	if err := w.postLedger(&le); err != nil {
		return err
	}
	e.LedgerID = le.ID
	e.LedgerIDs = append(e.LedgerIDs, le.ID)
	return nil
}

// reverseCost reverses the event's live cost entry (red entry dated date)
// and unlinks it.
func (w *writer) reverseCost(e *model.Event, date model.Date, reason string) (model.LedgerEntry, error) {
	orig, err := getLedgerEntry(w.ledger, e.LedgerID)
	if err != nil {
		return model.LedgerEntry{}, err
	}
	rev := model.LedgerEntry{
		Date: max(date, orig.Date), Direction: orig.Direction, Account: orig.Account, Amount: -orig.Amount,
		Counterparty: orig.Counterparty, Memo: reversalMemo(orig.VoucherNo, reason), ReversalOf: orig.ID,
		Source: model.Source{Kind: SourceEvent, ID: e.ID},
	}
	if err := w.postLedger(&rev); err != nil {
		return model.LedgerEntry{}, err
	}
	e.LedgerID = 0
	e.LedgerIDs = append(e.LedgerIDs, rev.ID)
	return rev, nil
}

func (w *writer) createEvent(e *model.Event) error {
	e.ID, e.LedgerID, e.LedgerIDs = 0, 0, nil
	ps, err := w.checkEvent(e, nil)
	if err != nil {
		return err
	}
	if len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketEvents)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.ID, e.Operator, e.CreatedAt = id, w.op, w.now
	if e.Cost > 0 {
		if err := w.postCost(e, e.LastDay()); err != nil {
			return err
		}
	}
	b.FillPercent = 0.9
	if err := w.put(b, itob(id), e); err != nil {
		return err
	}
	if err := w.indexEvent(nil, e); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityEvent, id, eventLabel(e), model.EventChanges(nil, e))
}

// updateEvent stores a changed event. A changed cost or account reverses
// the live cost entry and posts the new cost, both dated today, in this
// transaction; reason (required then) goes into the reversal's memo.
func (w *writer) updateEvent(e *model.Event, reason string) error {
	old, err := getEvent(w.tx, e.ID)
	if err != nil {
		return err
	}
	e.LedgerID, e.LedgerIDs = old.LedgerID, slices.Clone(old.LedgerIDs)
	e.Operator, e.CreatedAt = old.Operator, old.CreatedAt
	ps, err := w.checkEvent(e, &old)
	if err != nil {
		return err
	}
	costChanged := e.Cost != old.Cost || e.Account != old.Account
	reason = model.CleanText(reason)
	if costChanged {
		switch {
		case reason == "":
			ps = append(ps, model.Problem{Field: "ev_reason", Key: "problem.required"})
		case len([]rune(reason)) > maxReasonLen:
			ps = append(ps, model.Problem{Field: "ev_reason", Key: "problem.too_long", Args: []any{maxReasonLen}})
		}
	}
	if len(ps) > 0 {
		return ps
	}
	changes := model.EventChanges(&old, e)
	if len(changes) == 0 {
		return errNoChange
	}
	action := model.ActionUpdate
	if costChanged {
		action = model.ActionReverse
		if old.LedgerID != 0 {
			rev, err := w.reverseCost(e, w.today, reason)
			if err != nil {
				return err
			}
			changes = append(changes, model.FieldChange{Field: "ev_reversed_voucher", New: rev.VoucherNo})
		}
		if e.Cost > 0 {
			if err := w.postCost(e, w.today); err != nil {
				return err
			}
		}
		changes = append(changes, model.FieldChange{Field: "reason", New: reason})
	}
	b := w.tx.Bucket(bucketEvents)
	if err := w.put(b, itob(e.ID), e); err != nil {
		return err
	}
	if err := w.indexEvent(&old, e); err != nil {
		return err
	}
	return w.writeAudit(action, model.EntityEvent, e.ID, eventLabel(e), changes)
}

// deleteEvent deletes an event entered by mistake; one that posted to the
// cash book stays (its cost is reversed instead).
func (w *writer) deleteEvent(id uint64) error {
	old, err := getEvent(w.tx, id)
	if err != nil {
		return err
	}
	if len(old.LedgerIDs) > 0 {
		return model.Problems{{Key: "events.delete_posted"}}
	}
	if err := w.tx.Bucket(bucketEvents).Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexEvent(&old, nil); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityEvent, id, eventLabel(&old), model.EventChanges(&old, &model.Event{}))
}

// eventDateKey is the idx_event_date key of an event.
func eventDateKey(d model.Date, id uint64) []byte { return ledgerDateKey(d, id) }

// indexEvent moves an event's index entries from old to new; either may
// be nil (create, delete).
func (w *writer) indexEvent(old, new *model.Event) error {
	dates, members, units := w.tx.Bucket(idxEventDate), w.tx.Bucket(idxMemberEvents), w.tx.Bucket(idxUnitEvents)
	var oldMembers, newMembers []uint64
	var oldUnit, newUnit uint64
	var oldDate, newDate model.Date
	var id uint64
	if old != nil {
		oldMembers, oldUnit, oldDate, id = old.Members, old.UnitID, old.Start, old.ID
	}
	if new != nil {
		newMembers, newUnit, newDate, id = new.Members, new.UnitID, new.Start, new.ID
	}
	if oldDate != newDate {
		if old != nil {
			if err := w.del(dates, eventDateKey(oldDate, id)); err != nil {
				return err
			}
		}
		if new != nil {
			if err := w.set(dates, eventDateKey(newDate, id), empty); err != nil {
				return err
			}
		}
	}
	added, removed := diffIDs(oldMembers, newMembers)
	for _, m := range removed {
		if err := w.del(members, pairKey(m, id)); err != nil {
			return err
		}
	}
	for _, m := range added {
		if err := w.set(members, pairKey(m, id), empty); err != nil {
			return err
		}
	}
	if oldUnit != newUnit {
		if oldUnit != 0 {
			if err := w.del(units, pairKey(oldUnit, id)); err != nil {
				return err
			}
		}
		if newUnit != 0 {
			return w.set(units, pairKey(newUnit, id), empty)
		}
	}
	return nil
}

// diffIDs lists the IDs in b not in a, and in a not in b.
func diffIDs(a, b []uint64) (added, removed []uint64) {
	ina := make(map[uint64]bool, len(a))
	for _, x := range a {
		ina[x] = true
	}
	inb := make(map[uint64]bool, len(b))
	for _, x := range b {
		inb[x] = true
		if !ina[x] {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if !inb[x] {
			removed = append(removed, x)
		}
	}
	return added, removed
}

// ---- the Store's API

// CreateEvent validates and stores a new event, with its cost (if any)
// posted to the cash book in the same transaction, dated the event's last
// day, on e.Account (the type's default sub-account when empty). Problems
// (model.Problems, fields "ev_…"): see model.ValidateEvent, plus a member
// or unit that does not exist, an account not in the chart and an
// attachment path that does not exist (the problem names the path). On
// success e holds the event as stored (ID, LedgerID); on error it is
// unchanged and nothing was written.
func (s *Store) CreateEvent(op string, e *model.Event) error {
	c := cloneEvent(e)
	if err := s.update(op, func(w *writer) error { return w.createEvent(&c) }); err != nil {
		return err
	}
	*e = c
	return nil
}

// UpdateEvent stores a changed event. Title, type, dates, place, unit,
// participants, summary and attachments are simply changed (the audit
// entry lists what changed; only newly added attachments are checked to
// exist). A changed cost or cost account is financial: the live cost
// entry is reversed and the new cost posted, both dated today, in the same
// transaction; reason is then required (field "ev_reason") and goes into
// the reversal's memo. LedgerID and LedgerIDs are kept as stored.
func (s *Store) UpdateEvent(op string, e *model.Event, reason string) error {
	c := cloneEvent(e)
	if err := s.update(op, func(w *writer) error { return w.updateEvent(&c, reason) }); err != nil {
		return err
	}
	*e = c
	return nil
}

// DeleteEvent deletes an event that never posted to the cash book.
func (s *Store) DeleteEvent(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteEvent(id) })
}

func cloneEvent(e *model.Event) model.Event {
	c := *e
	c.Members = slices.Clone(e.Members)
	c.Attachments = slices.Clone(e.Attachments)
	c.LedgerIDs = slices.Clone(e.LedgerIDs)
	return c
}

// Event returns one event.
func (s *Store) Event(id uint64) (e model.Event, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var er error
		e, er = getEvent(tx, id)
		return er
	})
	return e, err
}

// eventsBetween reads the events starting from..to (0 for an open end)
// from the date index, in date then ID order.
func eventsBetween(tx *bbolt.Tx, from, to model.Date) ([]model.Event, error) {
	idx := tx.Bucket(idxEventDate)
	if idx == nil {
		return nil, nil
	}
	var out []model.Event
	c := idx.Cursor()
	for k, _ := c.Seek(dateKey(from)); k != nil; k, _ = c.Next() {
		if len(k) != 12 {
			continue
		}
		if to != 0 && model.Date(btoi(append(make([]byte, 4), k[:4]...))) > to {
			break
		}
		e, err := getEvent(tx, btoi(k[4:]))
		if err != nil {
			return nil, dangling(err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Events lists the events starting from..to (0 for an open end), by date
// then ID.
func (s *Store) Events(from, to model.Date) ([]model.Event, error) {
	var out []model.Event
	err := s.db.View(func(tx *bbolt.Tx) error {
		var e error
		out, e = eventsBetween(tx, from, to)
		return e
	})
	return out, err
}

// MemberEvents lists the events member id took part in, by date then ID,
// from the member → events index.
func (s *Store) MemberEvents(memberID uint64) ([]model.Event, error) {
	var out []model.Event
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, id := range idsWithPrefix(tx.Bucket(idxMemberEvents), memberID) {
			e, err := getEvent(tx, id)
			if err != nil {
				return dangling(err)
			}
			out = append(out, e)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b model.Event) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, err
}

// EventFigures are the events and participation of the events starting
// from..to, by type, month, organising unit and participants' units.
func (s *Store) EventFigures(from, to model.Date) (model.EventFigures, error) {
	var f model.EventFigures
	err := s.db.View(func(tx *bbolt.Tx) error {
		es, err := eventsBetween(tx, from, to)
		if err != nil {
			return err
		}
		f = model.SumEvents(es, from, to, memberUnits(tx))
		return nil
	})
	return f, err
}

// memberUnits looks members' units up, each member once, reading only
// their lines (not their histories and wage bases) through one cursor.
func memberUnits(tx *bbolt.Tx) func(uint64) uint64 {
	cache := map[uint64]uint64{}
	c := tx.Bucket(bucketMembers).Cursor()
	var l MemberLine
	var buf []byte
	return func(id uint64) uint64 {
		if u, ok := cache[id]; ok {
			return u
		}
		key := itob(id)
		k, v := c.Seek(key)
		if !bytes.Equal(k, key) || decodeMemberLine(v, &l, &buf) != nil {
			cache[id] = 0
			return 0
		}
		cache[id] = l.UnitID
		return l.UnitID
	}
}

// EventStats are the figures of stats --json for a year: events, 人次 and
// net cost, by type (type names in Chinese, the language of the books).
func (s *Store) EventStats(year int) (model.EventStats, error) {
	from, to := model.NewDate(year, 1, 1), model.NewDate(year, 12, 31)
	var st model.EventStats
	err := s.db.View(func(tx *bbolt.Tx) error {
		es, err := eventsBetween(tx, from, to)
		if err != nil {
			return err
		}
		st = model.EventStatsOf(year, model.SumEvents(es, from, to, nil), func(t model.EventType) string { return i18n.ZH.T(t.Key()) })
		return nil
	})
	return st, err
}

// CreateEvent is Store.CreateEvent inside the batch's transaction.
func (b *Batch) CreateEvent(e *model.Event) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createEvent(e)
}
