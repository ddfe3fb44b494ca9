package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

// The registry is the one list of reports: names unique, each with a
// title in both languages and a way to write it, and the command's help
// naming exactly these.
func TestRegistryListsEveryReport(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Reports() {
		if seen[r.Name] {
			t.Errorf("%s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Write == nil || (r.Ext != ".xlsx" && r.Ext != ".docx") {
			t.Errorf("%s: no writer or extension %q", r.Name, r.Ext)
		}
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if l.T(r.Title) == r.Title {
				t.Errorf("%s: title %s not in the %v catalogue", r.Name, r.Title, l)
			}
		}
	}
	for _, want := range []string{"summary", "survey", "journal", "statement", "vouchers"} {
		if Find(want) == nil {
			t.Errorf("%s is not in the registry", want)
		}
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if got := l.T("report.cmd_args"); got != Names() {
			t.Errorf("the command's arguments say %q, the registry %q", got, Names())
		}
	}
	if Find("survey").Check == nil {
		t.Error("the survey has no logic checks")
	}
}

func TestRegistryFileNames(t *testing.T) {
	p, _ := model.ParsePeriod("2026-H1")
	for _, c := range []struct {
		name string
		o    Options
		want string
	}{
		{"summary", Options{Period: p, Lang: i18n.ZH, Union: "青山镇总工会"}, "青山镇总工会_工作总结数据_2026-H1.docx"},
		{"survey", Options{Year: 2026, Lang: i18n.ZH, Union: "青山镇总工会"}, "青山镇总工会_基层工会调查表_2026.xlsx"},
		{"survey", Options{Year: 2026, Lang: i18n.EN, Union: "A/B union"}, "A_B union_grassroots union survey_2026.xlsx"},
		{"statement", Options{Period: p, Lang: i18n.ZH, Union: "青山镇总工会"}, "收入支出表_2026-H1.xlsx"},
	} {
		if got := FileName(c.name, c.o); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// The registry writes the summary and the survey as the command does, and
// refuses what a report is not written for.
func TestRegistryWritesSummaryAndSurvey(t *testing.T) {
	st := handStore(t)
	p, _ := model.ParsePeriod("2026-H1")
	var doc bytes.Buffer
	if err := WriteTo(st, "summary", Options{Period: p, Lang: i18n.ZH, Now: summaryNow}, &doc); err != nil || !bytes.HasPrefix(doc.Bytes(), []byte("PK")) {
		t.Fatalf("summary: %v", err)
	}
	problems, err := Checks(st, "survey", Options{Year: 2026, Lang: i18n.ZH, Now: summaryNow})
	if err != nil {
		t.Fatal(err)
	}
	s, err := BuildSurvey(st, 2026, i18n.ZH, model.DateOf(summaryNow))
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 || len(problems) != len(s.Problems) {
		t.Errorf("checks %d, survey %d", len(problems), len(s.Problems))
	}
	if err := WriteTo(st, "survey", Options{Period: p, Lang: i18n.EN, Now: summaryNow}, &doc); err == nil {
		t.Error("a survey without its year was written")
	}
	if _, err := Checks(st, "summary", Options{Period: p, Lang: i18n.EN}); err != nil {
		t.Errorf("a report without checks: %v", err)
	}
}

// Writing tells its steps, and stops when its context is done, leaving no
// file.
func TestReportProgressAndStop(t *testing.T) {
	st := handStore(t)
	p, _ := model.ParsePeriod("2026-H1")
	var steps []int
	path := filepath.Join(t.TempDir(), "s.docx")
	o := Options{Period: p, Lang: i18n.ZH, Now: summaryNow, Progress: func(done, total int) {
		steps = append(steps, done)
		if total != len(summarySections)+1 {
			t.Errorf("total %d", total)
		}
	}}
	if err := WriteFile(st, "summary", o, path); err != nil {
		t.Fatal(err)
	}
	if len(steps) != len(summarySections)+2 || steps[len(steps)-1] != len(summarySections)+1 {
		t.Errorf("steps %v", steps)
	}
	ctx, cancel := context.WithCancel(context.Background())
	o.Ctx, o.Progress = ctx, func(done, _ int) {
		if done == 2 {
			cancel()
		}
	}
	stopped := filepath.Join(t.TempDir(), "stopped.docx")
	if err := WriteFile(st, "summary", o, stopped); !errors.Is(err, context.Canceled) {
		t.Errorf("stopped writing: %v", err)
	}
	if _, err := os.Stat(stopped); !os.IsNotExist(err) {
		t.Errorf("a stopped report left a file: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(stopped)); len(entries) != 0 {
		t.Errorf("a stopped report left %v", entries)
	}
}
