package storage

import (
	"encoding/binary"
	"math/bits"
	"sync"
)

// A small DEFLATE encoder for record format 3 (codec.go): one final block
// with the fixed Huffman codes of RFC 1951 (3.2.6), and LZ77 matches
// against the preset dictionary and the record itself. compress/flate
// writes the same format but costs about 25 µs a record whatever its size:
// its Reset clears 640 KB of hash tables and hashes the dictionary again,
// and it builds Huffman tables that a record of a few hundred bytes does
// not repay. Here the dictionary's hash chains are built once; a record
// costs a few microseconds. What it writes is ordinary DEFLATE, which
// compress/flate reads (inflateRecord); compressRecord checks every
// record it writes by reading it back.

const (
	lzHashBits  = 12
	lzMinMatch  = 4
	lzMaxMatch  = 258
	lzMaxChain  = 32
	lzMaxOffset = 32768
)

// lzDictionary is the dictionary with its hash chains: head[h] is one
// more than the last position whose four bytes hash to h (0: none), and
// prev[p] one more than the position before p with the same hash.
type lzDictionary struct {
	data []byte
	head [1 << lzHashBits]int32
	prev []int32
}

func newLZDictionary(d []byte) *lzDictionary {
	z := &lzDictionary{data: d, prev: make([]int32, len(d))}
	for p := 0; p+lzMinMatch <= len(d); p++ {
		h := lzHash(d[p:])
		z.prev[p] = z.head[h]
		z.head[h] = int32(p + 1)
	}
	return z
}

func lzHash(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 2654435761) >> (32 - lzHashBits)
}

// lzScratch is one encoding's working memory, pooled.
type lzScratch struct {
	window []byte // the dictionary, then the record
	head   [1 << lzHashBits]int32
	prev   []int32
	out    bitWriter
}

var lzScratches = sync.Pool{New: func() any { return new(lzScratch) }}

// deflateFixed appends to dst the raw DEFLATE stream of b against z.
func (z *lzDictionary) deflateFixed(dst, b []byte) []byte {
	s := lzScratches.Get().(*lzScratch)
	defer lzScratches.Put(s)
	s.window = append(append(s.window[:0], z.data...), b...)
	s.head = z.head
	s.prev = append(append(s.prev[:0], z.prev...), make([]int32, len(b))...)
	w := &s.out
	w.reset(dst)
	w.write(1, 1) // BFINAL
	w.write(1, 2) // BTYPE 01: fixed Huffman codes
	win := s.window
	start := len(z.data)
	insert := func(p int) {
		if p+lzMinMatch <= len(win) {
			h := lzHash(win[p:])
			s.prev[p] = s.head[h]
			s.head[h] = int32(p + 1)
		}
	}
	for p := start; p < len(win); {
		bestLen, bestOff := 0, 0
		if p+lzMinMatch <= len(win) {
			limit := min(lzMaxMatch, len(win)-p)
			cand := s.head[lzHash(win[p:])]
			for chain := 0; cand > 0 && chain < lzMaxChain; chain++ {
				q := int(cand - 1)
				off := p - q
				if off > lzMaxOffset {
					break
				}
				if win[q+bestLen] == win[p+bestLen] || bestLen == 0 {
					n := 0
					for n < limit && win[q+n] == win[p+n] {
						n++
					}
					if n > bestLen {
						bestLen, bestOff = n, off
						if n == limit {
							break
						}
					}
				}
				cand = s.prev[q]
			}
		}
		if bestLen >= lzMinMatch {
			w.length(bestLen)
			w.distance(bestOff)
			for i := 0; i < bestLen; i++ {
				insert(p + i)
			}
			p += bestLen
			continue
		}
		w.literal(win[p])
		insert(p)
		p++
	}
	w.literal256()
	return w.flush()
}

// bitWriter writes DEFLATE's bits, least significant first.
type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) reset(dst []byte) { w.buf, w.acc, w.nbits = dst, 0, 0 }

func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// code writes a Huffman code, which DEFLATE packs most significant bit first.
func (w *bitWriter) code(c uint32, n uint) {
	w.write(uint64(bits.Reverse32(c)>>(32-n)), n)
}

// symbol writes a literal/length symbol in the fixed code.
func (w *bitWriter) symbol(sym int) {
	switch {
	case sym < 144:
		w.code(uint32(0x30+sym), 8)
	case sym < 256:
		w.code(uint32(0x190+sym-144), 9)
	case sym < 280:
		w.code(uint32(sym-256), 7)
	default:
		w.code(uint32(0xc0+sym-280), 8)
	}
}

func (w *bitWriter) literal(b byte) { w.symbol(int(b)) }
func (w *bitWriter) literal256()    { w.symbol(256) } // end of block

func (w *bitWriter) length(n int) {
	i := len(lengthBase) - 1
	for lengthBase[i] > n {
		i--
	}
	w.symbol(257 + i)
	if e := lengthExtra[i]; e > 0 {
		w.write(uint64(n-lengthBase[i]), e)
	}
}

func (w *bitWriter) distance(d int) {
	i := len(distBase) - 1
	for distBase[i] > d {
		i--
	}
	w.code(uint32(i), 5)
	if e := distExtra[i]; e > 0 {
		w.write(uint64(d-distBase[i]), e)
	}
}

func (w *bitWriter) flush() []byte {
	if w.nbits > 0 {
		w.buf = append(w.buf, byte(w.acc))
	}
	w.acc, w.nbits = 0, 0
	return w.buf
}

// The length and distance codes of RFC 1951 (3.2.5): the first value of
// each code and its count of extra bits. Length 258 has its own code
// (285) without extra bits.
var (
	lengthBase, lengthExtra = deflateCodes(29, 3, 4)
	distBase, distExtra     = deflateCodes(30, 1, 2)
)

// deflateCodes lists n codes whose values start at first, the first perRun
// of them with no extra bits and then perRun codes each with one extra bit
// more than the run before; the last length code is 258 alone.
func deflateCodes(n, first, perRun int) (base []int, extra []uint) {
	base, extra = make([]int, n), make([]uint, n)
	v := first
	for i := range n {
		e := uint(0)
		if i >= 2*perRun {
			e = uint(i/perRun - 1)
		}
		base[i], extra[i] = v, e
		v += 1 << e
	}
	if n == 29 {
		base[28], extra[28] = 258, 0
	}
	return base, extra
}
