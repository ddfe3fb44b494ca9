package storage

import (
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRecordEncodingGolden pins the bytes of one record of every kind, as
// today's encoder writes them, in testdata/records/<bucket>.hex (the first
// record of each bucket of the kept release database). A change to a
// record's encoding (a tag renumbered, a field's type changed, a new
// format byte) shows up here; go test ./storage -run TestRecordEncodingGolden
// -update rewrites the files, whose diff is then the change made.
func TestRecordEncodingGolden(t *testing.T) {
	t.Parallel()
	db, err := bbolt.Open(filepath.Join(releaseDatabases[0].dir, "unionbook.db"), 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type sample struct {
		name string
		x    any
	}
	var samples []sample
	db.View(func(tx *bbolt.Tx) error {
		p := new(model.Profile)
		if err := decode(tx.Bucket(bucketMeta).Get(keyProfile), p); err != nil {
			t.Fatal(err)
		}
		samples = append(samples, sample{"profile", p})
		for _, rb := range recordBuckets() {
			b := tx.Bucket(rb.name)
			if b == nil {
				continue
			}
			_, v := b.Cursor().First()
			x := rb.new()
			if err := decode(v, x); err != nil {
				t.Fatalf("%s: %v", rb.name, err)
			}
			samples = append(samples, sample{string(rb.name), x})
		}
		return nil
	})
	if len(samples) != len(recordBuckets())+1 {
		t.Fatalf("%d samples for %d record buckets: the release database lacks a kind", len(samples), len(recordBuckets()))
	}
	for _, smp := range samples {
		got, err := encode(reflect.ValueOf(smp.x).Elem().Interface())
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "records", smp.name+".hex")
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, []byte(hexLines(got)), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to write it)", err)
		}
		want, err := hex.DecodeString(strings.Join(strings.Fields(string(data)), ""))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if string(got) != string(want) {
			t.Errorf("%s encodes as\n%s\nthe golden file has\n%s", smp.name, hexLines(got), hexLines(want))
		}
		// And the golden bytes read back as the same record.
		x := reflect.New(reflect.TypeOf(smp.x).Elem()).Interface()
		if err := decode(want, x); err != nil {
			t.Errorf("%s: golden bytes do not decode: %v", smp.name, err)
		} else if again, _ := encode(reflect.ValueOf(x).Elem().Interface()); string(again) != string(want) {
			t.Errorf("%s: golden bytes decode to another record", smp.name)
		}
	}
}

// hexLines is b in hex, 32 bytes a line.
func hexLines(b []byte) string {
	var sb strings.Builder
	for len(b) > 0 {
		n := min(32, len(b))
		sb.WriteString(hex.EncodeToString(b[:n]))
		sb.WriteByte('\n')
		b = b[n:]
	}
	return sb.String()
}
