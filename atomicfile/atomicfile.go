// Package atomicfile writes files the safe way: a temporary file in the same
// folder, synced, then renamed over the target, so a crash never leaves half a file.
package atomicfile

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"

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
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	name := tmp.Name()
	if t != nil {
		if err := t.Track(name); err != nil {
			tmp.Close()
			os.Remove(name)
			return i18n.E("import.write_failed", path, err.Error())
		}
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
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	return nil
}
