package storage

import (
	"errors"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// checkRecords verifies every record's checksum (record format 2, codec.go)
// in every record bucket and the profile, whichever checker reads the
// record's fields. In a database whose schema has checksums, a record
// without one is a problem too (once the migration has given every record
// its checksum): its format byte was changed, or it was written by
// something other than this program.
//
// A record whose checksum fails is reported here once; the feature
// checkers that then fail to decode it do not report it again (see
// CheckReport.Problem).
func checkRecords(tx *bbolt.Tx, r *CheckReport) error {
	needCRC := schemaVersion(tx) >= checksumSchema() && !checksumsPending(tx)
	verified, legacy := 0, 0
	one := func(ent model.Entity, k, v []byte) {
		if len(v) > 0 && v[0] == formatCBOR {
			if needCRC {
				r.Problem("check.no_checksum", ent, k)
			}
			legacy++
			return
		}
		if _, err := verifyRecord(v); errors.Is(err, errRecordChecksum) {
			r.Problem("check.checksum", ent, k)
		} else if err == nil {
			verified++
		}
	}
	if v := tx.Bucket(bucketMeta).Get(keyProfile); v != nil {
		one(model.EntityProfile, keyProfile, v)
	}
	for _, rb := range recordBuckets() {
		b := tx.Bucket(rb.name)
		if b == nil {
			continue // the feature's own checker says so
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				continue // a nested bucket: the feature's checker says so
			}
			one(rb.entity, k, v)
		}
	}
	if verified > 0 || legacy == 0 {
		r.Count("records", verified)
	}
	if legacy > 0 {
		r.Count("records_legacy", legacy)
	}
	return nil
}
