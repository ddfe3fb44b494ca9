package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
)

// walkedPage is a page the walk passed, as the test found it on file.
type walkedPage struct {
	id    uint64
	flags uint16
	data  []byte // the whole page (overflow included), a copy
}

// elem is one element of a walked page: its offset in the file and fields.
type elem struct {
	off                      int64 // file offset of the element header
	flags, pos, ksize, vsize uint32
	pgid                     uint64 // branch elements
	value                    []byte // leaf elements
}

func (p walkedPage) count() int { return int(binary.NativeEndian.Uint16(p.data[10:])) }

func (p walkedPage) elem(pageSize int64, i int) elem {
	e := bbPageHeaderSize + i*16
	d := p.data[e:]
	x := elem{off: int64(p.id)*pageSize + int64(e)}
	if p.flags == bbBranchPageFlag {
		x.pos, x.ksize, x.pgid = binary.NativeEndian.Uint32(d), binary.NativeEndian.Uint32(d[4:]), binary.NativeEndian.Uint64(d[8:])
		return x
	}
	x.flags, x.pos = binary.NativeEndian.Uint32(d), binary.NativeEndian.Uint32(d[4:])
	x.ksize, x.vsize = binary.NativeEndian.Uint32(d[8:]), binary.NativeEndian.Uint32(d[12:])
	v := e + int(x.pos) + int(x.ksize)
	x.value = p.data[v : v+int(x.vsize)]
	return x
}

// walkFile walks a sane database file and returns its page size, its
// high-water page and the pages the walk reached.
func walkFile(t *testing.T, path string) (int64, uint64, []walkedPage) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, root, err := fileWalker(f)
	if err != nil {
		t.Fatal(err)
	}
	var pages []walkedPage
	w.visit = func(id uint64, p []byte) {
		pages = append(pages, walkedPage{id, binary.NativeEndian.Uint16(p[8:]), append([]byte(nil), p...)})
	}
	if err := w.walk(root); err != nil {
		t.Fatalf("walk of a sound file: %v", err)
	}
	if w.pages != len(pages) || len(pages) == 0 {
		t.Fatalf("walk counted %d pages, visited %d", w.pages, len(pages))
	}
	return w.pageSize, w.hwm, pages
}

func writeAt(t *testing.T, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

func u32(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }
func u64(v uint64) []byte { return binary.NativeEndian.AppendUint64(nil, v) }

// rawDB makes a database with, besides ours, a bucket "big" of n keys
// (branch pages from a few hundred on) and a bucket "outer" holding an
// inline bucket "inner".
func rawDB(t *testing.T, n int) string {
	t.Helper()
	path := dbPath(t)
	s := openAt(t, path)
	db := s.db
	err := db.Update(func(tx *bbolt.Tx) error {
		big, err := tx.CreateBucket([]byte("big"))
		if err != nil {
			return err
		}
		for i := range n {
			if err := big.Put(fmt.Appendf(nil, "key-%06d", i), []byte(strings.Repeat("v", 100))); err != nil {
				return err
			}
		}
		outer, err := tx.CreateBucket([]byte("outer"))
		if err != nil {
			return err
		}
		inner, err := outer.CreateBucket([]byte("inner"))
		if err != nil {
			return err
		}
		return inner.Put([]byte("k"), []byte("v"))
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// wantDamaged asserts that the damaged file at path is refused everywhere
// a damaged file is looked at, without a crash: the walk itself, Open (the
// damaged-database error naming backup and restore when there is a
// backup), CheckFile and a Check on a store opened before the damage.
func wantDamaged(t *testing.T, path, backup string) {
	t.Helper()
	if err := checkPagesFile(path); !errors.Is(err, berrors.ErrInvalid) {
		t.Errorf("walk: %v, want ErrInvalid", err)
	} else {
		t.Logf("walk: %v", err)
	}
	_, err := Open(path, Options{Now: testClock, NoDailyBackup: true})
	if !errors.Is(err, i18n.E("err.db_corrupt")) {
		t.Errorf("Open: %v, want err.db_corrupt", err)
	} else if backup != "" {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if msg := i18n.Text(err, l); !strings.Contains(msg, backup) || !strings.Contains(msg, "unionbook restore") {
				t.Errorf("%s message does not point to the backup and restore: %s", l.Code(), msg)
			}
		}
	}
	r, err := CheckFile(path)
	switch {
	case err != nil && !errors.Is(err, i18n.E("err.db_corrupt")):
		t.Errorf("CheckFile: %v", err)
	case err == nil && (r.OK() || r.Problems[0].Key != "check.bbolt"):
		t.Errorf("CheckFile found %+v, want a check.bbolt problem", r.Problems)
	}
}

// TestPageWalkSoundFiles: the walk passes sound files, ours and plain
// bbolt ones, and reaches every page bbolt's check reaches.
func TestPageWalkSoundFiles(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 25)
	if err := s.db.View(checkPagesTx); err != nil {
		t.Fatalf("walk through the open store: %v", err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("Check: %v %+v", err, r)
	}
	s.Close()
	_, _, pages := walkFile(t, path)
	raw := rawDB(t, 3000)
	_, _, rawPages := walkFile(t, raw)
	branches := 0
	for _, p := range rawPages {
		if p.flags == bbBranchPageFlag {
			branches++
		}
	}
	if branches == 0 {
		t.Error("no branch page in a bucket of 3000 keys: the test file is too small")
	}
	for _, f := range []struct {
		path  string
		pages []walkedPage
	}{{path, pages}, {raw, rawPages}} {
		wantAllReached(t, f.path, f.pages)
	}
	t.Logf("our file: %d pages; plain file: %d pages, %d branch pages", len(pages), len(rawPages), branches)
}

// wantAllReached: the pages walked, the meta pages, the freelist and the
// free pages account for every page below the high-water mark, once.
func wantAllReached(t *testing.T, path string, pages []walkedPage) {
	t.Helper()
	reached := 0
	for _, p := range pages {
		reached += 1 + int(binary.NativeEndian.Uint32(p.data[12:]))
	}
	// Writable: a read-only open does not load the freelist.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	f, _ := os.Open(path)
	defer f.Close()
	m, err := readMetas(f)
	if err != nil {
		t.Fatal(err)
	}
	hdr := make([]byte, bbPageHeaderSize)
	f.ReadAt(hdr, int64(m.freelist)*m.pageSize)
	freelist := 1 + int(binary.NativeEndian.Uint32(hdr[12:]))
	db.View(func(tx *bbolt.Tx) error {
		free := db.Stats().FreePageN + db.Stats().PendingPageN
		if got, want := 2+freelist+free+reached, int(m.pgid); got != want {
			t.Errorf("%s: 2 meta + %d freelist + %d free + %d reached = %d pages, the high-water mark is %d",
				filepath.Base(path), freelist, free, reached, got, want)
		}
		return nil
	})
}

// TestPageWalkElementKeySize is the damage that killed the process: a
// leaf element's key size (and position, value size) overwritten with
// 0x3a3a3a3a, which bbolt's check read outside its memory map.
func TestPageWalkElementKeySize(t *testing.T) {
	t.Parallel()
	for _, whole := range []bool{false, true} {
		t.Run(map[bool]string{false: "ksize", true: "whole element"}[whole], func(t *testing.T) {
			path := dbPath(t)
			s := openAt(t, path)
			fillSmall(t, s, 25)
			backup, err := s.AutoBackup(BackupDaily)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			pageSize, _, pages := walkFile(t, path)
			var target *elem
			for _, p := range pages {
				if p.flags != bbLeafPageFlag || p.count() < 3 {
					continue
				}
				if e := p.elem(pageSize, 2); e.flags&bbBucketLeafFlag == 0 {
					target = &e
					break
				}
			}
			if target == nil {
				t.Fatal("no leaf page with 3 records")
			}
			if whole {
				damage(t, path, target.off, 16, 0x3a)
			} else {
				writeAt(t, path, target.off+8, u32(0x3a3a3a3a))
			}
			wantDamaged(t, path, backup)
		})
	}
}

// TestPageWalkBranchChild: a branch element pointing past the high-water
// mark, at a meta page, or back at its own page (a cycle).
func TestPageWalkBranchChild(t *testing.T) {
	t.Parallel()
	good := rawDB(t, 3000)
	orig, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	pageSize, hwm, pages := walkFile(t, good)
	var branch walkedPage
	for _, p := range pages {
		if p.flags == bbBranchPageFlag {
			branch = p
			break
		}
	}
	if branch.data == nil {
		t.Fatal("no branch page")
	}
	last := branch.elem(pageSize, branch.count()-1)
	for name, pgid := range map[string]uint64{
		"past the high-water mark": hwm + 5,
		"far past the file":        1 << 40,
		"a meta page":              1,
		"its own page":             branch.id,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "unionbook.db")
			os.WriteFile(path, orig, 0o600)
			writeAt(t, path, last.off+8, u64(pgid))
			wantDamaged(t, path, "")
		})
	}
	t.Run("key past the page", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unionbook.db")
		os.WriteFile(path, orig, 0o600)
		writeAt(t, path, last.off+4, u32(uint32(pageSize)))
		wantDamaged(t, path, "")
	})
	t.Run("no elements", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unionbook.db")
		os.WriteFile(path, orig, 0o600)
		writeAt(t, path, int64(branch.id)*pageSize+10, []byte{0, 0})
		wantDamaged(t, path, "")
	})
	t.Run("overflow past the data", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "unionbook.db")
		os.WriteFile(path, orig, 0o600)
		writeAt(t, path, int64(branch.id)*pageSize+12, u32(uint32(hwm)))
		wantDamaged(t, path, "")
	})
}

// TestPageWalkInlineBucket: a bucket value too short for the bucket
// header, too short for its inline page, and an inline page whose element
// reaches past the value.
func TestPageWalkInlineBucket(t *testing.T) {
	t.Parallel()
	good := rawDB(t, 10)
	orig, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	pageSize, _, pages := walkFile(t, good)
	var inline *elem
	for _, p := range pages {
		if p.flags != bbLeafPageFlag {
			continue
		}
		for i := range p.count() {
			e := p.elem(pageSize, i)
			if e.flags&bbBucketLeafFlag != 0 && binary.NativeEndian.Uint64(e.value) == 0 {
				inline = &e
			}
		}
	}
	if inline == nil {
		t.Fatal("no inline bucket")
	}
	valueOff := inline.off + int64(inline.pos) + int64(inline.ksize)
	for name, spoil := range map[string]func(path string){
		"value shorter than a bucket header": func(path string) { writeAt(t, path, inline.off+12, u32(8)) },
		"value without its page":             func(path string) { writeAt(t, path, inline.off+12, u32(bbBucketHeaderSize+4)) },
		"inline element key size": func(path string) {
			writeAt(t, path, valueOff+bbBucketHeaderSize+bbPageHeaderSize+8, u32(0x3a3a3a3a))
		},
		"inline page count": func(path string) {
			writeAt(t, path, valueOff+bbBucketHeaderSize+10, []byte{0xff, 0xff})
		},
		"inline branch page": func(path string) {
			writeAt(t, path, valueOff+bbBucketHeaderSize+8, []byte{bbBranchPageFlag, 0})
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "unionbook.db")
			os.WriteFile(path, orig, 0o600)
			spoil(path)
			wantDamaged(t, path, "")
		})
	}
}

// TestPageWalkTruncated: a file cut short, found before bbolt opens it
// and, cut under an open store, by Check instead of a fault in bbolt's
// check.
func TestPageWalkTruncated(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 25)
	backup, err := s.AutoBackup(BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	orig, _ := os.ReadFile(path)
	pageSize, hwm, _ := walkFile(t, path)
	os.Truncate(path, int64(hwm-1)*pageSize)
	wantDamaged(t, path, backup)

	// The walk itself, given a high-water mark the file does not reach.
	f, _ := os.Open(path)
	w := &pageWalker{r: f, size: int64(hwm-1) * pageSize, pageSize: pageSize, hwm: hwm}
	if err := w.walk(3); !errors.Is(err, berrors.ErrInvalid) {
		t.Errorf("walk of a short file: %v", err)
	}
	f.Close()

	if runtime.GOOS == "windows" {
		return // a mapped file cannot be cut
	}
	os.WriteFile(path, orig, 0o600)
	s, err = Open(path, Options{Now: testClock, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	os.Truncate(path, 2*pageSize)
	r, err := s.Check()
	if err != nil || r.OK() || r.Problems[0].Key != "check.bbolt" {
		t.Fatalf("Check of a file cut under it: %v %+v", err, r)
	}
	t.Logf("Check: %s", r.Problems[0].Localize(i18n.EN))
}

// TestPageWalkTiming times the walk over a large database named by
// UNIONBOOK_PAGECHECK_DB (a copy: `unionbook demo --db X --members 100000`
// makes one of about 400 MB), against bbolt's check.
func TestPageWalkTiming(t *testing.T) {
	path := os.Getenv("UNIONBOOK_PAGECHECK_DB")
	if path == "" {
		t.Skip("UNIONBOOK_PAGECHECK_DB not set")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		w, root, err := fileWalker(f)
		if err == nil {
			err = w.walk(root)
		}
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("walk: %d MB, %d pages in %v", fi.Size()>>20, w.pages, time.Since(start))
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		start := time.Now()
		if err := checkPagesTx(tx); err != nil {
			t.Fatal(err)
		}
		walk := time.Since(start)
		start = time.Now()
		for err := range tx.Check() {
			t.Fatal(err)
		}
		t.Logf("through a transaction: walk %v, bbolt's check %v", walk, time.Since(start))
		return nil
	})
}

// TestFreelistOverflowPastTheData: the freelist page's overflow count
// overwritten (0xFFFFFFFF, or a run past the high-water mark). bbolt's
// check counts through it with a uint32 and never ended: the damage test
// hung on such a file. The file is refused as damaged, at once.
func TestFreelistOverflowPastTheData(t *testing.T) {
	t.Parallel()
	good := rawDB(t, 3000)
	orig, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(good)
	m, err := readMetas(f)
	f.Close()
	if err != nil || m.freelist == ^uint64(0) {
		t.Fatalf("no freelist page: %+v, %v", m, err)
	}
	for name, overflow := range map[string]uint32{"0xFFFFFFFF": ^uint32(0), "past the high-water mark": uint32(m.pgid - m.freelist)} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "unionbook.db")
			os.WriteFile(path, orig, 0o600)
			writeAt(t, path, int64(m.freelist)*m.pageSize+12, u32(overflow))
			done := make(chan struct{})
			go func() {
				defer close(done)
				if _, err := Open(path, Options{Now: testClock, NoDailyBackup: true}); !errors.Is(err, i18n.E("err.db_corrupt")) {
					t.Errorf("Open: %v, want err.db_corrupt", err)
				}
				if r, err := CheckFile(path); err == nil && r.OK() {
					t.Error("CheckFile found nothing")
				}
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("Open and CheckFile did not return")
			}
		})
	}
}
