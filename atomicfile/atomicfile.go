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

// Write writes a file the safe way: into a temporary file in the
// same folder (mode 0600: rosters are personal data), synced to disk, then
// renamed over path. A failure leaves any earlier file at path untouched.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	name := tmp.Name()
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
