package district

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strings"
	"unicode/utf8"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Cross-checks across townships (跨乡镇核对). The district wants to know
// whether one person is an active member in two townships, or one household
// holds hardship files in two places (一人多档), without reading anyone's ID
// number. Each package therefore carries crosscheck.json: for every member
// in the union on the period's last day and every hardship file open on it,
// a keyed hash of the ID numbers concerned, HMAC-SHA256 truncated to 128
// bits, with a key every township of the district shares. Equal hashes mean
// equal ID numbers; without the key a hash says nothing (an ID number
// cannot be tried against it), and merge compares hashes only.
//
// The key is derived from a passphrase the district gives its townships
// (PBKDF2-HMAC-SHA256, 600,000 rounds, a fixed salt: both sides must reach
// the same key). Not from the district's age key: its public half is
// public, so anyone could compute the hashes and try every ID number, and
// its private half must not leave the district. Each key has a fingerprint
// (HMAC of a fixed text), recorded in the manifest, printed by every export
// and by `unionbook crosscheck-key`, and checked by merge, so a township
// given another key, or a package hashed with one, is named rather than
// silently never matching. The database keeps the key (storage.SetCrosscheckKey)
// and refuses a different one unless told to replace it.
// docs/package-format.md documents the file.

// CrosscheckScheme names the hashing, written into every manifest that
// carries hashes: a future scheme gets a new name, never a new meaning.
const CrosscheckScheme = "hmac-sha256-128/pbkdf2-sha256-600000/v1"

// CrosscheckFile is the package file of the hashes.
const CrosscheckFile = "crosscheck.json"

// MinCrosscheckPassphrase is the shortest passphrase accepted (in
// characters): the fingerprint lets anyone holding a package try
// passphrases, 600,000 rounds each, so a short one would fall.
const MinCrosscheckPassphrase = 12

const (
	crosscheckSalt   = "unionbook crosscheck key v1"
	crosscheckRounds = 600000
	crosscheckIDText = "unionbook crosscheck key fingerprint"
)

// CrosscheckKey is a district's cross-check key.
type CrosscheckKey struct{ key []byte }

// DeriveCrosscheckKey derives the key from the district's passphrase.
func DeriveCrosscheckKey(passphrase string) (CrosscheckKey, error) {
	passphrase = strings.TrimSpace(passphrase)
	if utf8.RuneCountInString(passphrase) < MinCrosscheckPassphrase {
		return CrosscheckKey{}, i18n.E("crosscheck.passphrase_short", MinCrosscheckPassphrase)
	}
	k, err := pbkdf2.Key(sha256.New, passphrase, []byte(crosscheckSalt), crosscheckRounds, 32)
	if err != nil {
		return CrosscheckKey{}, err
	}
	return CrosscheckKey{key: k}, nil
}

// CrosscheckKeyFromBytes is a stored key (storage.CrosscheckKey).
func CrosscheckKeyFromBytes(b []byte) CrosscheckKey {
	return CrosscheckKey{key: append([]byte(nil), b...)}
}

// Bytes is the key to store.
func (k CrosscheckKey) Bytes() []byte { return append([]byte(nil), k.key...) }

// ID is the key's fingerprint: 16 hex digits, safe to print and publish.
func (k CrosscheckKey) ID() string {
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(crosscheckIDText))
	return strings.ToUpper(hex.EncodeToString(m.Sum(nil)[:8]))
}

// FormatKeyID groups a fingerprint for reading aloud: "3F9A 21C7 88D0 4B1E".
func FormatKeyID(id string) string {
	var b strings.Builder
	for i, r := range id {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NewCrosscheckPassphrase is a random passphrase for a district to hand out:
// 24 letters and digits in groups of four (about 124 bits).
func NewCrosscheckPassphrase() string {
	const alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789" // no 0/O, 1/I/L, U
	var b strings.Builder
	for i := range 24 {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(alphabet[randIndex(len(alphabet))])
	}
	return b.String()
}

func randIndex(n int) int {
	var buf [1]byte
	limit := 256 - 256%n // no modulo bias
	for {
		if _, err := rand.Read(buf[:]); err != nil {
			panic(err) // crypto/rand does not fail on supported systems
		}
		if int(buf[0]) < limit {
			return int(buf[0]) % n
		}
	}
}

// hashID is the keyed hash of an identity document; "" when there is none.
// A resident ID is hashed in its 18-digit form, so 15- and 18-digit
// writings of one number agree; other documents with their type.
func (k CrosscheckKey) hashID(doc model.DocType, number string) string {
	number = strings.ToUpper(strings.TrimSpace(number))
	if number == "" {
		return ""
	}
	text := ""
	if id, err := model.NormalizeResidentID(number); err == nil && doc == model.DocResidentID {
		text = "resident:" + id
	} else {
		text = "doc" + string(rune('0'+doc)) + ":" + model.Clean(number)
	}
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(text))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// Crosscheck is crosscheck.json.
type Crosscheck struct {
	Scheme string `json:"scheme"`
	KeyID  string `json:"key_id"`
	// AsOf is the day the statuses are taken on: the period's last day, or
	// the day of the export when the period has not ended.
	AsOf     string               `json:"as_of"`
	Members  []CrosscheckMember   `json:"members"`
	Hardship []CrosscheckHardship `json:"hardship"`
}

// CrosscheckMember is a member in the union on AsOf.
type CrosscheckMember struct {
	Hash string `json:"h"`
	No   string `json:"no"`
	Name string `json:"name"`
	Unit string `json:"unit,omitempty"`
}

// CrosscheckHardship is a hardship file open on AsOf: the hashes of the
// worker's ID number and of each household member's that has one.
type CrosscheckHardship struct {
	Hashes []string `json:"h"`
	File   uint64   `json:"file"`
	No     string   `json:"no"` // the worker's member number
	Name   string   `json:"name"`
	Unit   string   `json:"unit,omitempty"`
}

// ManifestCrosscheck is the manifest's note of the hashes a package carries.
type ManifestCrosscheck struct {
	Scheme string `json:"scheme"`
	KeyID  string `json:"key_id"`
}

// buildCrosscheck hashes the ID numbers of the members in the union and of
// the open hardship files on the period's last day (or today, if earlier).
func buildCrosscheck(rc *ReportContext, k CrosscheckKey) (Crosscheck, error) {
	asOf := min(rc.Period.Last(), rc.Today())
	x := Crosscheck{Scheme: CrosscheckScheme, KeyID: k.ID(), AsOf: asOf.String(),
		Members: []CrosscheckMember{}, Hardship: []CrosscheckHardship{}}
	byID := make(map[uint64]*model.Member, len(rc.Members))
	for i := range rc.Members {
		m := &rc.Members[i]
		byID[m.ID] = m
		if m.JoinDate > asOf || !m.StatusOn(asOf).InUnion() {
			continue
		}
		if h := k.hashID(m.DocType, m.IDNumber); h != "" {
			x.Members = append(x.Members, CrosscheckMember{Hash: h, No: m.No, Name: m.Name, Unit: rc.UnitName(m.UnitID)})
		}
	}
	files, err := publicFiles(rc)
	if err != nil {
		return x, err
	}
	for i := range files {
		f := &files[i]
		if !hardshipStatusOn(f, asOf).Open() {
			continue
		}
		e := CrosscheckHardship{File: f.ID}
		if m := byID[f.MemberID]; m != nil {
			e.No, e.Name, e.Unit = m.No, m.Name, rc.UnitName(m.UnitID)
			if h := k.hashID(m.DocType, m.IDNumber); h != "" {
				e.Hashes = append(e.Hashes, h)
			}
		}
		for _, hm := range f.Household {
			if h := k.hashID(model.DocResidentID, hm.IDNumber); h != "" {
				e.Hashes = append(e.Hashes, h)
			}
		}
		if len(e.Hashes) > 0 {
			x.Hardship = append(x.Hardship, e)
		}
	}
	return x, nil
}

// storedCrosscheckKey is the database's cross-check key, if it has one.
func storedCrosscheckKey(st *storage.Store) (*CrosscheckKey, error) {
	b, _, ok, err := st.CrosscheckKey()
	if err != nil || !ok {
		return nil, err
	}
	k := CrosscheckKeyFromBytes(b)
	return &k, nil
}

// Crosscheck reads the package's crosscheck.json; ok is false for a package
// without one (written before cross-checks, or by a township without a key).
func (p *Package) Crosscheck() (x Crosscheck, ok bool, err error) {
	if !p.Has(CrosscheckFile) {
		return x, false, nil
	}
	rc, err := p.open(CrosscheckFile)
	if err != nil {
		return x, false, err
	}
	defer rc.Close()
	if err := json.NewDecoder(rc).Decode(&x); err != nil {
		return x, false, i18n.E("crosscheck.bad_file", p.Path, Shown(err.Error()))
	}
	x.clean()
	return x, true, nil
}

// clean makes every text read from a package fit to show.
func (x *Crosscheck) clean() {
	x.Scheme, x.KeyID, x.AsOf = Shown(x.Scheme), Shown(x.KeyID), Shown(x.AsOf)
	for i := range x.Members {
		m := &x.Members[i]
		m.No, m.Name, m.Unit = Shown(m.No), Shown(m.Name), Shown(m.Unit)
	}
	for i := range x.Hardship {
		h := &x.Hardship[i]
		h.No, h.Name, h.Unit = Shown(h.No), Shown(h.Name), Shown(h.Unit)
	}
}

func writeCrosscheck(w io.Writer, x Crosscheck) error { return writeJSON(w, x) }
