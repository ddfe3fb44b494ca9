package storage

import (
	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The cross-check key (核对密钥) the district gave this township, kept so
// that every package (from the command line or the terminal interface)
// carries keyed hashes of ID numbers with it (district/crosscheck.go):
//
//	crosscheck  "key" → the 32-byte key, "id" → its fingerprint
//
// The bucket is made by the first SetCrosscheckKey, needs no migration, and
// is never written into a package (the data files hold records, not this):
// the key stays with the database and its backups, which hold the ID
// numbers themselves.
var (
	bucketCrosscheck = []byte("crosscheck")
	keyCrosscheckKey = []byte("key")
	keyCrosscheckID  = []byte("id")
)

// CrosscheckKey is the stored cross-check key and its fingerprint; ok is
// false when none was set.
func (s *Store) CrosscheckKey() (key []byte, id string, ok bool, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketCrosscheck)
		if b == nil {
			return nil
		}
		if k := b.Get(keyCrosscheckKey); len(k) > 0 {
			key = append([]byte(nil), k...)
			id = string(b.Get(keyCrosscheckID))
			ok = true
		}
		return nil
	})
	return key, id, ok, err
}

// SetCrosscheckKey stores the cross-check key with its fingerprint id. A
// different key already stored is replaced only with replace set (the
// district changed its key): a township is never switched to another key
// without saying so. The audit log records the fingerprints, never the key.
func (s *Store) SetCrosscheckKey(op string, key []byte, id string, replace bool) error {
	return s.update(op, func(w *writer) error {
		b, err := w.tx.CreateBucketIfNotExists(bucketCrosscheck)
		if err != nil {
			return err
		}
		old := string(b.Get(keyCrosscheckID))
		switch {
		case old == id:
			return errNoChange
		case old != "" && !replace:
			return i18n.E("crosscheck.key_differs", old, id)
		}
		if err := b.Put(keyCrosscheckKey, key); err != nil {
			return err
		}
		if err := b.Put(keyCrosscheckID, []byte(id)); err != nil {
			return err
		}
		return w.writeAudit(model.ActionUpdate, model.EntityProfile, 0, "crosscheck_key",
			[]model.FieldChange{{Field: "crosscheck_key", Old: old, New: id}})
	})
}

// ReadOnly reports a store opened read-only (Options.ReadOnly): every write
// fails with the err.read_only message.
func (s *Store) ReadOnly() bool { return s.db.IsReadOnly() }
