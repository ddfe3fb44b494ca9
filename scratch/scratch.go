// Package scratch keeps the program's temporary files in a private folder
// of its own beside the database, never in the system's temp folder, and
// cleans up after runs that were killed.
//
// Temporary files hold personal data (the sheets of an export, the rows of
// an imported roster, a copy of the database during compact), so they live
// in the database's scratch folder, "<folder>/.<name>.scratch", mode 0700.
// Each piece of work opens a Session there: a subfolder of its own and a
// lock file held while it runs. Close removes both. A run that was killed
// leaves its session behind; Sweep, called when the program next opens the
// database, removes every session whose lock is no longer held, and only
// those: another UnionBook still running on the same database (an export
// while the terminal interface starts) keeps its files.
//
// The lock is the session's lock file, "<id>.lock", kept open while the
// session lives: on Unix an flock on it, on Windows the open file itself
// (Go opens files without FILE_SHARE_DELETE, so it cannot be removed while
// the owner has it open). A session can also track a temporary file outside
// the folder (an export's half-written package on a USB stick, which must
// be beside its final name to be renamed into place): Sweep removes those
// too.
package scratch

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Folder is the scratch folder of the database at dbPath.
func Folder(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".scratch")
}

const (
	lockExt  = ".lock"
	trackExt = ".track"
	// legacyAge is how old a temporary file left beside the database by an
	// earlier version must be before Sweep removes it: such a file has no
	// lock to tell a live one from a leftover.
	legacyAge = time.Hour
)

// Session is one piece of work's own subfolder of a scratch folder.
type Session struct {
	root, id string
	dir      string
	lock     *os.File

	mu      sync.Mutex
	tracked []string
	closed  bool
}

// Begin starts a session in the scratch folder of the database at dbPath,
// creating the folder (mode 0700) when it is missing.
func Begin(dbPath string) (*Session, error) {
	return BeginIn(Folder(dbPath))
}

// BeginIn starts a session in the scratch folder root.
func BeginIn(root string) (*Session, error) {
	if err := makePrivateDir(root); err != nil {
		return nil, fmt.Errorf("scratch folder %s: %w", root, err)
	}
	for range 10 {
		f, err := os.CreateTemp(root, "s*"+lockExt)
		if errors.Is(err, fs.ErrNotExist) {
			// the last session of another run removed the folder
			if err := makePrivateDir(root); err != nil {
				return nil, fmt.Errorf("scratch folder %s: %w", root, err)
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("scratch folder %s: %w", root, err)
		}
		ok, err := holdLock(f)
		if err != nil {
			f.Close()
			os.Remove(f.Name())
			return nil, fmt.Errorf("scratch lock %s: %w", f.Name(), err)
		}
		if !ok {
			// a sweep took the new file for a leftover before it was
			// locked, and removed it: start again under another name
			f.Close()
			continue
		}
		id := strings.TrimSuffix(filepath.Base(f.Name()), lockExt)
		s := &Session{root: root, id: id, dir: filepath.Join(root, id), lock: f}
		if err := os.Mkdir(s.dir, 0o700); err != nil {
			s.Close()
			return nil, fmt.Errorf("scratch folder %s: %w", s.dir, err)
		}
		return s, nil
	}
	return nil, fmt.Errorf("scratch folder %s: cannot start a session", root)
}

// makePrivateDir creates dir with mode 0700, or narrows an existing one's
// mode to it.
func makePrivateDir(dir string) error {
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		return os.Chmod(dir, 0o700)
	}
	return nil
}

// Dir is the session's own folder.
func (s *Session) Dir() string { return s.dir }

// CreateTemp creates a new temporary file in the session's folder (as
// os.CreateTemp names it from pattern), mode 0600.
func (s *Session) CreateTemp(pattern string) (*os.File, error) {
	return os.CreateTemp(s.dir, pattern)
}

// MkdirTemp creates a new folder in the session's folder, mode 0700.
func (s *Session) MkdirTemp(pattern string) (string, error) {
	return os.MkdirTemp(s.dir, pattern)
}

// Track notes a temporary file outside the scratch folder, for Sweep to
// remove should this run be killed before it removes or renames the file
// itself. Untrack forgets it.
func (s *Session) Track(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("scratch: session closed")
	}
	s.tracked = append(s.tracked, abs)
	return s.writeTracked()
}

// Untrack forgets a file Track noted (it was renamed into place or removed).
func (s *Session) Untrack(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := slices.Index(s.tracked, abs); i >= 0 {
		s.tracked = slices.Delete(s.tracked, i, i+1)
		if !s.closed {
			_ = s.writeTracked()
		}
	}
}

// writeTracked rewrites the list of tracked files, one path a line; the
// caller holds mu.
func (s *Session) writeTracked() error {
	name := filepath.Join(s.root, s.id+trackExt)
	if len(s.tracked) == 0 {
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	return os.WriteFile(name, []byte(strings.Join(s.tracked, "\n")+"\n"), 0o600)
}

// Close removes the session's folder with everything in it, the tracked
// files still there, and the session's lock; and the scratch folder when
// that leaves it empty. It may be called more than once.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var first error
	keep := func(err error) {
		if err != nil && !errors.Is(err, fs.ErrNotExist) && first == nil {
			first = err
		}
	}
	for _, p := range s.tracked {
		keep(os.Remove(p))
	}
	s.tracked = nil
	keep(os.RemoveAll(s.dir))
	keep(os.Remove(filepath.Join(s.root, s.id+trackExt)))
	// on Windows an open file cannot be removed: close the lock first
	keep(s.lock.Close())
	keep(os.Remove(s.lock.Name()))
	os.Remove(s.root) // the scratch folder too, when no other session is in it
	return first
}

// Sweep removes what runs that have ended left in the scratch folder of
// the database at dbPath: the sessions whose lock nobody holds (their
// folders and tracked files), and temporary files that earlier versions
// left beside the database more than an hour ago. Sessions of a process
// still running are left alone. It returns how many sessions and files it
// removed; a missing scratch folder is not an error.
func Sweep(dbPath string) (int, error) {
	n, err := SweepIn(Folder(dbPath))
	n += sweepLegacy(dbPath)
	return n, err
}

// SweepIn is Sweep for the scratch folder root.
func SweepIn(root string) (int, error) {
	ents, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	locks := map[string]bool{}
	for _, e := range ents {
		if id, ok := strings.CutSuffix(e.Name(), lockExt); ok && !e.IsDir() {
			locks[id] = true
		}
	}
	n := 0
	var first error
	for id := range locks {
		release, ok := claim(filepath.Join(root, id+lockExt))
		if !ok {
			continue // a live session
		}
		if err := removeSession(root, id); err != nil && first == nil {
			first = err
		}
		release()
		n++
	}
	// What no lock file guards: the remains of a session whose lock went
	// first (a sweep killed half-way on Windows). A live session creates its
	// lock before its folder and removes it last, so these are leftovers.
	for _, e := range ents {
		id := strings.TrimSuffix(e.Name(), trackExt)
		if locks[id] || strings.HasSuffix(e.Name(), lockExt) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(root, id+lockExt)); err == nil {
			continue // created since the folder was listed
		}
		if e.Name() != id {
			removeTracked(filepath.Join(root, e.Name()))
		}
		if err := os.RemoveAll(filepath.Join(root, e.Name())); err != nil && first == nil {
			first = err
		}
		n++
	}
	if n > 0 {
		os.Remove(root) // when that emptied it
	}
	return n, first
}

// removeSession removes a dead session's tracked files, folder and list.
func removeSession(root, id string) error {
	track := filepath.Join(root, id+trackExt)
	removeTracked(track)
	err := os.RemoveAll(filepath.Join(root, id))
	if e := os.Remove(track); e != nil && !errors.Is(e, fs.ErrNotExist) && err == nil {
		err = e
	}
	return err
}

// removeTracked removes the files a session's list names. Only temporary
// files are ever tracked: a name that does not look like one is left.
func removeTracked(list string) {
	f, err := os.Open(list)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := sc.Text()
		base := filepath.Base(p)
		if filepath.IsAbs(p) && strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp") {
			_ = os.Remove(p)
		}
	}
}

// sweepLegacy removes the temporary copies of the database that compact
// in earlier versions left beside it (".NAME.db.tmp-*") when killed, once
// they are more than an hour old.
func sweepLegacy(dbPath string) int {
	dir, prefix := filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".tmp-"
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > legacyAge {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				n++
			}
		}
	}
	return n
}
