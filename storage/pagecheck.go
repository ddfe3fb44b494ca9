package storage

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// The page walk. bbolt's own check (tx.Check) reads the file through its
// memory map, trusting every offset and length it finds, in a goroutine of
// its own: on a damaged file (an element whose key size was overwritten, a
// child page past the end of a truncated file) it reads outside the map and
// the process dies with a fault nothing can recover, since panic-on-fault
// applies only to the goroutine that asks for it. So before bbolt walks a
// file that may be damaged, checkPagesTx walks the same tree reading the file
// with ReadAt and checking every bound bbolt relies on: each page below the
// high-water mark and inside the file, of the type expected, its elements
// and their keys and values inside the page, bucket values long enough,
// inline buckets inside their value, and no page reached twice (a cycle).
// It does not compare keys or look at the freelist: that is bbolt's check,
// which is safe to run once the walk passed.

// bbolt's on-file layout (go.etcd.io/bbolt v1.5.0, internal/common/page.go,
// bucket.go, meta.go), native byte order. Redefined here: internal packages
// cannot be imported.
const (
	bbPageHeaderSize   = 16 // Page{id uint64, flags uint16, count uint16, overflow uint32}
	bbBranchElemSize   = 16 // branchPageElement{pos uint32, ksize uint32, pgid uint64}
	bbLeafElemSize     = 16 // leafPageElement{flags uint32, pos uint32, ksize uint32, vsize uint32}
	bbBucketHeaderSize = 16 // InBucket{root pgid uint64, sequence uint64}

	bbBranchPageFlag = 0x01
	bbLeafPageFlag   = 0x02
	bbBucketLeafFlag = 0x01 // leaf element flag: the value is a bucket
)

// pageWalkRun and pageWalkGap shape the reads: pages are visited level by
// level in page order, and pages close together (gaps of up to pageWalkGap
// pages) are read with one ReadAt of up to pageWalkRun bytes.
const (
	pageWalkRun = 1 << 20
	pageWalkGap = 8
)

// pageWalker walks a bbolt file's page tree.
type pageWalker struct {
	r        io.ReaderAt
	size     int64  // the file's length
	pageSize int64  // from the meta page
	hwm      uint64 // the meta page's high-water page id: pages in use are below it
	seen     []uint64
	buf      []byte
	pages    int // pages visited (tests, timing)

	visit func(id uint64, p []byte) // tests: called with each sane page
}

// pageDamage is the error for a failed bound: ErrInvalid, so openError and
// corruptError treat it as a damaged file.
func pageDamage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", berrors.ErrInvalid, fmt.Sprintf(format, args...))
}

// checkPagesTx walks the pages tx's root reaches, reading the database file
// by its path (pages a read transaction reaches are never rewritten while
// it is open). A writable transaction's changes are not on file yet: its
// walk is skipped.
func checkPagesTx(tx *bbolt.Tx) error {
	if tx.Writable() {
		return nil
	}
	db := tx.DB()
	f, err := os.Open(db.Path())
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	pageSize := int64(db.Info().PageSize)
	w := &pageWalker{r: f, size: fi.Size(), pageSize: pageSize, hwm: uint64(tx.Size() / pageSize)}
	return w.walk(uint64(tx.Cursor().Bucket().Root()))
}

// checkPagesFile walks the page tree of the database file at path from its
// newest valid meta page, without bbolt.
func checkPagesFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w, root, err := fileWalker(f)
	if err != nil {
		return err
	}
	return w.walk(root)
}

// fileWalker is a walker over f from its newest valid meta page, and the
// root bucket's page.
func fileWalker(f *os.File) (*pageWalker, uint64, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	m, err := readMetas(f)
	if err != nil {
		return nil, 0, err
	}
	root, err := metaRoot(f, m)
	if err != nil {
		return nil, 0, err
	}
	return &pageWalker{r: f, size: fi.Size(), pageSize: m.pageSize, hwm: m.pgid}, root, nil
}

// metaRoot is the root bucket's page of the meta page readMetas chose (the
// valid one with m's txid). Meta layout: see readMetas; the root bucket is
// the 16 bytes after magic, version, page size and flags.
func metaRoot(f io.ReaderAt, m bboltMeta) (uint64, error) {
	buf := make([]byte, bbPageHeaderSize+64)
	for i := range int64(2) {
		if _, err := f.ReadAt(buf, i*m.pageSize); err != nil {
			continue
		}
		meta := buf[bbPageHeaderSize:]
		h := fnv.New64a()
		h.Write(meta[:56])
		if binary.NativeEndian.Uint32(meta[0:]) != bboltMagic || h.Sum64() != binary.NativeEndian.Uint64(meta[56:]) {
			continue
		}
		if binary.NativeEndian.Uint64(meta[48:]) == m.txid {
			return binary.NativeEndian.Uint64(meta[16:]), nil
		}
	}
	return 0, berrors.ErrInvalid
}

// walk checks every page reachable from the root bucket's page root.
func (w *pageWalker) walk(root uint64) error {
	if w.pageSize < 512 || w.pageSize > 1<<20 {
		return pageDamage("page size %d", w.pageSize)
	}
	if w.hwm < 2 || w.hwm > uint64(w.size/w.pageSize) {
		return pageDamage("file is %d bytes, its data reaches page %d", w.size, w.hwm)
	}
	w.seen = make([]uint64, (w.hwm+63)/64)
	w.mark(0) // the meta pages
	w.mark(1)
	level := []uint64{root}
	for len(level) > 0 {
		slices.Sort(level)
		var next []uint64
		for i := 0; i < len(level); {
			j := i
			for j+1 < len(level) && level[j+1]-level[j] <= pageWalkGap &&
				int64(level[j+1]-level[i]+1)*w.pageSize <= pageWalkRun {
				j++
			}
			var err error
			if next, err = w.visitRun(level[i:j+1], next); err != nil {
				return err
			}
			i = j + 1
		}
		level = next
	}
	return nil
}

// mark records page id as visited; false if it was already.
func (w *pageWalker) mark(id uint64) bool {
	word, bit := id/64, uint64(1)<<(id%64)
	if w.seen[word]&bit != 0 {
		return false
	}
	w.seen[word] |= bit
	return true
}

// visitRun reads the sorted pages ids (close together) with one read and
// checks each, appending the pages they point to onto next.
func (w *pageWalker) visitRun(ids []uint64, next []uint64) ([]uint64, error) {
	for _, id := range ids {
		if id < 2 || id >= w.hwm {
			return next, pageDamage("page %d: out of range [2, %d)", id, w.hwm)
		}
	}
	first := int64(ids[0]) * w.pageSize
	end := (int64(ids[len(ids)-1]) + 1) * w.pageSize
	if end > w.size {
		return next, pageDamage("page %d: past the end of the file (%d bytes)", ids[len(ids)-1], w.size)
	}
	run := w.read(first, end-first)
	if run == nil {
		return next, pageDamage("page %d: unreadable", ids[0])
	}
	for _, id := range ids {
		off := int64(id)*w.pageSize - first
		p := run[off : off+w.pageSize]
		pid := binary.NativeEndian.Uint64(p[0:])
		flags := binary.NativeEndian.Uint16(p[8:])
		overflow := uint64(binary.NativeEndian.Uint32(p[12:]))
		if pid != id {
			return next, pageDamage("page %d: calls itself page %d", id, pid)
		}
		if flags != bbBranchPageFlag && flags != bbLeafPageFlag {
			return next, pageDamage("page %d: not a branch or leaf page (flags %#x)", id, flags)
		}
		if id+overflow >= w.hwm {
			return next, pageDamage("page %d: %d overflow pages reach past the data (page %d)", id, overflow, w.hwm)
		}
		for o := uint64(0); o <= overflow; o++ {
			if !w.mark(id + o) {
				return next, pageDamage("page %d: reached twice", id+o)
			}
		}
		span := int64(overflow+1) * w.pageSize
		if off+span > int64(len(run)) {
			// An overflowing page reaching past this run: read it whole.
			// (hwm is at most the file's pages, so it is inside the file.)
			p = make([]byte, span)
			if _, err := w.r.ReadAt(p, int64(id)*w.pageSize); err != nil {
				return next, pageDamage("page %d: %v", id, err)
			}
		} else {
			p = run[off : off+span]
		}
		var err error
		if next, err = w.page(id, p, next, 0); err != nil {
			return next, err
		}
		w.pages++
		if w.visit != nil {
			w.visit(id, p)
		}
	}
	return next, nil
}

// read reads n bytes at off into the walker's buffer.
func (w *pageWalker) read(off, n int64) []byte {
	if int64(cap(w.buf)) < n {
		w.buf = make([]byte, n)
	}
	b := w.buf[:n]
	if _, err := w.r.ReadAt(b, off); err != nil {
		return nil
	}
	return b
}

// page checks the elements of page p (its header included, all of its
// span): id names it in errors (0 for an inline page, inside a bucket
// value). Child pages and bucket roots are appended onto next; inline
// buckets are checked here, depth counting how deep they nest.
func (w *pageWalker) page(id uint64, p []byte, next []uint64, depth int) ([]uint64, error) {
	where := func() string {
		if id == 0 {
			return "inline bucket"
		}
		return fmt.Sprintf("page %d", id)
	}
	if len(p) < bbPageHeaderSize {
		return next, pageDamage("%s: shorter than a page header", where())
	}
	flags := binary.NativeEndian.Uint16(p[8:])
	count := uint64(binary.NativeEndian.Uint16(p[10:]))
	span := uint64(len(p))
	// Every element header fits: both kinds are 16 bytes.
	if bbPageHeaderSize+count*bbLeafElemSize > span {
		return next, pageDamage("%s: %d elements do not fit in %d bytes", where(), count, span)
	}
	switch flags {
	case bbBranchPageFlag:
		if id == 0 {
			return next, pageDamage("inline bucket: a branch page")
		}
		if count == 0 {
			// A cursor would read element 0 anyway.
			return next, pageDamage("%s: a branch page without elements", where())
		}
		for i := range count {
			e := bbPageHeaderSize + i*bbBranchElemSize
			pos := uint64(binary.NativeEndian.Uint32(p[e:]))
			ksize := uint64(binary.NativeEndian.Uint32(p[e+4:]))
			child := binary.NativeEndian.Uint64(p[e+8:])
			if e+pos+ksize > span {
				return next, pageDamage("%s: key %d (at %d, %d bytes) outside the page (%d bytes)", where(), i, e+pos, ksize, span)
			}
			if child < 2 || child >= w.hwm {
				return next, pageDamage("%s: element %d points to page %d, out of range [2, %d)", where(), i, child, w.hwm)
			}
			next = append(next, child)
		}
	case bbLeafPageFlag:
		for i := range count {
			e := bbPageHeaderSize + i*bbLeafElemSize
			eflags := binary.NativeEndian.Uint32(p[e:])
			pos := uint64(binary.NativeEndian.Uint32(p[e+4:]))
			ksize := uint64(binary.NativeEndian.Uint32(p[e+8:]))
			vsize := uint64(binary.NativeEndian.Uint32(p[e+12:]))
			if e+pos+ksize+vsize > span {
				return next, pageDamage("%s: element %d (at %d, %d+%d bytes) outside the page (%d bytes)", where(), i, e+pos, ksize, vsize, span)
			}
			if eflags&bbBucketLeafFlag == 0 {
				continue
			}
			v := p[e+pos+ksize : e+pos+ksize+vsize]
			if len(v) < bbBucketHeaderSize {
				return next, pageDamage("%s: bucket %d: value of %d bytes", where(), i, len(v))
			}
			root := binary.NativeEndian.Uint64(v)
			if root != 0 {
				if root < 2 || root >= w.hwm {
					return next, pageDamage("%s: bucket %d: root page %d out of range [2, %d)", where(), i, root, w.hwm)
				}
				next = append(next, root)
				continue
			}
			// An inline bucket: its page follows the bucket header.
			inline := v[bbBucketHeaderSize:]
			if len(inline) < bbPageHeaderSize {
				return next, pageDamage("%s: inline bucket %d: value of %d bytes", where(), i, len(v))
			}
			if f := binary.NativeEndian.Uint16(inline[8:]); f != bbLeafPageFlag {
				return next, pageDamage("%s: inline bucket %d: not a leaf page (flags %#x)", where(), i, f)
			}
			if depth > 64 {
				return next, pageDamage("%s: inline buckets nested too deep", where())
			}
			var err error
			if next, err = w.page(0, inline, next, depth+1); err != nil {
				return next, err
			}
		}
	default:
		return next, pageDamage("%s: not a branch or leaf page (flags %#x)", where(), flags)
	}
	return next, nil
}
