package main

import (
	"io"
	"unicode/utf8"

	"unionbook/model"
	"unionbook/scratch"
	"unionbook/storage"
)

// openStore opens the database for a command or the terminal interface,
// first sweeping its private scratch folder of what killed runs left
// (temporary sheets, half-written packages, compact's copy). A UnionBook
// still running on the same database keeps its files: see scratch.Sweep.
func openStore(path string, opts storage.Options) (*storage.Store, error) {
	sweep(path)
	opts.NoSync = opts.NoSync || noSync
	return storage.Open(path, opts)
}

// noSync opens the databases without waiting for the disk after each
// write (storage.Options.NoSync). Only the tests of the commands set it, in
// their TestMain: they run the commands in their own process, where no
// crash can show a write that did not reach the disk. The tests of
// durability run the program as a process of its own, where it stays
// false.
var noSync bool

// sweep is scratch.Sweep for the database at path ("" for the default);
// it never stops a command: the next start tries again.
func sweep(path string) {
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return
		}
		path = p
	}
	_, _ = scratch.Sweep(path)
}

// safeWriter passes what a command prints without terminal escapes or
// bidi controls (model.IsUnsafe; line breaks and tabs pass): names and
// notes come from rosters and packages written by others, and nothing a
// file holds may clear the screen, retitle the window or reverse a line.
type safeWriter struct {
	w    io.Writer
	tail []byte // an incomplete UTF-8 sequence held for the next Write
}

func newSafeWriter(w io.Writer) io.Writer { return &safeWriter{w: w} }

func (s *safeWriter) Write(p []byte) (int, error) {
	b := append(s.tail, p...)
	s.tail = nil
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(b[i:]) {
				s.tail = append(s.tail, b[i:]...) // the rest comes with the next Write
				break
			}
			i++ // not UTF-8: dropped
			continue
		}
		if !model.IsUnsafe(r) {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	if _, err := s.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
