package storage_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

// BenchmarkBatch12Months700 is a unit of 700 members handing over a year
// at once: the preview of who owes what, then the batch written (700
// payments of twelve months, one 401 entry, one transaction with its
// fsync), on a fresh database each time.
func BenchmarkBatch12Months700(b *testing.B) {
	now := func() time.Time { return time.Date(2026, 12, 20, 10, 0, 0, 0, time.Local) }
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := storage.Open(filepath.Join(b.TempDir(), "b.db"), storage.Options{Now: now, NoDailyBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		p := model.DefaultProfile()
		p.UnionName, p.DuesSince = "青山镇总工会", 202601
		if err := s.SaveProfile("b", p); err != nil {
			b.Fatal(err)
		}
		u := model.Unit{Name: "宏达机械厂工会", Kind: 170}
		if err := s.CreateUnit("b", &u); err != nil {
			b.Fatal(err)
		}
		err = s.Bulk("b", func(bt *storage.Batch) error {
			for j := range 700 {
				m := model.Member{Name: fmt.Sprintf("会员%d", j), Gender: model.Male, DocType: model.DocOther,
					IDNumber: fmt.Sprintf("P%07d", j), UnitID: u.ID, JoinDate: 20200101,
					Wages: []model.WageBase{{From: 202001, Base: model.Yuan(int64(3000 + j*7))}}}
				if err := bt.CreateMember(&m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		plan, err := s.BatchPreview(u.ID, 202601, 202612)
		if err != nil || len(plan.Lines) != 700 {
			b.Fatal(len(plan.Lines), err)
		}
		ps, err := s.RecordBatch("b", storage.DuesBatch{UnitID: u.ID, From: 202601, To: 202612, Date: 20261220,
			Method: model.PayPayroll, Lines: plan.Lines})
		if err != nil || len(ps) != 700 {
			b.Fatal(len(ps), err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
