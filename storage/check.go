package storage

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The integrity check (unionbook check, restore's test of a backup): bbolt's
// own consistency check, then the domain's invariants, each a named checker
// run in one read transaction over the whole file.
//
// Adding checks. A feature that stores records writes its checker in its
// own file, as storage/check_dues.go does for dues and the cash book, and
// adds it to the list in checkers():
//
//	func checkDues(tx *bbolt.Tx, r *CheckReport) error {
//		r.Count("payments", n)                       // "check.count.payments"
//		r.Problem("check.no_ledger_entry", model.EntityPayment, id)
//		return nil // an error is for what stops the checker, not a finding
//	}
//
// Problems name a catalogue key and its arguments; arguments of type Entity
// are shown as the entity's localized name, everything else with %s (pass
// numbers through as uint64 or int: the report formats them). The generic
// keys below (check.dangling, check.index_missing, check.index_stale,
// check.duplicate_number, check.balance, check.no_ledger_entry,
// check.reversal_target, check.reversal_twice, check.undecodable,
// check.key_mismatch, check.sequence) cover the usual invariants; a
// checker may add its own keys in its own catalogue files. A checker that
// panics (a damaged record) is reported as a problem, and the others still
// run.

// CheckProblem is one thing found wrong. It holds nothing of the
// transaction it was found in (see freezeArgs): a report is read after the
// database is closed.
type CheckProblem struct {
	Checker string // the checker's name
	Key     string // catalogue key
	Args    []any  // model.Entity, string, numbers, or text in each language
	// Detail is what a library said that the message in the user's words
	// leaves out (bbolt on a damaged page, the decoder on a record), for a
	// second line "details: ..."; "" when there is nothing more.
	Detail string
}

// Localize says the problem in language l.
func (p CheckProblem) Localize(l i18n.Lang) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		switch a := a.(type) {
		case model.Entity:
			args[i] = l.T("entity." + string(a))
		case string:
			args[i] = a
		case []byte:
			args[i] = printableKey(a)
		case error:
			args[i] = i18n.Text(a, l)
		case i18n.Localizer:
			args[i] = a.Localize(l)
		default:
			args[i] = fmt.Sprint(a)
		}
	}
	return l.T(p.Key, args...)
}

func (p CheckProblem) Error() string { return p.Localize(i18n.EN) }

// printableKey shows an index key: as text when it is text, else in hex
// (8-byte IDs as numbers).
func printableKey(k []byte) string {
	if len(k) == 8 {
		return strconv.FormatUint(btoi(k), 10)
	}
	if len(k) == 16 {
		return fmt.Sprintf("%d/%d", btoi(k[:8]), btoi(k[8:]))
	}
	s := string(k)
	for _, r := range s {
		if r < 0x20 || r == 0xFFFD {
			return fmt.Sprintf("%x", k)
		}
	}
	return s
}

// CheckCount is how many of something the check saw.
type CheckCount struct {
	Name string // shown with the catalogue's "check.count.<name>" (one %d)
	N    int
}

// CheckReport is what the check found.
type CheckReport struct {
	Counts   []CheckCount
	Problems []CheckProblem
	// Truncated counts the problems left out beyond MaxCheckProblems.
	Truncated int
	checker   string
}

// MaxCheckProblems caps the problems one report lists; a badly damaged
// file would otherwise list millions.
const MaxCheckProblems = 200

// OK reports that nothing was found wrong.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

// Count records a count for the summary.
func (r *CheckReport) Count(name string, n int) {
	for i := range r.Counts {
		if r.Counts[i].Name == name {
			r.Counts[i].N = n
			return
		}
	}
	r.Counts = append(r.Counts, CheckCount{Name: name, N: n})
}

// Problem records a problem: a catalogue key and its arguments. What an
// error among them says behind its message in the user's words (a
// decoder's text) becomes the problem's Detail.
func (r *CheckReport) Problem(key string, args ...any) {
	var details []string
	for _, a := range args {
		if err, ok := a.(error); ok {
			if d := i18n.Details(err); d != "" {
				details = append(details, d)
			}
		}
	}
	r.problem(strings.Join(details, "; "), key, args...)
}

// problem records a problem with its detail.
func (r *CheckReport) problem(detail, key string, args ...any) {
	if key == "check.undecodable" && checksumFailed(args) {
		return // checkRecords reported the record already
	}
	if len(r.Problems) >= MaxCheckProblems {
		r.Truncated++
		return
	}
	r.Problems = append(r.Problems, CheckProblem{Checker: r.checker, Key: key, Args: freezeArgs(args), Detail: detail})
}

func checksumFailed(args []any) bool {
	for _, a := range args {
		if err, ok := a.(error); ok && errors.Is(err, errRecordChecksum) {
			return true
		}
	}
	return false
}

// freezeArgs copies what a problem reports out of the transaction. Keys
// and values a checker passes point into bbolt's memory map, which is
// gone once the database is closed: reading them then faults (unionbook
// check crashed so on damaged files). []byte becomes its printable text,
// errors and other localizable values their text in each language, and
// any other type but the plain ones its fmt text.
func freezeArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case model.Entity, string, bool, int, int64, uint64, uint32, int32:
			out[i] = a
		case []byte:
			out[i] = printableKey(a)
		case i18n.Localizer:
			out[i] = frozenText{zh: a.Localize(i18n.ZH), en: a.Localize(i18n.EN)}
		case error:
			out[i] = frozenText{zh: i18n.Text(a, i18n.ZH), en: i18n.Text(a, i18n.EN)}
		default:
			out[i] = fmt.Sprint(a)
		}
	}
	return out
}

// frozenText is a message already said in each language.
type frozenText struct{ zh, en string }

func (f frozenText) Localize(l i18n.Lang) string {
	if l == i18n.EN {
		return f.en
	}
	return f.zh
}

func (f frozenText) String() string { return f.en }

// checker is one named group of invariants.
type checker struct {
	name string
	run  func(tx *bbolt.Tx, r *CheckReport) error
	// since is the migration that made what it checks: a database of an
	// older schema (a backup taken before a migration) is not checked
	// for it. "" for the checks of schema 1.
	since string
}

// checkers is every checker, in the order they run: after bbolt's
// structural check and, when that found damage, not at all (reading damaged
// pages gives nonsense). "buckets" comes first: when a core bucket is
// missing the rest do not run. A feature that stores records adds its
// checker here, written in its own check_<feature>.go.
func checkers() []checker {
	return []checker{
		{"buckets", checkBuckets, ""},
		{"records", checkRecords, ""}, // check_records.go: every record's checksum
		{"units", checkUnits, ""},
		{"members", checkMembers, ""},
		{"audit", checkAudit, ""},
		{"sequences", checkSequences, ""},
		{"dues", checkDues, "dues and cash book"},             // check_dues.go: payments, batches, cash book
		{"events", checkEvents, "events"},                     // check_events.go
		{"hardship", checkHardship, "hardship files and aid"}, // check_hardship.go: files and aid
		{"cases", checkCases, "cases and risk checks"},        // case_check.go: cases and risk checks
		{"books", checkBooks, "books"},                        // check_ledger.go: money accounts, closings, budgets, funds
		{"org", checkOrg, "organisation register"},            // check_org.go: employers and honours
		{"dues_settings", checkDuesSettings, "dues handling"}, // check_dues2.go: dues settings, reports, reminders
	}
}

// Check runs every check over the database as it is now. A damaged file
// can make a read fault inside the memory map; with panic-on-fault that
// becomes a panic each checker recovers into a reported problem, instead of
// a crash.
func (s *Store) Check() (*CheckReport, error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	r := &CheckReport{}
	err := s.db.View(func(tx *bbolt.Tx) error { return runChecks(tx, r) })
	return r, err
}

// CheckFile opens the database at path read-only and checks it. A file
// that cannot be opened at all comes back as the error (damaged, locked,
// missing).
func CheckFile(path string) (*CheckReport, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, &localError{i18n.E("err.file_missing", path), err}
	}
	// skipMigrate: an older schema is checked as it is (the checkers know
	// which schema made what), a newer one is named by checkBuckets.
	s, err := Open(path, Options{ReadOnly: true, noCheck: true, skipMigrate: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Check()
}

func runChecks(tx *bbolt.Tx, r *CheckReport) (err error) {
	r.checker = "bbolt"
	structural := 0
	// bbolt's check faults, uncatchably, on pages whose bounds are damaged:
	// walk them first, and on damage report it instead.
	if err := checkPagesTx(tx); err != nil {
		structural++
		r.problem(err.Error(), "check.bbolt")
	} else {
		for e := range tx.Check() {
			structural++
			r.problem(e.Error(), "check.bbolt")
		}
	}
	r.Count("bytes", int(tx.Size()))
	if structural > 0 {
		return nil
	}
	have := schemaVersion(tx)
	for _, c := range checkers() {
		if c.since != "" && have < migrationVersion(c.since) {
			continue
		}
		r.checker = c.name
		if err := runChecker(c, tx, r); errors.Is(err, errMissingBuckets) {
			break
		} else if err != nil {
			return fmt.Errorf("check %s: %w", c.name, err)
		}
	}
	r.checker = ""
	// The records' checksums are counted last: after what they hold.
	last := func(c CheckCount) int {
		if strings.HasPrefix(c.Name, "records") {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(r.Counts, func(a, b CheckCount) int { return cmp.Compare(last(a), last(b)) })
	return nil
}

func runChecker(c checker, tx *bbolt.Tx, r *CheckReport) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.problem(fmt.Sprint(p), "check.panicked", i18n.E("check.area."+c.name))
			err = nil
		}
	}()
	return c.run(tx, r)
}

// coreBuckets are the buckets of schema 1; later features check their own.
func coreBuckets() [][]byte {
	return [][]byte{
		bucketMeta, bucketUnits, bucketMembers, bucketAudit,
		idxMemberIDNumber, idxMemberNo, idxMemberNoRetired, idxUnitMembers, idxUnitName, idxUnitCredit,
	}
}

// errMissingBuckets stops the domain checks when a core bucket is missing.
var errMissingBuckets = errors.New("core buckets missing")

func checkBuckets(tx *bbolt.Tx, r *CheckReport) error {
	missing := false
	for _, name := range coreBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			missing = true
		}
	}
	if missing {
		return errMissingBuckets
	}
	if have, want := schemaVersion(tx), SchemaVersion(); have > want {
		r.Problem("check.schema_newer", int(have), int(want))
	}
	return nil
}

// checkUniqueIndex checks a unique index both ways: every record's key points to
// it (want, gathered from the records), and every entry points to a record
// whose key it is.
func checkUniqueIndex(tx *bbolt.Tx, r *CheckReport, idx []byte, ent model.Entity, want map[string]uint64) {
	b := tx.Bucket(idx)
	for k, id := range want {
		v := b.Get([]byte(k))
		if v == nil {
			r.Problem("check.index_missing", ent, id, string(idx), k)
		} else if btoi(v) != id {
			r.Problem("check.index_wrong", string(idx), k, ent, btoi(v), id)
		}
	}
	_ = b.ForEach(func(k, v []byte) error {
		if _, ok := want[string(k)]; !ok {
			r.Problem("check.index_stale", string(idx), printableKey(k), ent, btoi(v))
		}
		return nil
	})
}

func checkUnits(tx *bbolt.Tx, r *CheckReport) error {
	names, codes := map[string]uint64{}, map[string]uint64{}
	n := 0
	err := tx.Bucket(bucketUnits).ForEach(func(k, v []byte) error {
		n++
		var u model.Unit
		if err := decode(v, &u); err != nil {
			r.Problem("check.undecodable", model.EntityUnit, k, err)
			return nil
		}
		if u.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityUnit, k, u.ID)
		}
		if u.Name != "" {
			if other, dup := names[string(unitNameKey(u.Name))]; dup {
				r.Problem("check.duplicate_number", model.EntityUnit, u.Name, other, u.ID)
			}
			names[string(unitNameKey(u.Name))] = u.ID
		}
		if u.CreditCode != "" {
			if other, dup := codes[u.CreditCode]; dup {
				r.Problem("check.duplicate_number", model.EntityUnit, u.CreditCode, other, u.ID)
			}
			codes[u.CreditCode] = u.ID
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("units", n)
	checkUniqueIndex(tx, r, idxUnitName, model.EntityUnit, names)
	checkUniqueIndex(tx, r, idxUnitCredit, model.EntityUnit, codes)
	return nil
}

func checkMembers(tx *bbolt.Tx, r *CheckReport) error {
	ids, nos := map[string]uint64{}, map[string]uint64{}
	pairs := map[string]bool{}
	units := tx.Bucket(bucketUnits)
	n := 0
	err := tx.Bucket(bucketMembers).ForEach(func(k, v []byte) error {
		n++
		var m model.Member
		if err := decode(v, &m); err != nil {
			r.Problem("check.undecodable", model.EntityMember, k, err)
			return nil
		}
		if m.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityMember, k, m.ID)
		}
		if m.IDNumber != "" {
			key := idKey(m.IDNumber)
			if other, dup := ids[key]; dup {
				r.Problem("check.duplicate_number", model.EntityMember, model.MaskID(m.IDNumber), other, m.ID)
			}
			ids[key] = m.ID
		}
		if m.No != "" {
			if other, dup := nos[m.No]; dup {
				r.Problem("check.duplicate_number", model.EntityMember, m.No, other, m.ID)
			}
			nos[m.No] = m.ID
		}
		if m.UnitID != 0 {
			pairs[string(pairKey(m.UnitID, m.ID))] = true
			if units.Get(itob(m.UnitID)) == nil {
				r.Problem("check.dangling", model.EntityMember, m.ID, model.EntityUnit, m.UnitID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("members", n)
	checkUniqueIndex(tx, r, idxMemberIDNumber, model.EntityMember, ids)
	checkUniqueIndex(tx, r, idxMemberNo, model.EntityMember, nos)
	b := tx.Bucket(idxUnitMembers)
	for k := range pairs {
		if b.Get([]byte(k)) == nil {
			r.Problem("check.index_missing", model.EntityMember, btoi([]byte(k[8:])), string(idxUnitMembers), printableKey([]byte(k)))
		}
	}
	return b.ForEach(func(k, _ []byte) error {
		if !pairs[string(k)] {
			r.Problem("check.index_stale", string(idxUnitMembers), printableKey(k), model.EntityMember, pairMember(k))
		}
		return nil
	})
}

func pairMember(k []byte) uint64 {
	if len(k) != 16 {
		return 0
	}
	return btoi(k[8:])
}

func checkAudit(tx *bbolt.Tx, r *CheckReport) error {
	n := 0
	err := tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
		n++
		var e model.AuditEntry
		if err := decode(v, &e); err != nil {
			r.Problem("check.undecodable", model.EntityAudit, k, err)
			return nil
		}
		if e.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityAudit, k, e.ID)
		}
		return nil
	})
	r.Count("audit", n)
	return err
}

// checkSequences: a bucket's counter below its highest key would make the
// next record overwrite an old one.
func checkSequences(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range [][]byte{bucketUnits, bucketMembers, bucketAudit} {
		checkSequence(tx, r, name)
	}
	return nil
}

// checkSequence checks one ID-keyed bucket's counter; dues and ledger
// buckets may use it from their checker.
func checkSequence(tx *bbolt.Tx, r *CheckReport, name []byte) {
	b := tx.Bucket(name)
	if b == nil {
		return
	}
	k, _ := b.Cursor().Last()
	if k != nil && btoi(k) > b.Sequence() {
		r.Problem("check.sequence", string(name), b.Sequence(), btoi(k))
	}
}
