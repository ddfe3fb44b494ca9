package storage

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// A record that does not decode is named in the user's words, once; what
// the decoder said is the problem's detail, not its message.
func TestUndecodableRecordInTheUsersWords(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	u := mustUnit(t, s, "检查测试公司工会")
	m := mustMember(t, s, "张三", residentID("110101", model.NewDate(1990, 3, 7), 11), u.ID)
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		// a checksum that matches over bytes that are no CBOR record
		return tx.Bucket(bucketMembers).Put(itob(m.ID), withChecksum([]byte{0xff, 0xff, 0x00}))
	}); err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	var p *CheckProblem
	for i := range r.Problems {
		if r.Problems[i].Key == "check.undecodable" {
			p = &r.Problems[i]
		}
	}
	if p == nil {
		t.Fatalf("no undecodable problem: %+v", r.Problems)
	}
	zh, en := p.Localize(i18n.ZH), p.Localize(i18n.EN)
	if zh != "会员 1：内容无法读取：文件已损坏" || strings.Contains(en, "cbor") {
		t.Errorf("the message: %q / %q", zh, en)
	}
	if !strings.Contains(p.Detail, "cbor") {
		t.Errorf("the decoder's words are not the detail: %q", p.Detail)
	}
}
