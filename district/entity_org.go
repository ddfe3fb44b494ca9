package district

import (
	"unionbook/model"
	"unionbook/storage"
)

// The organisation register's records: unorganised employers with their
// visits (loaded after the units they may have become) and the honours of
// members and units.

// employerEntity is the unorganised employers.
var employerEntity = kindEntity("employers", "employers", nil, func(rs *storage.Restorer, d *LineDecoder) error {
	return loadEach(d, func(e *model.Employer) error { return rs.PutRecord("employers", e) })
})

// honourEntity is the honours.
var honourEntity = kindEntity("honours", "honours", nil, func(rs *storage.Restorer, d *LineDecoder) error {
	return loadEach(d, func(h *model.Honour) error { return rs.PutRecord("honours", h) })
})
