package district

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// catalogueKey is what a raw catalogue key or internal code looks like in
// a cell: "unit_kind.170", "direction.in", "pay.bank", "dues_batch 1".
var catalogueKey = regexp.MustCompile(`\b[a-z][a-z_]*\.[a-z0-9_]+\b|\b(?:dues_batch|dues|aid|event|consolation|funds) \d+\b`)

// asciiWord is a code in a Chinese sheet: yes/no, "wages", "birthday".
var asciiWord = regexp.MustCompile(`\b[a-z_]{2,}\b`)

// freeText says whether a clause shows a value nobody translates: a file
// name or a checksum.
func freeText(l i18n.Lang, clause string) bool {
	for _, f := range []string{"file", "sha256", "closing_digest"} {
		if strings.HasPrefix(clause, model.AuditFieldName(l, f)+": ") {
			return true
		}
	}
	return false
}

// auditRows reads the audit workbook of a package written in l: every row
// under the column titles.
func auditRows(t *testing.T, files map[string][]byte, l i18n.Lang) [][]string {
	t.Helper()
	var book []byte
	for name, b := range files {
		if strings.HasPrefix(name, "reports/") && strings.Contains(name, l.T("export.r_audit")) {
			book = b
		}
	}
	if book == nil {
		t.Fatal("no audit workbook in the package")
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == l.T("export.c_audit_id") {
			return rows[i+1:]
		}
	}
	t.Fatal("no column titles on the audit sheet")
	return nil
}

// The exported audit log reads as the log on screen: no catalogue keys, no
// yes/no in Chinese, created records show their values (not "0 -> 20"),
// units and accounts by name.
func TestAuditSheetReadsInTheUsersLanguage(t *testing.T) {
	st := demoStore(t, 7, "", 120)
	units, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	u := units[0]
	u.Kind = model.UnitKind(400)
	u.OpenAffairs = !u.OpenAffairs
	if err := st.UpdateUnit("test", &u); err != nil {
		t.Fatal(err)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		t.Run(l.Code(), func(t *testing.T) {
			res := writePkg(t, st, "2026", func(o *PackageOptions) { o.Lang = l })
			rows := auditRows(t, zipFiles(t, res.Path), l)
			seen := map[string]bool{}
			for _, r := range rows {
				for len(r) < 8 {
					r = append(r, "")
				}
				action, entity, changes := r[3], r[4], r[7]
				seen[entity] = true
				line := strings.Join(r, " | ")
				if m := catalogueKey.FindString(action + " " + entity + " " + changes); m != "" {
					t.Errorf("raw key %q in %s", m, line)
				}
				if l == i18n.ZH {
					for _, clause := range strings.Split(changes, l.T("audit.sep")) {
						if m := asciiWord.FindString(clause); m != "" && !freeText(l, clause) {
							t.Errorf("an English word %q in Chinese: %s", m, line)
						}
					}
				}
				if action == model.ActionCreate.Text(l) && (strings.Contains(changes, "→") || strings.Contains(changes, "->")) {
					t.Errorf("a created record shows a change: %s", line)
				}
			}
			for _, e := range []model.Entity{model.EntityUnit, model.EntityMember, model.EntityPayment, model.EntityLedger} {
				if !seen[e.Text(l)] {
					t.Errorf("no %s row in the audit sheet (%d rows)", e.Text(l), len(rows))
				}
			}
			want := map[i18n.Lang][]string{
				i18n.ZH: {"单位类型: ", " -> 事业单位", "厂务公开: ", "缴费方式: ", "收支方向: "},
				i18n.EN: {"Unit kind: ", " -> public institution", "In/out: "},
			}[l]
			all := ""
			for _, r := range rows {
				all += strings.Join(r, " | ") + "\n"
			}
			for _, w := range want {
				if !strings.Contains(all, w) {
					t.Errorf("the sheet never says %q", w)
				}
			}
		})
	}
}
