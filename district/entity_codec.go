package district

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"unionbook/model"
	"unionbook/storage"
)

// The data files' JSON is derived from the model structs, one rule for
// every entity, so that a feature's records get a data file by registering
// it (see simpleEntity):
//
//   - a field's name is its Go name in snake_case (UnitID → unit_id,
//     DuesRateBP → dues_rate_bp), or its json tag where it has one;
//   - fields with the zero value are left out (and read back as zero);
//   - dates are "2026-07-01", months "2026-07", times RFC 3339 with
//     nanoseconds and the offset they were recorded with;
//   - money is whole fen (an integer), codes are their numbers;
//   - nested records and lists follow the same rules.
//
// Renaming a model field renames its JSON field: that is a format change
// (FormatVersion) and docs/package-format.md must say so.

var (
	tDate  = reflect.TypeOf(model.Date(0))
	tMonth = reflect.TypeOf(model.Month(0))
	tTime  = reflect.TypeOf(time.Time{})
	tStr   = reflect.TypeOf("")
)

var shadows sync.Map // reflect.Type → reflect.Type

// snake turns a Go field name into snake_case: UnitID → unit_id,
// DuesRateBP → dues_rate_bp, IDNumber → id_number.
func snake(s string) string {
	r := []rune(s)
	var b strings.Builder
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || unicode.IsDigit(r[i-1]) ||
				(i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1]))) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// shadowOf is the JSON form of t: t itself for plain values, a struct of
// snake_case tagged fields for a record, text for dates, months and times.
func shadowOf(t reflect.Type) reflect.Type {
	if s, ok := shadows.Load(t); ok {
		return s.(reflect.Type)
	}
	var s reflect.Type
	switch {
	case t == tDate || t == tMonth || t == tTime:
		s = tStr
	case t.Kind() == reflect.Struct:
		var fs []reflect.StructField
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := snake(f.Name)
			if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == "-" {
				continue
			} else if tag != "" {
				name = tag
			}
			fs = append(fs, reflect.StructField{Name: f.Name, Type: shadowOf(f.Type), Tag: reflect.StructTag(`json:"` + name + `,omitempty"`)})
		}
		s = reflect.StructOf(fs)
	case t.Kind() == reflect.Slice:
		if e := shadowOf(t.Elem()); e != t.Elem() {
			s = reflect.SliceOf(e)
		} else {
			s = t
		}
	case t.Kind() == reflect.Pointer:
		if e := shadowOf(t.Elem()); e != t.Elem() {
			s = reflect.PointerTo(e)
		} else {
			s = t
		}
	default:
		s = t
	}
	shadows.Store(t, s)
	return s
}

// toShadow copies v into its JSON form.
func toShadow(v reflect.Value) reflect.Value {
	t := v.Type()
	s := shadowOf(t)
	if s == t {
		return v
	}
	switch {
	case t == tDate:
		return reflect.ValueOf(model.Date(v.Int()).String())
	case t == tMonth:
		return reflect.ValueOf(monthText(model.Month(v.Int())))
	case t == tTime:
		tm := v.Interface().(time.Time)
		if tm.IsZero() {
			return reflect.ValueOf("")
		}
		return reflect.ValueOf(tm.Format(time.RFC3339Nano))
	case t.Kind() == reflect.Struct:
		out := reflect.New(s).Elem()
		j := 0
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || strings.HasPrefix(f.Tag.Get("json"), "-") {
				continue
			}
			out.Field(j).Set(toShadow(v.Field(i)))
			j++
		}
		return out
	case t.Kind() == reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(s)
		}
		out := reflect.MakeSlice(s, v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(toShadow(v.Index(i)))
		}
		return out
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(s)
		}
		p := reflect.New(s.Elem())
		p.Elem().Set(toShadow(v.Elem()))
		return p
	}
	return v
}

// fromShadow copies a JSON form back into a value of type t.
func fromShadow(sv reflect.Value, t reflect.Type, path string) (reflect.Value, error) {
	s := shadowOf(t)
	if s == t {
		return sv, nil
	}
	switch {
	case t == tDate:
		d, ok := parseDate(sv.String())
		if !ok {
			return reflect.Value{}, badField{path, sv.String()}
		}
		return reflect.ValueOf(d), nil
	case t == tMonth:
		m, ok := parseMonth(sv.String())
		if !ok {
			return reflect.Value{}, badField{path, sv.String()}
		}
		return reflect.ValueOf(m), nil
	case t == tTime:
		if sv.String() == "" {
			return reflect.ValueOf(time.Time{}), nil
		}
		tm, err := time.Parse(time.RFC3339Nano, sv.String())
		if err != nil {
			return reflect.Value{}, badField{path, sv.String()}
		}
		return reflect.ValueOf(tm), nil
	case t.Kind() == reflect.Struct:
		out := reflect.New(t).Elem()
		j := 0
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || strings.HasPrefix(f.Tag.Get("json"), "-") {
				continue
			}
			x, err := fromShadow(sv.Field(j), f.Type, snake(f.Name))
			if err != nil {
				return reflect.Value{}, err
			}
			out.Field(i).Set(x)
			j++
		}
		return out, nil
	case t.Kind() == reflect.Slice:
		if sv.IsNil() {
			return reflect.Zero(t), nil
		}
		out := reflect.MakeSlice(t, sv.Len(), sv.Len())
		for i := 0; i < sv.Len(); i++ {
			x, err := fromShadow(sv.Index(i), t.Elem(), path)
			if err != nil {
				return reflect.Value{}, err
			}
			out.Index(i).Set(x)
		}
		return out, nil
	case t.Kind() == reflect.Pointer:
		if sv.IsNil() {
			return reflect.Zero(t), nil
		}
		x, err := fromShadow(sv.Elem(), t.Elem(), path)
		if err != nil {
			return reflect.Value{}, err
		}
		p := reflect.New(t.Elem())
		p.Elem().Set(x)
		return p, nil
	}
	return sv, nil
}

// EncodeRecord is the JSON line of a record (without the newline).
func EncodeRecord(v any) ([]byte, error) {
	sv := toShadow(reflect.ValueOf(v).Elem())
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(sv.Interface()); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// DecodeRecord reads a JSON line into the record v points to.
func DecodeRecord(line []byte, v any) error {
	pv := reflect.ValueOf(v).Elem()
	sp := reflect.New(shadowOf(pv.Type()))
	if err := json.Unmarshal(line, sp.Interface()); err != nil {
		return err
	}
	x, err := fromShadow(sp.Elem(), pv.Type(), "")
	if err != nil {
		return err
	}
	pv.Set(x)
	return nil
}

func monthText(m model.Month) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

// parseDate reads "yyyy-mm-dd" back into the number it was written from,
// without judging it (the round trip must be exact).
func parseDate(s string) (model.Date, bool) {
	if s == "" {
		return 0, true
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	if e1 != nil || e2 != nil || e3 != nil {
		return 0, false
	}
	return model.Date(y*10000 + m*100 + d), true
}

func parseMonth(s string) (model.Month, bool) {
	if s == "" {
		return 0, true
	}
	if len(s) != 7 || s[4] != '-' {
		return 0, false
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:])
	if e1 != nil || e2 != nil {
		return 0, false
	}
	return model.Month(y*100 + m), true
}

type badField struct{ field, value string }

func (b badField) Error() string { return "bad value of " + b.field + ": " + strconv.Quote(b.value) }

// simpleEntity is the entity of the records of a bucket (in ID order),
// loaded with put; a period package holds those its scope chose.
func simpleEntity[T any](name, bucket string, put func(*storage.Restorer, *T) error) Entity {
	return scopedEntity(name, bucket, put, nil)
}

// scopedEntity is simpleEntity with asAtEnd, when set, changing each
// record a period package holds as it must (a member as at the period's
// end). Which records go is the scope's choice by ID, as Count says.
func scopedEntity[T any](name, bucket string, put func(*storage.Restorer, *T) error, asAtEnd func(*periodScope, *T)) Entity {
	return Entity{
		Name:    name,
		Buckets: []string{bucket},
		Count: func(r *storage.Records, s *periodScope) int {
			if n := s.count(bucket); n >= 0 {
				return n
			}
			return r.Count(bucket)
		},
		Write: func(r *storage.Records, j *JSONL, s *periodScope) error {
			return storage.MapRecordsWhere(r, bucket, s.keep(bucket), func(x *T, buf []byte) ([]byte, error) {
				if s != nil && asAtEnd != nil {
					asAtEnd(s, x)
				}
				buf = AppendRecord(buf, x)
				return append(buf, '\n'), nil
			}, j.Lines)
		},
		Load: func(rs *storage.Restorer, d *LineDecoder) error {
			return loadEach(d, func(x *T) error { return put(rs, x) })
		},
	}
}

// loadEach decodes every line of a data file into a fresh T and calls fn.
func loadEach[T any](d *LineDecoder, fn func(*T) error) error {
	for {
		var x T
		err := d.Next(&x)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		cleanRecord(&x)
		if err := fn(&x); err != nil {
			return d.Fail(err)
		}
	}
}

// cleanRecord cleans a record read from a package as the model cleans what
// a form or a roster gives it: its Normalize, where it has one, and no
// control, escape or bidi-control character in any text (a record's own
// Normalize keeps prose as written). A package this program wrote comes
// back unchanged.
func cleanRecord(v any) {
	cleanStrings(reflect.ValueOf(v).Elem())
	if n, ok := v.(interface{ Normalize() }); ok {
		n.Normalize()
	}
}

// cleanStrings strips unsafe characters from every string of a struct,
// its slices and pointers (map keys are names of the program's own).
func cleanStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			if s := model.StripUnsafe(v.String()); s != v.String() {
				v.SetString(s)
			}
		}
	case reflect.Struct:
		if v.Type() == tTime {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				cleanStrings(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			cleanStrings(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cleanStrings(v.Elem())
		}
	case reflect.Map:
		if v.Type().Elem().Kind() != reflect.String {
			return
		}
		for _, k := range v.MapKeys() {
			if s := v.MapIndex(k).String(); model.StripUnsafe(s) != s {
				v.SetMapIndex(k, reflect.ValueOf(model.StripUnsafe(s)).Convert(v.Type().Elem()))
			}
		}
	}
}
