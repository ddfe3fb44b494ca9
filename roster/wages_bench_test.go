package roster

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/demo"
	"unionbook/storage"
)

var (
	wageOnce         sync.Once
	wagePath, wageDB string
)

// bigWages writes, once, the 100,000-member roster of bigRoster with two
// columns more (缴费基数, 起始月份), so the file is the roster's size, and a
// database holding those members (imported from the roster).
func bigWages(b *testing.B) (file, db string) {
	roster := bigRoster(b)
	wageOnce.Do(func() {
		dir := filepath.Dir(roster)
		wageDB = filepath.Join(dir, "members.db")
		st, err := storage.Open(wageDB, storage.Options{NoDailyBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, u := range bigUnits {
			u.ID = 0
			if err := st.CreateUnit("b", &u); err != nil {
				b.Fatal(err)
			}
		}
		p, err := Load(context.Background(), roster, "", st, Options{Kind: Members, Today: testToday})
		if err != nil || p.HasProblems() {
			b.Fatal(err)
		}
		if _, err := p.Commit(context.Background(), st, "b", nil); err != nil {
			b.Fatal(err)
		}
		st.Close()
		_, _, ms := demo.GenerateAt(7, 78, 100000, testToday)
		wagePath = filepath.Join(dir, "wages.xlsx")
		f := excelize.NewFile()
		sw, _ := f.NewStreamWriter("Sheet1")
		sw.SetRow("A1", []any{"青山镇总工会会员缴费基数"})
		sw.SetRow("A2", []any{"序号", "会员证号", "姓名", "性别", "身份证号", "出生日期", "民族", "手机号", "工作单位", "职务", "学历", "政治面貌", "是否农民工", "入会时间", "缴费基数", "起始月份"})
		for i, m := range ms {
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			sw.SetRow(cell, []any{i + 1, "", m.Name, "", m.IDNumber, m.Birth.String(), m.Ethnicity, m.Phone, "", m.Job, m.Education, m.Political, "", m.JoinDate.String(),
				3000 + (i*37)%9000, "2026-01"})
		}
		sw.Flush()
		if err := f.SaveAs(wagePath); err != nil {
			b.Fatal(err)
		}
		f.Close()
	})
	return wagePath, wageDB
}

// BenchmarkImportWages100k: read, check and write 100,000 wage bases into
// the database of those members (a copy each time), one transaction with
// one audit entry per member: what `unionbook import wages` does. Compare
// with BenchmarkImport100k (the roster of the same rows and size).
func BenchmarkImportWages100k(b *testing.B) {
	file, db := bigWages(b)
	if fi, err := os.Stat(file); err == nil {
		r, _ := os.Stat(bigRoster(b))
		b.Logf("wage file %d bytes, roster %d bytes", fi.Size(), r.Size())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "x.db")
		if err := copyDB(db, path); err != nil {
			b.Fatal(err)
		}
		st, err := storage.Open(path, storage.Options{NoDailyBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		b.StartTimer()
		p, err := LoadWages(context.Background(), file, "", st, WageOptions{Today: 20261121})
		if err != nil {
			b.Fatal(err)
		}
		if p.HasProblems() {
			b.Fatalf("%d problems, first %s", p.Stats.Problems, p.Issues()[0].Localize(0))
		}
		n, err := p.CommitWages(st, "b")
		if err != nil || n != 100000 {
			b.Fatal(n, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

func copyDB(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestMain removes the benchmarks' folder (the 100,000-row roster, the
// wage sheet and the database of those members: about 90 MB).
func TestMain(m *testing.M) {
	code := m.Run()
	if bigPath != "" {
		os.RemoveAll(filepath.Dir(bigPath))
	}
	os.Exit(code)
}
