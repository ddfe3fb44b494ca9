package storage

import "syscall"

// diskFullErrors are the errors of a full disk: ERROR_DISK_FULL and
// ERROR_HANDLE_DISK_FULL.
var diskFullErrors = []error{syscall.ENOSPC, syscall.Errno(112), syscall.Errno(39)}
