//go:build linux

package storage

import (
	"syscall"

	"go.etcd.io/bbolt"
)

// releaseMapped tells the kernel that the process no longer needs the
// pages of the database's memory map it has read: they stay in the page
// cache (the next read maps them again, without reading the disk) but leave
// the process's resident memory. A whole-file check of a 500 MB database
// would otherwise add 500 MB to it; the TUI's background scans (the roster,
// the dues figures) about 80 MB at 100,000 members, which would stay
// resident for the rest of the session.
//
// Only inside a transaction: bbolt remaps the file only while none is
// open, so the mapping tx sees is the one advised. The map is shared and
// read-only (bbolt writes with pwrite), so no data is lost.
func releaseMapped(tx *bbolt.Tx) {
	info := tx.DB().Info()
	size := tx.Size()
	if info == nil || info.Data == 0 || size <= 0 {
		return
	}
	// syscall.Madvise wants a slice; the address is bbolt's own mapping.
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(size), syscall.MADV_DONTNEED)
}
