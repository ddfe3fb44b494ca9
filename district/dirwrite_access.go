//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package district

import "syscall"

// dirWritable asks the system whether dir may be written, without writing
// to it (access(2) with W_OK).
func dirWritable(dir string) error { return syscall.Access(dir, 2) }
