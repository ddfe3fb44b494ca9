package auditlog

import (
	"unionbook/model"
	"unionbook/storage"
)

// storeNames names the units, members and accounts the log refers to by
// number, read from the store: units and the chart at once (they are few),
// members as they are met (there may be 100,000), each read once.
func storeNames(s *storage.Store) *model.AuditNames {
	units := map[uint64]string{}
	if us, err := s.Units(); err == nil {
		for _, u := range us {
			units[u.ID] = u.Name
		}
	}
	members := map[uint64]string{}
	n := &model.AuditNames{
		Unit: func(id uint64) (string, bool) { name, ok := units[id]; return name, ok },
		Member: func(id uint64) (string, bool) {
			if name, ok := members[id]; ok {
				return name, name != ""
			}
			m, err := s.Member(id)
			if err != nil { // removed since: the number is shown
				members[id] = ""
				return "", false
			}
			members[id] = m.Name
			return m.Name, true
		},
	}
	if chart, err := s.Chart(); err == nil {
		n.Chart = chart
	}
	return n
}
