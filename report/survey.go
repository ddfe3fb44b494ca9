package report

import (
	"io"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
)

// The yearly survey (基层工会调查表, 国统制〔2019〕107号; the 全国工会统计年报,
// survey year 1 October – 30 September): per unit and in total, the items
// of the organisation register on the survey's day, after the survey's
// logic checks (survey_checks.go). The workbook (survey_book.go) lists
// first every check that fails, by unit and item, to fix before
// submitting; then the survey itself: the cover items numbered as the
// form numbers them (901 统计代码, 902 名称, 903 区划代码, 904 组织类型),
// members, committees, democratic management, agreements, 职工之家 and
// staff, one row per unit and a total; then 建会率/入会率 and the
// unorganised employers.
//
// The rows and totals are model.Survey and model.Total, the computation
// the district package and `unionbook stats` use, so they cannot
// disagree.

// Survey is the survey of a year.
type Survey struct {
	Year     int
	From, To model.Date // 1 October of the year before, 30 September
	AsOf     model.Date // To, or today while the year runs
	// Rows are the units organised on the survey's day.
	Rows  []model.UnitSurvey
	Total model.SurveyTotals
	// Rates are 建会率 and 入会率 of the survey year on its day.
	Rates model.OrgRates
	// Unorganised are the employers without a union on the survey's day.
	Unorganised []model.Employer
	Problems    []Problem
}

// BuildSurvey computes the survey of year y (the year it ends in) as of
// today, and runs its logic checks.
func BuildSurvey(st *storage.Store, y int, l i18n.Lang, today model.Date) (*Survey, error) {
	if y < 2000 || y > 2100 {
		return nil, i18n.E("survey.bad_year", y)
	}
	s := &Survey{Year: y, From: model.Date((y-1)*10000 + 1001), To: model.Date(y*10000 + 930)}
	if s.From > today {
		return nil, i18n.E("survey.year_future", y)
	}
	s.AsOf = min(s.To, today)
	d, err := st.OrgData()
	if err != nil {
		return nil, err
	}
	search.SortUnits(d.Units) // the survey's rows, as every list of units
	s.Rows = model.Survey(d.Units, model.MemberCounts(d.Members, s.AsOf), s.AsOf, d.Profile.OrgRules())
	s.Total = model.Total(s.Rows)
	s.Rates = model.RatesAsOf(model.SurveyYear(y), s.AsOf, d.Units, d.Employers, d.Members)
	for _, e := range d.Employers {
		if e.Unorganised(s.AsOf) {
			s.Unorganised = append(s.Unorganised, e)
		}
	}
	s.Problems = surveyChecks(s, d, l)
	return s, nil
}

// WriteSurveyFile builds the survey of year y and writes its workbook to
// path (atomically, mode 0600).
func WriteSurveyFile(st *storage.Store, y int, l i18n.Lang, today model.Date, path string) (*Survey, error) {
	s, err := BuildSurvey(st, y, l, today)
	if err != nil {
		return nil, err
	}
	prof, _, err := st.Profile()
	if err != nil {
		return nil, err
	}
	err = atomicfile.Write(path, func(w io.Writer) error { return WriteSurveyBook(w, s, prof.UnionName, l) })
	return s, err
}

// SurveyFileName is the default file name: 青山镇总工会_基层工会调查表_2026.xlsx.
func SurveyFileName(union string, y int, l i18n.Lang) string {
	return FileName("survey", Options{Year: y, Lang: l, Union: union})
}

// checkSurvey is the registry's survey checks: what fails in the
// context's year.
func checkSurvey(c *Context) ([]Problem, error) {
	s, err := BuildSurvey(c.Store, c.Year, c.Lang, model.DateOf(c.Now))
	if err != nil {
		return nil, err
	}
	return s.Problems, nil
}

// writeSurveyReport is the registry's survey: the workbook of the
// context's year.
func writeSurveyReport(c *Context, w io.Writer) error {
	if err := c.Step(0, 2); err != nil {
		return err
	}
	s, err := BuildSurvey(c.Store, c.Year, c.Lang, model.DateOf(c.Now))
	if err != nil {
		return err
	}
	if err := c.Step(1, 2); err != nil {
		return err
	}
	if err := WriteSurveyBook(w, s, c.Union, c.Lang); err != nil {
		return err
	}
	return c.Step(2, 2)
}
