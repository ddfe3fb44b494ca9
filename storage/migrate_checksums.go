package storage

import (
	"bytes"

	"go.etcd.io/bbolt"
)

// Giving every record its checksum (record format 2, codec.go).
//
// The migration step itself only marks the database (meta key
// checksums_pending); the records are then rewritten by finishChecksums in
// transactions of rewriteChunk records, each of which moves the mark on.
// One transaction over the whole file was measured on the 100,000-member
// demo (486 MB): 10 s, 1.5 GB of memory at its peak and the file grown to
// 864 MB, since bbolt holds every page a transaction changes in memory
// until it commits and cannot reuse a page freed in the same transaction.
// In chunks the memory stays small and freed pages are reused. Every
// record reads the same in either format, so a database between chunks
// (after a crash, or opened read-only meanwhile) is whole; the next
// writable open goes on where the mark says.

// migrationChecksums is the migration that gives every record its checksum.
const migrationChecksums = "record checksums"

// checksumSchema is the first schema version whose records all carry a
// checksum (once checksums_pending is gone).
func checksumSchema() uint32 { return migrationVersion(migrationChecksums) }

// rewriteChunk is how many records one transaction of finishChecksums
// rewrites (about 5 MB of records).
const rewriteChunk = 20000

// addRecordChecksums marks a database that holds records for
// finishChecksums (a new one has none to rewrite).
func addRecordChecksums(tx *bbolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	holds := meta.Get(keyProfile) != nil
	for _, rb := range recordBuckets() {
		if b := tx.Bucket(rb.name); b != nil {
			if k, _ := b.Cursor().First(); k != nil {
				holds = true
			}
		}
	}
	if !holds {
		return nil
	}
	return meta.Put(keyChecksumsPending, []byte{})
}

// checksumsPending reports whether records are still to be rewritten.
func checksumsPending(tx *bbolt.Tx) bool {
	meta := tx.Bucket(bucketMeta)
	return meta != nil && meta.Get(keyChecksumsPending) != nil
}

// finishChecksums rewrites the records still without a checksum, a chunk
// per transaction, and removes the mark with the last.
func (s *Store) finishChecksums() error {
	for {
		done := false
		err := s.db.Update(func(tx *bbolt.Tx) error {
			var err error
			done, err = rechecksumChunk(tx, rewriteChunk)
			return err
		})
		if err != nil {
			return writeError(s.path, err)
		}
		if done {
			return nil
		}
	}
}

// rechecksumChunk rewrites up to limit format-1 records after the place
// the mark names (a bucket name, a zero byte, the last key done; empty at
// the start, when the profile is rewritten too), and moves the mark on, or
// removes it when no bucket has more. The CBOR is not decoded: every
// record keeps its bytes, with its checksum in front.
func rechecksumChunk(tx *bbolt.Tx, limit int) (done bool, err error) {
	meta := tx.Bucket(bucketMeta)
	mark := meta.Get(keyChecksumsPending)
	if mark == nil {
		return true, nil
	}
	startBucket, after, _ := bytes.Cut(bytes.Clone(mark), []byte{0})
	if len(mark) == 0 {
		if v := meta.Get(keyProfile); len(v) > 0 && v[0] == formatCBOR {
			if err := meta.Put(keyProfile, withChecksum(v[1:])); err != nil {
				return false, err
			}
		}
	}
	started := len(startBucket) == 0
	n := 0
	for _, rb := range recordBuckets() {
		if !started {
			if !bytes.Equal(rb.name, startBucket) {
				continue
			}
			started = true
		} else {
			after = nil
		}
		if n >= limit { // the chunk is full: this bucket next time
			return false, meta.Put(keyChecksumsPending, append(append(bytes.Clone(rb.name), 0), after...))
		}
		b := tx.Bucket(rb.name)
		if b == nil {
			continue
		}
		var keys, vals [][]byte
		c := b.Cursor()
		k, v := c.First()
		if after != nil {
			if k, v = c.Seek(after); k != nil && bytes.Equal(k, after) {
				k, v = c.Next()
			}
		}
		for ; k != nil && n < limit; k, v = c.Next() {
			if len(v) > 0 && v[0] == formatCBOR {
				keys = append(keys, bytes.Clone(k))
				vals = append(vals, withChecksum(v[1:]))
				n++
			}
		}
		more := k != nil
		b.FillPercent = 0.9 // each value grows by 4 bytes
		for i := range keys {
			if err := b.Put(keys[i], vals[i]); err != nil {
				return false, err
			}
		}
		if more { // the chunk is full: after its last key next time
			return false, meta.Put(keyChecksumsPending, append(append(bytes.Clone(rb.name), 0), keys[len(keys)-1]...))
		}
	}
	return true, meta.Delete(keyChecksumsPending)
}
