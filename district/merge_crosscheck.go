package district

import (
	"cmp"
	"slices"
)

// What merge finds across townships with the packages' keyed hashes
// (crosscheck.go): the same person in the union in two packages, and one
// household in two open hardship files (一人多档), in two townships or in
// one. Only hashes are compared; no ID number is read or shown.

// PairKind says what a CrosscheckPair found.
type PairKind uint8

const (
	// PairMember is one person in the union in two townships' packages.
	PairMember PairKind = iota + 1
	// PairHardship is one household in two open hardship files.
	PairHardship
)

// CrosscheckParty is one side of a pair: the township and its record.
type CrosscheckParty struct {
	Union, Code string // the township
	No          string // member number
	Name, Unit  string
	File        uint64 // hardship file number (PairHardship)
	pkg         int
}

// CrosscheckPair is two records of one person or household.
type CrosscheckPair struct {
	Kind PairKind
	A, B CrosscheckParty
}

// CrosscheckState says how a package took part in the cross-check.
type CrosscheckState uint8

const (
	// CrossCompared: its hashes were compared with the others'.
	CrossCompared CrosscheckState = iota + 1
	// CrossNoData: it carries no hashes (an earlier version wrote it, or its
	// township has no key set).
	CrossNoData
	// CrossOtherKey: its hashes were made with another key than the
	// district's (or than most packages', when merge was given no key).
	CrossOtherKey
)

// crossInput is one package's hashes for comparing.
type crossInput struct {
	union, code string
	period      string // hashes of different periods are not compared
	x           *Crosscheck
}

// crossResult is the comparison: the pairs, each package's state, and the
// fingerprint compared under ("" when no package had hashes).
type crossResult struct {
	pairs  []CrosscheckPair
	states []CrosscheckState
	keyID  string
}

// compareCrosschecks finds the pairs among the packages hashed with the key
// whose fingerprint is keyID; with keyID "" (merge given no key), the
// fingerprint most packages share.
func compareCrosschecks(in []crossInput, keyID string) crossResult {
	res := crossResult{states: make([]CrosscheckState, len(in)), keyID: keyID}
	if keyID == "" {
		n := map[string]int{}
		for _, x := range in {
			if x.x != nil {
				n[x.x.KeyID]++
			}
		}
		for id, c := range n {
			if c > n[res.keyID] || (c == n[res.keyID] && id < res.keyID) {
				res.keyID = id
			}
		}
	}
	type memberRef struct {
		pkg int
		m   *CrosscheckMember
	}
	type fileRef struct {
		pkg int
		h   *CrosscheckHardship
	}
	members := map[string][]memberRef{}
	files := map[string][]fileRef{}
	for i, x := range in {
		switch {
		case x.x == nil:
			res.states[i] = CrossNoData
			continue
		case x.x.KeyID != res.keyID || x.x.Scheme != CrosscheckScheme:
			res.states[i] = CrossOtherKey
			continue
		}
		res.states[i] = CrossCompared
		for j := range x.x.Members {
			m := &x.x.Members[j]
			members[x.period+"\x00"+m.Hash] = append(members[x.period+"\x00"+m.Hash], memberRef{i, m})
		}
		for j := range x.x.Hardship {
			h := &x.x.Hardship[j]
			seen := map[string]bool{}
			for _, hash := range h.Hashes {
				if !seen[hash] { // a file naming one person twice is one file
					seen[hash] = true
					files[x.period+"\x00"+hash] = append(files[x.period+"\x00"+hash], fileRef{i, h})
				}
			}
		}
	}
	party := func(pkg int) CrosscheckParty {
		return CrosscheckParty{Union: in[pkg].union, Code: in[pkg].code, pkg: pkg}
	}
	for _, refs := range members {
		for a := 0; a < len(refs); a++ {
			for b := a + 1; b < len(refs); b++ {
				if refs[a].pkg == refs[b].pkg {
					continue // one database holds an ID number once
				}
				pa, pb := party(refs[a].pkg), party(refs[b].pkg)
				pa.No, pa.Name, pa.Unit = refs[a].m.No, refs[a].m.Name, refs[a].m.Unit
				pb.No, pb.Name, pb.Unit = refs[b].m.No, refs[b].m.Name, refs[b].m.Unit
				res.pairs = append(res.pairs, ordered(CrosscheckPair{Kind: PairMember, A: pa, B: pb}))
			}
		}
	}
	// Households share several ID numbers: one pair of files is listed once.
	type fileKey struct {
		pa int
		fa uint64
		pb int
		fb uint64
	}
	seen := map[fileKey]bool{}
	for _, refs := range files {
		for a := 0; a < len(refs); a++ {
			for b := a + 1; b < len(refs); b++ {
				ra, rb := refs[a], refs[b]
				if ra.pkg == rb.pkg && ra.h.File == rb.h.File {
					continue
				}
				pa, pb := party(ra.pkg), party(rb.pkg)
				pa.No, pa.Name, pa.Unit, pa.File = ra.h.No, ra.h.Name, ra.h.Unit, ra.h.File
				pb.No, pb.Name, pb.Unit, pb.File = rb.h.No, rb.h.Name, rb.h.Unit, rb.h.File
				p := ordered(CrosscheckPair{Kind: PairHardship, A: pa, B: pb})
				k := fileKey{p.A.pkg, p.A.File, p.B.pkg, p.B.File}
				if !seen[k] {
					seen[k] = true
					res.pairs = append(res.pairs, p)
				}
			}
		}
	}
	slices.SortFunc(res.pairs, func(x, y CrosscheckPair) int {
		return cmp.Or(cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.A.pkg, y.A.pkg), cmp.Compare(x.B.pkg, y.B.pkg),
			cmp.Compare(x.A.No, y.A.No), cmp.Compare(x.A.File, y.A.File), cmp.Compare(x.B.No, y.B.No))
	})
	return res
}

// ordered puts the side from the earlier package (then the lower file) first.
func ordered(p CrosscheckPair) CrosscheckPair {
	if p.B.pkg < p.A.pkg || (p.B.pkg == p.A.pkg && p.B.File < p.A.File) {
		p.A, p.B = p.B, p.A
	}
	return p
}
