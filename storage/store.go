// Package storage keeps UnionBook's records in one bbolt file: a bucket per
// entity, index buckets for unique and lookup keys, an audit bucket and a
// meta bucket with the schema version and counters. Every write is one
// transaction that also writes its audit entry; nothing else writes to bbolt.
package storage

import (
	"time"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Store is an open UnionBook database.
type Store struct {
	db   *bbolt.DB
	path string
	now  func() time.Time
}

// Options tune Open.
type Options struct {
	// ReadOnly opens without taking the write lock (stats, backup).
	ReadOnly bool
	// Now replaces the clock (tests).
	Now func() time.Time
}

// Open opens or creates the database at path (its folder too, mode 0700;
// the file mode 0600), runs pending migrations and refuses a database newer
// than the program. A database held by another process fails within about
// a second with ErrLocked.
func Open(path string, opts Options) (*Store, error) { panic("todo") }

// DefaultPath is the database in the user's data folder:
// %AppData%\unionbook on Windows, ~/Library/Application Support/unionbook on
// macOS, $XDG_DATA_HOME/unionbook (or ~/.local/share/unionbook) on Linux.
func DefaultPath() (string, error) { panic("todo") }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Profile returns the union's profile; ok is false until one was saved.
func (s *Store) Profile() (p model.Profile, ok bool, err error) { panic("todo") }

// SaveProfile validates and stores the profile.
func (s *Store) SaveProfile(op string, p model.Profile) error { panic("todo") }

// IsEmpty reports whether the database holds no profile, unit or member.
func (s *Store) IsEmpty() (bool, error) { panic("todo") }

// CreateUnit normalizes and validates u, checks that its name and credit code
// are unique, assigns u.ID and stores it.
func (s *Store) CreateUnit(op string, u *model.Unit) error { panic("todo") }

// UpdateUnit validates and stores a changed unit.
func (s *Store) UpdateUnit(op string, u *model.Unit) error { panic("todo") }

// DeleteUnit deletes a unit that no member belongs to.
func (s *Store) DeleteUnit(op string, id uint64) error { panic("todo") }

// Unit returns one unit.
func (s *Store) Unit(id uint64) (model.Unit, error) { panic("todo") }

// Units returns every unit in ID order.
func (s *Store) Units() ([]model.Unit, error) { panic("todo") }

// CreateMember normalizes and validates m, checks its unit exists and its ID
// number and member number are unique, assigns m.ID (and m.No when empty)
// and stores it with its index entries.
func (s *Store) CreateMember(op string, m *model.Member) error { panic("todo") }

// UpdateMember validates and stores a changed member. Status and history are
// kept as stored: they change only through ChangeStatus.
func (s *Store) UpdateMember(op string, m *model.Member) error { panic("todo") }

// ChangeStatus validates and appends a dated status change.
func (s *Store) ChangeStatus(op string, id uint64, c model.StatusChange) (model.Member, error) {
	panic("todo")
}

// DeleteMember deletes a member created by mistake, while nothing refers to it.
func (s *Store) DeleteMember(op string, id uint64) error { panic("todo") }

// Member returns one member.
func (s *Store) Member(id uint64) (model.Member, error) { panic("todo") }

// MemberByIDNumber finds a member by resident ID or document number.
func (s *Store) MemberByIDNumber(idNumber string) (model.Member, bool, error) { panic("todo") }

// Members returns every member in ID order (the roster the UI keeps in memory).
func (s *Store) Members() ([]model.Member, error) { panic("todo") }

// MemberIDsOfUnit lists the members of a unit from the unit index.
func (s *Store) MemberIDsOfUnit(unitID uint64) ([]uint64, error) { panic("todo") }

// Batch writes many records in one transaction (demo, import): all or none.
type Batch struct {
	tx *bbolt.Tx
	s  *Store
	op string
}

// Bulk runs fn in one write transaction; if fn or any write fails nothing is
// written.
func (s *Store) Bulk(op string, fn func(*Batch) error) error { panic("todo") }

// CreateUnit is Store.CreateUnit inside the batch's transaction.
func (b *Batch) CreateUnit(u *model.Unit) error { panic("todo") }

// CreateMember is Store.CreateMember inside the batch's transaction.
func (b *Batch) CreateMember(m *model.Member) error { panic("todo") }

// Audit returns up to limit audit entries, newest first, older than
// beforeID (0 for the newest).
func (s *Store) Audit(beforeID uint64, limit int) ([]model.AuditEntry, error) { panic("todo") }
