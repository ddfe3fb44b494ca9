package storage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The migration tests, in the manner of lnd's migtest: a real database
// written by a released program is kept in testdata with what that release
// read from it (meaning.json, written by the release's own code; see
// testdata/release5/mkrelease.go.txt). Every later program must open it,
// migrate it and read the same records, figures and audit log.

// releaseDatabases are the kept databases, oldest first.
var releaseDatabases = []struct {
	dir    string
	schema uint32
}{
	{"testdata/release5", 5},
}

// meaning is what a program reads from a database through the store's API.
type meaning struct {
	Profile  model.Profile
	Units    []model.Unit
	Members  []model.Member
	Payments []model.DuesPayment
	Batches  []DuesBatchRecord
	Paid     map[uint64][]model.Month // member ID → paid months
	Ledger   []model.LedgerEntry
	Balance  model.Money
	Hardship []model.HardshipFile
	Aid      []model.AidRecord
	Events   []model.Event
	Exports  []ExportRecord
	Audit    []model.AuditEntry
}

// readMeaning reads, through today's API, what mkrelease read through the
// release's.
func readMeaning(t *testing.T, s *Store) meaning {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var m meaning
	var ok bool
	var err error
	m.Profile, ok, err = s.Profile()
	must(err)
	if !ok {
		t.Fatal("no profile")
	}
	m.Units, err = s.Units()
	must(err)
	m.Members, err = s.Members()
	must(err)
	m.Paid = map[uint64][]model.Month{}
	for _, mb := range m.Members {
		pm, err := s.PaidMonths(mb.ID)
		must(err)
		for mo := model.Month(202001); mo <= 202612; mo = mo.Add(1) {
			if _, ok := pm[mo]; ok {
				m.Paid[mb.ID] = append(m.Paid[mb.ID], mo)
			}
		}
	}
	for id := uint64(1); ; id++ {
		p, err := s.Payment(id)
		if err != nil {
			break
		}
		m.Payments = append(m.Payments, p)
	}
	for id := uint64(1); ; id++ {
		b, _, err := s.DuesBatch(id)
		if err != nil {
			break
		}
		m.Batches = append(m.Batches, b)
	}
	for id := uint64(1); ; id++ {
		e, err := s.LedgerEntry(id)
		if err != nil {
			break
		}
		m.Ledger = append(m.Ledger, e)
	}
	m.Balance, err = s.Balance()
	must(err)
	m.Hardship, err = s.HardshipFiles()
	must(err)
	for id := uint64(1); ; id++ {
		a, err := s.Aid(id)
		if err != nil {
			break
		}
		m.Aid = append(m.Aid, a)
	}
	m.Events, err = s.Events(0, 99991231)
	must(err)
	m.Exports, err = s.Exports(0)
	must(err)
	m.Audit, err = s.Audit(0, 1<<30)
	must(err)
	return m
}

// asJSON is m as indented JSON: both sides of a comparison go through
// today's types, so a field added since the release reads as its zero
// value on both.
func asJSON(t *testing.T, m meaning) string {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// copyRelease copies a kept database to a temporary folder.
func copyRelease(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "unionbook.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "unionbook.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func wantMeaning(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "meaning.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m meaning
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	// The books migration renumbered the accounts of the chart shipped
	// before the 2010 chart was corrected: the same accounts, new codes.
	for i := range m.Ledger {
		if to, ok := model.LegacyAccountCodes[m.Ledger[i].Account]; ok {
			m.Ledger[i].Account = to
		}
	}
	for i := range m.Events {
		if to, ok := model.LegacyAccountCodes[m.Events[i].Account]; ok {
			m.Events[i].Account = to
		}
	}
	return asJSON(t, m)
}

// laterMeaning checks what migrations after the release added on purpose
// and takes it out of m, so the rest compares with what the release read.
// The books migration put every entry in a money account: a dues entry in
// the one its payment's or batch's method uses, a reversal in its entry's, the rest in
// the bank.
func laterMeaning(t *testing.T, m meaning) meaning {
	t.Helper()
	payments := map[uint64]model.DuesPayment{}
	for _, p := range m.Payments {
		payments[p.ID] = p
	}
	batches := map[uint64]DuesBatchRecord{}
	for _, b := range m.Batches {
		batches[b.ID] = b
	}
	byID := map[uint64]model.LedgerEntry{}
	for _, e := range m.Ledger {
		byID[e.ID] = e
	}
	for _, e := range m.Ledger {
		want := model.MoneyBank
		switch {
		case e.ReversalOf != 0:
			want = byID[e.ReversalOf].Money
		case e.Source.Kind == SourceDues:
			want = model.MoneyFor(payments[e.Source.ID].Method)
		case e.Source.Kind == SourceDuesBatch:
			want = model.MoneyFor(batches[e.Source.ID].Method)
		}
		if e.Money != want {
			t.Errorf("entry %d (%s) is in money account %d after migrating, want %d", e.ID, e.VoucherNo, e.Money, want)
		}
	}
	m.Ledger = slices.Clone(m.Ledger)
	for i := range m.Ledger {
		m.Ledger[i].Money = 0
	}
	return m
}

// firstDiff shows where two long texts part.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(al), len(bl))
}

func TestReleaseDatabasesMigrateUnchangedInMeaning(t *testing.T) {
	t.Parallel()
	for _, rel := range releaseDatabases {
		t.Run(rel.dir, func(t *testing.T) {
			t.Parallel()
			path := copyRelease(t, rel.dir)
			s, err := Open(path, Options{Now: testClock, NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var have uint32
			s.db.View(func(tx *bbolt.Tx) error { have = schemaVersion(tx); return nil })
			if have != SchemaVersion() {
				t.Fatalf("schema %d after open, want %d", have, SchemaVersion())
			}
			if rel.schema < SchemaVersion() {
				if bs, _ := Backups(path); len(bs) == 0 || bs[0].Reason != BackupMigrate {
					t.Errorf("no backup before the migration: %v", bs)
				}
			}
			r, err := s.Check()
			if err != nil || !r.OK() {
				t.Fatalf("check after migrating: %v %v", err, r.Problems)
			}
			got, want := asJSON(t, laterMeaning(t, readMeaning(t, s))), wantMeaning(t, rel.dir)
			if got != want {
				t.Fatalf("the release's database reads differently after migrating from schema %d: %s", rel.schema, firstDiff(got, want))
			}
		})
	}
}

// TestMigrationsOneByOne takes a kept database up one schema step at a
// time, each in its own transaction (a user who installed every release),
// and compares the result with the migration of all steps at once.
func TestMigrationsOneByOne(t *testing.T) {
	t.Parallel()
	for _, rel := range releaseDatabases {
		t.Run(rel.dir, func(t *testing.T) {
			t.Parallel()
			path := copyRelease(t, rel.dir)
			db, err := bbolt.Open(path, 0o600, &bbolt.Options{NoSync: true})
			if err != nil {
				t.Fatal(err)
			}
			for v := rel.schema; v < SchemaVersion(); v++ {
				err := db.Update(func(tx *bbolt.Tx) error {
					if have := schemaVersion(tx); have != v {
						return fmt.Errorf("schema %d, want %d", have, v)
					}
					if err := migrations[v].up(tx); err != nil {
						return err
					}
					return putSchemaVersion(tx, v+1)
				})
				if err != nil {
					t.Fatalf("migration %d (%s): %v", v+1, migrations[v].name, err)
				}
			}
			db.Close()
			s, err := Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got, want := asJSON(t, laterMeaning(t, readMeaning(t, s))), wantMeaning(t, rel.dir); got != want {
				t.Fatalf("step by step: %s", firstDiff(got, want))
			}
			if bs, _ := Backups(path); len(bs) != 0 {
				t.Errorf("an up-to-date database was migrated again: %v", bs)
			}
		})
	}
}

// TestLayoutListsEveryBucket: every bucket a new database has is declared
// in layout.go, and every declared bucket is made by a migration. A bucket
// is an index (idx*), a record bucket (recordBuckets) or one of the few
// aggregates named here.
func TestLayoutListsEveryBucket(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("layout.go")
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]string{} // bucket name → variable
	for _, m := range regexp.MustCompile(`(?m)^\s*((?:bucket|idx)\w+)\s*=\s*\[\]byte\("([^"]+)"\)`).FindAllStringSubmatch(string(src), -1) {
		declared[m[2]] = m[1]
	}
	s := openTest(t)
	var made []string
	s.db.View(func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			made = append(made, string(name))
			return nil
		})
	})
	for _, name := range made {
		if _, ok := declared[name]; !ok {
			t.Errorf("bucket %q is not declared in layout.go", name)
		}
	}
	for name := range declared {
		if !slices.Contains(made, name) {
			t.Errorf("layout.go declares %q, which no migration makes", name)
		}
	}
	var all []string
	for _, b := range allBuckets() {
		all = append(all, string(b))
	}
	slices.Sort(all)
	slices.Sort(made)
	if !slices.Equal(all, made) {
		t.Errorf("allBuckets() is\n%v\nthe migrations make\n%v", all, made)
	}
	records := map[string]bool{}
	for _, rb := range recordBuckets() {
		records[string(rb.name)] = true
	}
	aggregates := map[string]bool{string(bucketMeta): true, string(bucketDuesMember): true, string(bucketDuesTotals): true, string(bucketLedgerTotals): true,
		string(bucketMoneyTotals): true, string(bucketBankTicks): true, string(bucketDuesPartial): true}
	for name, v := range declared {
		if strings.HasPrefix(v, "bucket") && !records[name] && !aggregates[name] {
			t.Errorf("bucket %q (%s) is neither in recordBuckets nor a known aggregate", name, v)
		}
	}
}

// TestReleaseRecordsEncodeAsWritten decodes every record of the kept
// databases and encodes it again: today's encoder must write the very CBOR
// the release wrote (same integer keys, same times, same order), so that a
// record read and written back by a newer program keeps its bytes. Payments
// and audit entries are the exception: they are written in their dense
// forms since the migration "dense records" (codec_dense.go), so theirs
// must read back as the record the release wrote, field for field.
func TestReleaseRecordsEncodeAsWritten(t *testing.T) {
	t.Parallel()
	for _, rel := range releaseDatabases {
		t.Run(rel.dir, func(t *testing.T) {
			t.Parallel()
			db, err := bbolt.Open(filepath.Join(rel.dir, "unionbook.db"), 0o600, &bbolt.Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			n := 0
			err = db.View(func(tx *bbolt.Tx) error {
				check := func(what string, v []byte, x any) {
					t.Helper()
					n++
					if err := decode(v, x); err != nil {
						t.Errorf("%s: %v", what, err)
						return
					}
					again, err := encode(reflect.ValueOf(x).Elem().Interface())
					if err != nil {
						t.Fatal(err)
					}
					switch x.(type) {
					case *model.DuesPayment, *model.AuditEntry:
						back := reflect.New(reflect.TypeOf(x).Elem()).Interface()
						if err := decode(again, back); err != nil || !reflect.DeepEqual(back, x) {
							t.Errorf("%s reads back in its dense form as\n%+v\nthe release wrote\n%+v (%v)", what, back, x, err)
						}
						return
					}
					if got, want := recordPayload(again), recordPayload(v); string(got) != string(want) {
						t.Errorf("%s encodes as\n%x\nthe release wrote\n%x", what, got, want)
					}
				}
				check("profile", tx.Bucket(bucketMeta).Get(keyProfile), new(model.Profile))
				for _, rb := range recordBuckets() {
					b := tx.Bucket(rb.name)
					if b == nil {
						continue
					}
					b.ForEach(func(k, v []byte) error {
						check(fmt.Sprintf("%s %d", rb.name, btoi(k)), v, rb.new())
						return nil
					})
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n < 70 {
				t.Errorf("only %d records checked", n)
			}
		})
	}
}

// Every migration is named once: a step listed twice (a merge gone wrong)
// would run twice and, for one that rewrites records, change them again.
func TestMigrationNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for i, m := range migrations {
		if seen[m.name] {
			t.Errorf("migration %d %q is listed twice", i+1, m.name)
		}
		seen[m.name] = true
	}
}
