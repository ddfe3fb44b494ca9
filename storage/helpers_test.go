package storage

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// testNow is the fixed clock of the tests: 15 June 2024, 10:00 local.
var testNow = time.Date(2024, 6, 15, 10, 0, 0, 0, time.Local)

func testClock() time.Time { return testNow }

// The refusals of a locked database need not wait the program's full second.
func init() { lockTimeout = 300 * time.Millisecond }

func dbPath(t testing.TB) string { return filepath.Join(t.TempDir(), "data", "unionbook.db") }

func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, dbPath(t))
}

// openAt opens the database at path without fsync: tests of what is
// written, not of durability (those open with Options of their own).
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: testClock, NoSync: true})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// envInt reads a positive number of rounds from the environment, else def.
func envInt(t testing.TB, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	t.Logf("%s=%d", name, n)
	return n
}

// residentID builds a valid 18-digit resident ID for a region, birth date
// and 3-digit sequence (odd: male, even: female).
func residentID(region string, birth model.Date, seq int) string {
	first := fmt.Sprintf("%s%08d%03d", region, int(birth), seq%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first[i]-'0') * w
	}
	return first + string("10X98765432"[sum%11])
}

func testUnit(name string) *model.Unit {
	return &model.Unit{Name: name, Kind: 170, Employees: 50, Women: 20, MigrantWorkers: 10}
}

func mustUnit(t testing.TB, s *Store, name string) model.Unit {
	t.Helper()
	u := testUnit(name)
	if err := s.CreateUnit("测试员", u); err != nil {
		t.Fatalf("CreateUnit(%s): %v", name, err)
	}
	return *u
}

// testMember is a valid active member of unit with ID number id.
func testMember(name, id string, unit uint64) *model.Member {
	g := model.IDGender(id)
	return &model.Member{
		Name: name, Gender: g, DocType: model.DocResidentID, IDNumber: id,
		UnitID: unit, JoinDate: model.NewDate(2015, 3, 1), Phone: "13800138000",
	}
}

func mustMember(t testing.TB, s *Store, name, id string, unit uint64) model.Member {
	t.Helper()
	m := testMember(name, id, unit)
	if err := s.CreateMember("测试员", m); err != nil {
		t.Fatalf("CreateMember(%s): %v", name, err)
	}
	return *m
}

// fileHash is the SHA-256 of the database file, to show a refused write
// changed nothing on disk.
func fileHash(t testing.TB, s *Store) [32]byte {
	t.Helper()
	data, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// dump lists every key and value of every bucket, sorted.
func dump(t testing.TB, s *Store) string {
	t.Helper()
	var lines []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			lines = append(lines, fmt.Sprintf("%s seq=%d", name, b.Sequence()))
			return b.ForEach(func(k, v []byte) error {
				lines = append(lines, fmt.Sprintf("%s %x=%x", name, k, v))
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// unchanged runs write, which must fail, and checks that the database is
// byte for byte what it was.
func unchanged(t *testing.T, s *Store, write func() error) error {
	t.Helper()
	h, d := fileHash(t, s), dump(t, s)
	err := write()
	if err == nil {
		t.Fatal("write succeeded, want an error")
	}
	if fileHash(t, s) != h {
		t.Error("database file changed after a refused write")
	}
	if dump(t, s) != d {
		t.Error("database contents changed after a refused write")
	}
	return err
}

func problems(t *testing.T, err error) model.Problems {
	t.Helper()
	var ps model.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v (%T) is not model.Problems", err, err)
	}
	return ps
}

func isKey(err error, key string) bool { return errors.Is(err, i18n.E(key)) }

func auditAll(t testing.TB, s *Store) []model.AuditEntry {
	t.Helper()
	es, err := s.Audit(0, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func findChange(cs []model.FieldChange, field string) (model.FieldChange, bool) {
	for _, c := range cs {
		if c.Field == field {
			return c, true
		}
	}
	return model.FieldChange{}, false
}
