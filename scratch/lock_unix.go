//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package scratch

import (
	"errors"
	"os"
	"syscall"
)

// holdLock takes the exclusive lock of a session's new lock file and
// reports whether the file is still the one at its name (a sweep may have
// taken it for a leftover and removed it before the lock was taken).
//
// Where the file system has no locks (some network shares) the session goes
// on unlocked: claim cannot take its lock either, so no sweep removes it
// (nor, after a kill, its leftovers).
func holdLock(f *os.File) (bool, error) {
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return false, nil
		}
		return true, nil
	}
	held, err := f.Stat()
	if err != nil {
		return false, err
	}
	named, err := os.Lstat(f.Name())
	if err != nil {
		return false, nil
	}
	return os.SameFile(held, named), nil
}

// claim takes the lock of a session's lock file if nobody holds it: the
// session's process has ended. release removes the lock file and lets go.
func claim(path string) (release func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	if err := flock(f, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() {
		os.Remove(path)
		f.Close()
	}, true
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
