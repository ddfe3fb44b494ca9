package district

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"unionbook/model"
)

// AppendRecord appends the JSON line of a record (the rules of
// entity_codec.go) to buf, without the newline. It writes what
// EncodeRecord writes, faster: no intermediate values, for the millions of
// dues payments of a county federation.
func AppendRecord(buf []byte, v any) []byte {
	return appendValue(buf, reflect.ValueOf(v).Elem())
}

type planField struct {
	index int
	name  []byte // `"name":`
}

var plans sync.Map // reflect.Type → []planField

func planOf(t reflect.Type) []planField {
	if p, ok := plans.Load(t); ok {
		return p.([]planField)
	}
	var fs []planField
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
		fs = append(fs, planField{index: i, name: []byte(strconv.Quote(name) + ":")})
	}
	plans.Store(t, fs)
	return fs
}

func appendValue(buf []byte, v reflect.Value) []byte {
	t := v.Type()
	switch t {
	case tDate:
		return appendQuoted(buf, model.Date(v.Int()).String())
	case tMonth:
		return appendQuoted(buf, monthText(model.Month(v.Int())))
	case tTime:
		tm := v.Interface().(time.Time)
		if tm.IsZero() {
			return append(buf, `""`...)
		}
		buf = append(buf, '"')
		buf = tm.AppendFormat(buf, time.RFC3339Nano)
		return append(buf, '"')
	}
	switch t.Kind() {
	case reflect.Struct:
		buf = append(buf, '{')
		first := true
		for _, f := range planOf(t) {
			fv := v.Field(f.index)
			if fv.IsZero() || (fv.Kind() == reflect.Slice && fv.Len() == 0) || (fv.Kind() == reflect.Map && fv.Len() == 0) {
				continue
			}
			if !first {
				buf = append(buf, ',')
			}
			first = false
			buf = append(buf, f.name...)
			buf = appendValue(buf, fv)
		}
		return append(buf, '}')
	case reflect.Slice:
		if v.IsNil() {
			return append(buf, "null"...)
		}
		buf = append(buf, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendValue(buf, v.Index(i))
		}
		return append(buf, ']')
	case reflect.Map:
		// Maps (the counters) are rare: sorted keys, string keys only.
		keys := v.MapKeys()
		ss := make([]string, len(keys))
		for i, k := range keys {
			ss[i] = k.String()
		}
		sortStrings(ss)
		buf = append(buf, '{')
		for i, k := range ss {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendQuoted(buf, k)
			buf = append(buf, ':')
			buf = appendValue(buf, v.MapIndex(reflect.ValueOf(k).Convert(t.Key())))
		}
		return append(buf, '}')
	case reflect.Pointer:
		if v.IsNil() {
			return append(buf, "null"...)
		}
		return appendValue(buf, v.Elem())
	case reflect.String:
		return appendQuoted(buf, v.String())
	case reflect.Bool:
		return strconv.AppendBool(buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return strconv.AppendFloat(buf, v.Float(), 'g', -1, 64)
	}
	return append(buf, "null"...)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

const hexDigits = "0123456789abcdef"

// appendQuoted appends s as a JSON string: quotes, backslashes and control
// characters escaped, invalid UTF-8 replaced (as encoding/json does).
func appendQuoted(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
