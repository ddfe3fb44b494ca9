//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"time"
)

// tuiResult is one run of the terminal interface.
type tuiResult struct {
	FirstFrame time.Duration // start to the first drawn screen
	MemberRows time.Duration // start to member rows ("2" pressed at the first frame)
	Idle       time.Duration // start to quiet: every background load done
	IdleCPU    time.Duration // CPU used by then
	KeyWall    []time.Duration
	KeyCPU     []time.Duration
	PeakRSS    int64 // VmHWM after every tab
	PeakAnon   int64 // the largest RssAnon sampled (the program's own memory)
	TotalCPU   time.Duration
}

// tui drives the program on a pseudo-terminal and watches what it draws.
type tui struct {
	cmd   *exec.Cmd
	pty   *os.File
	pid   int
	start time.Time

	mu       sync.Mutex
	scr      *screen
	lastOut  time.Time
	lastCPU  time.Duration // the program's CPU when its last output arrived
	watch    *watch
	peakAnon int64
	raw      *os.File // -debug: everything it wrote

	exited chan struct{}
}

type watch struct {
	match func(string) bool
	at    time.Time
	done  chan struct{}
}

const termCols, termRows = 120, 40

func startTUI(bin, db string, debugRaw string) (*tui, error) {
	cmd := exec.Command(bin, "--db", db, "--lang", "en")
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor")
	t := &tui{scr: newScreen(termCols, termRows), exited: make(chan struct{})}
	if debugRaw != "" {
		f, err := os.Create(debugRaw)
		if err != nil {
			return nil, err
		}
		t.raw = f
	}
	t.start = time.Now()
	m, err := startInPTY(cmd, termCols, termRows)
	if err != nil {
		return nil, err
	}
	t.cmd, t.pty, t.pid = cmd, m, cmd.Process.Pid
	go t.read()
	go t.sample()
	go func() {
		_ = cmd.Wait()
		close(t.exited)
	}()
	return t, nil
}

func (t *tui) read() {
	buf := make([]byte, 256<<10)
	for {
		n, err := t.pty.Read(buf)
		now := time.Now()
		if n > 0 {
			cpu := procCPU(t.pid)
			t.mu.Lock()
			if t.raw != nil {
				_, _ = t.raw.Write(buf[:n])
			}
			t.scr.Write(buf[:n])
			t.lastOut, t.lastCPU = now, cpu
			if w := t.watch; w != nil && w.at.IsZero() && w.match(t.scr.Text()) {
				w.at = now
				close(w.done)
			}
			t.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// sample keeps the largest RssAnon (the program's own memory; the mapped
// database file is RssFile).
func (t *tui) sample() {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-t.exited:
			return
		case <-tick.C:
			st := procStatus(t.pid, "RssAnon")
			t.mu.Lock()
			t.peakAnon = max(t.peakAnon, st["RssAnon"])
			t.mu.Unlock()
		}
	}
}

// waitFor waits until the screen matches and returns when (since start)
// the output that made it match arrived.
func (t *tui) waitFor(what string, match func(string) bool, timeout time.Duration) (time.Duration, error) {
	w := &watch{match: match, done: make(chan struct{})}
	t.mu.Lock()
	if match(t.scr.Text()) {
		w.at = t.lastOut
		close(w.done)
	}
	t.watch = w
	t.mu.Unlock()
	select {
	case <-w.done:
		return w.at.Sub(t.start), nil
	case <-t.exited:
		return 0, fmt.Errorf("the program ended while waiting for %s:\n%s", what, t.text())
	case <-time.After(timeout):
		return 0, fmt.Errorf("no %s within %v; the screen:\n%s", what, timeout, t.text())
	}
}

func (t *tui) text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.scr.Text()
}

// settle waits until the program has drawn nothing and used almost no CPU
// for quiet (the 60-per-second frame ticker costs a little); it returns
// the moment it last drew.
func (t *tui) settle(quiet, timeout time.Duration) (time.Time, error) {
	const step = 20 * time.Millisecond
	type sample struct {
		at  time.Time
		cpu time.Duration
	}
	var hist []sample
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		select {
		case <-t.exited:
			return time.Time{}, errors.New("the program ended")
		case <-time.After(step):
		}
		now := time.Now()
		hist = append(hist, sample{now, procCPU(t.pid)})
		t.mu.Lock()
		last := t.lastOut
		t.mu.Unlock()
		if now.Sub(last) < quiet || now.Sub(hist[0].at) < quiet {
			continue
		}
		i := 0 // the oldest sample within the window
		for i < len(hist)-1 && now.Sub(hist[i+1].at) >= quiet {
			i++
		}
		hist = hist[i:]
		if used := hist[len(hist)-1].cpu - hist[0].cpu; used*50 < now.Sub(hist[0].at) { // under 2%
			return last, nil
		}
	}
	return time.Time{}, fmt.Errorf("not quiet within %v", timeout)
}

func (t *tui) press(keys string) error {
	_, err := t.pty.Write([]byte(keys))
	return err
}

// quit ends the program (q, then ctrl+c, then a kill) and waits for it.
func (t *tui) quit() {
	for _, k := range []string{"q", "\x03"} {
		_ = t.press(k)
		select {
		case <-t.exited:
			t.close()
			return
		case <-time.After(5 * time.Second):
		}
	}
	_ = t.cmd.Process.Kill()
	<-t.exited
	t.close()
}

func (t *tui) close() {
	t.pty.Close()
	if t.raw != nil {
		t.raw.Close()
	}
}

var maskedID = regexp.MustCompile(`\d{6}\*{8}\d{3}[\dX]`)

// runTUI is the user's session: start, go to the members at once, wait
// for every background load, search for "z" keystrokes times, visit every
// tab, quit.
func runTUI(bin, db string, keystrokes int, debugRaw string) (r tuiResult, err error) {
	t, err := startTUI(bin, db, debugRaw)
	if err != nil {
		return r, err
	}
	show := func(when string) {
		if debugRaw != "" {
			fmt.Fprintf(os.Stderr, "---- %s (%v)\n%s", when, time.Since(t.start), t.text())
		}
	}
	defer func() {
		if err != nil {
			_ = t.cmd.Process.Kill()
			<-t.exited
			t.close()
		}
	}()
	long := 10 * time.Minute
	// the first tab's label: "Overview" in older trees, "Home" since
	firstTab := func(s string) bool { return strings.Contains(s, "Overview") || strings.Contains(s, "1 Home") }
	if r.FirstFrame, err = t.waitFor("first frame", firstTab, long); err != nil {
		return r, err
	}
	if err = t.press("2"); err != nil {
		return r, err
	}
	if r.MemberRows, err = t.waitFor("member rows", maskedID.MatchString, long); err != nil {
		return r, err
	}
	last, err := t.settle(500*time.Millisecond, long)
	if err != nil {
		return r, err
	}
	r.Idle, r.IdleCPU = last.Sub(t.start), procCPU(t.pid)
	show("idle after start")
	if err = t.press("/"); err != nil {
		return r, err
	}
	if _, err = t.settle(300*time.Millisecond, time.Minute); err != nil {
		return r, err
	}
	for range keystrokes {
		before := t.text()
		cpu0, t0 := procCPU(t.pid), time.Now()
		if err = t.press("z"); err != nil {
			return r, err
		}
		last, err := t.settle(250*time.Millisecond, time.Minute)
		if err != nil {
			return r, err
		}
		t.mu.Lock()
		cpu1 := t.lastCPU
		t.mu.Unlock()
		if last.Before(t0) || t.text() == before {
			return r, fmt.Errorf("the search did not redraw the screen:\n%s", t.text())
		}
		show("z typed")
		r.KeyWall = append(r.KeyWall, last.Sub(t0))
		r.KeyCPU = append(r.KeyCPU, cpu1-cpu0)
		if err = t.press("\x15"); err != nil { // ctrl+u empties the box
			return r, err
		}
		if _, err = t.settle(250*time.Millisecond, time.Minute); err != nil {
			return r, err
		}
	}
	if err = t.press("\x1b"); err != nil {
		return r, err
	}
	for _, k := range "1345678902" {
		if _, err = t.settle(400*time.Millisecond, long); err != nil {
			return r, err
		}
		show("before " + string(k))
		if err = t.press(string(k)); err != nil {
			return r, err
		}
	}
	if _, err = t.settle(400*time.Millisecond, long); err != nil {
		return r, err
	}
	show("every tab visited")
	if len(t.scr.unhandled) > 0 {
		show(fmt.Sprintf("CSI sequences not emulated: %v", t.scr.unhandled))
	}
	r.PeakRSS = procStatus(t.pid, "VmHWM")["VmHWM"]
	t.mu.Lock()
	r.PeakAnon = t.peakAnon
	t.mu.Unlock()
	t.quit()
	if ps := t.cmd.ProcessState; ps != nil {
		r.TotalCPU = ps.UserTime() + ps.SystemTime()
	}
	return r, nil
}
