package settings

import (
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// The term of office and the 换届 warning are settings: bad values are
// named and not saved, good ones are.
func TestOrgSettings(t *testing.T) {
	p := newPage(t, i18n.ZH)
	f := open(t, p, "z")
	if f.Value("term_years") != "5" || f.Value("election_warn_days") != "90" {
		t.Fatalf("defaults %q %q", f.Value("term_years"), f.Value("election_warn_days"))
	}
	f.SetValue("term_years", "11")
	f.SetValue("election_warn_days", "九十")
	_, ps := orgSection{profile(t, p)}.read(f)
	if !ps.Has("term_years", "org.term_years") || !ps.Has("election_warn_days", "problem.whole_number") {
		t.Fatalf("problems %v", ps)
	}
	f.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if pr := profile(t, p); pr.TermYears != 0 || p.Depth() != 2 {
		t.Fatalf("a bad term was saved (%d)", pr.TermYears)
	}
	f.SetValue("term_years", "4") // 三年或者五年 only
	f.Revalidate()
	if ps := f.Problems(); !ps.Has("term_years", "org.term_years") {
		t.Fatalf("a term of 4 years: problems %v", ps)
	}
	f.SetValue("term_years", "3")
	f.SetValue("election_warn_days", "60")
	f.Revalidate()
	if ps := f.Problems(); len(ps) != 0 {
		t.Fatalf("problems left %v", ps)
	}
	uitest.RunCmd(p.Update(uitest.Key("ctrl+s")), p.Update)
	if pr := profile(t, p); pr.OrgRules().TermYears != 3 || pr.OrgRules().ElectionWarnDays != 60 {
		t.Errorf("saved %+v", pr.OrgRules())
	}
}
