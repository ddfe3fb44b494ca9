// Package district is the package a township hands the district union: it
// writes the zip of JSON Lines data and Excel sheets with its manifest
// (pkg.go), verifies one (verify.go), merges many townships' into a district
// summary (merge.go) and loads one into an empty database (ImportPackage).
package district

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"filippo.io/age"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/scratch"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/workbook"
)

// The district package (上报数据包): one zip per period holding
// manifest.json, the machine-readable data (data/<entity>.jsonl: the
// period's records and what they point to, period.go; or, with --whole,
// the complete state of the database, enough to rebuild it exactly), a summary
// of each report's figures for merging (summary.json), and the
// human-readable report workbooks for the period (reports/*.xlsx).
// docs/package-format.md documents the format.
//
// The entities (data files) and reports (workbooks) a package holds are
// the two lists in registry.go.

// FormatName and FormatVersion identify a package's manifest.
const (
	FormatName    = "unionbook-district-package"
	FormatVersion = 1
)

// ProgramVersion is written into manifests; main sets it.
var ProgramVersion = "dev"

// Entity is one kind of record in the package's data files.
type Entity struct {
	Name string // the file is data/<Name>.jsonl; also the key of the manifest's counts
	// Buckets are the store's record buckets whose records the file
	// carries (none for the profile and counters, which live in meta).
	Buckets []string
	// Count is the number of records Write will write.
	Count func(r *storage.Records, s *periodScope) int
	// Write writes the package's records as one JSON object per line, in
	// ID order: every record, or with a scope those of its period
	// (period.go).
	Write func(r *storage.Records, enc *JSONL, s *periodScope) error
	// Load decodes each line (dec.Next) and writes the records through rs.
	Load func(rs *storage.Restorer, dec *LineDecoder) error
}

// scryptWorkFactor is the cost (log2) of turning a passphrase into a
// package's key; 0 is age's own (18: about a second and 256 MB, which is
// what makes guessing passphrases slow). The package's tests lower it:
// they test what the encryption does, not what it costs.
var scryptWorkFactor = 0

// Entities lists the entities in the order they are written and loaded.
func Entities() []Entity { return slices.Clone(entities) }

// Report is one human-readable workbook of the package.
type Report struct {
	Name string // stable key: "roster", "dues", ...; the summary's key
	// Title is the catalogue key of the workbook's title (also its file name).
	Title string
	// Write fills the workbook for the period and returns the figures the
	// district sums over townships (merge): one row of the merged sheet.
	Write func(rc *ReportContext, b *workbook.Book) ([]Figure, error)
}

// Reports lists the reports in the order the package numbers them.
func Reports() []Report { return slices.Clone(reports) }

// Figure is one summed figure of a report, for merge.
type Figure struct {
	Key   string           `json:"key"`  // stable: "members", "dues_paid"
	Label string           `json:"-"`    // catalogue key of its column header
	Kind  workbook.ColKind `json:"kind"` // workbook.KInt, workbook.KMoney (fen) or workbook.KPct (basis points)
	Value int64            `json:"value"`
	// Of names, for a workbook.KPct figure, the two figures it is the ratio of
	// (numerator, denominator), so a merged total is recomputed, not summed.
	Of [2]string `json:"of,omitempty"`
}

// ReportContext is what a report is written from.
type ReportContext struct {
	Store   *storage.Store
	Period  model.Period
	Lang    i18n.Lang
	Profile model.Profile
	Units   []model.Unit
	Members []model.Member
	Now     time.Time
	unitBy  map[uint64]*model.Unit
}

// Unit finds a unit by ID (nil when unknown).
func (rc *ReportContext) Unit(id uint64) *model.Unit {
	if rc.unitBy == nil {
		rc.unitBy = make(map[uint64]*model.Unit, len(rc.Units))
		for i := range rc.Units {
			rc.unitBy[rc.Units[i].ID] = &rc.Units[i]
		}
	}
	return rc.unitBy[id]
}

// UnitName is the unit's name, or its ID when it is unknown.
func (rc *ReportContext) UnitName(id uint64) string {
	if u := rc.Unit(id); u != nil {
		return u.Name
	}
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("#%d", id)
}

// T is the catalogue text in the report's language.
func (rc *ReportContext) T(key string, args ...any) string { return rc.Lang.T(key, args...) }

// Today is the date the package is written.
func (rc *ReportContext) Today() model.Date { return model.DateOf(rc.Now) }

// Manifest is manifest.json.
type Manifest struct {
	Format         string         `json:"format"`
	FormatVersion  int            `json:"format_version"`
	Union          ManifestUnion  `json:"union"`
	Period         ManifestPeriod `json:"period"`
	CreatedAt      string         `json:"created_at"`
	ProgramVersion string         `json:"program_version"`
	SchemaVersion  int            `json:"schema_version"`
	Language       string         `json:"language"`
	// Scope is "period" for a package of the period's records only
	// (format version 2); a whole package leaves it out.
	Scope  string         `json:"scope,omitempty"`
	Counts map[string]int `json:"counts"`
	Files  []ManifestFile `json:"files"`
	// Crosscheck names the key of crosscheck.json's hashes; nil when the
	// package has none (crosscheck.go).
	Crosscheck *ManifestCrosscheck `json:"crosscheck,omitempty"`
}

// ManifestUnion names the union that wrote the package.
type ManifestUnion struct {
	Name        string `json:"name"`
	Code        string `json:"code"`
	HigherUnion string `json:"higher_union,omitempty"`
}

// ManifestPeriod is the period reported on.
type ManifestPeriod struct {
	Text string `json:"text"`
	From string `json:"from"` // "2026-01"
	To   string `json:"to"`
}

// ManifestFile is one file of the package with its size and SHA-256.
type ManifestFile struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Summary is summary.json: each report's figures for merge.
type Summary struct {
	Reports map[string][]Figure `json:"reports"`
}

// PackageOptions are the choices of one export.
type PackageOptions struct {
	Period model.Period
	Lang   i18n.Lang
	Dir    string // the folder the package goes into
	// Passphrase or Recipient (an age X25519 public key, age1…) encrypt the
	// package; at most one.
	Passphrase string
	Recipient  string
	Now        time.Time
	// Progress is told the steps done out of the total (data files, then
	// workbooks) and the name of the step starting.
	Progress func(done, total int, step string)
	// MaxSheetRows bounds the rows per sheet (tests); 0 means Excel's limit.
	MaxSheetRows int
	// Whole writes every record of every date (what `import package`
	// rebuilds a database from exactly); otherwise the package holds the
	// period's records (period.go).
	Whole bool
}

// IsPeriod reports whether the package holds one period's records only.
func (m *Manifest) IsPeriod() bool { return m.Scope == ScopePeriod }

// PackageResult is a written package.
type PackageResult struct {
	Path     string
	SHA256   string // of the file as written (encrypted or not)
	Size     int64
	Manifest Manifest
}

// Preview counts what a package will hold.
type Preview struct {
	Union  string
	Counts map[string]int // by entity
}

// PreviewPackage counts the records a package would hold: every record
// (o.Whole) or those of o.Period.
func PreviewPackage(st *storage.Store, o PackageOptions) (Preview, error) {
	pv := Preview{Counts: map[string]int{}}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	err := st.ReadRecords(func(r *storage.Records) error {
		p, _, err := r.Profile()
		if err != nil {
			return err
		}
		pv.Union = p.UnionName
		var s *periodScope
		if !o.Whole {
			if s, err = buildPeriodScope(context.Background(), r, o.Period, o.Lang, o.Now); err != nil {
				return err
			}
		}
		for _, e := range entities {
			pv.Counts[e.Name] = e.Count(r, s)
		}
		return nil
	})
	return pv, err
}

// CheckDir says whether dir exists, is a folder and can be written. It
// writes nothing there: a probe file, left by a run killed at the wrong
// moment, would stay on the user's USB stick for ever.
func CheckDir(dir string) error {
	if strings.TrimSpace(dir) == "" {
		return i18n.E("export.no_dir")
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return i18n.E("export.dir_missing", dir)
	case err != nil:
		return i18n.E("export.dir_unwritable", dir, err.Error())
	case !fi.IsDir():
		return i18n.E("export.dir_not_folder", dir)
	}
	if err := dirWritable(dir); err != nil {
		return i18n.E("export.dir_unwritable", dir, err.Error())
	}
	return nil
}

// PackageName is the file name of a package: union, period, time.
func PackageName(union string, p model.Period, now time.Time, encrypted bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, union)
	if name == "" {
		name = "unionbook"
	}
	s := fmt.Sprintf("%s_%s_%s.zip", name, p.FileText(), now.Format("20060102-150405"))
	if encrypted {
		s += ".age"
	}
	return s
}

// WritePackage writes the district package for o.Period into o.Dir,
// atomically: an interrupted or failed export leaves no file behind.
func WritePackage(ctx context.Context, st *storage.Store, o PackageOptions) (*PackageResult, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Passphrase != "" && o.Recipient != "" {
		return nil, i18n.E("export.two_keys")
	}
	var recipient age.Recipient
	switch {
	case o.Recipient != "":
		r, err := age.ParseX25519Recipient(strings.TrimSpace(o.Recipient))
		if err != nil {
			return nil, i18n.E("export.bad_recipient", o.Recipient)
		}
		recipient = r
	case o.Passphrase != "":
		r, err := age.NewScryptRecipient(o.Passphrase)
		if err != nil {
			return nil, i18n.E("export.bad_passphrase")
		}
		if scryptWorkFactor != 0 {
			r.SetWorkFactor(scryptWorkFactor)
		}
		recipient = r
	}
	if err := CheckDir(o.Dir); err != nil {
		return nil, err
	}
	rc, err := newReportContext(st, o)
	if err != nil {
		return nil, err
	}
	if err := checkPeriodHasData(st, rc); err != nil {
		return nil, err
	}
	xkey, err := storedCrosscheckKey(st)
	if err != nil {
		return nil, err
	}
	name := PackageName(rc.Profile.UnionName, o.Period, o.Now, recipient != nil)
	path := filepath.Join(o.Dir, name)
	// Never replace an earlier package (two exports in one second).
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		base, ext := strings.CutSuffix(name, ".zip")
		if !ext {
			base, _ = strings.CutSuffix(name, ".zip.age")
			path = filepath.Join(o.Dir, fmt.Sprintf("%s-%d.zip.age", base, i))
		} else {
			path = filepath.Join(o.Dir, fmt.Sprintf("%s-%d.zip", base, i))
		}
	}
	total := len(entities) + len(reports) + 1
	step := 0
	progress := func(what string) {
		if o.Progress != nil {
			o.Progress(step, total, what)
		}
		step++
	}
	man := Manifest{
		Format: FormatName, FormatVersion: FormatVersion,
		Union:     ManifestUnion{Name: rc.Profile.UnionName, Code: rc.Profile.Code, HigherUnion: rc.Profile.HigherUnion},
		Period:    ManifestPeriod{Text: o.Period.Text, From: o.Period.From.String(), To: o.Period.To.String()},
		CreatedAt: o.Now.Format(time.RFC3339), ProgramVersion: ProgramVersion,
		SchemaVersion: int(storage.SchemaVersion()), Language: o.Lang.Code(), Counts: map[string]int{},
	}
	if !o.Whole {
		man.FormatVersion, man.Scope = FormatVersionPeriod, ScopePeriod
	}
	hasher := sha256.New()
	var size int64
	// Temporary files (the workbooks' rows while they are built) go in the
	// database's private scratch folder, and the half-written package is
	// tracked there: a killed export leaves nothing for long. An encrypted
	// package puts nothing in plain text on disk: its workbooks are built in
	// memory, one at a time.
	sess, err := scratch.Begin(st.Path())
	if err != nil {
		return nil, i18n.E("export.scratch_failed", err.Error())
	}
	defer sess.Close()
	bookDir, ahead := sess.Dir(), len(reports)
	if recipient != nil {
		bookDir, ahead = "", 1
	}
	err = atomicfile.WriteTracked(path, sess, func(out io.Writer) error {
		cw := &countingWriter{w: io.MultiWriter(out, hasher)}
		var sink io.Writer = cw
		var enc io.WriteCloser
		if recipient != nil {
			w, err := age.Encrypt(cw, recipient)
			if err != nil {
				return err
			}
			enc, sink = w, w
		}
		zw := zip.NewWriter(sink)
		// Data files are large and written once: the fastest compression.
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestSpeed)
		})
		add := func(p string, method uint16, write func(w io.Writer) error) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: p, Method: method, Modified: o.Now})
			if err != nil {
				return err
			}
			h := sha256.New()
			c := &countingWriter{w: io.MultiWriter(fw, h)}
			if err := write(c); err != nil {
				return err
			}
			man.Files = append(man.Files, ManifestFile{Path: p, Size: c.n, SHA256: hex.EncodeToString(h.Sum(nil))})
			return nil
		}
		// The workbooks are written on another goroutine while the data
		// files go into the zip: each is complete (its sheets flushed to
		// temporary files) before it is copied in after the data.
		rctx, stopReports := context.WithCancel(ctx)
		defer stopReports()
		type built struct {
			book *workbook.Book
			figs []Figure
			err  error
		}
		done := make([]chan built, len(reports))
		for i := range done {
			done[i] = make(chan built, 1)
		}
		// tokens bound the books built and not yet copied into the zip
		tokens := make(chan struct{}, ahead)
		go func() {
			for i, r := range reports {
				select {
				case tokens <- struct{}{}:
				case <-rctx.Done():
				}
				if err := rctx.Err(); err != nil {
					done[i] <- built{err: err}
					continue
				}
				b, err := workbook.New(workbook.Options{Lang: o.Lang, MaxRows: o.MaxSheetRows,
					Union: rc.Profile.UnionName, Subtitle: rc.subtitle(), TmpDir: bookDir})
				var figs []Figure
				if err == nil {
					figs, err = r.Write(rc, b)
				}
				done[i] <- built{b, figs, err}
			}
		}()
		defer func() {
			// Whatever happened, let go of every workbook built.
			stopReports()
			for i := range done {
				if x := <-done[i]; x.book != nil {
					x.book.Close()
				}
			}
		}()
		// The data files, from one read transaction: a consistent snapshot.
		err := st.ReadRecords(func(r *storage.Records) error {
			var scope *periodScope
			if !o.Whole {
				if o.Progress != nil {
					o.Progress(step, total, StepScope) // before the first data file
				}
				var err error
				if scope, err = buildPeriodScope(ctx, r, o.Period, o.Lang, o.Now); err != nil {
					return err
				}
			}
			for _, e := range entities {
				progress(e.Name)
				n := 0
				err := add("data/"+e.Name+".jsonl", zip.Deflate, func(w io.Writer) error {
					j := newJSONL(ctx, w)
					if err := e.Write(r, j, scope); err != nil {
						return err
					}
					n = j.n
					return j.flush()
				})
				if err != nil {
					return err
				}
				man.Counts[e.Name] = n
			}
			return nil
		})
		if err != nil {
			return err
		}
		sum := Summary{Reports: map[string][]Figure{}}
		for i, r := range reports {
			progress(r.Name)
			x := <-done[i]
			done[i] <- built{} // for the deferred clean-up
			if x.err != nil {
				if x.book != nil {
					x.book.Close()
				}
				return x.err
			}
			sum.Reports[r.Name] = x.figs
			err := add(ReportPath(i, o.Lang.T(r.Title)), zip.Store, func(w io.Writer) error {
				_, err := x.book.WriteTo(w)
				return err
			})
			x.book.Close()
			<-tokens
			if err != nil {
				return err
			}
		}
		progress("manifest")
		if xkey != nil {
			x, err := buildCrosscheck(rc, *xkey)
			if err != nil {
				return err
			}
			if err := add(CrosscheckFile, zip.Deflate, func(w io.Writer) error { return writeCrosscheck(w, x) }); err != nil {
				return err
			}
			man.Crosscheck = &ManifestCrosscheck{Scheme: x.Scheme, KeyID: x.KeyID}
		}
		if err := add("summary.json", zip.Deflate, func(w io.Writer) error {
			return writeJSON(w, sum)
		}); err != nil {
			return err
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: "manifest.json", Method: zip.Deflate, Modified: o.Now})
		if err != nil {
			return err
		}
		if err := writeJSON(fw, man); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		if enc != nil {
			if err := enc.Close(); err != nil {
				return err
			}
		}
		size = cw.n
		return ctx.Err()
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, i18n.E("export.cancelled")
		}
		var le i18n.Localizer
		if errors.As(err, &le) {
			return nil, err
		}
		if storage.IsDiskFull(err) {
			return nil, i18n.E("export.disk_full", filepath.Dir(path))
		}
		return nil, i18n.E("export.write_failed", path, err.Error())
	}
	if o.Progress != nil {
		o.Progress(total, total, "")
	}
	return &PackageResult{Path: path, SHA256: hex.EncodeToString(hasher.Sum(nil)), Size: size, Manifest: man}, nil
}

// ReportPath is the zip path of the i-th report workbook: its title in the
// package's language, numbered so that the files list in order.
func ReportPath(i int, title string) string {
	return fmt.Sprintf("reports/%02d-%s.xlsx", i+1, sanitizeName(title))
}

func sanitizeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, s)
}

func newReportContext(st *storage.Store, o PackageOptions) (*ReportContext, error) {
	rc := &ReportContext{Store: st, Period: o.Period, Lang: o.Lang, Now: o.Now}
	p, ok, err := st.Profile()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, i18n.E("export.no_profile")
	}
	rc.Profile = p
	if rc.Units, err = st.Units(); err != nil {
		return nil, err
	}
	search.SortUnits(rc.Units) // the statistics by unit list them in pinyin order
	if rc.Members, err = st.Members(); err != nil {
		return nil, err
	}
	return rc, nil
}

// subtitle is the line under every title: union, code, period, when.
func (rc *ReportContext) subtitle() string {
	s := rc.T("export.xlsx_union", rc.Profile.UnionName)
	if rc.Profile.Code != "" {
		s += "    " + rc.T("export.xlsx_code", rc.Profile.Code)
	}
	s += "    " + rc.T("export.xlsx_period", rc.Period.Label(rc.Lang), rc.Period.From.String(), rc.Period.To.String())
	s += "    " + rc.T("export.xlsx_created", rc.Now.Format("2006-01-02 15:04"))
	return s
}

// checkPeriodHasData refuses a period that has not begun, or in which the
// union had no members and no cash-book entries: most likely a typing
// mistake.
func checkPeriodHasData(st *storage.Store, rc *ReportContext) error {
	last := rc.Period.Last()
	if rc.Period.First() > rc.Today() {
		return i18n.E("export.period_no_data", rc.Period.Label(rc.Lang))
	}
	for i := range rc.Members {
		if rc.Members[i].JoinDate != 0 && rc.Members[i].JoinDate <= last {
			return nil
		}
	}
	lines, err := st.Statement(rc.Period.From, rc.Period.To)
	if err != nil {
		return err
	}
	if len(lines) > 0 {
		return nil
	}
	return i18n.E("export.period_no_data", rc.Period.Label(rc.Lang))
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// JSONL writes one JSON object per line.
type JSONL struct {
	ctx context.Context
	bw  *bufio.Writer
	enc *json.Encoder
	n   int
}

func newJSONL(ctx context.Context, w io.Writer) *JSONL {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &JSONL{ctx: ctx, bw: bw, enc: enc}
}

// Encode writes v as one line.
func (j *JSONL) Encode(v any) error {
	j.n++
	if j.n%8192 == 0 {
		if err := j.ctx.Err(); err != nil {
			return err
		}
	}
	return j.enc.Encode(v)
}

// Raw writes a line the caller encoded itself (without the newline).
func (j *JSONL) Raw(line []byte) error {
	j.n++
	if j.n%8192 == 0 {
		if err := j.ctx.Err(); err != nil {
			return err
		}
	}
	if _, err := j.bw.Write(line); err != nil {
		return err
	}
	return j.bw.WriteByte('\n')
}

// Lines writes lines the caller encoded, each ending in a newline, and
// counts them.
func (j *JSONL) Lines(b []byte) error {
	for _, c := range b {
		if c == '\n' {
			j.n++
		}
	}
	if err := j.ctx.Err(); err != nil {
		return err
	}
	_, err := j.bw.Write(b)
	return err
}

func (j *JSONL) flush() error { return j.bw.Flush() }

// LineDecoder reads a JSON Lines data file.
type LineDecoder struct {
	file string
	sc   *bufio.Scanner
	line int
}

// maxLine bounds one line of a data file (an event with every member of a
// large union as participant stays far below it). A variable for tests.
var maxLine = 64 << 20

func newLineDecoder(file string, r io.Reader) *LineDecoder {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(1<<16, maxLine)), maxLine)
	return &LineDecoder{file: file, sc: sc}
}

// Next decodes the next line into v; it returns io.EOF after the last.
func (d *LineDecoder) Next(v any) error {
	for d.sc.Scan() {
		d.line++
		b := d.sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		if err := DecodeRecord(b, v); err != nil {
			return i18n.E("pkg.bad_line", d.file, d.line, Shown(err.Error()))
		}
		return nil
	}
	if err := d.sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return i18n.E("pkg.line_too_long", d.file, d.line+1, maxLine>>20)
	} else if err != nil {
		return i18n.E("pkg.bad_line", d.file, d.line+1, Shown(err.Error()))
	}
	return io.EOF
}

// Fail names the file and line of a record that could not be loaded.
func (d *LineDecoder) Fail(err error) error {
	return &loadError{file: d.file, line: d.line, err: err}
}

// loadError is a record of a data file the database refused.
type loadError struct {
	file string
	line int
	err  error
}

func (e *loadError) Error() string { return e.Localize(i18n.EN) }
func (e *loadError) Unwrap() error { return e.err }
func (e *loadError) Localize(l i18n.Lang) string {
	return l.T("pkg.load_failed", e.file, e.line, Shown(i18n.Text(e.err, l)))
}

var _ hash.Hash = sha256.New()
