// Package storage keeps UnionBook's records in one bbolt file: a bucket per
// entity, index buckets for unique and lookup keys, an audit bucket and a
// meta bucket with the schema version and counters. Every write is one
// transaction that also writes its audit entry; nothing else writes to bbolt.
//
// Where to look: layout.go lists every bucket and index with its keys and
// values; codec.go the record format (CBOR with a CRC-32C); schema.go the
// migrations; check.go the integrity check and its checkers; backup.go and
// backupfile.go the backups and their retention; boltopen.go the one way a
// possibly damaged file is opened.
package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
	"unionbook/model"
)

// Store is an open UnionBook database.
type Store struct {
	db   storeDB
	path string
	bolt boltOptions // how db was opened (finishDense opens its copy alike)
	now  func() time.Time

	backupErr  error          // why the day's automatic backup failed, if it did
	backupBg   sync.WaitGroup // the day's backup copy, running in the background
	backupGate chan struct{}  // closed when a deferred daily backup may begin
	gateOnce   sync.Once

	shared sharedReads // the dues scans' roster and results, shared by concurrent readers

	// heldMembers are the members Bulk transactions read, kept decoded
	// from one to the next while a load holds them (HoldMembers).
	heldMembers map[uint64]*model.Member
}

// Options tune Open.
type Options struct {
	// ReadOnly opens without taking the write lock (stats, backup).
	ReadOnly bool
	// Now replaces the clock (tests).
	Now func() time.Time
	// NoDailyBackup skips the first-of-the-day backup (and the check that
	// precedes it) on this open. Backups before a migration are always made.
	NoDailyBackup bool
	// DeferDailyBackup holds the first-of-the-day check and backup until
	// StartDailyBackup (or Close): the terminal interface lets its start's
	// loads finish first, so the two do not hold their memory at the same
	// time nor share the cores before the first frame.
	DeferDailyBackup bool
	// NoSync skips fsync after each commit (bbolt's NoSync): a crash may
	// then lose or damage recent writes. For tests that do not test
	// durability; the program never sets it.
	NoSync bool

	skipMigrate bool // restore: the file is about to be replaced
	noCheck     bool // CheckFile: list the damage rather than refuse
}

// checkOnOpenLimit: files up to this size get bbolt's structural check on
// every open, before the first screen (about 35 ms for a 96 MB file); larger
// ones on the first writable open of each day, with the daily backup, in
// the background. It was 256 MB; in the dense forms a 100,000-member file
// with two years of dues is 255 MB, whose check put the first frame at
// 185–261 ms instead of about 95.
const checkOnOpenLimit = 128 << 20

// lockTimeout is how long Open waits for another program to let go of the
// file before it says the database is in use. (A variable for the tests.)
var lockTimeout = time.Second

// Open opens or creates the database at path (its folder too, mode 0700;
// the file mode 0600), runs pending migrations and refuses a database newer
// than the program. A database held by another process fails within about
// a second with an error that errors.Is i18n.E("err.db_locked").
//
// A damaged file (truncated, overwritten, not a database) fails with an
// error that errors.Is i18n.E("err.db_corrupt") and whose message names the
// newest backup and the restore command; bbolt's panics and memory faults
// on such a file are turned into that error. The first writable open of a
// day checks the file with bbolt's consistency check and backs it up (see
// AutoBackup); should that backup fail (a full disk) the open still
// succeeds and BackupWarning says why.
func Open(path string, opts Options) (s *Store, err error) {
	if path == "" {
		p, err := DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, openError(path, err)
		}
	}
	existed := true
	if err := statDB(path); errors.Is(err, fs.ErrNotExist) {
		existed = false
	} else if err != nil {
		return nil, openError(path, err)
	}
	bo := boltOptions{readOnly: opts.ReadOnly, noSync: opts.NoSync, mmapSize: initialMmapSize()}
	db, err := openBolt(path, bo)
	if err != nil {
		return nil, openError(path, err)
	}
	// The checks and migrations below read the whole file: a fault or a
	// panic on a damaged page is the damaged-database error too.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if s != nil {
				s.db.Close() // db, or the copy a migration opened in its place
			} else {
				db.Close()
			}
			s, err = nil, corruptError(path, fmt.Errorf("%w: %v", berrors.ErrInvalid, r))
		}
	}()
	if !opts.ReadOnly {
		tightenMode(path)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	s = &Store{db: storeDB{db, path}, path: path, bolt: bo, now: now}
	if fi, err := os.Stat(path); err == nil && fi.Size() <= checkOnOpenLimit && !opts.noCheck {
		if err := db.View(func(tx *bbolt.Tx) error {
			// the walk reads every page: given back as it goes, not kept in
			// memory
			defer keepMappedSmall(tx)()
			return bboltCheck(tx)
		}); err != nil {
			db.Close()
			return nil, corruptError(path, err)
		}
	}
	backupDue := false
	if existed && !opts.ReadOnly && !opts.NoDailyBackup {
		// The check and the copy run in the background, so the first screen
		// waits for neither; a file that fails the check gets no backup and
		// BackupWarning says why (files up to checkOnOpenLimit had bbolt's
		// check above). Close and BackupWarning wait for it.
		due, err := s.dailyBackupDue()
		if err != nil {
			if errors.Is(err, berrors.ErrInvalid) {
				db.Close()
				return nil, corruptError(path, err)
			}
			s.backupErr = err
		}
		backupDue = due
	}
	if !opts.skipMigrate {
		// A migration may replace the file (finishDense): s.db from here.
		if err := s.migrate(opts.ReadOnly); err != nil {
			s.db.Close()
			if errors.Is(err, berrors.ErrInvalid) {
				return nil, corruptError(path, err)
			}
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		// Up to date: every bucket is there, or the file is damaged.
		if err := s.db.View(hasAllBuckets); err != nil {
			s.db.Close()
			return nil, corruptError(path, err)
		}
	}
	if backupDue { // only once the store is open for good
		s.backupBg.Add(1)
		gate := make(chan struct{})
		s.backupGate = gate
		if !opts.DeferDailyBackup {
			s.StartDailyBackup()
		}
		go func() {
			defer s.backupBg.Done()
			<-gate
			if _, err := s.AutoBackup(BackupDaily); err != nil {
				s.backupErr = err
			}
		}()
	}
	return s, nil
}

// storeDB is the Store's bbolt database. Its View and Update say a record
// that fails its checksum, or cannot be read, as the damaged database it
// is: which file, how to see what, and how to get a good copy back. (The
// store's readers and writers wrap a record's error with the record's
// kind and ID, which the user never sees: i18n.Text shows the first
// message in the chain.)
type storeDB struct {
	*bbolt.DB
	path string
}

func (d storeDB) View(fn func(*bbolt.Tx) error) error   { return d.recordDamage(d.DB.View(fn)) }
func (d storeDB) Update(fn func(*bbolt.Tx) error) error { return d.recordDamage(d.DB.Update(fn)) }

func (d storeDB) recordDamage(err error) error {
	if err == nil || !(errors.Is(err, errRecordChecksum) || errors.Is(err, errRecordUnreadable) || errors.Is(err, errRecordMissing)) {
		return err
	}
	var le *localError
	if errors.As(err, &le) {
		return err
	}
	key := "err.db_record_damaged"
	if errors.Is(err, errRecordMissing) {
		key = "err.db_record_missing" // an index or a reference to nothing
	}
	msg := i18n.E(key+"_nobackup", d.path, d.path)
	if b := NewestGoodBackup(d.path); b != "" {
		msg = i18n.E(key, d.path, d.path, b, b, d.path)
	}
	return &localError{msg, errors.Join(i18n.E("err.db_corrupt", d.path), err)}
}

// hasAllBuckets refuses a database of the current schema that lacks a
// bucket: the store reads them without looking first.
func hasAllBuckets(tx *bbolt.Tx) error {
	for _, name := range allBuckets() {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("%w: bucket %s missing", berrors.ErrInvalid, name)
		}
	}
	return nil
}

// BackupWarning is why this open's automatic daily backup failed (a full
// disk, a read-only folder), or nil. The program goes on; the interface
// should say so. It waits for the backup, which runs in the background
// after Open: call it from a command, not while drawing.
func (s *Store) BackupWarning() error {
	s.backupBg.Wait()
	return s.backupErr
}

// StartDailyBackup lets the day's check and backup, deferred at Open
// (Options.DeferDailyBackup), begin. Without one due, or called again, it
// does nothing.
func (s *Store) StartDailyBackup() {
	s.gateOnce.Do(func() {
		if s.backupGate != nil {
			close(s.backupGate)
		}
	})
}

// corruptError says the database is damaged and how to get it back: the
// newest backup that passes the check and the restore command. It errors.Is
// i18n.E("err.db_corrupt").
func corruptError(path string, cause error) error {
	msg := i18n.E("err.db_damaged_nobackup", path)
	if b := NewestGoodBackup(path); b != "" {
		msg = i18n.E("err.db_damaged", path, b, b, path)
	}
	return &localError{msg, errors.Join(i18n.E("err.db_corrupt", path), cause)}
}

// initialMmapSize reserves address space for the file to grow into. bbolt
// remaps when the file outgrows its map, and each remap copies every node
// the open write transaction has touched: a 100,000-member bulk write into
// a new file remapped a dozen times. Where the map is only reserved address
// space (Linux, macOS) start it at 256 MiB; on Windows mapping also grows the
// file to that size, so keep bbolt's default there.
func initialMmapSize() int {
	if runtime.GOOS == "windows" || strconv.IntSize == 32 {
		return 0
	}
	return 256 << 20
}

// tightenMode makes an existing database file private again if it was
// copied in with wider permissions (personal data, PIPL).
func tightenMode(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, 0o600)
	}
}

// localError is an error with a message for the user and the cause
// underneath, so both errors.Is(err, fs.ErrPermission) and
// i18n.Text work on it.
type localError struct {
	msg   *i18n.Error
	cause error
}

func (e *localError) Error() string               { return e.msg.Error() }
func (e *localError) Localize(l i18n.Lang) string { return e.msg.Localize(l) }
func (e *localError) Unwrap() []error             { return []error{e.msg, e.cause} }

// openError words a failed open of the database for the user.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, errIsDir):
		return &localError{i18n.E("err.db_is_dir", path, filepath.Join(path, "unionbook.db")), err}
	case errors.Is(err, errEmptyFile):
		return emptyError(path)
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("open %s: %w", path, i18n.E("err.db_locked"))
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &localError{i18n.E("err.db_permission", path), err}
	case isDamaged(err):
		return corruptError(path, err)
	}
	return &localError{i18n.E("err.db_open", path, err.Error()), err}
}

// emptyError says that the database file is empty: nothing to open, and
// a new database is not made over it, since an empty file where a
// database was is data lost (a copy cut short), not a fresh start.
func emptyError(path string) error {
	msg := i18n.E("err.db_empty_nobackup", path)
	if b := NewestGoodBackup(path); b != "" {
		msg = i18n.E("err.db_empty", path, b, b, path)
	}
	return &localError{msg, errors.Join(i18n.E("err.db_corrupt", path), errEmptyFile)}
}

// DefaultPath is the database in the user's data folder:
// %AppData%\unionbook on Windows, ~/Library/Application Support/unionbook on
// macOS, $XDG_DATA_HOME/unionbook (or ~/.local/share/unionbook) on Linux.
func DefaultPath() (string, error) { return defaultPath(runtime.GOOS, os.Getenv) }

func defaultPath(goos string, getenv func(string) string) (string, error) {
	const dir, file = "unionbook", "unionbook.db"
	switch goos {
	case "windows", "darwin", "ios":
		base, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(base, dir, file), nil
	}
	// XDG: a relative $XDG_DATA_HOME is invalid and must be ignored.
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, dir, file), nil
	}
	home := getenv("HOME")
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		home = h
	}
	return filepath.Join(home, ".local", "share", dir, file), nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.StartDailyBackup() // a deferred one is made before closing
	s.backupBg.Wait()    // never cut the day's backup short
	return s.db.Close()
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// update runs fn in one write transaction with a writer for op.
func (s *Store) update(op string, fn func(w *writer) error) error {
	err := s.db.Update(func(tx *bbolt.Tx) error { return fn(newWriter(s, tx, op)) })
	if err == errNoChange {
		return nil
	}
	return writeError(s.path, err)
}

// Profile returns the union's profile; ok is false until one was saved.
func (s *Store) Profile() (p model.Profile, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		p, ok, e = getProfile(tx)
		return e
	})
	return p, ok, err
}

// SaveProfile validates and stores the profile.
func (s *Store) SaveProfile(op string, p model.Profile) error {
	return s.update(op, func(w *writer) error { return w.saveProfile(&p) })
}

// IsEmpty reports whether the database holds no profile, unit or member.
func (s *Store) IsEmpty() (bool, error) {
	empty := true
	err := s.db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(keyProfile) != nil {
			empty = false
			return nil
		}
		for _, name := range [][]byte{bucketUnits, bucketMembers} {
			if k, _ := tx.Bucket(name).Cursor().First(); k != nil {
				empty = false
			}
		}
		return nil
	})
	return empty, err
}

// CreateUnit normalizes and validates u, checks that its name and credit code
// are unique, assigns u.ID and stores it. On error u is unchanged.
func (s *Store) CreateUnit(op string, u *model.Unit) error {
	c := *u
	if err := s.update(op, func(w *writer) error { return w.createUnit(&c) }); err != nil {
		return err
	}
	*u = c
	return nil
}

// UpdateUnit validates and stores a changed unit. On success u holds the
// normalized values as stored.
func (s *Store) UpdateUnit(op string, u *model.Unit) error {
	c := *u
	if err := s.update(op, func(w *writer) error { return w.updateUnit(&c) }); err != nil {
		return err
	}
	*u = c
	return nil
}

// DeleteUnit deletes a unit that no member belongs to.
func (s *Store) DeleteUnit(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteUnit(id) })
}

// Unit returns one unit.
func (s *Store) Unit(id uint64) (u model.Unit, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		u, e = getUnit(tx, id)
		return e
	})
	return u, err
}

// UnitByName finds a unit by its name, compared in normalized form (the
// way the uniqueness check compares it): for importers mapping names to units.
func (s *Store) UnitByName(name string) (u model.Unit, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(idxUnitName).Get(unitNameKey(name))
		if v == nil {
			return nil
		}
		ok = true
		var e error
		u, e = getUnit(tx, btoi(v))
		return dangling(e)
	})
	return u, ok, err
}

// Units returns every unit in ID order.
func (s *Store) Units() ([]model.Unit, error) {
	var us []model.Unit
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketUnits).ForEach(func(k, v []byte) error {
			var u model.Unit
			if err := decode(v, &u); err != nil {
				return fmt.Errorf("unit %d: %w", btoi(k), err)
			}
			us = append(us, u)
			return nil
		})
	})
	return us, err
}

// UnitMemberCounts counts the members of every unit that has any, from the
// unit index (whatever their status).
func (s *Store) UnitMemberCounts() (map[uint64]int, error) {
	counts := make(map[uint64]int)
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(idxUnitMembers).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) == 16 {
				counts[btoi(k[:8])]++
			}
		}
		return nil
	})
	return counts, err
}

// CreateMember normalizes and validates m, checks its unit exists and its ID
// number and member number are unique, assigns m.ID (and m.No when empty)
// and stores it with its index entries. On error m is unchanged; the
// validation problems come back as model.Problems.
func (s *Store) CreateMember(op string, m *model.Member) error {
	c := *m
	if err := s.update(op, func(w *writer) error { return w.createMember(&c) }); err != nil {
		return err
	}
	*m = c
	return nil
}

// UpdateMember validates and stores a changed member. Status and history are
// kept as stored: they change only through ChangeStatus. On success m holds
// the member as stored.
func (s *Store) UpdateMember(op string, m *model.Member) error {
	c := *m
	if err := s.update(op, func(w *writer) error { return w.updateMember(&c) }); err != nil {
		return err
	}
	*m = c
	return nil
}

// ChangeStatus validates and appends a dated status change.
func (s *Store) ChangeStatus(op string, id uint64, c model.StatusChange) (model.Member, error) {
	var m model.Member
	err := s.update(op, func(w *writer) error {
		var e error
		m, e = w.changeStatus(id, c)
		return e
	})
	if err != nil {
		return model.Member{}, err
	}
	return m, nil
}

// DeleteMember deletes a member created by mistake, while nothing refers to it.
func (s *Store) DeleteMember(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteMember(id) })
}

// Member returns one member.
func (s *Store) Member(id uint64) (m model.Member, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		m, e = getMember(tx, id)
		return e
	})
	return m, err
}

// MemberByIDNumber finds a member by resident ID or document number.
func (s *Store) MemberByIDNumber(idNumber string) (m model.Member, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		idx := tx.Bucket(idxMemberIDNumber)
		for _, k := range idNumberLookupKeys(idNumber) {
			if v := idx.Get([]byte(k)); v != nil {
				ok = true
				var e error
				m, e = getMember(tx, btoi(v))
				return dangling(e)
			}
		}
		return nil
	})
	return m, ok, err
}

// MemberByNo finds a member by member number (会员编号).
func (s *Store) MemberByNo(no string) (m model.Member, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(idxMemberNo).Get([]byte(model.Clean(no)))
		if v == nil {
			return nil
		}
		ok = true
		var e error
		m, e = getMember(tx, btoi(v))
		return dangling(e)
	})
	return m, ok, err
}

// Members returns every member in ID order (the roster the UI keeps in memory).
func (s *Store) Members() ([]model.Member, error) {
	var ms []model.Member
	err := s.db.View(func(tx *bbolt.Tx) error {
		var e error
		ms, e = allMembers(tx)
		return e
	})
	return ms, err
}

// MemberIDsOfUnit lists the members of a unit from the unit index, in ID order.
func (s *Store) MemberIDsOfUnit(unitID uint64) ([]uint64, error) {
	var ids []uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		ids = memberIDsOfUnit(tx, unitID)
		return nil
	})
	return ids, err
}

// Batch writes many records in one transaction (demo, import): all or none.
type Batch struct {
	w *writer // nil once Bulk has returned
}

// Bulk runs fn in one write transaction; if fn or any write fails nothing is
// written. The Batch must not be used after fn returns.
func (s *Store) Bulk(op string, fn func(*Batch) error) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := &Batch{w: newWriter(s, tx, op)}
		defer func() { b.w = nil }()
		b.w.hold()
		b.w.memberCache = s.heldMembers
		if err := fn(b); err != nil {
			return err
		}
		return b.w.flush()
	})
	if err != nil && s.heldMembers != nil {
		s.heldMembers = map[uint64]*model.Member{} // what the failed transaction read may not be
	}
	return writeError(s.path, err)
}

// HoldMembers keeps the members that Bulk transactions read decoded from
// one transaction to the next, until ReleaseMembers. A load written in
// many transactions (the demo pays every member's dues month after month,
// 200,000 payments a transaction) otherwise decodes each member again in
// every one: at 300,000 members, 8.7 of the demo's 72 s of CPU. A member a
// transaction writes or deletes is dropped and read afresh; a failed
// transaction drops them all. Only for a load that is the one writer.
func (s *Store) HoldMembers() { s.heldMembers = map[uint64]*model.Member{} }

// ReleaseMembers ends HoldMembers.
func (s *Store) ReleaseMembers() { s.heldMembers = nil }

var errBatchDone = i18n.E("err.internal", "batch used after Bulk returned")

// CreateUnit is Store.CreateUnit inside the batch's transaction.
// SetClock dates the batch's next writes at t, as if made then: their
// audit entries and creation times, and the day their dates are checked
// against as today. A load of records of the past (the demo's two years of
// dues) writes each on its own day. The zero time goes back to the
// transaction's clock, and a time after that clock is taken as it.
func (b *Batch) SetClock(t time.Time) error {
	if b.w == nil {
		return errBatchDone
	}
	if b.w.clock.IsZero() {
		b.w.clock = b.w.now
	}
	if t.IsZero() || t.After(b.w.clock) {
		t = b.w.clock
	}
	b.w.now, b.w.today = t, model.DateOf(t)
	return nil
}

func (b *Batch) CreateUnit(u *model.Unit) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createUnit(u)
}

// CreateMember is Store.CreateMember inside the batch's transaction.
func (b *Batch) CreateMember(m *model.Member) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createMember(m)
}

// Audit returns up to limit audit entries, newest first, older than
// beforeID (0 for the newest). A limit of 0 or less means 100.
func (s *Store) Audit(beforeID uint64, limit int) ([]model.AuditEntry, error) {
	if limit <= 0 {
		limit = 100
	}
	var es []model.AuditEntry
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		var k, v []byte
		if beforeID == 0 {
			k, v = c.Last()
		} else {
			k, v = c.Seek(itob(beforeID))
			if k == nil {
				k, v = c.Last()
			}
			for k != nil && btoi(k) >= beforeID {
				k, v = c.Prev()
			}
		}
		for ; k != nil && len(es) < limit; k, v = c.Prev() {
			var e model.AuditEntry
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("audit %d: %w", btoi(k), err)
			}
			es = append(es, e)
		}
		return nil
	})
	return es, err
}
