package storage

import (
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRecordEncodingGolden pins the bytes of records of every kind, as
// today's encoder writes them: in testdata/records/<bucket>.hex the first
// record of each bucket of the kept release database (or, for a kind
// newer than it, the sample in newerRecordSamples), and in
// <bucket>.full.hex a record with every field set (filledRecord), so that
// fields added after the release are pinned too. A change to a
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
	// And one record of every kind with every field set, filled by
	// reflection, so that a field added later is pinned without anyone
	// remembering to (testdata/records/<bucket>.full.hex).
	samples = append(samples, sample{"profile.full", filledRecord(new(model.Profile))})
	for _, rb := range recordBuckets() {
		samples = append(samples, sample{string(rb.name) + ".full", filledRecord(rb.new())})
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
// adds one realistic sample here (the reflection-filled one of the same
// kind pins every field).
func newerRecordSamples() map[string]any {
	at := time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)
	return map[string]any{
		string(bucketDuesUnits): &model.UnitDues{UnitID: 3, Terms: []model.UnitDuesTerm{{From: 202601, Handling: model.HandlingSelf,
			Scheme: model.SchemeFixed, Fixed: 500, Note: "单独建账"}}},
		string(bucketDuesMemberRules): &model.MemberDues{MemberID: 7, Terms: []model.MemberDuesTerm{{From: 202603, Kind: model.MemberExempt,
			Fixed: 300, Reason: "长期病休"}}},
		string(bucketDuesReports): &model.CollectionReport{ID: 1, UnitID: 3, From: 202601, To: 202603, Members: 120, Paid: 1848000,
			Due: 1900000, Date: model.Date(20260410), Note: "一季度", Operator: "李秘书", CreatedAt: at},
		string(bucketReminders): &model.Reminder{ID: 1, UnitID: 3, MemberID: 7, Date: model.Date(20261105), How: model.RemindPhone,
			Note: "答应月底补缴", Operator: "李秘书", CreatedAt: at},
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
		string(bucketCharts): &model.Chart{FromYear: 2026, Standard: model.ChartOwn, Source: "本会科目表.xlsx", ID: 1,
			Accounts: []model.Account{{Code: "401", Name: "会费收入", NameEN: "Membership dues", Direction: model.In, Role: "dues"}}},
		string(bucketOpenings): &model.OpeningBalance{ID: 1, Money: model.MoneyBank, Date: model.Date(20260101), Amount: 12345678,
			Memo: "上年结转", Operator: "李秘书", SetAt: at},
		string(bucketTransfers): &model.Transfer{ID: 1, Date: model.Date(20261102), From: model.MoneyBank, To: model.MoneyCash,
			Amount: 200000, VoucherNo: "2026-000123", Memo: "取现", ReversalOf: 9, Operator: "李秘书", CreatedAt: at},
		string(bucketClosings): &model.Closing{ID: 1, Kind: model.CloseMonth, Month: model.Month(202610), Digest: "ab12",
			Entries: 31, Transfers: 2, In: 500000, Out: 300000, Balances: []model.Money{100000, 900000}, Operator: "李秘书", ClosedAt: at},
		string(bucketBudgets):        &model.Budget{ID: 1, Year: 2026, Account: "50101", Amount: 3000000, Memo: "年初预算", Operator: "李秘书", SetAt: at},
		string(bucketBankStatements): &model.BankStatement{ID: 1, Date: model.Date(20261031), Balance: 8800000, Operator: "李秘书", SetAt: at},
		string(bucketConsolations): &model.Consolation{ID: 1, Kind: model.ConsolFestival, Date: model.Date(20260925), Members: []uint64{3, 4},
			PerMember: 20000, Form: model.ConsolGoods, Goods: "月饼", Occasion: "中秋节", Money: model.MoneyBank, Account: "50105",
			Counterparty: "超市", LedgerID: 7, ReversalOf: 2, Reason: "录错", Operator: "李秘书", CreatedAt: at},
		string(bucketFunds): &model.UnitFunds{ID: 1, UnitID: 3, From: model.Month(202601), To: model.Month(202606), Payroll: 500000000,
			RateBP: 200, Due: 10000000, Memo: "上半年", Operator: "李秘书", CreatedAt: at},
		string(bucketFundsPayments): &model.FundsPayment{ID: 1, FundsID: 1, UnitID: 3, Date: model.Date(20260715), Paid: 10000000,
			ShareBP: 6000, Received: 6000000, Money: model.MoneyBank, LedgerID: 8, ReversalOf: 0, Reason: "", Operator: "李秘书", CreatedAt: at},
		string(bucketEmployers): &model.Employer{
			ID: 1, Name: "青山镇鑫源物流有限公司", CreditCode: "91350100M000100Y43", Kind: 170, Employees: 45, Women: 10, Migrant: 20,
			Contact: "陈经理", Phone: "13800138000", Address: "青山镇工业路1号", Industry: "物流", Registered: model.Date(20260110),
			Status: model.EmployerFormed, Visits: []model.OrganisingVisit{{Date: model.Date(20260305), By: "王主席", Outcome: "同意筹建",
				Next: model.Date(20260405), Operator: "李秘书", At: at}},
			UnitID: 9, FormedOn: model.Date(20260501), GoneOn: model.Date(20260601), GoneReason: "迁出", Notes: "备注", CreatedAt: at,
		},
		string(bucketHonours): &model.Honour{
			ID: 1, MemberID: 7, UnitID: 3, Title: model.HonourModelWorker, Name: "福州市劳动模范", Level: model.LevelCity, Year: 2025,
			Body: "福州市人民政府", Notes: "备注", Operator: "李秘书", CreatedAt: at,
		},
	}
}

// filledRecord sets every exported field of the record x points to, and of
// what it holds, to a value of its own (numbers counting up, texts "s1",
// "s2" …, one element in every slice and map), and returns x.
func filledRecord(x any) any {
	n := 0
	fillValue(reflect.ValueOf(x).Elem(), &n)
	return x
}

var tTime = reflect.TypeOf(time.Time{})

func fillValue(v reflect.Value, n *int) {
	*n++
	switch {
	case v.Type() == tTime:
		v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, *n, *n*1000, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n * 1001))
	case reflect.Int8:
		v.SetInt(int64(*n % 100))
	case reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(*n * 1001))
	case reflect.Uint8:
		v.SetUint(uint64(*n % 200))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	case reflect.String:
		v.SetString("s" + strconv.Itoa(*n))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fillValue(v.Field(i), n)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillValue(v.Index(0), n)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fillValue(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fillValue(k, n)
		fillValue(e, n)
		v.SetMapIndex(k, e)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillValue(v.Elem(), n)
	default:
		panic("filledRecord: cannot fill a " + v.Type().String())
	}
}

// Every field of every record survives the encoding: a record with every
// field set reads back equal (a field without its integer key, or one
// whose type the codec cannot carry, would come back empty), and no
// struct gives two fields one key.
func TestEveryRecordFieldIsEncoded(t *testing.T) {
	t.Parallel()
	kinds := []any{new(model.Profile)}
	for _, rb := range recordBuckets() {
		kinds = append(kinds, rb.new())
	}
	for _, x := range kinds {
		full := filledRecord(x)
		b, err := encode(reflect.ValueOf(full).Elem().Interface())
		if err != nil {
			t.Fatalf("%T: %v", x, err)
		}
		back := reflect.New(reflect.TypeOf(x).Elem()).Interface()
		if err := decode(b, back); err != nil {
			t.Fatalf("%T: %v", x, err)
		}
		if !reflect.DeepEqual(full, back) {
			t.Errorf("%T does not read back as written:\n%+v\n%+v", x, full, back)
		}
		checkKeys(t, reflect.TypeOf(x).Elem(), map[reflect.Type]bool{})
	}
}

// checkKeys requires an integer key (cbor:"N,keyasint") on every exported
// field of a record's structs, each key used once per struct.
func checkKeys(t *testing.T, typ reflect.Type, seen map[reflect.Type]bool) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
		if typ.Kind() == reflect.Map {
			checkKeys(t, typ.Key(), seen)
		}
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || typ == tTime || seen[typ] {
		return
	}
	seen[typ] = true
	keys := map[string]string{}
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("cbor")
		key, opts, _ := strings.Cut(tag, ",")
		if _, err := strconv.Atoi(key); err != nil || !strings.Contains(opts, "keyasint") {
			t.Errorf("%s.%s has no integer key (cbor:\"N,keyasint\"): %q", typ, f.Name, tag)
		} else if other, dup := keys[key]; dup {
			t.Errorf("%s.%s and %s share key %s", typ, f.Name, other, key)
		}
		keys[key] = f.Name
		checkKeys(t, f.Type, seen)
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
