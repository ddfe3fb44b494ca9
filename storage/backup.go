package storage

import (
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
	"unionbook/scratch"
)

// Backups. Every backup is a whole, consistent copy of the database written
// atomically (a temporary file in the destination folder, fsync, rename,
// mode 0600), so a crash or a full disk never leaves half a backup under a
// backup's name. Automatic backups go to a "backups" folder next to the
// database, gzip-compressed, named <stem>-YYYYMMDD-HHMMSS-<reason>.db.gz
// (unionbook-20261121-093000-daily.db.gz): the names sort by time, and the
// reason says which one to take back after a bad import. restore reads them
// as they are; gunzip or 7-Zip turn one back into a database file.
//
// Compression: stdlib gzip at level 3. On the 7,520-member demo (a 53 MB
// file, 36 MB of data) a backup is 5.2 MB in about 0.25 s; zstd
// (klauspost/compress) made 3.9-4.4 MB in about the same time, not enough
// to add a dependency, and a .gz opens with the tools on any computer. At
// 100,000 members: 63 MB in about 2 s (zstd: 51 MB).
//
// Every automatic backup is checked first, in the read transaction it
// copies (the full integrity check, record checksums included), so a
// backup is as good as the check says. A daily backup of a database that
// fails the check is not made (BackupWarning says why); a backup before an
// import, migration, compact or restore is still made, since it is the way
// back, but its name says "problems" and it never counts as a good one.
//
// Which are kept (pruneBackups): the newest backup of each of the last 7
// days that have one, of each of the last 4 weeks and of each of the last 12
// months; every backup of the last 30 days that was taken before an import,
// restore, migration or compact (or by hand); and always the newest good
// one. A backup that failed the check is kept 30 days and never keeps a
// good one out.

// Reasons for an automatic backup, the last part of its name.
const (
	BackupDaily   = "daily"   // first open of a day
	BackupMigrate = "migrate" // before a schema migration
	BackupImport  = "import"  // before an import (the importer calls AutoBackup)
	BackupRestore = "restore" // the database a restore replaced
	BackupCompact = "compact" // before compact rewrites the file
	BackupManual  = "manual"  // unionbook backup without --out, or the Settings tab
	BackupDamaged = "damaged" // a damaged database restore replaced, copied as it was
)

// problemsMark follows the reason in the name of a backup of a database
// that did not pass the check.
const problemsMark = "problems"

// backupGzipLevel: see the numbers above.
const backupGzipLevel = 3

// The retention policy (see above).
const (
	keepDaily    = 7
	keepWeekly   = 4
	keepMonthly  = 12
	keepEventFor = 30 * 24 * time.Hour
)

// BackupDir is the folder of the automatic backups of the database at path.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

func dbStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

var backupName = regexp.MustCompile(`^(.+)-(\d{8})-(\d{6})(?:-([a-z]+))??(?:-(` + problemsMark + `))?(?:-\d+)?\.db(\.gz)?$`)

// BackupInfo is one automatic backup on disk.
type BackupInfo struct {
	Path   string
	At     time.Time // from the name, local time
	Reason string    // daily, migrate, import, restore, compact, manual, damaged
	Size   int64
	// Problems: the database did not pass the check when it was copied
	// (or, for "damaged", could not be opened at all).
	Problems bool
	// Compressed: gzip (.db.gz); older backups are plain copies (.db).
	Compressed bool

	written time.Time // the file's modification time
}

// Good reports a backup that passed the check when it was made.
func (b BackupInfo) Good() bool { return !b.Problems && b.Reason != BackupDamaged }

// Backups lists the automatic backups of the database at dbPath, newest
// first.
func Backups(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	stem := dbStem(dbPath)
	var out []BackupInfo
	for _, e := range ents {
		m := backupName.FindStringSubmatch(e.Name())
		if m == nil || m[1] != stem || e.IsDir() {
			continue
		}
		at, err := time.ParseInLocation("20060102150405", m[2]+m[3], time.Local)
		if err != nil {
			continue
		}
		var size int64
		var mod time.Time
		if fi, err := e.Info(); err == nil {
			size, mod = fi.Size(), fi.ModTime()
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, e.Name()), At: at, Reason: m[4], Size: size,
			Problems: m[5] != "" || m[4] == BackupDamaged, Compressed: m[6] != "", written: mod})
	}
	// By the time in the name; two in one second by when they were written.
	slices.SortFunc(out, func(a, b BackupInfo) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		if c := b.written.Compare(a.written); c != 0 {
			return c
		}
		return strings.Compare(filepath.Base(b.Path), filepath.Base(a.Path))
	})
	return out, nil
}

// NewestBackup is the path of the newest backup of the database at dbPath
// that passed the check when it was made, "" when there is none. (It does
// not read the backups: NewestGoodBackup does.)
func NewestBackup(dbPath string) string {
	bs, _ := Backups(dbPath)
	for _, b := range bs {
		if b.Good() {
			return b.Path
		}
	}
	return ""
}

// Backup writes a consistent copy of the database to dest, gzip-compressed
// when dest ends in .gz (bbolt's hot copy: other reads and writes of this
// Store may go on meanwhile). The copy appears under dest only once it is
// whole and on disk, with mode 0600; on any failure dest is unchanged and
// no temporary file is left. It is not checked: AutoBackup is.
func (s *Store) Backup(dest string) error {
	err := s.db.View(func(tx *bbolt.Tx) error {
		return writeAtomic(dest, func(f *os.File) error { return copyTx(tx, f, isGzip(dest)) })
	})
	if err != nil {
		return backupError(dest, err)
	}
	return nil
}

func isGzip(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".gz") }

// copyTx writes the database as tx sees it to w, compressed or not.
func copyTx(tx *bbolt.Tx, w io.Writer, compress bool) error {
	if !compress {
		_, err := tx.WriteTo(w)
		return err
	}
	zw, err := gzip.NewWriterLevel(w, backupGzipLevel)
	if err != nil {
		return err
	}
	if _, err := tx.WriteTo(zw); err != nil {
		return err
	}
	return zw.Close()
}

// AutoBackup checks the database and writes a compressed backup of it into
// the backups folder next to it, named by the time and reason (one of the
// Backup* constants), then prunes the folder (see above). It returns the
// backup's path. The check and the copy read one transaction, so the
// backup is what was checked. A daily backup of a database that fails the
// check is refused with an error naming the first problem; any other is
// written with "problems" in its name. The importer calls it before a real
// import.
func (s *Store) AutoBackup(reason string) (path string, err error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", backupError(dir, err)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			path, err = "", corruptError(s.path, fmt.Errorf("%w: %v", berrors.ErrInvalid, r))
		}
	}()
	var damage *DamageError
	err = s.db.View(func(tx *bbolt.Tx) error {
		defer keepMappedSmall(tx)()
		r := &CheckReport{}
		if err := runChecks(tx, r); err != nil {
			return err
		}
		if !r.OK() && reason == BackupDaily {
			damage = &DamageError{Path: s.path, Problems: len(r.Problems) + r.Truncated, First: r.Problems[0]}
			return damage
		}
		path = newBackupPath(s.path, s.now(), reason, !r.OK())
		if err := writeAtomicFor(s.path, path, func(f *os.File) error { return copyTx(tx, f, true) }, nil); err != nil {
			return backupError(path, err)
		}
		return nil
	})
	if damage != nil {
		// Outside the transaction: the backups are checked one by one.
		damage.Backup = NewestGoodBackup(s.path)
		noteCheckFailed(s.path, s.now(), damage.Problems)
		return "", damage
	}
	if err != nil {
		return "", err
	}
	if reason == BackupDaily {
		clearCheckFailed(s.path)
	}
	pruneBackups(s.path, s.now())
	return path, nil
}

// newBackupPath names a new automatic backup; a second one in the same
// second gets a number so nothing is overwritten.
func newBackupPath(dbPath string, now time.Time, reason string, problems bool) string {
	base := fmt.Sprintf("%s-%s-%s", dbStem(dbPath), now.Local().Format("20060102-150405"), reason)
	if problems {
		base += "-" + problemsMark
	}
	p := filepath.Join(BackupDir(dbPath), base+".db.gz")
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = filepath.Join(BackupDir(dbPath), fmt.Sprintf("%s-%d.db.gz", base, i))
	}
}

// pruneBackups deletes the automatic backups the policy does not keep (see
// keptBackups), and temporary files a crash left in the folder more than an
// hour ago.
func pruneBackups(dbPath string, now time.Time) {
	bs, err := Backups(dbPath)
	if err != nil {
		return
	}
	keep := keptBackups(bs, now)
	for i, b := range bs {
		if !keep[i] {
			_ = os.Remove(b.Path)
		}
	}
	dir := BackupDir(dbPath)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") || !strings.Contains(e.Name(), tmpMark) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// keptBackups applies the retention policy to bs (newest first): which to
// keep. Good backups: the newest of each of the last keepDaily days that
// have one, of each of the last keepWeekly ISO weeks and keepMonthly
// months; any taken before an import, restore, migration or compact, or by
// hand, within keepEventFor; and the newest. Backups that failed the check:
// within keepEventFor. Never counted against the good ones.
func keptBackups(bs []BackupInfo, now time.Time) []bool {
	keep := make([]bool, len(bs))
	days, weeks, months := map[string]bool{}, map[string]bool{}, map[string]bool{}
	newest := true
	for i, b := range bs {
		recent := now.Sub(b.At) <= keepEventFor
		if !b.Good() {
			keep[i] = recent
			continue
		}
		if newest {
			keep[i], newest = true, false
		}
		if b.Reason != BackupDaily && recent {
			keep[i] = true
		}
		at := b.At.Local()
		y, w := at.ISOWeek()
		for _, p := range []struct {
			seen map[string]bool
			key  string
			n    int
		}{
			{days, at.Format("2006-01-02"), keepDaily},
			{weeks, fmt.Sprintf("%d-W%02d", y, w), keepWeekly},
			{months, at.Format("2006-01"), keepMonthly},
		} {
			if !p.seen[p.key] && len(p.seen) < p.n {
				p.seen[p.key] = true // the newest of its period: bs is newest first
				keep[i] = true
			}
		}
	}
	return keep
}

// The first backup of the day is made when no good automatic backup
// carries today's date. The full check (bbolt's consistency check, then
// every record) runs with the copy (AutoBackup), in the background, so a
// damaged database is found on the day it is first opened: the interface
// raises its banner (DamageError) and no backup of it is made.
//
// dailyBackupDue answers whether today's backup is still to be made; Open
// then checks and copies in the background, so the first screen waits for
// neither (a 1.5 GB file takes seconds).
func (s *Store) dailyBackupDue() (bool, error) {
	today := s.now().Local().Format("20060102")
	bs, err := Backups(s.path)
	if err == nil {
		for _, b := range bs {
			if b.Good() && b.At.Format("20060102") >= today {
				return false, nil
			}
		}
	}
	return true, nil
}

// mappedReleaseEvery is how often keepMappedSmall gives the pages back: the
// copy reads the file at several hundred MB a second, so a tenth of a
// second let 200 MB build up (at 100,000 members); the call itself costs a
// few microseconds over a mapping mostly not resident.
var mappedReleaseEvery = 10 * time.Millisecond

// keepMappedSmall releases the memory map's pages every few milliseconds
// while a whole-file read runs in tx (the daily check and backup), so that
// it does not hold the file in the process's memory; the returned function
// stops it (before tx ends) and releases them once more.
func keepMappedSmall(tx *bbolt.Tx) (stop func()) {
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(mappedReleaseEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				releaseMapped(tx)
				return
			case <-t.C:
				releaseMapped(tx)
			}
		}
	}()
	return func() { close(done); <-stopped }
}

// bboltCheck runs bbolt's own consistency check and returns its first
// problem as a corruption error. The page walk goes first: bbolt's check
// faults, uncatchably, on pages whose bounds are damaged (see pagecheck.go).
func bboltCheck(tx *bbolt.Tx) error {
	if err := checkPagesTx(tx); err != nil {
		return err
	}
	var first error
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return fmt.Errorf("%w: %v", berrors.ErrInvalid, first)
	}
	return nil
}

// tmpMark is in the name of every temporary file this package writes.
const tmpMark = ".tmp-"

// writeAtomic writes a file the safe way: into a temporary file in dest's
// folder (mode 0600), fsync, rename over dest, fsync the folder. On any
// error the temporary file is removed and dest is untouched.
func writeAtomic(dest string, write func(f *os.File) error) error {
	return writeFileAtomic(dest, write, "", nil)
}

// writeAtomicPre is writeAtomic with a hook run just before the rename.
func writeAtomicPre(dest string, write func(f *os.File) error, beforeRename func()) error {
	return writeFileAtomic(dest, write, "", beforeRename)
}

// writeAtomicFor is writeAtomic for a file of the database at dbPath (a
// backup, the database itself): its temporary file is tracked in a
// session of the database's scratch folder, so that the next start
// removes it should this run be killed before the rename.
func writeAtomicFor(dbPath, dest string, write func(f *os.File) error, beforeRename func()) error {
	return writeFileAtomic(dest, write, dbPath, beforeRename)
}

func writeFileAtomic(dest string, write func(f *os.File) error, dbPath string, beforeRename func()) (err error) {
	dir := filepath.Dir(dest)
	var sess *scratch.Session
	if dbPath != "" {
		// Without a scratch folder (a read-only folder) the file is not
		// tracked; the write goes on and cleans up after itself as ever.
		if s, err := scratch.Begin(dbPath); err == nil {
			sess = s
			defer sess.Close()
		}
	}
	f, err := createTemp(dir, filepath.Base(dest), sess)
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil && !isUnsupported(err) {
		return err
	}
	if err = write(f); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		beforeRename()
	}
	if err = os.Rename(tmp, dest); err != nil {
		return err
	}
	if sess != nil {
		sess.Untrack(tmp)
	}
	syncDir(dir)
	return nil
}

// createTemp creates ".NAME.tmp-123.tmp" in dir (tmpMark for pruneBackups,
// ".tmp" at the end for scratch's sweep of tracked files), mode 0600. With
// a session the name is tracked before the file exists, so that no moment
// of a kill leaves an untracked file.
func createTemp(dir, name string, sess *scratch.Session) (*os.File, error) {
	for range 100 {
		p := filepath.Join(dir, "."+name+tmpMark+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		if sess != nil && sess.Track(p) != nil {
			sess = nil // not tracked, as without a scratch folder
		}
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			if sess != nil {
				sess.Untrack(p)
			}
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("%s: no free temporary name", dir)
}

func isUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL)
}

// syncDir makes a rename in dir durable (not possible, nor needed, on Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// IsDiskFull reports an error of a full disk or an exceeded quota, for the
// other writers of files (the export to a USB stick).
func IsDiskFull(err error) bool { return isDiskFull(err) }

// isDiskFull reports an error of a full disk or an exceeded quota.
func isDiskFull(err error) bool {
	for _, e := range diskFullErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// writeError explains a failed write transaction whose cause was the disk
// (full, or the file made read-only underneath): bbolt rolled it back, so
// nothing of it was written. Other errors pass unchanged.
func writeError(dbPath string, err error) error {
	if err == nil {
		return nil
	}
	var le *localError
	if errors.As(err, &le) {
		return err
	}
	switch {
	case errors.Is(err, berrors.ErrDatabaseReadOnly):
		return &localError{i18n.E("err.read_only", dbPath), err}
	case isDiskFull(err):
		return &localError{i18n.E("err.disk_full", dbPath), err}
	case errors.Is(err, syscall.EROFS):
		return &localError{i18n.E("err.write_permission", dbPath), err}
	}
	return err
}

// backupError explains a failed backup to the user.
func backupError(dest string, err error) error {
	switch {
	case isDiskFull(err):
		return &localError{i18n.E("err.disk_full", dest), err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &localError{i18n.E("err.write_permission", dest), err}
	}
	return &localError{i18n.E("err.backup_failed", dest, err.Error()), err}
}

// bboltMeta is what precheck and the live copy read of a bbolt meta page.
type bboltMeta struct {
	pageSize       int64
	freelist, pgid uint64
	txid           uint64
}

const bboltMagic = 0xED0CDAED

// readMetas reads bbolt's two meta pages and returns the newest valid one.
// Layout (bbolt 1.x, native byte order): a 16-byte page header (id,
// flags, count, overflow), then magic, version, page size, flags (uint32
// each), the root bucket (16 bytes), the freelist page, the high-water
// page, the txid (uint64 each) and an FNV-64a checksum of everything
// before it. Meta page 1 starts at the page size.
func readMetas(f io.ReaderAt) (bboltMeta, error) {
	var best bboltMeta
	found := false
	buf := make([]byte, 16+64)
	var pageSize int64
	for i := range 2 {
		if i == 1 && pageSize == 0 {
			pageSize = int64(os.Getpagesize()) // meta 0 is unreadable: guess
		}
		if _, err := f.ReadAt(buf, int64(i)*pageSize); err != nil {
			continue
		}
		m := buf[16:]
		if binary.NativeEndian.Uint32(m[0:]) != bboltMagic {
			continue
		}
		h := fnv.New64a()
		h.Write(m[:56])
		if h.Sum64() != binary.NativeEndian.Uint64(m[56:]) {
			continue
		}
		meta := bboltMeta{
			pageSize: int64(binary.NativeEndian.Uint32(m[8:])),
			freelist: binary.NativeEndian.Uint64(m[32:]),
			pgid:     binary.NativeEndian.Uint64(m[40:]),
			txid:     binary.NativeEndian.Uint64(m[48:]),
		}
		if i == 0 {
			pageSize = meta.pageSize
		}
		if meta.pageSize < 512 || meta.pageSize > 1<<20 {
			continue
		}
		if !found || meta.txid > best.txid {
			best, found = meta, true
		}
	}
	if !found {
		return best, berrors.ErrInvalid
	}
	return best, nil
}

func newestTxid(f *os.File) (uint64, error) {
	m, err := readMetas(f)
	return m.txid, err
}

// precheck looks at what bbolt.Open reads before it can be asked to check
// anything: a valid meta page, a file as long as its data, and a freelist
// page that is one and fits in the file.
func precheck(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // Open reports it
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	m, err := readMetas(f)
	if err != nil {
		return err
	}
	size := fi.Size()
	if int64(m.pgid)*m.pageSize > size || m.pgid < 2 {
		return fmt.Errorf("%w: file is %d bytes, its data reaches %d", berrors.ErrInvalid, size, int64(m.pgid)*m.pageSize)
	}
	const noFreelist = ^uint64(0)
	if m.freelist == noFreelist {
		return nil
	}
	if m.freelist < 2 || m.freelist >= m.pgid {
		return fmt.Errorf("%w: freelist page %d out of range", berrors.ErrInvalid, m.freelist)
	}
	hdr := make([]byte, 24)
	if _, err := f.ReadAt(hdr, int64(m.freelist)*m.pageSize); err != nil {
		return fmt.Errorf("%w: freelist page: %v", berrors.ErrInvalid, err)
	}
	id := binary.NativeEndian.Uint64(hdr[0:])
	flags := binary.NativeEndian.Uint16(hdr[8:])
	count := uint64(binary.NativeEndian.Uint16(hdr[10:]))
	overflow := int64(binary.NativeEndian.Uint32(hdr[12:]))
	if id != m.freelist || flags&0x10 == 0 {
		return fmt.Errorf("%w: page %d is not the freelist", berrors.ErrInvalid, m.freelist)
	}
	// its span below the high-water mark: bbolt's check counts through the
	// overflow with a uint32 (a damaged 0xFFFFFFFF never ends the loop)
	if uint64(overflow) >= m.pgid-m.freelist {
		return fmt.Errorf("%w: freelist page %d runs past the data (%d more pages)", berrors.ErrInvalid, m.freelist, overflow)
	}
	start := int64(16)
	if count == 0xFFFF {
		count = binary.NativeEndian.Uint64(hdr[16:])
		start = 24
	}
	end := int64(m.freelist)*m.pageSize + start + int64(count)*8
	if count > uint64(size) || end > (int64(m.freelist)+1+overflow)*m.pageSize || end > size {
		return fmt.Errorf("%w: freelist page %d does not fit the file", berrors.ErrInvalid, m.freelist)
	}
	return nil
}
