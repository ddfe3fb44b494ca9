package district

import (
	"context"
	"os"
	"testing"

	"unionbook/model"
)

// BenchmarkExport writes the package of a quarter, of a year and of every
// record (--whole) of a 3,000-member demo: a period package's cost follows
// its period's records.
func BenchmarkExport(b *testing.B) {
	st := demoStore(b, 11, "", 3000)
	for _, c := range []struct {
		name, period string
		whole        bool
	}{{"quarter", "2026-Q1", false}, {"year", "2025", false}, {"whole", "2025", true}} {
		b.Run(c.name, func(b *testing.B) {
			p, _ := model.ParsePeriod(c.period)
			dir := b.TempDir()
			var size int64
			for b.Loop() {
				res, err := WritePackage(context.Background(), st, PackageOptions{Period: p, Dir: dir, Now: pkgNow, Whole: c.whole})
				if err != nil {
					b.Fatal(err)
				}
				size = res.Size
				os.Remove(res.Path)
			}
			b.ReportMetric(float64(size)/1e6, "MB/package")
		})
	}
}
