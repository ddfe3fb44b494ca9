package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"testing"
)

// The tests that need the program as its own process (a damaged file must
// not crash it; a SIGKILL must not corrupt what it writes) run this test
// binary again as the program: with cliChildEnv set, TestMain hands its
// arguments to run, as main does, and exits with its status.
const cliChildEnv = "UNIONBOOK_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(cliChildEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
	}
	// in this process no crash can show an unsynced write: see noSync
	noSync = true
	os.Exit(m.Run())
}

// cliCommand is the program as a child process with args, in language
// lang, with its temporary folder in tmp ("" for the default).
func cliCommand(lang, tmp string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	env := append(os.Environ(), cliChildEnv+"=1", "LANG="+lang, "LC_ALL=", "LC_MESSAGES=")
	if tmp != "" {
		env = append(env, "TMPDIR="+tmp)
	}
	cmd.Env = env
	return cmd
}

// childResult is one run of the program as a child process. signal is set
// when it died of one (a crash) instead of exiting.
type childResult struct {
	code           int
	signal         string
	stdout, stderr string
}

func runChild(t *testing.T, lang string, args ...string) childResult {
	t.Helper()
	cmd := cliCommand(lang, "", args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := childResult{stdout: out.String(), stderr: errOut.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
		if r.code < 0 {
			r.signal = ee.String()
		}
	default:
		t.Fatal(err)
	}
	return r
}
