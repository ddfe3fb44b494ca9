package district

import (
	"unionbook/model"
	"unionbook/storage"
)

// Hardship files and aid records. The data file holds each file's Public()
// copy: the sensitive fields (model.HardshipSensitiveFields: health,
// disability, bank details, household members' health) never leave the
// program, so a package imported elsewhere has them blank.

// hardshipEntity is the hardship files, each as its Public() copy.
var hardshipEntity = kindEntity("hardship_files", "hardship_files", func(x any) any {
	f := x.(*model.HardshipFile).Public()
	return &f
}, func(rs *storage.Restorer, d *LineDecoder) error {
	return loadEach(d, func(f *model.HardshipFile) error { return rs.PutRecord("hardship_files", f) })
})

// aidEntity is the aid records.
var aidEntity = kindEntity("aid", "aid", nil, func(rs *storage.Restorer, d *LineDecoder) error {
	return loadEach(d, func(a *model.AidRecord) error { return rs.PutRecord("aid", a) })
})

// kindEntity is the entity of a registered storage record kind; public,
// when set, gives the copy that goes into the file.
func kindEntity(name, kind string, public func(any) any, load func(*storage.Restorer, *LineDecoder) error) Entity {
	return Entity{
		Name:    name,
		Buckets: []string{kind},
		Count: func(r *storage.Records, s *periodScope) int {
			if n := s.count(kind); n >= 0 {
				return n
			}
			return r.Count(kind)
		},
		Write: func(r *storage.Records, j *JSONL, s *periodScope) error {
			return r.MapRecordKindWhere(kind, s.keep(kind), func(x any, buf []byte) ([]byte, error) {
				if public != nil {
					x = public(x)
				}
				buf = AppendRecord(buf, x)
				return append(buf, '\n'), nil
			}, j.Lines)
		},
		Load: load,
	}
}
