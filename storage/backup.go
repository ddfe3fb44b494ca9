package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
)

// Backups. Every backup is a whole, consistent copy of the database written
// atomically (a temporary file in the destination folder, fsync, rename,
// mode 0600), so a crash or a full disk never leaves half a backup under a
// backup's name. Automatic backups go to a "backups" folder next to the
// database, named <stem>-YYYYMMDD-HHMMSS-<reason>.db (unionbook-20261121-
// 093000-daily.db): the names sort by time, and the reason says which one to
// take back after a bad import. The newest Options.KeepBackups (30) are kept.

// Reasons for an automatic backup, the last part of its name.
const (
	BackupDaily   = "daily"   // first open of a day
	BackupMigrate = "migrate" // before a schema migration
	BackupImport  = "import"  // before an import (the importer calls AutoBackup)
	BackupRestore = "restore" // the database a restore replaced
	BackupCompact = "compact" // before compact rewrites the file
	BackupManual  = "manual"  // unionbook backup without --out
	BackupDamaged = "damaged" // a damaged database restore replaced, copied as it was
)

// DefaultKeepBackups is how many automatic backups are kept unless
// Options.KeepBackups says otherwise.
const DefaultKeepBackups = 30

// BackupDir is the folder of the automatic backups of the database at path.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

func dbStem(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

var backupName = regexp.MustCompile(`^(.+)-(\d{8})-(\d{6})(?:-([a-z]+))?(?:-\d+)?\.db$`)

// BackupInfo is one automatic backup on disk.
type BackupInfo struct {
	Path   string
	At     time.Time // from the name, local time
	Reason string    // daily, migrate, import, restore, compact, manual, damaged
	Size   int64
}

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
		if fi, err := e.Info(); err == nil {
			size = fi.Size()
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, e.Name()), At: at, Reason: m[4], Size: size})
	}
	slices.SortFunc(out, func(a, b BackupInfo) int { return strings.Compare(filepath.Base(b.Path), filepath.Base(a.Path)) })
	return out, nil
}

// NewestBackup is the path of the newest backup of the database at dbPath
// in its backups folder, "" when there is none. Copies of a damaged
// database that restore kept are passed over.
func NewestBackup(dbPath string) string {
	bs, _ := Backups(dbPath)
	for _, b := range bs {
		if b.Reason != BackupDamaged {
			return b.Path
		}
	}
	return ""
}

// Backup writes a consistent copy of the database to dest (bbolt's hot
// copy: other reads and writes of this Store may go on meanwhile). The copy
// appears under dest only once it is whole and on disk, with mode 0600; on
// any failure dest is unchanged and no temporary file is left.
func (s *Store) Backup(dest string) error {
	err := writeAtomic(dest, func(f *os.File) error {
		return s.db.View(func(tx *bbolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return backupError(dest, err)
	}
	return nil
}

// AutoBackup writes a backup into the backups folder next to the database,
// named by the time and reason (one of the Backup* constants, or another
// short lower-case word), then deletes the oldest beyond the number kept.
// It returns the backup's path. The importer calls it before a real import.
func (s *Store) AutoBackup(reason string) (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", backupError(dir, err)
	}
	dest := s.newBackupPath(reason)
	if err := s.Backup(dest); err != nil {
		return "", err
	}
	pruneBackups(s.path, s.keep)
	return dest, nil
}

// newBackupPath names a new backup; a second one in the same second gets a
// number so nothing is overwritten.
func (s *Store) newBackupPath(reason string) string {
	return newBackupPath(s.path, s.now(), reason)
}

func newBackupPath(dbPath string, now time.Time, reason string) string {
	base := fmt.Sprintf("%s-%s-%s", dbStem(dbPath), now.Local().Format("20060102-150405"), reason)
	p := filepath.Join(BackupDir(dbPath), base+".db")
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p
		}
		p = filepath.Join(BackupDir(dbPath), fmt.Sprintf("%s-%d.db", base, i))
	}
}

// pruneBackups deletes the oldest automatic backups beyond keep, and
// temporary files a crash left in the folder more than an hour ago.
func pruneBackups(dbPath string, keep int) {
	if keep <= 0 {
		keep = DefaultKeepBackups
	}
	bs, err := Backups(dbPath)
	if err != nil {
		return
	}
	for _, b := range bs[min(keep, len(bs)):] {
		_ = os.Remove(b.Path)
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

// The first backup of the day is made when no automatic backup
// carries today's date. Before it, bbolt's consistency check runs over the
// file, so a damaged database is found on the day it is first opened and
// never pushes good backups out of the kept set.
//
// dailyBackupDue answers whether today's backup is still to be made, after
// running the check; Open then makes the copy in the background.
func (s *Store) dailyBackupDue() (bool, error) {
	today := s.now().Local().Format("20060102")
	bs, err := Backups(s.path)
	if err == nil && len(bs) > 0 && bs[0].At.Format("20060102") >= today {
		return false, nil
	}
	if !s.checked {
		if err := s.db.View(bboltCheck); err != nil {
			return false, err
		}
	}
	return true, nil
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
	return writeAtomicPre(dest, write, nil)
}

// writeAtomicPre is writeAtomic with a hook run just before the rename.
func writeAtomicPre(dest string, write func(f *os.File) error, beforeRename func()) (err error) {
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+tmpMark+"*")
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
	syncDir(dir)
	return nil
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

// BackupFile copies the database file at dbPath to dest without the Store,
// for `unionbook backup` while UnionBook may be open elsewhere. When no
// other program holds the file it is opened read-only and copied in one
// read transaction. When one does (bbolt allows one writer process and it
// holds the lock), the file is copied as it lies: the newest committed
// transaction's pages are never overwritten until a later transaction
// commits, so a copy during which the newest transaction id did not change
// is consistent; the copy is also run through bbolt's check before it is
// given dest's name. Up to five attempts are made.
func BackupFile(dbPath, dest string) error {
	db, err := bbolt.Open(dbPath, 0o600, &bbolt.Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err == nil {
		s := &Store{db: db, path: dbPath, now: time.Now}
		defer db.Close()
		return s.Backup(dest)
	}
	if !errors.Is(err, berrors.ErrTimeout) {
		return openError(dbPath, err)
	}
	var last error
	for range 5 {
		if last = copyLive(dbPath, dest); last == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, ok := last.(*localError); ok {
		return last
	}
	return backupError(dest, last)
}

var errCopyRaced = errors.New("the database changed during the copy")

func copyLive(dbPath, dest string) error {
	src, err := os.Open(dbPath)
	if err != nil {
		return openError(dbPath, err)
	}
	defer src.Close()
	before, err := newestTxid(src)
	if err != nil {
		return &localError{i18n.E("err.db_corrupt", dbPath, ""), err}
	}
	return writeAtomic(dest, func(f *os.File) error {
		if _, err := io.Copy(f, io.NewSectionReader(src, 0, 1<<62)); err != nil {
			return err
		}
		after, err := newestTxid(src)
		if err != nil || after != before {
			return errCopyRaced
		}
		if err := f.Sync(); err != nil {
			return err
		}
		return verifyCopy(f.Name())
	})
}

// verifyCopy opens a copied file and runs bbolt's check over it.
func verifyCopy(path string) error {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(bboltCheck)
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
