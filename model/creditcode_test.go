package model

import "testing"

func TestNormalizeCreditCode(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"91350100M000100Y43", "91350100M000100Y43", ""},
		{"91110000802100433B", "91110000802100433B", ""},
		{"91350100m000100y43", "91350100M000100Y43", ""}, // lower case
		{" 9111 0000 8021 0043 3B ", "91110000802100433B", ""},
		{"９１１１００００８０２１００４３３Ｂ", "91110000802100433B", ""}, // full-width
		{"91110000-802100433B", "91110000802100433B", ""},
		{"911100001000013428", "", "credit.checksum"},
		{"91110000802100433C", "", "credit.checksum"},
		{"91350100M000100Y44", "", "credit.checksum"},
		{"91350100I000100Y43", "", "credit.chars"},
		{"91350100O000100Y43", "", "credit.chars"},
		{"91350100S000100Y43", "", "credit.chars"},
		{"91350100V000100Y43", "", "credit.chars"},
		{"91350100Z000100Y43", "", "credit.chars"},
		{"91350100M000100Y4三", "", "credit.chars"},
		{"91350100M000100Y4*", "", "credit.chars"},
		{"91350100M000100Y4", "", "credit.length"},
		{"91350100M000100Y433", "", "credit.length"},
		{"", "", "credit.length"},
		{"123", "", "credit.length"},
	}
	for _, c := range cases {
		got, err := NormalizeCreditCode(c.in)
		if k := errKey(err); k != c.err || got != c.want {
			t.Errorf("NormalizeCreditCode(%q) = %q, %q (%v); want %q, %q", c.in, got, k, err, c.want, c.err)
		}
	}
}

func TestCreditCodeMessages(t *testing.T) {
	_, err := NormalizeCreditCode("91350100M000100Y4三")
	if err == nil || !contains(err.Error(), `"三"`) {
		t.Errorf("error %v should name the bad character whole", err)
	}
	_, err = NormalizeCreditCode("91350100M000100Y4")
	if err == nil || !contains(err.Error(), "this one has 17") {
		t.Errorf("error %v should count 17 characters", err)
	}
}
