package main

import (
	"fmt"
	"hash/crc32"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// The damaged-file test: copies of real databases with random bytes
// changed, cut short or overwritten (seeded, so a failure can be replayed),
// each run through check and stats in-process and a writable open with
// reads, and every tenth also through the program as its own process. None
// may panic or crash; every refusal is a clear message in the user's
// language that ends with the restore command of a good backup.
//
// UNIONBOOK_DAMAGE_FILES=3000 go test . -run TestDamagedDatabases -v
// tries more files (the default, 200, takes about five seconds); the log
// has the figures for docs/robustness.md. UNIONBOOK_DAMAGE_SEED=N damages
// them differently. The originals are made at test time on a fixed clock,
// so they hold the same records on every run, but not in the same pages
// (bbolt), so a seed and a file number do not replay a failure.
const (
	damageFilesEnv = "UNIONBOOK_DAMAGE_FILES"
	damageSeedEnv  = "UNIONBOOK_DAMAGE_SEED"
)

// damageSeed: the same files on every run.
const damageSeed = 20261121

// damageClock is the clock the originals are made on.
var damageClock = time.Date(2026, 11, 21, 10, 0, 0, 0, time.Local)

func TestDamagedDatabasesNeverCrash(t *testing.T) {
	t.Parallel() // its own files only; no global state
	files := 200
	if v := os.Getenv(damageFilesEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			t.Fatalf("%s=%q", damageFilesEnv, v)
		}
		files = n
	}
	dir := t.TempDir()
	// Two real databases: the release's small one with a record of every
	// kind, migrated to today's schema, and a demo township of 80 members
	// (taller trees, branch pages). Both compacted, so that most of each
	// file is data.
	small := filepath.Join(dir, "small.db")
	if err := copyFile("storage/testdata/release5/unionbook.db", small); err != nil {
		t.Fatal(err)
	}
	// The clock is fixed, so that both files hold the same records on
	// every run (the migration and the demo stamp records with it, and the
	// demo's history ends at its Today). Their bytes still differ: bbolt
	// writes a transaction's buckets in map order (Bucket.spill), so the
	// pages fall in another order and the seeded damage hits other records;
	// the log gives each original's CRC.
	now := func() time.Time { return damageClock }
	s, err := storage.Open(small, storage.Options{NoDailyBackup: true, NoSync: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	demoDB := filepath.Join(dir, "demo.db")
	s, err = storage.Open(demoDB, storage.Options{NoDailyBackup: true, NoSync: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	err = demo.Load(s, demo.Options{Seed: demo.DefaultSeed, Units: demo.DefaultUnits, Members: 80, Today: demo.LastMonthEnd(model.DateOf(damageClock))})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	originals := map[string][]byte{}
	for _, p := range []string{small, demoDB} {
		if _, err := storage.Compact(p, storage.Options{NoSync: true, Now: now}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		originals[filepath.Base(p)] = data
		t.Logf("%s: %d bytes, CRC-32 %08x", filepath.Base(p), len(data), crc32.ChecksumIEEE(data))
	}

	// The damaged copies of each live at one path, next to a good backup.
	targets, backups := map[string]string{}, map[string]string{}
	for name, data := range originals {
		target := filepath.Join(dir, strings.TrimSuffix(name, ".db"), "unionbook.db")
		os.MkdirAll(filepath.Dir(target), 0o700)
		os.WriteFile(target, data, 0o600)
		b, _, err := storage.BackupFile(target, "")
		if err != nil {
			t.Fatal(err)
		}
		targets[name], backups[name] = target, b
	}
	outcomes := map[string]int{}
	seed := uint64(damageSeed)
	if v := os.Getenv(damageSeedEnv); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q", damageSeedEnv, v)
		}
		seed = n
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	start := time.Now()
	for i := range files {
		src := "small.db"
		if i%5 == 4 {
			src = "demo.db"
		}
		target, backup := targets[src], backups[src]
		data, how := spoil(rng, originals[src])
		if err := os.WriteFile(target, data, 0o600); err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("file %d (%s, %s)", i, src, how)

		// check, in Chinese, in-process.
		// UNIONBOOK_DEBUG: a panic's stack goes to stderr, so that a failure
		// names the line (the originals' layout varies, see above).
		r := runEnv(map[string]string{"LANG": "zh_CN.UTF-8", "UNIONBOOK_DEBUG": "1"}, "check", "--db", target)
		clearOutcome(t, what+": check", r.code, r.stderr, backup, target)
		if r.code == 0 {
			outcomes["check: OK (the damage hit free space)"]++
		} else if strings.Contains(r.stdout, "个问题") {
			outcomes["check: problems listed"]++
			for _, line := range strings.Split(r.stdout, "\n") {
				if strings.HasPrefix(line, "  - ") && !hasHan(line) {
					t.Errorf("%s: a problem not in Chinese: %s", what, line)
				}
				// the library's words go to the details line under it
				if strings.HasPrefix(line, "  - ") && internals.MatchString(line) {
					t.Errorf("%s: a problem in a library's words: %s", what, line)
				}
			}
		} else {
			outcomes["check: refused to open"]++
		}

		// stats, in English, in-process.
		r = runEnv(map[string]string{"LANG": "en_US.UTF-8", "UNIONBOOK_DEBUG": "1"}, "stats", "--db", target)
		clearOutcome(t, what+": stats", r.code, r.stderr, backup, target)
		if r.code == 0 {
			outcomes["stats: figures"]++
		} else {
			outcomes["stats: refused"]++
		}

		// The interface's writable open, reading what its first screens read.
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("%s: open panicked: %v", what, p)
				}
			}()
			s, err := storage.Open(target, storage.Options{NoDailyBackup: true, NoSync: true})
			if err != nil {
				if !strings.Contains(i18n.Text(err, i18n.ZH), "unionbook restore") && !strings.Contains(i18n.Text(err, i18n.ZH), "升级") {
					t.Errorf("%s: open: %s", what, i18n.Text(err, i18n.ZH))
				}
				outcomes["open: refused"]++
				return
			}
			defer s.Close()
			_, errM := s.Members()
			_, errU := s.Units()
			_, errA := s.Audit(0, 100)
			if errM != nil || errU != nil || errA != nil {
				outcomes["open: opened, a read refused"]++
			} else {
				outcomes["open: opened and read"]++
			}
			if rep, err := s.Check(); err == nil {
				for _, p := range rep.Problems {
					p.Localize(i18n.ZH) // after the read transaction
				}
			}
		}()

		// Every tenth file through the program as its own process: a fault
		// there would be a crash, not a test failure in this process.
		if i%10 == 0 {
			os.WriteFile(target, data, 0o600)
			for _, args := range [][]string{{"check", "--db", target}, {"stats", "--db", target}} {
				c := runChild(t, "zh_CN.UTF-8", args...)
				if c.signal != "" {
					t.Fatalf("%s: unionbook %s died: %s\n%s", what, args[0], c.signal, c.stderr)
				}
				if c.code != 0 && c.code != 1 {
					t.Errorf("%s: unionbook %s exited %d: %s", what, args[0], c.code, c.stderr)
				}
				outcomes["process: exited "+strconv.Itoa(c.code)]++
			}
		}
	}
	var lines []string
	for k, n := range outcomes {
		lines = append(lines, fmt.Sprintf("  %-45s %d", k, n))
	}
	sort.Strings(lines)
	t.Logf("%d damaged files (seed %d) in %v:\n%s", files, seed, time.Since(start).Round(time.Millisecond), strings.Join(lines, "\n"))
}

// clearOutcome: exit 0, or exit 1 with one clear message, no internals,
// naming the good backup and the restore command (or an upgrade, when the
// damage made the schema version look newer or older).
func clearOutcome(t *testing.T, what string, code int, stderr, backup, db string) {
	t.Helper()
	switch {
	case code == 0:
		return
	case code != 1:
		t.Errorf("%s: exit %d: %s", what, code, stderr)
	case strings.Contains(stderr, "internal error") || strings.Contains(stderr, "内部错误") || strings.Contains(stderr, "goroutine"):
		t.Errorf("%s: %s", what, stderr)
	case strings.Contains(stderr, "upgrade") || strings.Contains(stderr, "升级"):
	case !strings.Contains(stderr, `unionbook restore "`+backup+`" --db "`+db+`"`):
		t.Errorf("%s: no restore command of the backup:\n%s", what, stderr)
	}
}

// internals are what bbolt, the decoder and Go say on a damaged file.
var internals = regexp.MustCompile(`(?i)invalid database|page \d|cbor|decode|bbolt|unexpected EOF|runtime error|panic|freelist`)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// spoil damages a copy of data in one of the ways files get damaged, and
// says how.
func spoil(rng *rand.Rand, orig []byte) ([]byte, string) {
	data := append([]byte(nil), orig...)
	const page = 4096
	switch k := rng.IntN(10); {
	case k < 4: // a few bytes anywhere
		n := 1 + rng.IntN(4)
		for range n {
			data[rng.IntN(len(data))] ^= byte(1 + rng.IntN(255))
		}
		return data, fmt.Sprintf("%d bytes changed", n)
	case k < 6: // a few bytes in the data pages
		n := 1 + rng.IntN(3)
		for range n {
			data[2*page+rng.IntN(len(data)-2*page)] ^= byte(1 + rng.IntN(255))
		}
		return data, fmt.Sprintf("%d data bytes changed", n)
	case k < 8: // a run overwritten
		off, n := rng.IntN(len(data)), 16+rng.IntN(500)
		fill := []byte{0, 0xff, byte(rng.IntN(256))}[rng.IntN(3)]
		for i := off; i < min(off+n, len(data)); i++ {
			data[i] = fill
		}
		return data, fmt.Sprintf("%d bytes at %d set to %#x", n, off, fill)
	case k < 9: // cut short
		n := rng.IntN(len(data))
		return data[:n], fmt.Sprintf("cut to %d bytes", n)
	default: // a page zeroed
		p := rng.IntN(len(data) / page)
		clear(data[p*page : (p+1)*page])
		return data, fmt.Sprintf("page %d zeroed", p)
	}
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o600)
}
