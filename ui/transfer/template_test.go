package transfer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/filechooser"
	"unionbook/ui/uitest"
	"unionbook/ui/widget"
)

// unionTemplate writes a member template as unions hand them out, filled
// in: a title and an instruction merged across, a hint row and an example
// row under the header, the members (their unit written short, one phone
// a landline), a note merged across and a footer of totals and signatures.
func unionTemplate(t *testing.T) string {
	t.Helper()
	rows := [][]any{
		{"青山镇总工会 会员信息采集表"},
		{"填写说明：带*为必填项；上传时把不必要的内容清空"},
		{"序号", "姓名*", "证件号码*", "性别", "所属企业/工会*", "入会时间*", "移动电话", "户籍类型"},
		{"", "必填", "必填，18位", "下拉选择", "必填", "yyyy-mm-dd", "11位手机号", "下拉选择"},
		{"示例", "张三", "110101199001011234", "男", "XX公司工会", "2020-01-01", "13800138000", "农业户口"},
		{1, "陈建国", "350303199002033073", "男", "青山机械", "2010-07-01", "0591-87654321", "城镇"},
		{2, "林秀英", "500154199804106120", "女", "青山机械", "2016-03-15", "13905920002", "农村"},
		{3, "黄志明", "110101199003078670", "男", "青山机械厂", "2016-09-01", "139059200", "农村"},
		{"注：以上信息已核对"},
		{"合计", "3人"},
		{"制表人：陈秘书", "", "审核人：林主席", "", "", "日期：2025年5月20日"},
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range []string{"A1:H1", "A2:H2", "A9:H9"} {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "会员信息采集表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A template's hints, example, note and footer are no members; 青山机械
// is taken as the registered 青山机械厂, and the preview says so.
func TestGoldenPreviewOfATemplate(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		choosePath(t, hs, unionTemplate(t))
		p := top[*preview](t, hs)
		pl := p.plan
		if pl.Stats.Read != 3 || pl.Stats.Problems != 1 || pl.Ignored != 5 || len(pl.UnitMatches) != 1 || len(pl.NewUnits) != 0 {
			t.Errorf("stats %+v, ignored %d, matches %+v, new units %v", pl.Stats, pl.Ignored, pl.UnitMatches, pl.NewUnits)
		}
		uitest.Contains(t, hs.Screen(), hs.C.T("importer.unit_matches", 1), hs.C.T("importer.ignored", 5))
		hs.RequireGolden()
	})
}

// The option line and the footer fit 100 columns in both languages, with
// every option at its longest.
func TestOptionsAndFooterFit100Columns(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs := open(t, importStore(t), lang, 100, 30)
		p := loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位\n张三,350303199002033073,男,青山机械\n李四,110101199003078670,男,新开的厂\n合计,2人\n")
		hs.Keys("t")
		hs.Type("2023-05-01")
		hs.Keys("enter", "d", "d", "s", "c", "p")
		if p.imp.set.dup != roster.DupUpdate || !p.imp.set.skipInvalid || !p.imp.set.createUnits || p.joinDate == 0 ||
			len(p.plan.UnitMatches) != 1 || p.plan.Ignored != 1 {
			t.Fatalf("%s: settings %+v, join date %v, matches %v, ignored %d", lang.Code(), p.imp.set, p.joinDate, p.plan.UnitMatches, p.plan.Ignored)
		}
		lines := strings.Split(hs.Screen(), "\n")
		options, footer := lines[3], lines[len(lines)-1]
		for name, l := range map[string]string{"options": options, "notices": lines[4], "stats": lines[1], "footer": footer} {
			l = strings.TrimRight(l, " ")
			if widget.Width(l) > 100 || strings.HasSuffix(l, "~") {
				t.Errorf("%s: the %s line is cut at 100 columns: %q", lang.Code(), name, l)
			}
		}
		uitest.Contains(t, options, hs.C.T("importer.join_date_set", "2023-05-01"), hs.C.T("importer.dup_update"),
			hs.C.T("importer.invalid_skip"), hs.C.T("importer.units_yes"))
		uitest.Contains(t, footer, "i ", "p ", "m ", "k ", "u ", "r ")
	}
}

// u lists the unit names taken as registered units; space refuses one,
// and esc checks the file again with it as a unit of its own.
func TestGoldenUnitNames(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		p := loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械,2023-05-01\n李四,110101199003078670,男,青山机械,2023-05-01\n")
		if p.plan.Stats.Valid != 2 || len(p.plan.UnitMatches) != 1 {
			t.Fatalf("stats %+v, matches %v", p.plan.Stats, p.plan.UnitMatches)
		}
		hs.Keys("u")
		top[*unitNames](t, hs)
		hs.Keys("space")
		uitest.Contains(t, hs.Screen(), hs.C.T("import.unit_match_refused", "青山机械", "青山机械厂", 2))
		hs.RequireGolden()
		hs.Keys("esc")
		if top[*preview](t, hs) != p || !p.plan.UnitMatches[0].Refused || p.plan.Stats.Problems != 2 || len(p.plan.NewUnits) != 1 {
			t.Errorf("refused: matches %+v, stats %+v, new units %v", p.plan.UnitMatches, p.plan.Stats, p.plan.NewUnits)
		}
		// taken back: the rows go to the registered unit again
		hs.Keys("u", "space", "esc")
		if p.plan.UnitMatches[0].Refused || p.plan.Stats.Valid != 2 {
			t.Errorf("taken back: matches %+v, stats %+v", p.plan.UnitMatches, p.plan.Stats)
		}
		hs.Keys("s", "i")
		if r := top[*imported](t, hs); r.err != nil || r.res.Created != 2 || r.res.UnitsCreated != 0 {
			t.Errorf("import: %v %+v", r.err, r.res)
		}
		if us, _ := hs.C.Store.Units(); len(us) != 1 {
			t.Errorf("%d units: 青山机械 was made again", len(us))
		}
	})
}

// r writes the problems report: the chooser opens in the roster's folder
// with a name made of the roster's, and the status line says where it
// went.
func TestReportFromThePreview(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs := newPage(t, lang)
		path := unionTemplate(t)
		choosePath(t, hs, path)
		top[*preview](t, hs)
		hs.Keys("r")
		top[*filechooser.Screen](t, hs)
		want := filepath.Join(filepath.Dir(path), hs.C.T("importer.report_name", "会员信息采集表"))
		uitest.Contains(t, uitest.Screen(hs.P.View()), filepath.Base(want))
		hs.Keys("enter")
		top[*preview](t, hs)
		if hs.Status.Error || !strings.Contains(hs.Status.Text, want) {
			t.Fatalf("status %+v, want %s", hs.Status, want)
		}
		f, err := excelize.OpenFile(want)
		if err != nil {
			t.Fatal(err)
		}
		head, _ := f.GetCellValue("Sheet1", "I3")
		bad, _ := f.GetCellValue("Sheet1", "I8")
		title, _ := f.GetMergeCells("Sheet1")
		f.Close()
		if !strings.HasPrefix(head, roster.ProblemsHeader) || bad == "" || len(title) != 3 {
			t.Errorf("%s: report I3 %q, I8 %q, merges %d", lang.Code(), head, bad, len(title))
		}
	}
}

// A file that cannot be read says why, in full, with what the import reads.
func TestGoldenUnreadable(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, importStore(t), lang, w, h)
		path := filepath.Join(t.TempDir(), "花名册.xls")
		if err := os.WriteFile(path, []byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0}, 0o600); err != nil {
			t.Fatal(err)
		}
		choosePath(t, hs, path)
		top[*unreadable](t, hs)
		hs.RequireGolden()
	})
}

// ctrl+o on the export form's folder opens the folder chooser; the folder
// chosen fills the field.
func TestExportFolderFromTheChooser(t *testing.T) {
	hs := open(t, exportStore(t), i18n.ZH, 80, 28)
	hs.Keys("E")
	f := setField(t, hs, exDir, "")
	dir := t.TempDir()
	hs.Keys("ctrl+o")
	top[*filechooser.Screen](t, hs)
	hs.Keys("ctrl+u")
	hs.Type(dir)
	hs.Keys("ctrl+s")
	if top[*exportForm](t, hs) != f || f.dir.Value() != dir || f.dirErr != nil {
		t.Errorf("folder %q (%v), want %q", f.dir.Value(), f.dirErr, dir)
	}
}

// E on the past exports takes the list out as shown, through the file
// chooser.
func TestPastExportsAsAList(t *testing.T) {
	hs := open(t, exportStore(t), i18n.EN, 80, 28)
	recordExports(t, hs)
	hs.Keys("h", "E")
	top[*filechooser.Screen](t, hs)
	uitest.Contains(t, uitest.Screen(hs.P.View()), hs.C.T("exportui.history_list"))
}

// The imported members carry what the template said: the landline, the
// household registration.
func TestTemplateMembersAsImported(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	choosePath(t, hs, unionTemplate(t))
	hs.Keys("s", "i")
	if r := top[*imported](t, hs); r.err != nil || r.res.Created != 2 {
		t.Fatalf("import %v %+v", r.err, r.res)
	}
	ms, _ := hs.C.Store.Members()
	byName := map[string]model.Member{}
	for _, m := range ms {
		byName[m.Name] = m
	}
	if m := byName["陈建国"]; m.Phone != "0591-87654321" || m.Migrant {
		t.Errorf("陈建国: %+v", m)
	}
	if m := byName["林秀英"]; !m.Migrant {
		t.Errorf("林秀英: %+v", m)
	}
	uitest.Contains(t, screen(t, hs), hs.C.T("importer.skipped", 6), hs.C.T("importer.left_out", 1))
}

// A row's own screen says which registered unit its unit name was taken
// as, and why.
func TestRowSaysWhichUnitItWasTakenAs(t *testing.T) {
	hs := newPage(t, i18n.ZH)
	loadFile(t, hs, "r.csv", "姓名,身份证号,性别,工作单位,入会时间\n张三,350303199002033073,男,青山机械,2023-05-01\n")
	hs.Keys("enter")
	top[*row](t, hs)
	uitest.Contains(t, flat(hs), squeeze(hs.C.T("importer.row_unit_match", "青山机械", "青山机械厂", hs.C.T("import.match_core"))))
}
