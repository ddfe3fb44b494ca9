package storage

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

func getProfile(tx *bbolt.Tx) (model.Profile, bool, error) {
	var p model.Profile
	v := tx.Bucket(bucketMeta).Get(keyProfile)
	if v == nil {
		return p, false, nil
	}
	if err := decode(v, &p); err != nil {
		return p, false, fmt.Errorf("profile: %w", err)
	}
	return p, true, nil
}

func getUnit(tx *bbolt.Tx, id uint64) (model.Unit, error) {
	var u model.Unit
	v := tx.Bucket(bucketUnits).Get(itob(id))
	if v == nil {
		return u, fmt.Errorf("unit %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &u); err != nil {
		return u, fmt.Errorf("unit %d: %w", id, err)
	}
	return u, nil
}

func getMember(tx *bbolt.Tx, id uint64) (model.Member, error) {
	var m model.Member
	v := tx.Bucket(bucketMembers).Get(itob(id))
	if v == nil {
		return m, fmt.Errorf("member %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &m); err != nil {
		return m, fmt.Errorf("member %d: %w", id, err)
	}
	return m, nil
}

func memberIDsOfUnit(tx *bbolt.Tx, unitID uint64) []uint64 {
	var ids []uint64
	prefix := itob(unitID)
	c := tx.Bucket(idxUnitMembers).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == 16 {
			ids = append(ids, btoi(k[8:]))
		}
	}
	return ids
}

// allMembers decodes the whole roster. The records are gathered first
// (their bytes stay valid while tx is open) and decoded on every core: the
// roster is read at every program start, and decoding is most of the time.
func allMembers(tx *bbolt.Tx) ([]model.Member, error) {
	b := tx.Bucket(bucketMembers)
	// The sequence is the highest ID ever given: room for every member.
	n := int(min(b.Sequence(), 1<<22))
	keys, vals := make([][]byte, 0, n), make([][]byte, 0, n)
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	ms := make([]model.Member, len(vals))
	workers := min(runtime.GOMAXPROCS(0), len(vals)/2000+1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(vals)/workers, (w+1)*len(vals)/workers
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if err := decode(vals[i], &ms[i]); err != nil {
					errs[w] = fmt.Errorf("member %d: %w", btoi(keys[i]), err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ms, nil
}
