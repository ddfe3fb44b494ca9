// Package atomicfile writes files the safe way: a temporary file in the same
// folder, synced, then renamed over the target, so a crash never leaves half a file.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"unionbook/i18n"
)

// Tracker notes a temporary file for removal should the program be killed
// before the file is renamed or removed (a scratch.Session does).
type Tracker interface {
	Track(path string) error
	Untrack(path string)
}

// Write writes a file the safe way: into a temporary file in the
// same folder (mode 0600: rosters are personal data), synced to disk, then
// renamed over path. A failure leaves any earlier file at path untouched.
func Write(path string, write func(w io.Writer) error) error {
	return WriteTracked(path, nil, write)
}

// WriteTracked is Write with its temporary file (".NAME.*.tmp" beside path)
// noted in t, when t is not nil, while it exists: a run killed half-way
// leaves it for t's owner to sweep at the next start.
func WriteTracked(path string, t Tracker, write func(w io.Writer) error) (err error) {
	tmp, err := createTracked(path, t)
	if err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	name := tmp.Name()
	if t != nil {
		defer t.Untrack(name)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if runtime.GOOS != "windows" {
		if err := tmp.Chmod(0o600); err != nil {
			return i18n.E("import.write_failed", path, err.Error())
		}
	}
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	if err := tmp.Sync(); err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	if err := tmp.Close(); err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	if err := os.Rename(name, path); err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	return nil
}

// createTracked creates the temporary file ".NAME.123.tmp" beside path. Its
// name is tracked in t before the file exists, so that a kill at any
// moment leaves no file the sweep does not know of.
func createTracked(path string, t Tracker) (*os.File, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		if t != nil {
			if err := t.Track(name); err != nil {
				return nil, err
			}
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			if t != nil {
				t.Untrack(name)
			}
			continue
		}
		if err != nil && t != nil {
			t.Untrack(name)
		}
		return f, err
	}
	return nil, fmt.Errorf("%s: no free temporary name", dir)
}
