//go:build windows

package scratch

import "os"

// holdLock: on Windows a file Go opened cannot be removed while it is open
// (Go opens files without FILE_SHARE_DELETE), so the open lock file, held
// from its creation, is the lock.
func holdLock(*os.File) (bool, error) { return true, nil }

// claim removes a session's lock file, which succeeds only when no process
// has it open any more: the session's process has ended.
func claim(path string) (release func(), ok bool) {
	if os.Remove(path) != nil {
		return nil, false
	}
	return func() {}, true
}
