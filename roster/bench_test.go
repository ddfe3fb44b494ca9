package roster

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/demo"
	"unionbook/model"
	"unionbook/storage"
)

var (
	bigOnce  sync.Once
	bigPath  string
	bigUnits []model.Unit
)

// bigRoster writes a 100,000-member roster once (demo data, valid IDs) with
// a title row, as a secretary's export would look.
func bigRoster(b *testing.B) string {
	bigOnce.Do(func() {
		_, units, ms := demo.GenerateAt(7, 78, 100000, testToday)
		bigUnits = units
		names := map[uint64]string{}
		for i, u := range units {
			names[uint64(i+1)] = u.Name
		}
		dir, err := os.MkdirTemp("", "unionbook-bench")
		if err != nil {
			b.Fatal(err)
		}
		bigPath = filepath.Join(dir, "big.xlsx")
		f := excelize.NewFile()
		sw, _ := f.NewStreamWriter("Sheet1")
		sw.SetRow("A1", []any{"青山镇总工会会员花名册"})
		sw.SetRow("A2", []any{"序号", "会员证号", "姓名", "性别", "身份证号", "出生日期", "民族", "手机号", "工作单位", "职务", "学历", "政治面貌", "是否农民工", "入会时间"})
		for i, m := range ms {
			yn := "否"
			if m.Migrant {
				yn = "是"
			}
			g := "男"
			if m.Gender == model.Female {
				g = "女"
			}
			cell, _ := excelize.CoordinatesToCellName(1, i+3)
			sw.SetRow(cell, []any{i + 1, m.No, m.Name, g, m.IDNumber, m.Birth.String(), m.Ethnicity, m.Phone, names[m.UnitID], m.Job, m.Education, m.Political, yn, m.JoinDate.String()})
		}
		sw.Flush()
		if err := f.SaveAs(bigPath); err != nil {
			b.Fatal(err)
		}
		f.Close()
	})
	return bigPath
}

// BenchmarkImport100k: read, parse, validate and write 100,000 members into
// a fresh store (units created first), one transaction: what
// `unionbook import members` does (Load, which checks rows while it reads
// the next ones, then Commit).
func BenchmarkImport100k(b *testing.B) {
	path := bigRoster(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := storage.Open(filepath.Join(b.TempDir(), "x.db"), storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, u := range bigUnits {
			u.ID = 0
			if err := st.CreateUnit("b", &u); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		b.StartTimer()
		p, err := Load(context.Background(), path, "", st, Options{Kind: Members, Today: testToday})
		if err != nil {
			b.Fatal(err)
		}
		if p.HasProblems() {
			b.Fatalf("%d problems, first %s", p.Stats.Problems, p.Issues()[0].Localize(0))
		}
		res, err := p.Commit(context.Background(), st, "b", nil)
		if err != nil || res.Created != 100000 {
			b.Fatal(res, err)
		}
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}

// BenchmarkReadOnly100k is the floor: excelize's Rows() over the same file.
func BenchmarkReadOnly100k(b *testing.B) {
	path := bigRoster(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n != 100002 {
			b.Fatal(n)
		}
	}
}

// BenchmarkNotData: telling data rows from notes, hints and footers, per
// 10,000 rows of demo members, against the blank-row check alone (what ran
// before it).
func BenchmarkNotData(b *testing.B) {
	_, units, ms := demo.GenerateAt(7, 78, 10000, testToday)
	var csv strings.Builder
	csv.WriteString("序号,会员证号,姓名,性别,身份证号,出生日期,民族,手机号,工作单位,职务,学历,政治面貌,入会时间,备注\n")
	for i, m := range ms {
		csv.WriteString(strconv.Itoa(i+1) + "," + m.No + "," + m.Name + ",男," + m.IDNumber + "," + m.Birth.String() + "," + m.Ethnicity + "," +
			m.Phone + "," + units[m.UnitID-1].Name + "," + m.Job + "," + m.Education + "," + m.Political + "," + m.JoinDate.String() + "," + m.Notes + "\n")
	}
	tab, err := ReadCSV([]byte(csv.String()))
	if err != nil {
		b.Fatal(err)
	}
	p := newPlan(tab, Options{Kind: Members, Today: testToday})
	p.Header = FindHeader(tab, Members)
	p.cols = map[Field]int{}
	for c, f := range p.Header.Fields {
		if f != "" {
			p.cols[f] = c
		}
	}
	for _, f := range required(Members, false) {
		p.rowCols = append(p.rowCols, p.col(f))
	}
	p.prepNotData()
	rows := tab.Rows[1:]
	b.Run("blank", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, r := range rows {
				if p.blankRow(r) || p.repeatedHeader(r) {
					b.Fatal(r.Num)
				}
			}
		}
	})
	b.Run("notData", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for _, r := range rows {
				if why := p.notData(r); why != "" {
					b.Fatal(r.Num, why)
				}
			}
		}
	})
}
