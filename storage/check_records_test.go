package storage

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Silent damage: a byte of a member's phone number changed in the file.
// bbolt keeps no checksums, so the file opens; the record's checksum finds
// it, the member cannot be read, and the check names it.
func TestChangedByteInARecordIsFound(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	u := mustUnit(t, s, "校验和测试公司工会")
	m := testMember("张三", residentID("110101", 19800307, 867), u.ID)
	m.Phone = "13912345678"
	if err := s.CreateMember("测试员", m); err != nil {
		t.Fatal(err)
	}
	other := mustMember(t, s, "李四", residentID("110101", 19820512, 124), u.ID)
	var rec []byte
	s.db.View(func(tx *bbolt.Tx) error {
		rec = bytes.Clone(tx.Bucket(bucketMembers).Get(itob(m.ID)))
		return nil
	})
	s.Close()

	// The record's bytes wherever they lie in the file (its page, and
	// copies in freed pages), with 13912345678 made 13912395678: a
	// plausible number in a well-formed record.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(rec, []byte("13912345678"), []byte("13912395678"), 1)
	if bytes.Equal(changed, rec) || !bytes.Contains(data, rec) {
		t.Fatal("the member's record is not in the file as expected")
	}
	if err := os.WriteFile(path, bytes.ReplaceAll(data, rec, changed), 0o600); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatalf("the file no longer opens: %v (bbolt's own check should not see a changed value)", err)
	}
	defer s.Close()
	if _, err := s.Member(m.ID); !errors.Is(err, errRecordChecksum) {
		t.Errorf("reading the changed member: %v, want the checksum error", err)
	} else if zh := i18n.Text(err, i18n.ZH); !strings.Contains(zh, "有记录在写入后被改动过") || !strings.Contains(zh, "unionbook check --db") {
		t.Errorf("Chinese message %q", zh)
	}
	if got, err := s.Member(other.ID); err != nil || got.Name != "李四" {
		t.Errorf("the other member: %+v %v", got, err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	// The checksum first; then the indexes that point to the record it
	// could not read, and nothing about anyone else.
	if len(r.Problems) == 0 || r.Problems[0].Key != "check.checksum" {
		t.Fatalf("check found %v, want the checksum problem first", r.Problems)
	}
	for _, p := range r.Problems[1:] {
		if en := p.Localize(i18n.EN); !strings.Contains(en, "member 1") {
			t.Errorf("a problem not about the changed member: %s", en)
		}
	}
	if en := r.Problems[0].Localize(i18n.EN); !strings.Contains(en, "member 1 was changed on disk") {
		t.Errorf("problem %q", en)
	}
}

// After the checksum migration every record has a checksum; one without
// (its format byte changed back) is a problem.
func TestRecordWithoutChecksumIsAProblem(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "校验和测试公司工会")
	s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUnits)
		v := b.Get(itob(u.ID))
		return b.Put(itob(u.ID), append([]byte{formatCBOR}, recordPayload(v)...))
	})
	if got, err := s.Unit(u.ID); err != nil || got.Name != u.Name {
		t.Fatalf("a format-1 record still reads: %+v %v", got, err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || r.Problems[0].Key != "check.no_checksum" || r.Problems[0].Args[0] != model.EntityUnit {
		t.Errorf("problems %v", r.Problems)
	}
}

// The release's database, migrated: every record has its checksum, and the
// CBOR of each is what the release wrote.
func TestChecksumMigrationKeepsEveryRecord(t *testing.T) {
	t.Parallel()
	path := copyRelease(t, releaseDatabases[0].dir)
	before := map[string]string{}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		for _, rb := range recordBuckets() {
			eachRecord(tx, rb.name, func(k, v []byte) error {
				before[string(rb.name)+"/"+string(k)] = string(v)
				return nil
			})
		}
		return nil
	})
	db.Close()
	// the checksum migration alone: later ones change records on purpose
	// (the books migration renumbers accounts)
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		for v := schemaVersion(tx); v < migrationVersion(migrationChecksums); v++ {
			if err := migrations[v].up(tx); err != nil {
				return err
			}
			if err := putSchemaVersion(tx, v+1); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for done := false; !done; {
		if err := db.Update(func(tx *bbolt.Tx) error {
			var err error
			done, err = rechecksumChunk(tx, 1000)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	db.View(func(tx *bbolt.Tx) error {
		for _, rb := range recordBuckets() {
			eachRecord(tx, rb.name, func(k, v []byte) error {
				n++
				old, ok := before[string(rb.name)+"/"+string(k)]
				if !ok || v[0] != formatCBORCRC || string(recordPayload(v)) != old[1:] {
					t.Errorf("%s %d: %x, was %x", rb.name, btoi(k), v, old)
				}
				return nil
			})
		}
		return nil
	})
	if n != len(before) || n < 70 {
		t.Errorf("%d records after, %d before", n, len(before))
	}
}

// The rewrite goes in chunks, each its own transaction: between any two
// the database reads whole (both formats decode) and the check passes,
// and the chunks together rewrite every record exactly once.
func TestChecksumRewriteInChunks(t *testing.T) {
	t.Parallel()
	for _, limit := range []int{1, 3, 7, 1000} {
		path := copyRelease(t, releaseDatabases[0].dir)
		db, err := bbolt.Open(path, 0o600, &bbolt.Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		format1 := func() (n int) {
			db.View(func(tx *bbolt.Tx) error {
				for _, rb := range recordBuckets() {
					b := tx.Bucket(rb.name)
					if b == nil { // a kind newer than the release database
						continue
					}
					b.ForEach(func(k, v []byte) error {
						if v[0] == formatCBOR {
							n++
						}
						if err := decode(v, rb.new()); err != nil {
							t.Errorf("limit %d: %s %d: %v", limit, rb.name, btoi(k), err)
						}
						return nil
					})
				}
				return nil
			})
			return n
		}
		total := format1()
		// up to the checksum migration only: later ones rewrite records
		// (already with checksums) and would shorten the work measured
		db.Update(func(tx *bbolt.Tx) error {
			for v := schemaVersion(tx); v < migrationVersion(migrationChecksums); v++ {
				if err := migrations[v].up(tx); err != nil {
					t.Fatal(err)
				}
				putSchemaVersion(tx, v+1)
			}
			return nil
		})
		chunks := 0
		for done := false; !done; chunks++ {
			before := format1()
			err := db.Update(func(tx *bbolt.Tx) error {
				var err error
				done, err = rechecksumChunk(tx, limit)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if after := format1(); !done && before-after != min(limit, before) {
				t.Fatalf("limit %d: a chunk rewrote %d records", limit, before-after)
			}
			r := &CheckReport{}
			db.View(func(tx *bbolt.Tx) error { return runChecks(tx, r) })
			if !r.OK() {
				t.Fatalf("limit %d, after chunk %d: %v", limit, chunks, r.Problems)
			}
			if chunks > total+5 {
				t.Fatalf("limit %d: no end after %d chunks", limit, chunks)
			}
		}
		if n := format1(); n != 0 {
			t.Errorf("limit %d: %d records left without a checksum", limit, n)
		}
		db.View(func(tx *bbolt.Tx) error {
			if checksumsPending(tx) {
				t.Errorf("limit %d: the mark is still there", limit)
			}
			if v := tx.Bucket(bucketMeta).Get(keyProfile); v[0] != formatCBORCRC {
				t.Errorf("limit %d: the profile has no checksum", limit)
			}
			return nil
		})
		db.Close()
		if want := (total + limit - 1) / limit; chunks < want || chunks > want+1 {
			t.Errorf("limit %d: %d chunks for %d records", limit, chunks, total)
		}
	}
}

// A database of an older schema (a backup taken before a migration) passes
// the check: what later migrations made is not looked for in it.
func TestOldSchemaPassesTheCheck(t *testing.T) {
	t.Parallel()
	db, err := bbolt.Open(filepath.Join(releaseDatabases[0].dir, "unionbook.db"), 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r := &CheckReport{}
	if err := db.View(func(tx *bbolt.Tx) error { return runChecks(tx, r) }); err != nil || !r.OK() {
		t.Errorf("the release's database fails today's check: %v %v", err, r.Problems)
	}
}

// eachRecord runs fn over the bucket's pairs; a bucket of a kind newer than
// the release database is absent there and has none.
func eachRecord(tx *bbolt.Tx, name []byte, fn func(k, v []byte) error) error {
	if b := tx.Bucket(name); b != nil {
		return b.ForEach(fn)
	}
	return nil
}

// A record deleted behind its indexes: a case still in the date index and
// a member still in the ID-number index. Reading through either index is
// damage, said in the user's language with the newest good backup and the
// restore command (it was a bare "record not found" that `stats` printed
// for a damaged file, issue 11), and `check` lists it.
func TestRecordMissingBehindAnIndexIsDamage(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fx := caseSetup(t, s)
	c := twelveUnpaid(fx)
	if _, err := s.CreateCase("op", c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	good, _, err := BackupFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketCases).Delete(itob(c.ID)); err != nil {
			return err
		}
		return tx.Bucket(bucketMembers).Delete(itob(fx.m.ID))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err = Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	restore := `unionbook restore "` + good + `" --db "` + path + `"`
	_, errCases := s.CaseStats(2024)
	_, _, errMember := s.MemberByIDNumber(fx.m.IDNumber)
	for what, err := range map[string]error{"the case statistics": errCases, "the member by ID number": errMember} {
		if !errors.Is(err, errRecordMissing) || !errors.Is(err, i18n.E("err.db_corrupt", path)) {
			t.Errorf("%s: %v, want the database's damage", what, err)
			continue
		}
		zh, en := i18n.Text(err, i18n.ZH), i18n.Text(err, i18n.EN)
		if !strings.Contains(zh, "已损坏") || !strings.Contains(zh, restore) || !strings.Contains(zh, "unionbook check --db") {
			t.Errorf("%s: Chinese %q", what, zh)
		}
		if !strings.Contains(en, "is damaged") || !strings.Contains(en, restore) {
			t.Errorf("%s: English %q", what, en)
		}
	}
	rep, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() {
		t.Error("check: OK, want the dangling index entries listed")
	}
	for _, p := range rep.Problems {
		t.Log(p.Localize(i18n.ZH))
	}
}

// A key of the ledger's monthly totals cut short by damage (a run of the
// file zeroed): the balance was a panic in `stats`; now it is damage.
func TestShortLedgerTotalsKeyIsDamage(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketLedgerTotals).Put([]byte{0}, make([]byte, 16))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Balance(); !errors.Is(err, errRecordUnreadable) || !strings.Contains(i18n.Text(err, i18n.ZH), "已损坏") {
		t.Errorf("the balance: %v, want the database's damage", err)
	}
}

// Keys of the month and date indexes cut short by damage end a scan in
// key order instead of panicking on k[:4] (the books' journals, the bank
// reconciliation, the dues by date, closing a year).
func TestShortIndexKeysEndScans(t *testing.T) {
	for _, k := range [][]byte{nil, {}, {1}, {1, 2, 3}} {
		if got := keyHead(k); got != math.MaxUint32 {
			t.Errorf("keyHead(%x) = %d", k, got)
		}
		if got := keyHeadBytes(k); len(got) != 4 || got[0] != 0xff {
			t.Errorf("keyHeadBytes(%x) = %x", k, got)
		}
	}
	k := monthKey(model.Month(202611))
	if keyHead(k) != 202611 || string(keyHeadBytes(k)) != string(k[:4]) {
		t.Errorf("a whole key reads %d", keyHead(k))
	}
}
