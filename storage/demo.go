package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
)

// MarkDemo marks the database as the demo's, in the batch's transaction
// (the demo's first, with its profile).
func (b *Batch) MarkDemo() error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.meta.Put(keyDemo, []byte("1"))
}

// IsDemo reports whether the demo township filled the database.
func (s *Store) IsDemo() (bool, error) {
	demo := false
	err := s.db.View(func(tx *bbolt.Tx) error {
		demo = tx.Bucket(bucketMeta).Get(keyDemo) != nil
		return nil
	})
	return demo, err
}

// SetDemoAside moves the demo database at path out of the way, beside it
// as NAME-demo-DATE.db (never over another file), so that the next Open of
// path makes a new, empty database: the start of the user's own books.
// The demo is kept, not deleted, and a database that is not the demo's is
// never moved (an error says so). The database must not be open.
func SetDemoAside(path string, now time.Time) (kept string, err error) {
	if path == "" {
		if path, err = DefaultPath(); err != nil {
			return "", err
		}
	}
	s, err := Open(path, Options{})
	if err != nil {
		return "", err
	}
	demo, err := s.IsDemo()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if !demo {
		return "", i18n.E("demo.not_demo", path)
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext) + "-demo-" + now.Format("2006-01-02")
	for n := 1; ; n++ {
		kept = base + ext
		if n > 1 {
			kept = fmt.Sprintf("%s-%d%s", base, n, ext)
		}
		if _, err := os.Lstat(kept); errors.Is(err, os.ErrNotExist) {
			break
		}
	}
	if err := os.Rename(path, kept); err != nil {
		return "", i18n.E("demo.set_aside_failed", path, err.Error())
	}
	return kept, nil
}
