package storage

import (
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

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
				// a kind newer than the release: its sample is built here
				if x, ok := newerRecordSamples()[string(rb.name)]; ok {
					samples = append(samples, sample{string(rb.name), x})
				}
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
		t.Fatalf("%d samples for %d record buckets: a kind is neither in the release database nor in newerRecordSamples", len(samples), len(recordBuckets()))
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

// newerRecordSamples are records of the kinds added after the kept release
// database was written, by bucket name: a feature that adds a record bucket
// adds one sample here, with every field set, so its encoding is pinned too.
func newerRecordSamples() map[string]any {
	at := time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)
	return map[string]any{
		string(bucketCases): &model.Case{
			ID: 1, Received: model.Date(20261102), Channel: 1, Type: model.CaseWages,
			Workers:   []model.CaseWorker{{MemberID: 7, Name: "张三", Phone: "13812345678", IDNumber: "110101199003078670"}},
			Headcount: 12, UnitID: 3, Employer: "宏达机械", Claimed: 19800000, Summary: "拖欠三个月工资",
			RiskCheckID: 2, Steps: []model.CaseStep{{Date: model.Date(20261103), Kind: 1, Who: "李秘书", Note: "走访企业", Operator: "李秘书", At: at}},
			Outcome: 1, Recovered: 19800000, Closed: model.Date(20261120), CloseNote: "调解成功",
			Void: false, VoidReason: "", Operator: "李秘书", CreatedAt: at,
		},
		string(bucketRiskChecks): &model.RiskCheck{
			ID: 2, Date: model.Date(20261015), UnitID: 3, Employer: "", Inspector: "王干事", Level: model.RiskHigh,
			Area: model.CaseWages, Findings: "工资发放延迟", Resolved: model.Date(20261120), Resolution: "已补发",
			Operator: "李秘书", CreatedAt: at,
		},
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
