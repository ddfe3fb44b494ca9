package storage_test

import (
	"testing"

	"unionbook/model"
)

// BenchmarkHardshipFileEdit100k is one hardship file saved from its form
// on the 100,000-member demo (about a thousand open files): the same
// household check, one transaction, its fsync.
func BenchmarkHardshipFileEdit100k(b *testing.B) {
	s := benchDB(b)
	files, err := s.HardshipFiles()
	if err != nil {
		b.Fatal(err)
	}
	var open []model.HardshipFile
	for _, f := range files {
		if f.Status.Open() {
			open = append(open, f)
		}
	}
	if len(open) == 0 {
		b.Fatal("no open files")
	}
	i := 0
	for b.Loop() {
		f := open[i%len(open)]
		f.Spending++
		if err := s.UpdateHardshipFile("bench", &f); err != nil {
			b.Fatal(err)
		}
		open[i%len(open)] = f
		i++
	}
	b.ReportMetric(float64(len(open)), "open_files")
}
