//go:build linux

package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

// rssFile is the process's resident memory backed by files (the memory
// map of the database among it), from /proc.
func rssFile(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc:", err)
	}
	for line := range strings.Lines(string(b)) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "RssFile:" {
			kb, _ := strconv.Atoi(f[1])
			return kb << 10
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// A whole-file read (the daily check) leaves the file's pages out of the
// process's memory once released.
func TestReleaseMappedLeavesTheFileOutOfMemory(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "big.db"), 0o600, &bbolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const size = 48 << 20
	val := bytes.Repeat([]byte("工会"), 2000)
	if err := db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("x"))
		if err != nil {
			return err
		}
		for i := 0; i*len(val) < size; i++ {
			if err := b.Put(itob(uint64(i)), val); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	before := rssFile(t)
	var read, released int
	if err := db.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		var sum int
		if err := tx.Bucket([]byte("x")).ForEach(func(_, v []byte) error { sum += int(v[len(v)-1]); return nil }); err != nil {
			return err
		}
		read = rssFile(t)
		releaseMapped(tx)
		released = rssFile(t)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	t.Logf("file-backed memory: %d MB before, %d MB after reading the file, %d MB released", before>>20, read>>20, released>>20)
	if read-before < size/2 {
		t.Skipf("reading the file added only %d MB of mapped memory: nothing to release", (read-before)>>20)
	}
	if released-before > 8<<20 {
		t.Errorf("after releasing, %d MB of the file stay in memory", (released-before)>>20)
	}
}
