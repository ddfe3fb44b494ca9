package storage

import "weak"

// ForgetSharedReads drops the shared dues reads, so a benchmark's every
// round decodes the roster as a first load does.
func ForgetSharedReads(s *Store) {
	s.shared.mu.Lock()
	s.shared.last = weak.Pointer[duesShared]{}
	s.shared.mu.Unlock()
}
