package storage

import (
	"slices"
	"testing"

	"unionbook/model"
)

// An export records whether its package held the period's records only
// or every record, and a record written before period packages existed
// (the kept release database's) reads as a whole package, which every
// package then was. The export's audit entry says which, so an auditor
// reading the log alone knows what the district was given.
func TestExportRecordsItsScope(t *testing.T) {
	t.Parallel()
	s, err := Open(copyRelease(t, releaseDatabases[0].dir), Options{Now: testClock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old, err := s.Exports(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(old) == 0 {
		t.Fatal("the release database holds no export: the test would prove nothing")
	}
	for _, r := range old {
		if r.PeriodOnly {
			t.Errorf("the release's export of %s reads as a period package", r.Period)
		}
	}
	for _, want := range []bool{true, false} {
		rec := &ExportRecord{Period: "2026-Q3", File: "/media/usb/p.zip", SHA256: "ab", PeriodOnly: want}
		if err := s.RecordExport("李秘书", rec); err != nil {
			t.Fatal(err)
		}
		got, err := s.Exports(1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != rec.ID || got[0].PeriodOnly != want {
			t.Errorf("recorded PeriodOnly %v, read back %+v", want, got)
		}
		es, err := s.Audit(0, 1)
		if err != nil {
			t.Fatal(err)
		}
		code := map[bool]string{true: "period", false: "whole"}[want]
		if len(es) != 1 || es[0].Action != model.ActionExport || !slices.Contains(es[0].Changes, model.FieldChange{Field: "records", New: code}) {
			t.Errorf("the audit entry of a package with PeriodOnly %v does not say records=%s: %+v", want, code, es)
		}
	}
}
