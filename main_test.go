package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unionbook/demo"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/storage"
)

// result is one in-process run of the program.
type result struct {
	code           int
	stdout, stderr string
}

func runEnv(env map[string]string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut, func(k string) string { return env[k] })
	return result{code, out.String(), errOut.String()}
}

// runZH runs with a Chinese environment, runEN with an English one.
func runZH(args ...string) result { return runEnv(map[string]string{"LANG": "zh_CN.UTF-8"}, args...) }
func runEN(args ...string) result { return runEnv(map[string]string{"LANG": "en_US.UTF-8"}, args...) }

func (r result) expect(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "unionbook.db") }

// flagNames lists a command's flags as they appear in its help.
func flagNames(cmd *command) []string {
	fs := newFlagSet(cmd)
	cmd.flags(fs)
	names := []string{"--help"}
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	return names
}

func TestHelpExplainsEveryFlag(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"--lang", lang, "--help"}} {
			r := runEnv(nil, append(args, "--lang", lang)...).expect(t, 0)
			for _, want := range append(flagNames(rootCommand), "demo", "stats", "help") {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("%v: help lacks %s:\n%s", args, want, r.stdout)
				}
			}
		}
		for _, cmd := range commands {
			for _, args := range [][]string{{cmd.name, "--help"}, {"help", cmd.name}, {cmd.name, "-h", "--db"}} {
				r := runEnv(nil, append(args, "--lang="+lang)...).expect(t, 0)
				for _, want := range flagNames(cmd) {
					if !strings.Contains(r.stdout, want) {
						t.Errorf("%v: help lacks %s:\n%s", args, want, r.stdout)
					}
				}
				if r.stderr != "" {
					t.Errorf("%v: stderr %q", args, r.stderr)
				}
			}
		}
	}
	zh := runZH("demo", "--help").expect(t, 0).stdout
	if !strings.Contains(zh, "用法：unionbook demo --db 路径") || !strings.Contains(zh, "会员人数") || !strings.Contains(zh, "7520") {
		t.Errorf("Chinese demo help:\n%s", zh)
	}
	en := runEN("stats", "--help").expect(t, 0).stdout
	if !strings.Contains(en, "Usage: unionbook stats --db PATH [--json]") {
		t.Errorf("English stats help:\n%s", en)
	}
}

func TestEveryCatalogueKeyOfTheCommandTableExists(t *testing.T) {
	var keys []string
	for _, cmd := range append([]*command{rootCommand}, commands...) {
		keys = append(keys, cmd.summary)
		if cmd.about != "" {
			keys = append(keys, cmd.about)
		}
		if cmd.args != "" {
			keys = append(keys, cmd.args)
		}
		fs := newFlagSet(cmd)
		cmd.flags(fs)
		fs.VisitAll(func(f *flag.Flag) {
			keys = append(keys, f.Usage)
			if !isBool(f) {
				keys = append(keys, f.Usage+"_arg")
			}
		})
	}
	for _, k := range keys {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if !l.Has(k) {
				t.Errorf("%s catalogue lacks %q", l.Code(), k)
			}
		}
	}
}

func TestVersion(t *testing.T) {
	r := runZH("--version").expect(t, 0)
	if r.stdout != "unionbook dev\n" {
		t.Errorf("version output %q", r.stdout)
	}
}

func TestBadUsageExitsTwoWithUsage(t *testing.T) {
	db := tempDB(t)
	cases := []struct {
		args []string
		msg  string // in Chinese
	}{
		{[]string{"frobnicate"}, "没有「frobnicate」这个命令"},
		{[]string{"--frob"}, "没有「--frob」这个选项"},
		{[]string{"stats", "--db", db, "--frob=1"}, "没有「--frob」这个选项"},
		{[]string{"demo"}, "请用 --db 指定"},
		{[]string{"stats", "--json"}, "请用 --db 指定"},
		{[]string{"stats", "--db"}, "选项 --db 后面需要一个值"},
		{[]string{"--lang", "fr"}, "不支持的语言「fr」"},
		{[]string{"stats", "--lang=klingon", "--db", db}, "不支持的语言「klingon」"},
		{[]string{"demo", "--db", db, "--members", "many"}, "「many」不是选项 --members 可用的值"},
		{[]string{"demo", "--db", db, "--members", "0"}, "会员人数应在 1 到"},
		{[]string{"demo", "--db", db, "--seed", "-1"}, "不是选项 --seed 可用的值"},
		{[]string{"stats", "--db", db, "extra"}, "多余的参数「extra」"},
		{[]string{"help", "nosuch"}, "没有「nosuch」这个命令"},
		{[]string{"--json", "stats"}, "请用 --db 指定"},
	}
	for _, c := range cases {
		r := runZH(c.args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (stderr %s)", c.args, r.code, r.stderr)
			continue
		}
		first, _, _ := strings.Cut(r.stderr, "\n")
		if !strings.Contains(first, c.msg) {
			t.Errorf("%v: first line %q lacks %q", c.args, first, c.msg)
		}
		if !strings.Contains(r.stderr, "用法：") || r.stdout != "" {
			t.Errorf("%v: no usage on stderr, or output on stdout:\n%s", c.args, r.stderr)
		}
	}
	// In English, from the environment or --lang.
	r := runEN("frobnicate").expect(t, 2)
	if !strings.HasPrefix(r.stderr, `unionbook: unknown command "frobnicate"`) || !strings.Contains(r.stderr, "Usage:") {
		t.Errorf("English usage error:\n%s", r.stderr)
	}
	r = runZH("--lang", "en", "stats").expect(t, 2)
	if !strings.HasPrefix(r.stderr, "unionbook: --db is required") {
		t.Errorf("--lang en usage error:\n%s", r.stderr)
	}
}

func TestLanguageDefaultsToChineseWithoutEnvironment(t *testing.T) {
	r := runEnv(nil, "stats").expect(t, 2)
	if !strings.Contains(r.stderr, "请用 --db 指定") {
		t.Errorf("no LANG: %s", r.stderr)
	}
}

func TestParseArgsAllowsInterspersedFlags(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	db := fs.String("db", "", "")
	js := fs.Bool("json", false, "")
	n := fs.Int("n", 1, "")
	pos, err := parseArgs(fs, []string{"members", "--db", "a.db", "FILE", "-json", "-n=3", "--", "--not-a-flag", "-"})
	if err != nil {
		t.Fatal(err)
	}
	if *db != "a.db" || !*js || *n != 3 || !reflect.DeepEqual(pos, []string{"members", "FILE", "--not-a-flag", "-"}) {
		t.Errorf("db %q json %v n %d pos %q", *db, *js, *n, pos)
	}
	*js = true
	if _, err := parseArgs(fs, []string{"--json=false", "--db=b=c"}); err != nil || *js || *db != "b=c" {
		t.Errorf("json %v db %q err %v", *js, *db, err)
	}
	for _, bad := range [][]string{{"--nope"}, {"--n"}, {"--n", "x"}, {"---db", "x"}, {"--json=maybe"}} {
		if _, err := parseArgs(fs, bad); err == nil {
			t.Errorf("%q parsed", bad)
		} else if _, ok := err.(*usageError); !ok {
			t.Errorf("%q: %T is not a usage error", bad, err)
		}
	}
}

func TestSplitCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		name string
		rest []string
	}{
		{[]string{"stats", "--db", "x"}, "stats", []string{"--db", "x"}},
		{[]string{"--lang", "en", "stats", "--json"}, "stats", []string{"--lang", "en", "--json"}},
		{[]string{"--db", "demo", "stats"}, "stats", []string{"--db", "demo"}},
		{[]string{"--db=x"}, "", []string{"--db=x"}},
		{nil, "", nil},
	} {
		name, rest := splitCommand(c.args)
		if name != c.name || !slices.Equal(rest, c.rest) {
			t.Errorf("splitCommand(%q) = %q %q", c.args, name, rest)
		}
	}
}

// statsJSON runs stats --json and decodes it, checking the exact key set.
func statsJSON(t *testing.T, db string) map[string]any {
	t.Helper()
	r := runZH("stats", "--json", "--db", db).expect(t, 0)
	if strings.Count(strings.TrimSpace(r.stdout), "\n") != 0 {
		t.Errorf("stats --json printed more than one line:\n%s", r.stdout)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var keys []string
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := []string{"cases", "dues", "events", "hardship", "members", "members_by_gender", "members_by_status", "migrant_members", "org", "top_units", "units"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	return v
}

func num(v any) int { return int(v.(float64)) }

func checkStats(t *testing.T, v map[string]any, units, members int) {
	t.Helper()
	if num(v["units"]) != units || num(v["members"]) != members {
		t.Errorf("units %v members %v, want %d %d", v["units"], v["members"], units, members)
	}
	byStatus := v["members_by_status"].(map[string]any)
	sum := 0
	for _, k := range []string{"active", "retained", "transferred", "left", "expelled", "deceased"} {
		if _, ok := byStatus[k]; !ok {
			t.Errorf("members_by_status lacks %s", k)
		}
		sum += num(byStatus[k])
	}
	if len(byStatus) != 6 || sum != members {
		t.Errorf("members_by_status %v adds up to %d", byStatus, sum)
	}
	if active := num(byStatus["active"]); active < members*80/100 {
		t.Errorf("only %d of %d active", active, members)
	}
	g := v["members_by_gender"].(map[string]any)
	if len(g) != 2 || num(g["male"])+num(g["female"]) != members || num(g["male"]) < num(g["female"]) {
		t.Errorf("members_by_gender %v", g)
	}
	if m := num(v["migrant_members"]); m < members/5 || m > members/2 {
		t.Errorf("migrant_members %d of %d", m, members)
	}
	top := v["top_units"].([]any)
	if len(top) != min(10, units) {
		t.Fatalf("top_units has %d entries", len(top))
	}
	prev := members + 1
	for _, e := range top {
		u := e.(map[string]any)
		if len(u) != 3 || num(u["unit_id"]) == 0 || !strings.HasSuffix(u["name"].(string), "工会") || num(u["members"]) > prev {
			t.Errorf("top unit %v", u)
		}
		prev = num(u["members"])
	}
}

func TestDemoThenStats(t *testing.T) {
	t.Parallel() // its own files only
	db := tempDB(t)
	r := runZH("demo", "--db", db, "--members", "600", "--seed", "42").expect(t, 0)
	if !strings.Contains(r.stdout, demo.TownFor(42)+"总工会") || !strings.Contains(r.stdout, "80 个单位") || !strings.Contains(r.stdout, "600 名会员") || !strings.Contains(r.stdout, "秒") {
		t.Errorf("demo output %q", r.stdout)
	}
	v := statsJSON(t, db)
	checkStats(t, v, 80, 600) // 78 units and the two unions unorganised employers formed
	dues := v["dues"].(map[string]any)
	if len(dues) != 12 || len(dues["months"].([]any)) != 12 || num(dues["cash_balance"]) <= 0 || num(dues["paid"]) <= 0 ||
		num(dues["rate_bp"]) <= 0 || num(dues["rate_bp"]) > 10000 || num(dues["members_in_arrears"]) <= 0 {
		t.Errorf("dues %v", dues)
	}

	// A second demo is refused and changes nothing.
	r = runZH("demo", "--members", "50", "--db", db).expect(t, 1)
	if r.stderr != "unionbook: 数据库中已有数据，演示数据只能载入空数据库\n" {
		t.Errorf("second demo stderr %q", r.stderr)
	}
	r = runEN("demo", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "already holds data") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("English refusal %q", r.stderr)
	}
	checkStats(t, statsJSON(t, db), 80, 600)
}

func TestDemoDefaultIsTheTownOf7520(t *testing.T) {
	t.Parallel() // its own files only
	if testing.Short() {
		t.Skip("writes the full 7,520-member demo with two years of dues (seconds); left out with -short")
	}
	db := tempDB(t)
	runZH("demo", "--db", db).expect(t, 0)
	checkStats(t, statsJSON(t, db), 80, 7520) // 78 and two formed since
	// and the demo's help says so (it said 78 grassroots unions)
	if h := runZH("demo", "--help").expect(t, 0).stdout; !strings.Contains(h, "80 个基层工会") {
		t.Errorf("the demo's help does not give its 80 unions:\n%s", h)
	}
	if h := runEN("demo", "--help").expect(t, 0).stdout; !strings.Contains(h, "80 grassroots unions") {
		t.Errorf("the demo's help does not give its 80 unions:\n%s", h)
	}
}

func TestDemoIsDeterministic(t *testing.T) {
	t.Parallel() // its own files only
	a, b, c := tempDB(t), tempDB(t), tempDB(t)
	runZH("demo", "--db", a, "--members", "300", "--seed", "9").expect(t, 0)
	runZH("--db", b, "demo", "--seed=9", "--members=300").expect(t, 0)
	runZH("demo", "--db", c, "--members", "300", "--seed", "10").expect(t, 0)
	ja := runZH("stats", "--json", "--db", a).stdout
	jb := runZH("stats", "--json", "--db", b).stdout
	jc := runZH("stats", "--json", "--db", c).stdout
	if ja != jb {
		t.Errorf("same seed, different stats:\n%s\n%s", ja, jb)
	}
	if ja == jc {
		t.Errorf("different seeds, same stats:\n%s", ja)
	}
}

func TestStatsHumanOutputIsAligned(t *testing.T) {
	db := tempDB(t)
	runZH("demo", "--db", db, "--members", "500").expect(t, 0)
	for _, run := range []func(...string) result{runZH, runEN} {
		out := run("stats", "--db", db).expect(t, 0).stdout
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if lines[0] != "青山镇总工会" {
			t.Errorf("first line %q", lines[0])
		}
		// Count lines end their number at the same display column.
		var countEnds, topEnds []int
		inTop := false
		for _, line := range lines[1:] {
			if line == "" {
				continue
			}
			if strings.HasSuffix(line, "年会费") || strings.HasPrefix(line, "Dues ") {
				break // the dues block, aligned on its own
			}
			if strings.HasPrefix(line, "会员最多的单位") || strings.HasPrefix(line, "Units with the most") {
				inTop = true
				continue
			}
			if strings.HasSuffix(line, "%") { // drop the percentage
				line = strings.TrimRight(line[:strings.LastIndex(line, " ")], " ")
			}
			fields := strings.Fields(line)
			last := fields[len(fields)-1]
			if last[0] < '0' || last[0] > '9' {
				continue // a heading
			}
			end := ansi.StringWidth(line)
			if inTop {
				topEnds = append(topEnds, end)
			} else {
				countEnds = append(countEnds, end)
			}
		}
		if len(countEnds) < 10 || len(topEnds) != 10 {
			t.Fatalf("count lines %d, top lines %d:\n%s", len(countEnds), len(topEnds), out)
		}
		for _, ends := range [][]int{countEnds, topEnds} {
			for _, e := range ends {
				if e != ends[0] {
					t.Errorf("misaligned (%v):\n%s", ends, out)
					break
				}
			}
		}
		wants := []string{"会员总数", "在会", "保留会籍", "转出", "按性别", "农民工会员"}
		if !strings.Contains(out, "会员总数") {
			wants = []string{"Members", "active", "retained", "transferred out", "By gender", "Migrant-worker members"}
		}
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("stats output lacks %q:\n%s", want, out)
			}
		}
	}
}

func TestStatsOnAnEmptyDatabase(t *testing.T) {
	db := tempDB(t)
	s, err := storage.Open(db, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	v := statsJSON(t, db)
	if num(v["units"]) != 0 || num(v["members"]) != 0 || len(v["top_units"].([]any)) != 0 {
		t.Errorf("empty stats %v", v)
	}
	out := runZH("stats", "--db", db).expect(t, 0).stdout
	if !strings.Contains(out, "未命名工会") || !strings.Contains(out, "暂无单位") {
		t.Errorf("empty human stats:\n%s", out)
	}
}

func TestStatsOfAMissingDatabase(t *testing.T) {
	db := tempDB(t)
	r := runZH("stats", "--db", db).expect(t, 1)
	if r.stderr != "unionbook: 数据库文件 "+db+" 不存在\n" {
		t.Errorf("stderr %q", r.stderr)
	}
}

func TestLockedDatabase(t *testing.T) {
	t.Parallel() // its own files only
	db := tempDB(t)
	runZH("demo", "--db", db, "--members", "100").expect(t, 0)
	s, err := storage.Open(db, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, args := range [][]string{{"stats", "--db", db}, {"stats", "--json", "--db", db}, {"demo", "--db", db}} {
		start := time.Now()
		r := runZH(args...).expect(t, 1)
		if el := time.Since(start); el > 3*time.Second {
			t.Errorf("%v took %v", args, el)
		}
		if want := "unionbook: " + i18n.ZH.T("err.db_locked") + "\n"; r.stderr != want {
			t.Errorf("%v: stderr %q, want %q", args, r.stderr, want)
		}
		if r.stdout != "" {
			t.Errorf("%v: stdout %q", args, r.stdout)
		}
	}
	r := runEN("stats", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "already open") {
		t.Errorf("English locked message %q", r.stderr)
	}
}

func TestPanicIsReportedNotThrown(t *testing.T) {
	boom := &command{name: "boom", summary: "cli.cmd.help", flags: func(*flag.FlagSet) func(*env, []string) error {
		return func(*env, []string) error { panic("kaboom") }
	}}
	saved := commands
	commands = append(slices.Clone(commands), boom)
	defer func() { commands = saved }()
	r := runZH("boom").expect(t, 1)
	if r.stderr != "unionbook: 程序内部错误：kaboom\n" {
		t.Errorf("stderr %q", r.stderr)
	}
}
