package storage

// inflateFixedPrefix is at most the first n bytes that a raw DEFLATE
// stream inflates to against dict, for a stream whose first block uses the
// fixed Huffman codes: what deflateFixed writes. Choosing a period's audit
// entries reads the start of each of hundreds of thousands; compress/flate
// costs about 3 µs a record to set up its window, this about 150 ns for
// an entry's first 48 bytes. ok is false for any other stream (a block of
// another type, a first block not the last, a code or distance out of
// range), and the caller inflates with compress/flate.
func inflateFixedPrefix(packed, dict []byte, n int) (out []byte, ok bool) {
	r := bitReader{b: packed}
	final, okF := r.bits(1)
	kind, okK := r.bits(2)
	if !okF || !okK || final != 1 || kind != 1 {
		return nil, false
	}
	// deflateFixed rarely packs a record to less than a third
	out = make([]byte, 0, min(n, 4*len(packed)+64))
	for len(out) < n {
		sym, ok := r.fixedSymbol()
		if !ok {
			return nil, false
		}
		switch {
		case sym < 256:
			out = append(out, byte(sym))
			continue
		case sym == 256: // the end of the stream
			return out, true
		case sym > 285:
			return nil, false
		}
		length, ok := r.plus(lengthBase[sym-257], lengthExtra[sym-257])
		if !ok {
			return nil, false
		}
		code, ok := r.distCode()
		if !ok || code >= 30 {
			return nil, false
		}
		dist, ok := r.plus(distBase[code], distExtra[code])
		if !ok || dist > len(dict)+len(out) {
			return nil, false
		}
		for range length {
			if len(out) == n {
				break
			}
			if p := len(out) - dist; p >= 0 {
				out = append(out, out[p])
			} else {
				out = append(out, dict[len(dict)+p])
			}
		}
	}
	return out, true
}

// inflateFixed is the whole of what a stream of one fixed-code block
// inflates to against dict, when that is at most limit bytes; ok is false
// otherwise, as for inflateFixedPrefix.
func inflateFixed(packed, dict []byte, limit int) (out []byte, ok bool) {
	out, ok = inflateFixedPrefix(packed, dict, limit+1)
	return out, ok && len(out) <= limit
}

// bitReader reads DEFLATE's bits, least significant first.
type bitReader struct {
	b     []byte
	acc   uint64
	nbits uint
}

func (r *bitReader) bits(n uint) (uint64, bool) {
	for r.nbits < n {
		if len(r.b) == 0 {
			return 0, false
		}
		r.acc |= uint64(r.b[0]) << r.nbits
		r.b = r.b[1:]
		r.nbits += 8
	}
	v := r.acc & (1<<n - 1)
	r.acc >>= n
	r.nbits -= n
	return v, true
}

// plus is base and the n extra bits that follow a length or distance code.
func (r *bitReader) plus(base int, n uint) (int, bool) {
	if n == 0 {
		return base, true
	}
	x, ok := r.bits(n)
	return base + int(x), ok
}

// code reads an n-bit Huffman code, packed most significant bit first.
func (r *bitReader) code(n uint) (int, bool) {
	c := 0
	for range n {
		b, ok := r.bits(1)
		if !ok {
			return 0, false
		}
		c = c<<1 | int(b)
	}
	return c, true
}

// fill loads whole bytes into the accumulator while they fit.
func (r *bitReader) fill() {
	for r.nbits <= 56 && len(r.b) > 0 {
		r.acc |= uint64(r.b[0]) << r.nbits
		r.b = r.b[1:]
		r.nbits += 8
	}
}

// fixedSymbol reads a literal/length symbol in the fixed code (RFC 1951,
// 3.2.6) by one look-up of the next nine bits (fixedCodes); a stream's
// last few bits, fewer than nine, are read a bit at a time.
func (r *bitReader) fixedSymbol() (int, bool) {
	if r.nbits < 9 {
		r.fill()
		if r.nbits < 9 {
			return r.fixedSymbolBits()
		}
	}
	e := fixedCodes[r.acc&0x1ff]
	n := uint(e & 0xf)
	r.acc >>= n
	r.nbits -= n
	return int(e >> 4), true
}

// distCode reads a fixed distance code: five bits, most significant first.
func (r *bitReader) distCode() (int, bool) {
	if r.nbits < 5 {
		r.fill()
		if r.nbits < 5 {
			return 0, false
		}
	}
	c := reversed5[r.acc&0x1f]
	r.acc >>= 5
	r.nbits -= 5
	return int(c), true
}

// fixedCodes maps the next nine bits of a stream (least significant
// first, as read) to the fixed code's symbol<<4 | the code's length.
var fixedCodes = func() (t [512]uint16) {
	for sym := range 288 {
		var code, n int
		switch {
		case sym < 144:
			code, n = 0x30+sym, 8
		case sym < 256:
			code, n = 0x190+sym-144, 9
		case sym < 280:
			code, n = sym-256, 7
		default:
			code, n = 0xc0+sym-280, 8
		}
		rev := 0 // the code's bits as they come off the stream
		for i := range n {
			rev |= (code >> (n - 1 - i) & 1) << i
		}
		for hi := 0; hi < 1<<(9-n); hi++ {
			t[rev|hi<<n] = uint16(sym<<4 | n)
		}
	}
	return t
}()

// reversed5 is a five-bit number with its bits in the reverse order.
var reversed5 = func() (t [32]uint8) {
	for i := range 32 {
		for b := range 5 {
			t[i] |= uint8(i>>b&1) << (4 - b)
		}
	}
	return t
}()

// fixedSymbolBits is fixedSymbol a bit at a time: 7 bits for 256-279, 8
// for 0-143 and 280-287, 9 for 144-255.
func (r *bitReader) fixedSymbolBits() (int, bool) {
	c, ok := r.code(7)
	if !ok {
		return 0, false
	}
	if c <= 0x17 {
		return 256 + c, true
	}
	b, ok := r.bits(1)
	if !ok {
		return 0, false
	}
	c = c<<1 | int(b)
	switch {
	case c >= 0x30 && c <= 0xbf:
		return c - 0x30, true
	case c >= 0xc0 && c <= 0xc7:
		return 280 + c - 0xc0, true
	}
	if b, ok = r.bits(1); !ok {
		return 0, false
	}
	return 144 + (c<<1 | int(b)) - 0x190, true
}
