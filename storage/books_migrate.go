package storage

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// migrateBooks is the schema step of the books (issue 14). It creates the
// books' buckets and brings an existing cash book onto the corrected 2010
// chart with every entry keeping its meaning:
//
//   - a database that already has a cash book (entries, event costs or the
//     union's own sub-accounts) keeps the 2010 chart, now stored as the
//     chart in force every year, so that its codes go on meaning what they
//     meant (504 is 行政支出 there, 维权支出 in the 2021 chart); the union
//     may put the 2021 chart in force from a year with no entries yet. A
//     new database gets the 2021 chart.
//   - the codes the program used to give wrongly are rewritten
//     (model.LegacyAccountCodes: 40303 帮扶补助 → 40304 … 509 其他支出 → 508) in
//     the entries, their monthly totals and the events; a sub-account the
//     union had added whose code the corrected chart now uses (50104 was
//     free before) moves to the first free code from its parent + 51, and
//     its entries with it.
//   - every entry gets a money account: a dues payment's follows how it was
//     paid (cash to the cash box, the rest to the bank), everything else
//     goes to the bank; the secretary corrects the split, if needed, with
//     the opening balances and a transfer.
//   - the money accounts' monthly totals are built from the entries.
func migrateBooks(tx *bbolt.Tx) error {
	for _, name := range booksBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	p, hasProfile, err := getProfile(tx)
	if err != nil {
		return err
	}
	led := tx.Bucket(bucketLedger)
	events := tx.Bucket(bucketEvents)
	hasBook := len(p.CustomAccounts) > 0
	if led != nil {
		if k, _ := led.Cursor().First(); k != nil {
			hasBook = true
		}
	}
	if events != nil {
		_ = events.ForEach(func(_, v []byte) error {
			var e model.Event
			if decode(v, &e) == nil && e.Account != "" {
				hasBook = true
			}
			return nil
		})
	}
	if !hasBook {
		return nil
	}
	legacy, _ := model.StandardChart(model.Chart2010)
	cb := tx.Bucket(bucketCharts)
	id, err := cb.NextSequence()
	if err != nil {
		return err
	}
	legacy.ID = id
	if err := putMigrated(cb, itob(id), &legacy); err != nil {
		return err
	}

	remap := map[string]string{}
	for k, v := range model.LegacyAccountCodes {
		remap[k] = v
	}
	if hasProfile && len(p.CustomAccounts) > 0 {
		taken := map[string]bool{}
		for _, a := range legacy.Accounts {
			taken[a.Code] = true
		}
		for _, a := range p.CustomAccounts {
			taken[a.Code] = true
		}
		for i := range p.CustomAccounts {
			a := &p.CustomAccounts[i]
			if _, std := legacy.Find(a.Code); !std || len(a.Code) != 5 {
				continue
			}
			for n := 51; n <= 99; n++ {
				code := fmt.Sprintf("%s%02d", a.Code[:3], n)
				if !taken[code] {
					taken[code] = true
					remap[a.Code] = code
					a.Code = code
					break
				}
			}
		}
		if err := putMigrated(tx.Bucket(bucketMeta), keyProfile, &p); err != nil {
			return err
		}
	}

	if led != nil {
		if err := migrateEntries(tx, remap); err != nil {
			return err
		}
	}
	if events != nil {
		var keys [][]byte
		var vals []*model.Event
		err := events.ForEach(func(k, v []byte) error {
			var e model.Event
			if err := decode(v, &e); err != nil {
				return fmt.Errorf("event %d: %w", btoi(k), err)
			}
			if to, ok := remap[e.Account]; ok {
				e.Account = to
				keys, vals = append(keys, slices.Clone(k)), append(vals, &e)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range keys {
			if err := putMigrated(events, keys[i], vals[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateEntries rewrites the entries' account codes and money accounts and
// rebuilds the account and money totals from them.
func migrateEntries(tx *bbolt.Tx, remap map[string]string) error {
	led := tx.Bucket(bucketLedger)
	payments, batches := tx.Bucket(bucketPayments), tx.Bucket(bucketDuesBatches)
	method := func(b *bbolt.Bucket, id uint64, v any, of func() model.PayMethod) model.PayMethod {
		if b == nil {
			return 0
		}
		raw := b.Get(itob(id))
		if raw == nil || decode(raw, v) != nil {
			return 0
		}
		return of()
	}
	var keys [][]byte
	var entries []model.LedgerEntry
	err := led.ForEach(func(k, v []byte) error {
		var e model.LedgerEntry
		if err := decode(v, &e); err != nil {
			return fmt.Errorf("ledger entry %d: %w", btoi(k), err)
		}
		keys, entries = append(keys, slices.Clone(k)), append(entries, e)
		return nil
	})
	if err != nil {
		return err
	}
	byID := make(map[uint64]int, len(entries))
	for i := range entries {
		byID[entries[i].ID] = i
	}
	for i := range entries {
		e := &entries[i]
		if to, ok := remap[e.Account]; ok {
			e.Account = to
		}
		if e.Money != 0 {
			continue
		}
		var m model.PayMethod
		switch e.Source.Kind {
		case SourceDues:
			var p model.DuesPayment
			m = method(payments, e.Source.ID, &p, func() model.PayMethod { return p.Method })
		case SourceDuesBatch:
			var b DuesBatchRecord
			m = method(batches, e.Source.ID, &b, func() model.PayMethod { return b.Method })
		}
		e.Money = model.MoneyBank
		if m != 0 {
			e.Money = model.MoneyFor(m)
		}
	}
	// A reversal moves the money its entry moved.
	for i := range entries {
		if j, ok := byID[entries[i].ReversalOf]; ok && entries[i].ReversalOf != 0 {
			entries[i].Money = entries[j].Money
		}
	}
	totals, money := tx.Bucket(bucketLedgerTotals), tx.Bucket(bucketMoneyTotals)
	if err := clearBucket(totals); err != nil {
		return err
	}
	sums := map[string][2]int64{}
	moneySums := map[string][2]model.Money{}
	for i := range entries {
		e := &entries[i]
		if err := putMigrated(led, keys[i], e); err != nil {
			return err
		}
		tk := string(ledgerTotalKey(e.Date.Month(), e.Direction, e.Account))
		s := sums[tk]
		sums[tk] = [2]int64{s[0] + int64(e.Amount), s[1] + 1}
		mk := string(moneyTotalKey(e.Date.Month(), e.Money))
		moneySums[mk] = addSigned(moneySums[mk], e.Signed())
	}
	for k, s := range sums {
		if err := totals.Put([]byte(k), pairBytes(model.Money(s[0]), s[1])); err != nil {
			return err
		}
	}
	for k, s := range moneySums {
		if err := money.Put([]byte(k), pairBytes(s[0], int64(s[1]))); err != nil {
			return err
		}
	}
	return nil
}

// clearBucket deletes every key of b.
func clearBucket(b *bbolt.Bucket) error {
	var keys [][]byte
	_ = b.ForEach(func(k, _ []byte) error { keys = append(keys, slices.Clone(k)); return nil })
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func putMigrated(b *bbolt.Bucket, key []byte, v any) error {
	data, err := encode(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
