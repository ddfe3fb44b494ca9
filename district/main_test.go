package district

import (
	"os"
	"testing"
)

// shippedWorkFactor is scryptWorkFactor as the program has it.
var shippedWorkFactor int

// TestMain makes passphrase keys cheap to derive: the tests check what
// the encryption does (the right passphrase opens a package, a wrong one
// or none does not), not the cost that slows guessing.
func TestMain(m *testing.M) {
	shippedWorkFactor, scryptWorkFactor = scryptWorkFactor, 10
	os.Exit(m.Run())
}

// The program derives a passphrase's key at age's own cost: only the
// tests lower it.
func TestPassphraseKeysCostAgesWorkFactor(t *testing.T) {
	if shippedWorkFactor != 0 {
		t.Errorf("packages are encrypted with work factor %d, not age's own", shippedWorkFactor)
	}
}
