//go:build !linux

package storage

import "go.etcd.io/bbolt"

// releaseMapped is a no-op where the kernel has no MADV_DONTNEED for a
// shared file mapping that this program uses (Windows trims a process's
// working set under memory pressure by itself).
func releaseMapped(*bbolt.Tx) {}
