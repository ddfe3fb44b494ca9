package roster

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"unionbook/i18n"
	"unionbook/model"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/; run longer with
// go test ./roster -fuzz FuzzReadCSV -fuzztime 1m.

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("姓名,身份证号\n张三,350303199002033073\n"))
	f.Add([]byte("\xef\xbb\xbf姓名;单位\r\n\"李\r\n四\";厂\r\n"))
	f.Add([]byte("\xd0\xd5\xc3\xfb\t\xc9\xed\xb7\xdd\xd6\xa4\xba\xc5\n"))
	f.Add([]byte("\xff\xfeA\x00,\x00B\x00\n\x00"))
	f.Add([]byte("\"unterminated,a\nb"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := ReadCSV(data)
		if errors.Is(err, i18n.E("import.csv_unclosed_quote")) && utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
			// a quote and a line break close what was open
			if _, err := ReadCSV(append(data, '"', '\n')); errors.Is(err, i18n.E("import.csv_unclosed_quote")) {
				t.Fatalf("%q still has an open quote after a closing one", data)
			}
		}
		if err != nil {
			return
		}
		last := 0
		for _, r := range tab.Rows {
			if r.Num <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.Num, last)
			}
			last = r.Num
			if len(r.Cells) > tab.Width {
				t.Fatalf("row wider than the table")
			}
			for _, c := range r.Cells {
				if !utf8.ValidString(c) {
					t.Fatalf("invalid UTF-8 cell %q", c)
				}
			}
		}
		for _, k := range []Kind{Members, Units} {
			h := FindHeader(tab, k)
			if h.Index >= len(tab.Rows) {
				t.Fatal("header beyond the rows")
			}
		}
	})
}

func FuzzMatchHeader(f *testing.F) {
	for _, s := range []string{"姓名", "公民身份号码（必填）*", "ID number", "Name / 姓名", "（）", "【", "＊", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []Kind{Members, Units} {
			fld, ok := MatchHeader(k, s)
			if ok == (fld == "") {
				t.Fatalf("%q: ok %v with field %q", s, ok, fld)
			}
			// matching is stable under surrounding spaces
			if g, ok2 := MatchHeader(k, " "+s+" "); ok2 != ok || g != fld {
				t.Fatalf("%q: spaces change the match", s)
			}
		}
	})
}

func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"45047", "2023/5/1", "2023年5月1日", "202305", "1.10101E+17", "男", "是", "120人", "１３８００１３８０００", "2023-02-30", "99999.9", "9e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d1904 := range []bool{false, true} {
			if d, _, err := DateCell(s, d1904); err == nil && !d.Valid() {
				t.Fatalf("%q: invalid date %v accepted", s, d)
			}
		}
		if id, err := IDCell(s); err == nil && len(id) != 18 {
			t.Fatalf("%q: ID %q", s, id)
		}
		if p, err := PhoneCell(s); err == nil {
			// a mobile number, or a landline with its area code
			if again, err := model.NormalizePhone(p); err != nil || again != p {
				t.Fatalf("%q: phone %q", s, p)
			}
		}
		GenderCell(s)
		YesNoCell(s)
		IntCell(s)
		EducationCell(s)
		PoliticalCell(s)
		StatusCell(s)
		UnitKindCell(s)
		UnionTypeCell(s)
		if n := utf8.RuneCountInString(shortText(s)); n > 30 {
			t.Fatalf("shortText too long: %d", n)
		}
		_ = strings.TrimSpace(s)
	})
}
