package search

import (
	"sort"
	"strings"
	"testing"
	"unsafe"
)

func TestMatch(t *testing.T) {
	type member struct{ name, no, phone, id string }
	zhang := member{"张三", "000123", "13800138000", "11010119900307663X"}
	cases := []struct {
		m     member
		query string
		want  bool
	}{
		// name substrings
		{zhang, "张三", true},
		{zhang, "三", true},
		{zhang, "张", true},
		{zhang, " 张三 ", true},
		{zhang, "张 三", true},
		{zhang, "李", false},
		{zhang, "三张", false},
		// initials
		{zhang, "zs", true},
		{zhang, "z", true},
		{zhang, "s", true},
		{zhang, "ZS", true},
		{zhang, "ＺＳ", true},
		{zhang, "ｚｓ", true},
		{zhang, "sz", false},
		{zhang, "zsz", false},
		{zhang, "l", false},
		{member{"李四", "", "", ""}, "zs", false},
		{member{"李四", "", "", ""}, "ls", true},
		{member{"重庆", "", "", ""}, "cq", true},
		{member{"重庆", "", "", ""}, "zq", true},
		{member{"重庆", "", "", ""}, "tq", false}, // tóng is an archaic reading
		{member{"重庆", "", "", ""}, "qc", false},
		{member{"单", "", "", ""}, "s", true},
		{member{"单", "", "", ""}, "d", true},
		{member{"单", "", "", ""}, "c", true},
		{member{"单", "", "", ""}, "z", false},
		{member{"曾", "", "", ""}, "z", true},
		{member{"曾", "", "", ""}, "c", true},
		{member{"曾小明", "", "", ""}, "zxm", true},
		{member{"曾小明", "", "", ""}, "xm", true},
		{member{"曾小明", "", "", ""}, "zm", false},
		// full pinyin, every reading, abbreviated syllables
		{zhang, "zhangsan", true},
		{zhang, "zhangs", true},
		{zhang, "zhang san", true},
		{zhang, "san", true},
		{zhang, "zsan", true},
		{zhang, "zhs", true},
		{zhang, "zhangsi", false},
		{zhang, "han", false},
		{zhang, "sanzhang", false},
		{member{"曾小明", "", "", ""}, "zengxiaoming", true},
		{member{"曾小明", "", "", ""}, "cengxiaoming", true},
		{member{"曾小明", "", "", ""}, "xiaom", true},
		{member{"单田芳", "", "", ""}, "shantianfang", true},
		{member{"单田芳", "", "", ""}, "dantf", true},
		{member{"吕布", "", "", ""}, "lvbu", true},
		{member{"吕布", "", "", ""}, "lubu", true},
		{member{"李四", "", "", ""}, "zhangsan", false},
		{member{"李四", "", "", ""}, "lisi", true},
		{member{"李四", "", "", ""}, "lis", true},
		{member{"李四", "", "", ""}, "lisan", false},
		{member{"西安", "", "", ""}, "xi'an", true},
		// minority names with middle dots
		{member{"阿依古丽·买买提", "", "", ""}, "ayglmmt", true},
		{member{"阿依古丽·买买提", "", "", ""}, "glm", true},
		{member{"阿依古丽·买买提", "", "", ""}, "买买提", true},
		{member{"阿依古丽·买买提", "", "", ""}, "古丽买买", true},
		{member{"阿依古丽·买买提", "", "", ""}, "古丽·买买", true},
		{member{"阿依古丽·买买提", "", "", ""}, "guli", true},
		{member{"阿依古丽·买买提", "", "", ""}, "gulimaimaiti", true},
		{member{"阿依古丽•买买提", "", "", ""}, "ayglmmt", true},
		{member{"阿依古丽·买买提", "", "", ""}, "zs", false},
		// Latin names
		{member{"John Smith", "", "", ""}, "smith", true},
		{member{"John Smith", "", "", ""}, "SMI", true},
		{member{"John Smith", "", "", ""}, "n s", true},
		{member{"John Smith", "", "", ""}, "js", true},
		{member{"John Smith", "", "", ""}, "johnsmith", true},
		{member{"John Smith", "", "", ""}, "john  smith", true},
		{member{"John Smith", "", "", ""}, "jones", false},
		{member{"John Smith", "", "", ""}, "sj", false},
		// numbers
		{zhang, "000123", true},
		{zhang, "0012", true},
		{zhang, "1380013", true},
		{zhang, "138 0013 8000", true},
		{zhang, "138-0013", true},
		{zhang, "8000", true},
		{zhang, "19900307", true},
		{zhang, "663x", true},
		{zhang, "663X", true},
		{zhang, "7663x", true},
		{zhang, "１９９０", true},
		{zhang, "4242", false},
		{zhang, "x", false},
		{zhang, "3x", true},
		{zhang, "123 张", false},
		{member{"王五", "HY-2024-0007", "0571-8888 1234", "E12345678"}, "hy2024", true},
		{member{"王五", "HY-2024-0007", "0571-8888 1234", "E12345678"}, "057188881234", true},
		{member{"王五", "HY-2024-0007", "0571-8888 1234", "E12345678"}, "0571-8888", true},
		{member{"王五", "HY-2024-0007", "0571-8888 1234", "E12345678"}, "e123", true},
		// fields do not run into each other
		{member{"王五", "12", "34", ""}, "1234", false},
		// the empty query
		{zhang, "", true},
		{zhang, "   ", true},
		{member{"", "", "", ""}, "", true},
		{member{"", "", "", ""}, "z", false},
	}
	for _, c := range cases {
		k := NewKey(c.m.name, c.m.no, c.m.phone, c.m.id)
		if got := k.Match(Compile(c.query)); got != c.want {
			t.Errorf("%q (%s %s %s) matching %q = %v, want %v", c.m.name, c.m.no, c.m.phone, c.m.id, c.query, got, c.want)
		}
		sv := k.Sieve()
		q := Compile(c.query)
		if got, sure := sv.Decide(&q); sure && got != c.want {
			t.Errorf("the sieve of %q (%s %s %s) says %v of %q, want %v", c.m.name, c.m.no, c.m.phone, c.m.id, got, c.query, c.want)
		}
	}
}

// The sieve decides a first letter typed (the keystroke that tests every
// member) and rules out what cannot match; what it leaves open the key
// decides.
func TestSieveDecides(t *testing.T) {
	zhang := NewKey("张三", "000123", "13800138000", "11010119900307663X")
	li := NewKey("李四", "000124", "13900139000", "110101199003076631")
	for _, c := range []struct {
		k           Key
		query       string
		match, sure bool
	}{
		{zhang, "z", true, true},
		{li, "z", false, true},
		{zhang, "", true, true},
		{zhang, "zs", false, false},   // the key's readings decide
		{zhang, "张", false, false},    // the name is read
		{li, "4242", false, true},     // no pair of it in the numbers
		{zhang, "8000", false, false}, // the numbers are read
	} {
		sv := c.k.Sieve()
		q := Compile(c.query)
		m, sure := sv.Decide(&q)
		if m != c.match || sure != c.sure {
			t.Errorf("sieve of %q on %q: match %v sure %v, want %v %v", c.k.Name(), c.query, m, sure, c.match, c.sure)
		}
	}
}

func TestCompile(t *testing.T) {
	if !Compile("").Empty() || !Compile(" \u3000 ").Empty() || !Compile("·").Empty() {
		t.Error("blank queries must be empty")
	}
	if Compile("z").Empty() {
		t.Error("z is not empty")
	}
	for in, want := range map[string]string{
		"ＺＳ":          "zs",
		"  Zhang  ":   "zhang",
		"张 三":         "张三",
		"John  Smith": "john smith",
		"古丽·买买":       "古丽买买",
	} {
		if got := Compile(in).String(); got != want {
			t.Errorf("Compile(%q) = %q, want %q", in, got, want)
		}
	}
	var zero Query
	k := NewKey("张三", "", "", "")
	if !zero.Empty() || !k.Match(zero) {
		t.Error("the zero Query matches everything")
	}
}

func TestWithin(t *testing.T) {
	cases := []struct {
		prev, q string
		want    bool
	}{
		{"", "z", true},
		{"z", "zs", true},
		{"zh", "zhang", true},
		{"张", "张三", true},
		{"13", "138", true},
		{"zs", "z", false},
		{"z", "s", false},
		{"x", "x1", false}, // "x" is not a number query, "x1" is
		{"john", "john s", true},
		{"a b", "a b张", false},
	}
	for _, c := range cases {
		if got := Compile(c.q).Within(Compile(c.prev)); got != c.want {
			t.Errorf("%q within %q = %v, want %v", c.q, c.prev, got, c.want)
		}
	}
	// Within is sound on the benchmark roster: narrowing gives what a full
	// scan gives.
	keys := roster(5000)
	for _, typed := range []string{"zhangs", "zxm", "138001", "李小", "wangf"} {
		var prev Query
		var rows []int
		for i := range keys {
			rows = append(rows, i)
		}
		for n := 1; n <= len(typed); n++ {
			q := Compile(typed[:n])
			if !q.Within(prev) {
				rows = rows[:0]
				for i := range keys {
					rows = append(rows, i)
				}
			}
			kept := rows[:0]
			for _, i := range rows {
				if keys[i].Match(q) {
					kept = append(kept, i)
				}
			}
			rows = kept
			full := 0
			for i := range keys {
				if keys[i].Match(q) {
					full++
				}
			}
			if full != len(rows) {
				t.Errorf("%q: narrowing kept %d rows, full scan %d", typed[:n], len(rows), full)
			}
			prev = q
		}
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	k := NewKey("阿依古丽·买买提", "000123", "13800138000", "11010119900307663X")
	for _, s := range []string{"z", "zs", "ayglmmt", "gulimaimaiti", "guliz", "1234", "买买", "x"} {
		q := Compile(s)
		if n := testing.AllocsPerRun(100, func() { k.Match(q) }); n != 0 {
			t.Errorf("Match(%q) allocates %v times", s, n)
		}
	}
}

func TestPathologicalNameStaysFast(t *testing.T) {
	// Many elements that each spell a run of a's: the pinyin search must
	// not try every split.
	name := strings.Repeat("aaaaaaaa ", 40)
	k := NewKey(name, "", "", "")
	q := Compile(strings.Repeat("a", 60) + "b")
	if k.Match(q) {
		t.Fatal("unexpected match")
	}
	if n := testing.AllocsPerRun(10, func() { k.Match(q) }); n != 0 {
		t.Errorf("allocates %v", n)
	}
}

func TestKeySize(t *testing.T) {
	// 100,000 keys: 4 MB of Key values plus about 100 bytes of data each.
	if n := unsafe.Sizeof(Key{}); n > 40 {
		t.Errorf("Key is %d bytes, want at most 40", n)
	}
	if n := unsafe.Sizeof(Sieve{}); n > 24 {
		t.Errorf("Sieve is %d bytes, want at most 24", n)
	}
	k := NewKey("张三", "000123", "13800138000", "11010119900307663X")
	if k.Size() > 100 {
		t.Errorf("key data is %d bytes", k.Size())
	}
	if k.Name() != "张三" {
		t.Errorf("Name() = %q", k.Name())
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"张三":         "zs",
		"重庆":         "zq",
		"阿依古丽·买买提":   "ayglmmt",
		"John Smith": "js",
		"":           "",
		"吕":          "l",
		"张 三":        "zs",
		"ＺＳ":         "z",
	} {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNameSortKey(t *testing.T) {
	sorted := func(names []string) []string {
		out := append([]string(nil), names...)
		sort.Slice(out, func(i, j int) bool { return NameSortKey(out[i]) < NameSortKey(out[j]) })
		return out
	}
	cases := [][]string{
		{"阿", "白", "陈", "张", "赵"},
		{"李", "李四", "李五", "连杰", "林"},          // syllable by syllable: li < lian < lin
		{"曾", "张三", "赵六"},                     // 曾 reads zēng as a surname
		{"单", "沈", "盛"},                       // 单 reads shàn: shan < shen < sheng
		{"阿", "Anna", "白", "Bob", "张", "Zoe"}, // a < anna: syllable first
		{"李四", "李四"},
		{"阿依古丽·买买提", "艾力", "白玛"},
		{"欧阳娜娜", "潘", "钱"},
		{"魏", "于", "尉迟恭"}, // 尉迟 reads yùchí
		{"王", "王一", "王一一"},
	}
	for _, want := range cases {
		for _, perm := range [][]string{reverse(want), rotate(want)} {
			if got := sorted(perm); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("sorted %v = %v, want %v", perm, got, want)
			}
		}
	}
	// Same pinyin and tone, different characters: grouped by character.
	got := sorted([]string{"李安", "里安", "李四"})
	if got[0] != "李安" || got[1] != "李四" {
		t.Errorf("same surname must group: %v", got)
	}
	if NameSortKey("王五") == NameSortKey("王伍") {
		t.Error("different names must get different keys")
	}
}

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func rotate(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append(append([]string(nil), s[1:]...), s[0])
}
