package storage

import (
	"bytes"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Every key a database holds in meta is one layout.go documents: the kept
// release database, migrated, with a demo mark, a load in progress, a
// cash-book entry and a transfer written (receipt and voucher counters of
// their years). The demo's mark was once missing from layout.go.
func TestEveryMetaKeyIsDocumented(t *testing.T) {
	t.Parallel()
	s, err := Open(copyRelease(t, releaseDatabases[0].dir), Options{Now: testClock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Bulk(bop, func(b *Batch) error {
		if err := b.MarkLoading("test"); err != nil {
			return err
		}
		return b.MarkDemo()
	})
	if err != nil {
		t.Fatal(err)
	}
	entryOn(t, s, 20240601, model.In, "408", 1000, model.MoneyBank)
	transfer(t, s, 20240602, model.MoneyBank, model.MoneyCash, 500)

	keys, prefixes := metaKeys()
	documented := func(k []byte) bool {
		for _, d := range keys {
			if bytes.Equal(k, d) {
				return true
			}
		}
		for _, p := range prefixes {
			if strings.HasPrefix(string(k), p) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).ForEach(func(k, _ []byte) error {
			seen[string(k)] = true
			if !documented(k) {
				t.Errorf("meta key %q is not documented in layout.go (metaKeys)", k)
			}
			return nil
		})
	})
	for _, want := range []string{"schema_version", "profile", "member_no_seq", "loading", "demo", "receipt_seq/2024", "voucher_seq/2024"} {
		if !seen[want] {
			t.Errorf("the database holds no %q: the test no longer exercises it", want)
		}
	}
}
