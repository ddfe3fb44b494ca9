package storage

import (
	"fmt"

	"unionbook/i18n"
	"unionbook/model"
)

// Reading for a district package of one period (district/period.go): the
// records it holds are chosen by ID, a few are fetched one at a time (the
// payment a reversal of the period takes back), and the money at the
// period's start is carried as opening balances.

// MapRecordsWhere is MapRecords over the records whose ID keep accepts;
// the others are skipped without being decoded.
func MapRecordsWhere[T any](r *Records, bucket string, keep func(id uint64) bool, f func(x *T, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return mapRecords(r, bucket, keep, f, emit)
}

// MapRecordKindWhere is MapRecordKind over the records whose key keep
// accepts (the owner's ID for a kind keyed by owner).
func (r *Records) MapRecordKindWhere(kind string, keep func(id uint64) bool, f func(x any, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return r.mapRecordKind(kind, keep, f, emit)
}

// GetRecord decodes the record of a bucket with the given ID; ok is false
// when there is none.
func GetRecord[T any](r *Records, bucket string, id uint64) (x T, ok bool, err error) {
	b := r.tx.Bucket([]byte(bucket))
	if b == nil {
		return x, false, nil
	}
	v := b.Get(itob(id))
	if v == nil {
		return x, false, nil
	}
	if err := decode(v, &x); err != nil {
		return x, false, fmt.Errorf("%s %d: %w", bucket, id, err)
	}
	return x, true, nil
}

// GetKind decodes the record of a registered kind with the given key; nil
// when there is none.
func (r *Records) GetKind(kind string, id uint64) (any, error) {
	k, ok := recordKinds[kind]
	if !ok {
		return nil, i18n.E("err.internal", "unknown record kind "+kind)
	}
	b := r.tx.Bucket([]byte(k.Bucket))
	if b == nil {
		return nil, nil
	}
	v := b.Get(itob(id))
	if v == nil {
		return nil, nil
	}
	x := k.New()
	if err := decode(v, x); err != nil {
		return nil, fmt.Errorf("%s %d: %w", k.Bucket, id, err)
	}
	return x, nil
}

// Opening is money account m's opening balance; ok is false when none was
// set.
func (r *Records) Opening(m model.MoneyAccount) (model.OpeningBalance, bool, error) {
	return getOpening(r.tx, m)
}

// MoneyBefore is money account m's balance at the start of month mo, as
// the journal and the balances count it.
func (r *Records) MoneyBefore(m model.MoneyAccount, mo model.Month) (model.Money, error) {
	return moneyBefore(r.tx, m, mo)
}

// PaymentReversal is the ID of the reversal of payment id; ok is false
// when it was not reversed.
func (r *Records) PaymentReversal(id uint64) (rev uint64, ok bool) {
	b := r.tx.Bucket(idxPaymentReversal)
	if b == nil {
		return 0, false
	}
	v := b.Get(itob(id))
	if len(v) != 8 {
		return 0, false
	}
	return btoi(v), true
}

// LedgerDated calls fn with the cash-book entries dated from from to to
// (inclusive), in date order, read through the date index.
func (r *Records) LedgerDated(from, to model.Date, fn func(*model.LedgerEntry) error) error {
	led := r.tx.Bucket(bucketLedger)
	return scanDates(r.tx.Bucket(idxLedgerDate), from, to, func(id uint64) error {
		e, err := getLedgerEntry(led, id)
		if err != nil {
			return dangling(err)
		}
		return fn(&e)
	})
}
