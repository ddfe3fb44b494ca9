//go:build !windows

package storage

import "syscall"

// diskFullErrors are the errors of a full disk or an exceeded quota.
var diskFullErrors = []error{syscall.ENOSPC, syscall.EDQUOT}
