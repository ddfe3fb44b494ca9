package model

import (
	"strings"
	"testing"
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
		"a\x00b\x1b[31mc": "ab[31mc", // no control characters reach the terminal
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
		"x\x1b[2Jy":      "x[2Jy",
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
