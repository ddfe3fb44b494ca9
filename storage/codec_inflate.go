package storage

// inflateFixedPrefix is at most the first n bytes that a raw DEFLATE
// stream inflates to against dict, for a stream whose first block uses the
// fixed Huffman codes: what deflateFixed writes. Choosing a period's audit
// entries reads the start of each of hundreds of thousands; compress/flate
// costs about 3 µs a record to set up its window, this a few hundred
// nanoseconds. ok is false for any other stream (a block of another type,
// a first block not the last, a code or distance out of range), and the
// caller inflates with compress/flate.
func inflateFixedPrefix(packed, dict []byte, n int) (out []byte, ok bool) {
	r := bitReader{b: packed}
	final, okF := r.bits(1)
	kind, okK := r.bits(2)
	if !okF || !okK || final != 1 || kind != 1 {
		return nil, false
	}
	out = make([]byte, 0, n)
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
		code, ok := r.code(5)
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

// fixedSymbol reads a literal/length symbol in the fixed code (RFC 1951,
// 3.2.6): 7 bits for 256-279, 8 for 0-143 and 280-287, 9 for 144-255.
func (r *bitReader) fixedSymbol() (int, bool) {
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
