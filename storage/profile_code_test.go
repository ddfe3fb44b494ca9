package storage

import (
	"errors"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// A union code is checked when it is typed: a company's code is refused
// and nothing is written. A code stored before the check (here written
// past it) does not stop other settings from being saved; changing it
// to another wrong one is refused.
func TestUnionCodeCheckedWhenTyped(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	p.Code = "91350100M000100Y43"
	err := s.SaveProfile("李秘书", p)
	var ps model.Problems
	if !errors.As(err, &ps) || !ps.Has("union_code", "profile.union_code_kind") {
		t.Fatalf("a company's code was not refused: %v", err)
	}
	if _, ok, _ := s.Profile(); ok {
		t.Fatal("a refused profile was written")
	}

	p.Code = "GHDM-2015-001" // an old code, stored as it was
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		data, err := encode(&p)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyProfile, data)
	}); err != nil {
		t.Fatal(err)
	}
	p.ArrearsMonths = 3
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Errorf("the dues settings could not be saved over the old code: %v", i18n.Text(err, i18n.ZH))
	}
	p.Code = "91350100M000100Y43"
	if err := s.SaveProfile("李秘书", p); !errors.As(err, &ps) || !ps.Has("union_code", "profile.union_code_kind") {
		t.Errorf("a new wrong code was not refused: %v", err)
	}
	p.Code = "81350102MC0123450A"
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Errorf("a union's code was refused: %v", err)
	}
}
