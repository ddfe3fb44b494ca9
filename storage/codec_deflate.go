package storage

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"sync"
)

// Record format 3 (codec.go): CBOR compressed with DEFLATE against a preset
// dictionary, by deflateFixed (codec_lz.go). Its one block of fixed codes
// is inflated by inflateFixed (codec_inflate.go), anything else by
// compress/flate, whose readers are pooled.

var (
	deflaters = sync.Pool{New: func() any {
		w, err := flate.NewWriterDict(nil, flate.DefaultCompression, auditDict)
		if err != nil {
			panic(err)
		}
		return w
	}}
	inflaters = sync.Pool{New: func() any { return &inflater{r: flate.NewReader(bytes.NewReader(nil))} }}
)

// compressRecord is the format-3 record of CBOR bytes b: compressed by
// deflateFixed (codec_lz.go) and read back before it is trusted; should
// that ever differ, compress/flate compresses it instead.
func compressRecord(b []byte) ([]byte, error) {
	rec := lzAudit().deflateFixed(make([]byte, 1+crcSize, 1+crcSize+len(b)/2+16), b)
	if back, err := inflateRecord(rec[1+crcSize:]); err != nil || !bytes.Equal(back, b) {
		var err error
		if rec, err = flateRecord(b); err != nil {
			return nil, err
		}
	}
	rec[0] = formatDeflate
	binary.BigEndian.PutUint32(rec[1:], crc32.Checksum(rec[1+crcSize:], castagnoli))
	return rec, nil
}

var lzAudit = sync.OnceValue(func() *lzDictionary { return newLZDictionary(auditDict) })

// flateRecord is b compressed by compress/flate, after the header's room.
func flateRecord(b []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Write(make([]byte, 1+crcSize))
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	w.Reset(&out)
	if _, err := w.Write(b); err != nil {
		return nil, fmt.Errorf("compress record: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("compress record: %w", err)
	}
	return out.Bytes(), nil
}

// maxInflated bounds what one record may inflate to (a record is at most
// a few kilobytes; damage that passed the checksum must not make it a
// gigabyte).
const maxInflated = 16 << 20

// inflateRecord is the CBOR of a format-3 record's compressed bytes, in a
// new slice.
func inflateRecord(packed []byte) ([]byte, error) {
	if out, ok := inflateFixed(packed, auditDict, maxInflated); ok {
		return out, nil
	}
	in := inflaters.Get().(*inflater)
	defer inflaters.Put(in)
	in.src.Reset(packed)
	if err := in.r.(flate.Resetter).Reset(&in.src, auditDict); err != nil {
		return nil, &recordError{errRecordUnreadable, err}
	}
	in.limit = io.LimitedReader{R: in.r, N: maxInflated + 1}
	in.out.Reset()
	n, err := in.out.ReadFrom(&in.limit)
	if err == nil && n > maxInflated {
		err = fmt.Errorf("record inflates past %d bytes", maxInflated)
	}
	if err != nil {
		return nil, &recordError{errRecordUnreadable, fmt.Errorf("inflate record: %w", err)}
	}
	return bytes.Clone(in.out.Bytes()), nil
}

// inflatePrefix is at most the first n bytes of a format-3 record's CBOR
// (fewer when the record is shorter), in a new slice.
func inflatePrefix(packed []byte, n int) ([]byte, error) {
	if out, ok := inflateFixedPrefix(packed, auditDict, n); ok {
		return out, nil
	}
	in := inflaters.Get().(*inflater)
	defer inflaters.Put(in)
	in.src.Reset(packed)
	if err := in.r.(flate.Resetter).Reset(&in.src, auditDict); err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	k, err := io.ReadFull(in.r, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf[:k], nil
}

// inflater is a pooled reader of format-3 records and its buffers.
type inflater struct {
	r     io.ReadCloser
	src   bytes.Reader
	limit io.LimitedReader
	out   bytes.Buffer
}

var auditDict = []byte(auditDictionary)
