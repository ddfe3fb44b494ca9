package storage

import (
	"bytes"
	"fmt"
	"weak"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Writing payments, audit entries and members' dues in their dense forms
// (codec_dense.go, record format 3, dues_enc.go) and the file without its
// free pages.
//
// The migration step only marks the database (meta key dense_pending);
// finishDense then copies the whole file into a new one beside it, every
// bucket in key order with its pages filled, each payment, audit entry and
// dues_member value re-encoded on the way, and renames the copy over the
// database, as `unionbook compact` does. Rewriting the records in place would leave
// every page of the two buckets as many and as half empty as before (bbolt
// merges a page only below a quarter full), and the pages freed by a
// rewrite stay in the file: a list of them, written again with every
// commit. The copy commits every copyTxBytes, so its memory stays small;
// the database is untouched until the rename, so a crash leaves it as it
// was, still marked, and the next writable open copies again. Read-only
// opens meanwhile read both forms.

// migrationDense is the migration that writes the dense forms.
const migrationDense = "dense records"

// copyTxBytes is how much one transaction of the copy writes.
const copyTxBytes = 32 << 20

// markDense marks a database that holds payments or audit entries for
// finishDense (a new one has none to rewrite).
func markDense(tx *bbolt.Tx) error {
	for _, name := range [][]byte{bucketPayments, bucketAudit} {
		if b := tx.Bucket(name); b != nil {
			if k, _ := b.Cursor().First(); k != nil {
				return tx.Bucket(bucketMeta).Put(keyDensePending, []byte{})
			}
		}
	}
	return nil
}

// densePending reports whether the dense rewrite is still to be done.
func densePending(tx *bbolt.Tx) bool {
	meta := tx.Bucket(bucketMeta)
	return meta != nil && meta.Get(keyDensePending) != nil
}

// finishDense copies the database into its dense form and opens the copy
// in its place. A disk without room for the copy does not keep the
// database from opening: every record reads in either form, so it opens
// as it is, still marked, and a later open copies it.
func (s *Store) finishDense() error {
	err := s.copyInPlace(true)
	if err != nil && isDiskFull(err) { // the database is open as it was
		return nil
	}
	return err
}

// Pack copies the database into a new file without its free pages and
// opens the copy in its place, without a backup, when it has more than
// packFreePages of them: for a file just filled by a load of many
// transactions (the demo command), each of which frees the pages it
// rewrote. bbolt writes the list of free pages with every commit: the
// 100,000-member demo left 6,600 (27 MB), 13 pages more written for every
// later payment. On a disk without room for the copy the file stays as it
// is. Nothing else may use the store meanwhile. Compact is the user's
// command, with its backup and check.
func (s *Store) Pack() error {
	s.backupBg.Wait()
	if st := s.db.Stats(); st.FreePageN+st.PendingPageN <= packFreePages {
		return nil
	}
	if err := s.copyInPlace(false); err != nil && !isDiskFull(err) {
		return err
	}
	return nil
}

// packFreePages is how many free pages Pack leaves: their list is then at
// most two pages of each commit.
const packFreePages = 1024

// copyInPlace is finishDense and Pack: the copy (copyDense, recoding the
// records or not), renamed over the database and opened. Whatever it
// returns, the database is open (the copy, or the file as it was), unless
// opening it again failed: that error is returned.
func (s *Store) copyInPlace(recode bool) error {
	closed := false
	err := compactInto(s.path, func(name string) error {
		return writeCopy(name, &bbolt.Options{Timeout: lockTimeout, FreelistType: bbolt.FreelistMapType,
			NoSync: s.bolt.noSync, InitialMmapSize: s.bolt.mmapSize},
			func(dst *bbolt.DB) error { return copyDense(dst, s.db.DB, recode) })
	}, func() {
		// The copy replaces the file: close it first (Windows cannot
		// rename over an open file), open the copy after.
		s.db.Close()
		closed = true
	})
	if closed {
		db, oerr := openBolt(s.path, s.bolt)
		if oerr != nil {
			return openError(s.path, oerr)
		}
		s.db = storeDB{db, s.path}
		// The copy numbers its transactions afresh: reads shared by
		// transaction ID (shared_reads.go) are of the old file.
		s.shared.mu.Lock()
		s.shared.last = weak.Pointer[duesShared]{}
		s.shared.mu.Unlock()
	}
	if err != nil {
		return compactError(s.path, err)
	}
	return nil
}

// copyDense copies every bucket of src into the empty dst, pages filled,
// without the dense_pending mark; with recode, payments, audit entries and
// members' dues in their dense forms.
func copyDense(dst, src *bbolt.DB, recode bool) error {
	return src.View(func(stx *bbolt.Tx) error {
		defer releaseMapped(stx)
		c := &denseCopier{dst: dst, src: stx, recode: recode}
		var err error
		if c.tx, err = dst.Begin(true); err != nil {
			return err
		}
		defer func() {
			if c.tx != nil {
				c.tx.Rollback()
			}
		}()
		err = stx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			return c.bucket([][]byte{bytes.Clone(name)}, b)
		})
		if err != nil {
			return err
		}
		err = c.tx.Commit()
		c.tx = nil
		return err
	})
}

// denseCopier is copyDense's walk: the destination's open transaction and
// what it has written.
type denseCopier struct {
	dst     *bbolt.DB
	src     *bbolt.Tx // the source's read transaction
	tx      *bbolt.Tx
	recode  bool
	written int
}

// target is the destination bucket at path, made if missing.
func (c *denseCopier) target(path [][]byte) (*bbolt.Bucket, error) {
	b, err := c.tx.CreateBucketIfNotExists(path[0])
	for _, name := range path[1:] {
		if err != nil {
			return nil, err
		}
		b, err = b.CreateBucketIfNotExists(name)
	}
	if err != nil {
		return nil, err
	}
	b.FillPercent = copyFill(path)
	return b, nil
}

// copyFill is how full the copy packs a bucket's pages: whole for the
// records never changed once written (as the writer fills them), nine
// tenths for the rest, so that the next writes to a page (a payment adds
// to its member's dues_member value) do not each split it.
func copyFill(path [][]byte) float64 {
	if len(path) == 1 {
		for _, name := range [][]byte{bucketPayments, bucketAudit, bucketLedger, bucketDuesBatches} {
			if bytes.Equal(path[0], name) {
				return 1.0
			}
		}
	}
	return 0.9
}

func (c *denseCopier) bucket(path [][]byte, src *bbolt.Bucket) error {
	dst, err := c.target(path)
	if err != nil {
		return err
	}
	if err := dst.SetSequence(src.Sequence()); err != nil {
		return err
	}
	top := len(path) == 1
	recode := c.recode && top && (bytes.Equal(path[0], bucketPayments) || bytes.Equal(path[0], bucketAudit) || bytes.Equal(path[0], bucketDuesMember))
	meta := top && bytes.Equal(path[0], bucketMeta)
	cur := src.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if v == nil { // a nested bucket
			if err := c.bucket(append(path[:len(path):len(path)], bytes.Clone(k)), src.Bucket(k)); err != nil {
				return err
			}
			if dst, err = c.target(path); err != nil {
				return err
			}
			continue
		}
		if meta && bytes.Equal(k, keyDensePending) {
			continue
		}
		if recode {
			if v, err = recodeDense(path[0], k, v); err != nil {
				return err
			}
		}
		if err := dst.Put(k, v); err != nil {
			return err
		}
		c.written += len(k) + len(v)
		if c.written >= copyTxBytes {
			// Commit and go on in a new transaction: bbolt holds every
			// page a transaction writes in memory until it commits.
			if err := c.tx.Commit(); err != nil {
				c.tx = nil
				return err
			}
			if c.tx, err = c.dst.Begin(true); err != nil {
				return err
			}
			c.written = 0
			// The source's pages read so far are not needed in memory
			// (they are read again from the file if they are).
			releaseMapped(c.src)
			if dst, err = c.target(path); err != nil {
				return err
			}
		}
	}
	return nil
}

// recodeDense is a payment's or audit entry's record, or a member's paid
// months and payments, in its dense form. A value that does not read is
// copied as it is, for the check to name.
func recodeDense(bucket, k, v []byte) ([]byte, error) {
	if bytes.Equal(bucket, bucketDuesMember) {
		if d, ok := parseMemberDues(v); ok {
			return d.encode(), nil
		}
		return v, nil
	}
	var x any = new(model.AuditEntry)
	if bytes.Equal(bucket, bucketPayments) {
		x = new(model.DuesPayment)
	}
	if err := decode(v, x); err != nil {
		return v, nil
	}
	out, err := encode(x)
	if err != nil {
		return nil, fmt.Errorf("%s %x: %w", bucket, k, err)
	}
	return out, nil
}
