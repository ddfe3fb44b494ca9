package district

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"filippo.io/age"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Reading a package back (verify, merge, import package) trusts nothing in
// it: entry names must be plain relative paths, every file is read through
// a limit of the size the manifest declares (and all of them through an
// overall cap), and a file that is not a package says so.

// Limits on what a package may hold.
const (
	maxManifestBytes = 4 << 20
	maxPackageBytes  = 16 << 30 // all files together, uncompressed
	// an encrypted package is decrypted in memory, never to disk
	maxEncryptedBytes = 2 << 30
	maxEntries        = 10000
)

// Keys decrypt an encrypted package: a passphrase or an age identity file.
type Keys struct {
	Passphrase   string
	IdentityFile string
}

// Package is an opened package.
type Package struct {
	Path      string
	Encrypted bool
	Manifest  Manifest
	zr        *zip.Reader
	entries   map[string]*zip.File
	cleanup   func()
}

// Close lets go of the package (and of its decrypted temporary copy).
func (p *Package) Close() {
	if p.cleanup != nil {
		p.cleanup()
		p.cleanup = nil
	}
}

// ageHeader starts every age file.
var ageHeader = []byte("age-encryption.org/v1\n")

// OpenPackage opens a package file, decrypting it with keys when it is
// encrypted, and reads its manifest. It does not check the files: see Verify.
func OpenPackage(file string, keys Keys) (*Package, error) {
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, i18n.E("pkg.file_missing", file)
		}
		return nil, i18n.E("pkg.read_failed", file, err.Error())
	}
	head := make([]byte, len(ageHeader))
	n, _ := io.ReadFull(f, head)
	p := &Package{Path: file}
	var ra io.ReaderAt
	var size int64
	if n == len(ageHeader) && bytes.Equal(head, ageHeader) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
		plain, err := decrypt(f, file, keys)
		f.Close()
		if err != nil {
			return nil, err
		}
		p.Encrypted = true
		ra, size = bytes.NewReader(plain), int64(len(plain))
	} else {
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		ra, size = f, fi.Size()
		p.cleanup = func() { f.Close() }
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		p.Close()
		return nil, i18n.E("pkg.not_zip", file)
	}
	p.zr = zr
	if len(zr.File) > maxEntries {
		p.Close()
		return nil, i18n.E("pkg.too_many_entries", file, len(zr.File))
	}
	p.entries = map[string]*zip.File{}
	for _, e := range zr.File {
		if !safeEntryName(e.Name) {
			p.Close()
			return nil, i18n.E("pkg.unsafe_entry", file, Shown(e.Name))
		}
		if _, dup := p.entries[e.Name]; dup {
			p.Close()
			return nil, i18n.E("pkg.duplicate_entry", file, Shown(e.Name))
		}
		p.entries[e.Name] = e
	}
	mf := p.entries["manifest.json"]
	if mf == nil {
		p.Close()
		return nil, i18n.E("pkg.no_manifest", file)
	}
	rc, err := mf.Open()
	if err != nil {
		p.Close()
		return nil, i18n.E("pkg.bad_manifest", file, err.Error())
	}
	data, err := io.ReadAll(io.LimitReader(rc, maxManifestBytes+1))
	rc.Close()
	if err != nil || len(data) > maxManifestBytes {
		p.Close()
		return nil, i18n.E("pkg.bad_manifest", file, "too large or unreadable")
	}
	if err := json.Unmarshal(data, &p.Manifest); err != nil {
		p.Close()
		return nil, i18n.E("pkg.bad_manifest", file, Shown(err.Error()))
	}
	p.Manifest.clean()
	if p.Manifest.Format != FormatName {
		p.Close()
		return nil, i18n.E("pkg.no_manifest", file)
	}
	if p.Manifest.FormatVersion > readableVersion {
		p.Close()
		return nil, i18n.E("pkg.newer_format", file, p.Manifest.FormatVersion, readableVersion)
	}
	// A period package says so twice: an older program, which reads
	// version 1 only, refuses it rather than loading it as a whole database.
	if (p.Manifest.Scope == ScopePeriod) != (p.Manifest.FormatVersion >= FormatVersionPeriod) ||
		(p.Manifest.Scope != "" && p.Manifest.Scope != ScopePeriod) {
		p.Close()
		return nil, i18n.E("pkg.bad_manifest", file, Shown("format_version "+strconv.Itoa(p.Manifest.FormatVersion)+", scope "+strconv.Quote(p.Manifest.Scope)))
	}
	var total int64
	for _, mf := range p.Manifest.Files {
		if !safeEntryName(mf.Path) {
			p.Close()
			return nil, i18n.E("pkg.unsafe_entry", file, Shown(mf.Path))
		}
		if mf.Size < 0 {
			p.Close()
			return nil, i18n.E("pkg.bad_size", file, Shown(mf.Path), mf.Size)
		}
		total += mf.Size
	}
	if total > maxPackageBytes {
		p.Close()
		return nil, i18n.E("pkg.too_large", file)
	}
	return p, nil
}

// Shown is text from a package made fit to show on a terminal, a screen or
// a sheet: without control, escape or bidi-control characters, and cut to
// 100 characters.
func Shown(s string) string {
	s = model.StripUnsafe(strings.ReplaceAll(s, "\n", " "))
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100]) + "…"
	}
	return s
}

// clean makes every text of a manifest read from a package fit to show
// (Shown): a union's name is printed by verify, merge and import package,
// and written into the merged workbook.
func (m *Manifest) clean() {
	for _, p := range []*string{&m.Format, &m.Union.Name, &m.Union.Code, &m.Union.HigherUnion,
		&m.Period.Text, &m.Period.From, &m.Period.To, &m.CreatedAt, &m.ProgramVersion, &m.Language} {
		*p = Shown(*p)
	}
	if m.Crosscheck != nil {
		m.Crosscheck.Scheme, m.Crosscheck.KeyID = Shown(m.Crosscheck.Scheme), Shown(m.Crosscheck.KeyID)
	}
	if len(m.Counts) > 0 {
		counts := make(map[string]int, len(m.Counts))
		for k, v := range m.Counts {
			counts[Shown(k)] = v
		}
		m.Counts = counts
	}
}

// safeEntryName accepts plain relative paths inside the package.
func safeEntryName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(name, "/") ||
		(len(name) > 1 && name[1] == ':') || !utf8.ValidString(name) || strings.IndexFunc(name, model.IsUnsafe) >= 0 ||
		strings.ContainsAny(name, "\n\t") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." || part == "." {
			return false
		}
	}
	return path.Clean(name) == strings.TrimSuffix(name, "/")
}

// decrypt reads an encrypted package into memory. It never writes the
// plaintext to disk: a crash must not leave full ID numbers in a temporary
// folder. A year's package of 100,000 members is under 100 MB.
func decrypt(f *os.File, file string, keys Keys) ([]byte, error) {
	var ids []age.Identity
	switch {
	case keys.IdentityFile != "":
		kf, err := os.Open(keys.IdentityFile)
		if err != nil {
			return nil, i18n.E("pkg.identity_unreadable", keys.IdentityFile, err.Error())
		}
		parsed, err := age.ParseIdentities(kf)
		kf.Close()
		if err != nil {
			return nil, i18n.E("pkg.identity_unreadable", keys.IdentityFile, err.Error())
		}
		ids = parsed
	case keys.Passphrase != "":
		id, err := age.NewScryptIdentity(keys.Passphrase)
		if err != nil {
			return nil, i18n.E("pkg.wrong_key", file)
		}
		ids = []age.Identity{id}
	default:
		return nil, i18n.E("pkg.needs_key", file)
	}
	r, err := age.Decrypt(bufio.NewReader(f), ids...)
	if err != nil {
		return nil, i18n.E("pkg.wrong_key", file)
	}
	plain, err := io.ReadAll(io.LimitReader(r, maxEncryptedBytes+1))
	if err != nil {
		return nil, i18n.E("pkg.damaged_encrypted", file, err.Error())
	}
	if len(plain) > maxEncryptedBytes {
		return nil, i18n.E("pkg.too_large", file)
	}
	return plain, nil
}

// VerifyReport is what Verify found.
type VerifyReport struct {
	Missing []string // listed in the manifest, not in the zip
	Extra   []string // in the zip, not in the manifest
	Altered []string // SHA-256 differs
	Larger  []string // larger than declared
}

// OK reports an intact package.
func (v *VerifyReport) OK() bool {
	return len(v.Missing)+len(v.Extra)+len(v.Altered)+len(v.Larger) == 0
}

// Problems lists every finding as a message.
func (v *VerifyReport) Problems() []*i18n.Error {
	var out []*i18n.Error
	for _, f := range v.Missing {
		out = append(out, i18n.E("verify.missing", f))
	}
	for _, f := range v.Extra {
		out = append(out, i18n.E("verify.extra", f))
	}
	for _, f := range v.Altered {
		out = append(out, i18n.E("verify.altered", f))
	}
	for _, f := range v.Larger {
		out = append(out, i18n.E("verify.larger", f))
	}
	return out
}

// Verify checks every file of the package against the manifest.
func (p *Package) Verify(ctx context.Context) (*VerifyReport, error) {
	rep := &VerifyReport{}
	listed := map[string]bool{"manifest.json": true}
	for _, mf := range p.Manifest.Files {
		listed[mf.Path] = true
		e := p.entries[mf.Path]
		if e == nil {
			rep.Missing = append(rep.Missing, mf.Path)
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if e.UncompressedSize64 > uint64(mf.Size) {
			rep.Larger = append(rep.Larger, mf.Path)
			continue
		}
		sum, n, err := hashEntry(e, mf.Size)
		switch {
		case err != nil:
			rep.Altered = append(rep.Altered, mf.Path)
		case n > mf.Size:
			rep.Larger = append(rep.Larger, mf.Path)
		case n != mf.Size || sum != mf.SHA256:
			rep.Altered = append(rep.Altered, mf.Path)
		}
	}
	for name, e := range p.entries {
		if !listed[name] && !e.FileInfo().IsDir() {
			rep.Extra = append(rep.Extra, name)
		}
	}
	slices.Sort(rep.Extra)
	return rep, nil
}

// hashEntry reads at most limit+1 bytes of an entry and hashes them.
func hashEntry(e *zip.File, limit int64) (string, int64, error) {
	rc, err := e.Open()
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	n, err := io.Copy(h, io.LimitReader(rc, limit+1))
	if err != nil && n <= limit {
		return "", n, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// open reads a listed file of the package through its declared size;
// the caller verified the package first.
func (p *Package) open(name string) (io.ReadCloser, error) {
	var decl *ManifestFile
	for i := range p.Manifest.Files {
		if p.Manifest.Files[i].Path == name {
			decl = &p.Manifest.Files[i]
		}
	}
	e := p.entries[name]
	if decl == nil || e == nil {
		return nil, i18n.E("verify.missing", name)
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, decl.Size), rc}, nil
}

// Has reports whether the package lists a file.
func (p *Package) Has(name string) bool {
	for _, f := range p.Manifest.Files {
		if f.Path == name {
			return true
		}
	}
	return false
}

// Summary reads summary.json.
func (p *Package) Summary() (Summary, error) {
	var s Summary
	rc, err := p.open("summary.json")
	if err != nil {
		return s, err
	}
	defer rc.Close()
	if err := json.NewDecoder(rc).Decode(&s); err != nil {
		return s, i18n.E("pkg.bad_summary", p.Path, err.Error())
	}
	return s, nil
}

// VerifyError is a package that failed verification, naming every file.
type VerifyError struct {
	File   string
	Report *VerifyReport
}

func (e *VerifyError) Error() string { return e.Localize(i18n.EN) }

// Localize names the package and every missing, extra or altered file.
func (e *VerifyError) Localize(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(l.T("verify.failed", e.File))
	for _, p := range e.Report.Problems() {
		b.WriteString("\n  - " + p.Localize(l))
	}
	return b.String()
}

// readableVersion is the newest format version this program reads (a
// variable: a test plays an older program with it).
var readableVersion = FormatVersionPeriod

// OpenVerified opens a package and verifies it; an altered package is a
// *VerifyError.
func OpenVerified(ctx context.Context, file string, keys Keys) (*Package, error) {
	p, err := OpenPackage(file, keys)
	if err != nil {
		return nil, err
	}
	rep, err := p.Verify(ctx)
	if err != nil {
		p.Close()
		return nil, err
	}
	if !rep.OK() {
		p.Close()
		return nil, &VerifyError{File: file, Report: rep}
	}
	return p, nil
}

// ImportPackage loads a verified package's data files into an empty
// database, all or nothing: every record with its IDs, numbers and history,
// the audit log and the counters; the store rebuilds its indexes and runs
// its checks in the same transaction. Text is cleaned as it is read (the
// records' Normalize, and no control, escape or bidi-control character in
// any field). A package whose data fails the check loads nothing: the
// error is a *CheckError naming the problems.
func ImportPackage(ctx context.Context, p *Package, st *storage.Store) (map[string]int, error) {
	counts := map[string]int{}
	rep, err := st.RestoreRecordsChecked(func(rs *storage.Restorer) error {
		for _, e := range entities {
			name := "data/" + e.Name + ".jsonl"
			if !p.Has(name) {
				continue // a package from a version without this entity
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			rc, err := p.open(name)
			if err != nil {
				return err
			}
			d := newLineDecoder(name, rc)
			err = e.Load(rs, d)
			rc.Close()
			if err != nil {
				return err
			}
			counts[e.Name] = d.line
		}
		return rs.MarkFromPackage(p.Manifest.Union.Name + " " + p.Manifest.Period.Text)
	})
	switch {
	case errors.Is(err, context.Canceled):
		return nil, i18n.E("export.cancelled")
	case errors.Is(err, storage.ErrRestoreCheckFailed):
		return nil, &CheckError{File: p.Path, Report: rep}
	case err != nil:
		return nil, err
	}
	return counts, nil
}

// CheckError is a package whose data, loaded, fails the database's check:
// nothing was written.
type CheckError struct {
	File   string
	Report *storage.CheckReport
}

func (e *CheckError) Error() string { return e.Localize(i18n.EN) }

// maxShownCheckProblems bounds the problems a CheckError lists.
const maxShownCheckProblems = 20

// Localize names the package and its first problems.
func (e *CheckError) Localize(l i18n.Lang) string {
	var b strings.Builder
	b.WriteString(l.T("pkg.import_inconsistent", e.File, len(e.Report.Problems)+e.Report.Truncated))
	for i, pr := range e.Report.Problems {
		if i == maxShownCheckProblems {
			b.WriteString("\n  " + l.T("pkg.more_problems", len(e.Report.Problems)+e.Report.Truncated-i))
			break
		}
		b.WriteString("\n  - " + Shown(pr.Localize(l)))
	}
	return b.String()
}
