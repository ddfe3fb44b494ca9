//go:build linux

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// tree is one source tree measured: its binary, its demos.
type tree struct {
	label string // "before", "after"
	dir   string
	bin   string
	probe string // the payments probe built against it
	demos string // the folder of its cached demos
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s in %s: %w", strings.Join(args, " "), dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// describe names a tree's commit, with "+changes" when its work tree differs.
func describe(dir string) string {
	c, err := git(dir, "log", "-1", "--format=%h %s")
	if err != nil {
		return dir
	}
	if len(c) > 70 {
		c = c[:70] + "..."
	}
	if d, _ := git(dir, "status", "--porcelain", "--untracked-files=no"); d != "" {
		c += " (+ uncommitted changes)"
	}
	return c
}

// demoSources are what a demo database depends on: the demo and model
// packages, the storage files that say how records are laid out and
// encoded (a new layout comes with a migration in schema.go), the demo
// command (it packs the file), the dependencies.
var demoSources = []string{"demo", "model", "storage/schema.go", "storage/layout.go", "storage/codec.go",
	"storage/codec_dense.go", "storage/codec_dict.go", "storage/codec_lz.go", "storage/dues_enc.go", "storage/migrate_dense.go", "cmd_demo.go", "go.sum"}

// demoKey names a tree's demos by what makes them (demoSources), committed
// and not. A change elsewhere (the interface, how storage reads) keeps the
// cached demos.
func demoKey(dir string) (string, error) {
	h := sha256.New()
	for _, p := range demoSources {
		id, err := git(dir, "rev-parse", "HEAD:"+p)
		if err != nil {
			id = "absent" // an older tree without the file
		}
		fmt.Fprintln(h, p, id)
	}
	diff := exec.Command("git", append([]string{"-C", dir, "diff", "HEAD", "--"}, demoSources...)...)
	diff.Stdout = h
	if err := diff.Run(); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// build builds the program and the payments probe of the tree at dir.
func build(label, dir, cache string) (*tree, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	key, err := demoKey(dir)
	if err != nil {
		return nil, err
	}
	t := &tree{label: label, dir: dir,
		bin:   filepath.Join(cache, "bin", label),
		probe: filepath.Join(cache, "bin", label+"-probe"),
		demos: filepath.Join(cache, "demos", key)}
	if err := os.MkdirAll(filepath.Dir(t.bin), 0o755); err != nil {
		return nil, err
	}
	if _, out, err := run(dir, "go", "build", "-o", t.bin, "."); err != nil {
		return nil, fmt.Errorf("build %s: %w\n%s", dir, err, out)
	}
	// The probe is a main package laid over the tree (go build -overlay),
	// so an older tree needs no change.
	src := filepath.Join(cache, "probe.go")
	if err := os.WriteFile(src, []byte(probeSource), 0o644); err != nil {
		return nil, err
	}
	ov, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(dir, "cmd", "ubprobe", "main.go"): src}})
	ovPath := filepath.Join(cache, "overlay-"+label+".json")
	if err := os.WriteFile(ovPath, ov, 0o644); err != nil {
		return nil, err
	}
	if _, out, err := run(dir, "go", "build", "-overlay", ovPath, "-o", t.probe, "./cmd/ubprobe"); err != nil {
		return nil, fmt.Errorf("build the probe in %s: %w\n%s", dir, err, out)
	}
	return t, nil
}

// demo returns the tree's demo of n members, making it first if it is not
// cached, with what making it cost.
func (t *tree) demo(n int, logf func(string, ...any)) (string, usage, error) {
	db := filepath.Join(t.demos, "m"+strconv.Itoa(n)+".db")
	meta := strings.TrimSuffix(db, ".db") + ".json"
	var u usage
	if b, err := os.ReadFile(meta); err == nil {
		if err := json.Unmarshal(b, &u); err == nil {
			if _, err := os.Stat(db); err == nil {
				return db, u, nil
			}
		}
	}
	if err := os.MkdirAll(t.demos, 0o755); err != nil {
		return "", u, err
	}
	logf("%s: building the %d-member demo in %s", t.label, n, t.demos)
	u, err := t.makeDemo(db, n)
	if err != nil {
		return "", u, err
	}
	b, _ := json.Marshal(u)
	return db, u, os.WriteFile(meta, b, 0o644)
}

// makeDemo runs `demo --members n` into a new file at db.
func (t *tree) makeDemo(db string, n int) (usage, error) {
	_ = os.Remove(db)
	_ = os.RemoveAll(filepath.Join(filepath.Dir(db), "backups"))
	u, _, err := run(filepath.Dir(db), t.bin, "demo", "--db", db, "--members", strconv.Itoa(n), "--lang", "en")
	return u, err
}

// copyFile copies a database for a run (the runs write into it).
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) || fi == nil {
		return 0
	}
	return fi.Size()
}
