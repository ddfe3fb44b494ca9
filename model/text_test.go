package model

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"":                "",
		"  abc  ":         "abc",
		"ＡＢＣ１２３":          "ABC123",
		"１２.５０":           "12.50",
		"\u00a012\u00a0":  "12",
		"\u300012\u3000":  "12",
		"a\tb":            "a b",
		"\t12\t":          "12",
		"a\r\nb":          "a  b",
		"\ufeff123":       "123",
		"12\u200b3":       "123",
		"a\x00b\x1b[31mc": "abc", // no control character or escape sequence reaches the terminal
		"（福州）有限公司":        "(福州)有限公司",
		"你好。「引号」、":        "你好。「引号」、", // Chinese punctuation is not turned half-width
		"ｱｲｳ":             "アイウ",
		"￥１２":             "¥12",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	cases := map[string]string{
		"  已退休，返聘。 ":     "已退休，返聘。",
		"３号楼（东）":         "3号楼（东）",
		"ＡＢＣ公司":          "ABC公司",
		"第一行\n第二行":       "第一行 第二行",
		"\u3000\u3000缩进": "缩进",
		"a\u00a0b":       "a b",
		"x\x1b[2Jy":      "xy",
		"备注：无":           "备注：无",
	}
	for in, want := range cases {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanName(t *testing.T) {
	cases := map[string]string{
		"张三":               "张三",
		"张 三":              "张三",
		"张\u3000三":         "张三",
		" 张\u00a0\u00a0三 ": "张三",
		"张\t三":             "张三",
		"欧阳  小明":           "欧阳小明",
		"John  Smith":      "John Smith",
		" John\tSmith ":    "John Smith",
		"Ｊｏｈｎ Ｓｍｉｔｈ":       "John Smith",
		"买买提・艾力":           "买买提·艾力",
		"买买提•艾力":           "买买提·艾力",
		"买买提 · 艾力":         "买买提·艾力",
		"买买提·艾力":           "买买提·艾力",
		"":                 "",
	}
	for in, want := range cases {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := NormalizeUnitName(" 福州 XX 有限公司 工会 "); got != "福州XX有限公司工会" {
		t.Errorf("NormalizeUnitName = %q", got)
	}
}

func TestErrorsQuoteInputShortAndClean(t *testing.T) {
	long := strings.Repeat("很长的文字", 20)
	for _, err := range []error{errOf(ParseMoney(long)), errOf(ParseDate(long)), errOf(ParseMonth(long))} {
		msg := err.Error()
		if strings.Contains(msg, long) || !strings.Contains(msg, "…") {
			t.Errorf("message not shortened: %q", msg)
		}
	}
	if _, err := ParseMoney(" １２.３４５ "); err == nil || !strings.Contains(err.Error(), `"12.345"`) {
		t.Errorf("message should quote the cleaned input: %v", err)
	}
}

func errOf[T any](_ T, err error) error { return err }

// Bidi controls reverse what the TUI and the workbooks show ("abc\u202Efed"
// reads "abcdef"); every cleaner drops them, and ESC with them.
func TestCleanersDropBidiAndEscapes(t *testing.T) {
	bidi := []rune{'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'}
	for _, r := range bidi {
		in := "张" + string(r) + "三\x1b]0;title\a"
		for name, f := range map[string]func(string) string{
			"Clean": Clean, "CleanText": CleanText, "CleanName": CleanName, "StripUnsafe": StripUnsafe, "CleanLines": CleanLines,
		} {
			got := f(in)
			if strings.ContainsRune(got, r) || strings.ContainsAny(got, "\x1b\a") {
				t.Errorf("%s(%q) = %q keeps U+%04X or an escape", name, in, got, r)
			}
			if !strings.HasPrefix(got, "张三") {
				t.Errorf("%s(%q) = %q lost the name", name, in, got)
			}
		}
	}
}

// A terminal escape sequence goes whole, not only its ESC: what the
// reviewer stored from a package was "]0;PWNED李[2J四".
func TestCleanersDropWholeEscapeSequences(t *testing.T) {
	for _, in := range []string{
		"\x1b]0;PWNED\a李\x1b[2J四",        // OSC title, CSI clear screen
		"李\x1b]0;PWNED\x1b\\四\x1b[0m",    // OSC ended by ST, SGR reset
		"\u009d0;PWNED\u009c李\u009b2J四",  // the same in C1 (8-bit) form
		"李\x1bP1;2|data\x1b\\四",          // DCS
		"李\x1b_apc payload\x1b\\四\x1b(B", // APC, a charset designation
	} {
		for name, f := range map[string]func(string) string{
			"Clean": Clean, "CleanText": CleanText, "CleanName": CleanName, "StripUnsafe": StripUnsafe, "CleanLines": CleanLines,
		} {
			if got := f(in); got != "李四" {
				t.Errorf("%s(%q) = %q, want 李四", name, in, got)
			}
		}
	}
	for _, plain := range []string{"[2J 是普通文字", "a]0;b", "费用 ¥12.50；备注\t完"} {
		if got := StripEscapes(plain); got != plain {
			t.Errorf("StripEscapes(%q) = %q: text without escapes changed", plain, got)
		}
	}
}

func TestStripUnsafeKeepsTextAsWritten(t *testing.T) {
	cases := map[string]string{
		"第一行\n第二行\t完":         "第一行\n第二行\t完",
		"  spaces kept  ":     "  spaces kept  ",
		"a\x00b\x1b[2Jc\x7fd": "abcd",
		"\u009b31m红":          "红", // C1 CSI
		"bad\xffbyte":         "badbyte",
		"\ufffd stays":        "\ufffd stays",
		"\u202eevil.exe":      "evil.exe",
		"ｆｕｌｌ　ｗｉｄｔｈ kept":     "ｆｕｌｌ　ｗｉｄｔｈ kept",
	}
	for in, want := range cases {
		if got := StripUnsafe(in); got != want {
			t.Errorf("StripUnsafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CleanLines(" 一\r\n二\x1b \n"); got != "一\n二" {
		t.Errorf("CleanLines = %q", got)
	}
}

// Every record's Normalize, which every write calls before Validate,
// removes them from every text field a user or a file can fill.
func TestNormalizeDropsBidiEverywhere(t *testing.T) {
	const evil = "\u202e\x1b[2J"
	m := Member{Name: "张三" + evil, Job: "焊工" + evil, Notes: "备注" + evil, Honours: "劳模" + evil, No: "M1" + evil}
	m.Normalize()
	u := Unit{Name: "青山厂" + evil, Chair: "李四" + evil, Address: "路" + evil, Notes: "n" + evil}
	u.Normalize()
	e := Event{Title: "运动会" + evil, Place: "操场" + evil, Summary: "一\n二" + evil, Attachments: []string{"a.jpg" + evil}}
	e.Normalize()
	p := Profile{UnionName: "青山镇总工会" + evil, HigherUnion: "区总工会" + evil, Operator: "王五" + evil}
	p.Normalize()
	l := LedgerEntry{Counterparty: "某公司" + evil, Memo: "会费" + evil}
	l.Normalize()
	a := AidRecord{Goods: "米" + evil, Approver: "赵六" + evil, Notes: "n" + evil}
	a.Normalize()
	f := HardshipFile{Address: "路" + evil, Notes: "n" + evil, PairedCadre: "钱七" + evil}
	f.Normalize()
	for _, s := range []string{m.Name, m.Job, m.Notes, m.Honours, m.No, u.Name, u.Chair, u.Address, u.Notes,
		e.Title, e.Place, e.Summary, e.Attachments[0], p.UnionName, p.HigherUnion, p.Operator,
		l.Counterparty, l.Memo, a.Goods, a.Approver, a.Notes, f.Address, f.Notes, f.PairedCadre} {
		if strings.ContainsAny(s, "\u202e\x1b") {
			t.Errorf("%q kept a bidi control or an escape", s)
		}
	}
	if e.Summary != "一\n二" {
		t.Errorf("summary %q: its line break must stay", e.Summary)
	}
}

// Clean leaves width.Fold out only where it would change nothing: every
// rune, and bytes that are not UTF-8, clean as they did when every
// string was folded.
func TestCleanFoldsWhatWidthFoldChanges(t *testing.T) {
	t.Parallel()
	folded := func(s string) string {
		return strings.TrimSpace(spaces(width.Fold.String(StripEscapes(s))))
	}
	check := func(s string) {
		if got, want := Clean(s), folded(s); got != want {
			t.Fatalf("Clean(%q) = %q, folding always gives %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		check("a" + string(r) + "b")
	}
	for _, s := range []string{"\xff", "张\xe5\xbc", "\xc0\x80", "ＡＢＣ１２３", "ｶﾀｶﾅ", "张三　", "\x1b[31m红\x1b[0m"} {
		check(s)
	}
}
