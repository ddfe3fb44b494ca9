package model

// HardshipStats are the hardship figures of stats --json and the overview,
// for the calendar year Year as of the store's today. Amounts are fen;
// rates basis points (10000 = 100%).
//
//   - files: every file, by status (applied, active, lifted, closed);
//   - active_by_category: the active files by category (deep, relative, sudden);
//   - filed_this_year: files applied for in Year;
//   - lifted_this_year: files lifted out in Year;
//   - lift_rate_bp (脱困率): lifted_this_year over the households in
//     hardship during Year (the files active now plus those lifted out in
//     Year), 0 when there were none;
//   - overdue_reviews: active files with no review for twelve months;
//   - aid: the year's aid, net of reversals, as a whole and by type
//     (warmth, living, medical, school, employment, other).
type HardshipStats struct {
	Year             int              `json:"year"`
	Files            int              `json:"files"`
	ByStatus         HardshipByStatus `json:"by_status"`
	ActiveByCategory HardshipByCat    `json:"active_by_category"`
	FiledThisYear    int              `json:"filed_this_year"`
	LiftedThisYear   int              `json:"lifted_this_year"`
	LiftRateBP       int              `json:"lift_rate_bp"`
	OverdueReviews   int              `json:"overdue_reviews"`
	Aid              AidStats         `json:"aid"`
}

// HardshipByStatus counts files by status.
type HardshipByStatus struct {
	Applied int `json:"applied"`
	Active  int `json:"active"`
	Lifted  int `json:"lifted"`
	Closed  int `json:"closed"`
}

// HardshipByCat counts files by category.
type HardshipByCat struct {
	Deep     int `json:"deep"`
	Relative int `json:"relative"`
	Sudden   int `json:"sudden"`
}

// AidStats is a year's aid: records (not reversed), cash, goods value and
// their total, and the same by type.
type AidStats struct {
	Count  int                 `json:"count"`
	Cash   Money               `json:"cash"`
	Goods  Money               `json:"goods"`
	Total  Money               `json:"total"`
	ByType map[string]AidTotal `json:"by_type"`
}

// AidTotal is the aid of one type.
type AidTotal struct {
	Count int   `json:"count"`
	Cash  Money `json:"cash"`
	Goods Money `json:"goods"`
}

// HardshipFigures computes HardshipStats from every file and the aid
// records of the year (others are ignored). It is pure.
func HardshipFigures(files []HardshipFile, aid []AidRecord, today Date) HardshipStats {
	year := today.Year()
	st := HardshipStats{Year: year, Files: len(files), Aid: AidStats{ByType: map[string]AidTotal{}}}
	for _, t := range AidTypes {
		st.Aid.ByType[t.Code()] = AidTotal{}
	}
	for i := range files {
		f := &files[i]
		switch f.Status {
		case HardshipApplied:
			st.ByStatus.Applied++
		case HardshipActive:
			st.ByStatus.Active++
			switch f.Category {
			case CategoryDeep:
				st.ActiveByCategory.Deep++
			case CategoryRelative:
				st.ActiveByCategory.Relative++
			case CategorySudden:
				st.ActiveByCategory.Sudden++
			}
			if f.ReviewOverdue(today) {
				st.OverdueReviews++
			}
		case HardshipLifted:
			st.ByStatus.Lifted++
			if f.LiftDate.Year() == year {
				st.LiftedThisYear++
			}
		case HardshipClosed:
			st.ByStatus.Closed++
		}
		if f.AppliedDate.Year() == year {
			st.FiledThisYear++
		}
	}
	if n := st.ByStatus.Active + st.LiftedThisYear; n > 0 {
		st.LiftRateBP = ShareBP(int64(st.LiftedThisYear), int64(n))
	}
	reversed := map[uint64]bool{}
	for _, a := range aid {
		if a.ReversalOf != 0 {
			reversed[a.ReversalOf] = true
		}
	}
	for _, a := range aid {
		if a.Date.Year() != year {
			continue
		}
		t := st.Aid.ByType[a.Type.Code()]
		t.Cash += a.Cash
		t.Goods += a.GoodsValue
		st.Aid.Cash += a.Cash
		st.Aid.Goods += a.GoodsValue
		if a.ReversalOf == 0 && !reversed[a.ID] {
			t.Count++
			st.Aid.Count++
		}
		st.Aid.ByType[a.Type.Code()] = t
	}
	st.Aid.Total = st.Aid.Cash + st.Aid.Goods
	return st
}
