package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestCataloguesHaveSameKeysAndNoEmptyStrings(t *testing.T) {
	for _, pair := range [][2]Lang{{ZH, EN}, {EN, ZH}} {
		for _, k := range Keys(pair[0]) {
			if !pair[1].Has(k) {
				t.Errorf("key %q is in the %s catalogue but not in %s", k, pair[0].Code(), pair[1].Code())
			}
		}
	}
	for _, l := range []Lang{ZH, EN} {
		for _, k := range Keys(l) {
			if strings.TrimSpace(l.T(k)) == "" {
				t.Errorf("%s: key %q is empty", l.Code(), k)
			}
		}
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

func TestFormatVerbsAgree(t *testing.T) {
	for _, k := range Keys(ZH) {
		zv, ev := verb.FindAllString(ZH.T(k), -1), verb.FindAllString(EN.T(k), -1)
		sort.Strings(zv)
		sort.Strings(ev)
		if strings.Join(zv, " ") != strings.Join(ev, " ") {
			t.Errorf("key %q: Chinese has verbs %v, English %v", k, zv, ev)
		}
	}
}

// The counts of "unionbook check" (storage.CheckReport.Counts) are each
// shown with one number: "check.count.<name>" takes exactly one %d.
func TestCheckCountsTakeTheirNumber(t *testing.T) {
	for _, l := range []Lang{ZH, EN} {
		for _, k := range Keys(l) {
			if strings.HasPrefix(k, "check.count.") && strings.Count(l.T(k), "%d") != 1 {
				t.Errorf("%s: %q is %q, without its number", l.Code(), k, l.T(k))
			}
		}
	}
}

// keyUse finds literal catalogue keys in the code: .T("key", i18n.E("key",
// and Problem-style `Key: "key"` fields.
var keyUse = regexp.MustCompile(`(?:\.T\(|\bE\(|Key:\s*)"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`)

func TestEveryKeyUsedInCodeExists(t *testing.T) {
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(src), -1) {
			if !ZH.Has(m[1]) {
				t.Errorf("%s uses key %q, which is not in the catalogues", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFromEnv(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, ZH},
		{map[string]string{"LANG": "en_US.UTF-8"}, EN},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, EN},
		{map[string]string{"LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, ZH},
		{map[string]string{"LANG": "C"}, EN},
		{map[string]string{}, ZH},
	}
	for _, c := range cases {
		if got := FromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("FromEnv(%v) = %s, want %s", c.env, got.Code(), c.want.Code())
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"zh": ZH, "EN": EN, "en-US": EN, "zh_CN": ZH} {
		got, ok := Parse(in)
		if !ok || got != want {
			t.Errorf("Parse(%q) = %v,%v", in, got, ok)
		}
	}
	if _, ok := Parse("fr"); ok {
		t.Error(`Parse("fr") should fail`)
	}
}

func TestErrorLocalizes(t *testing.T) {
	err := E("err.db_newer", 3, 2)
	if got := Text(err, ZH); !strings.Contains(got, "版本 3") {
		t.Errorf("zh text = %q", got)
	}
	if got := err.Error(); !strings.Contains(got, "version 3") {
		t.Errorf("en text = %q", got)
	}
}
