package storage

import (
	"fmt"

	"unionbook/model"
)

// Aid records: recording aid (with its cash-book entry and the yearly
// caps' warnings) and reversing it.

func aidLabel(a *model.AidRecord, m *model.Member) string {
	return fmt.Sprintf("%s (%s)", m.Name, m.No)
}

func aidTypeText(t model.AidType) string {
	switch t {
	case model.AidWarmth:
		return "送温暖"
	case model.AidLiving:
		return "生活救助"
	case model.AidMedical:
		return "医疗救助"
	case model.AidSchool:
		return "金秋助学"
	case model.AidEmployment:
		return "就业帮扶"
	}
	return "其他帮扶"
}

// householdAid is every aid record of the file, or of the member when
// there is no file.
func (w *writer) householdAid(fileID, memberID uint64) ([]model.AidRecord, error) {
	if fileID != 0 {
		return aidByIDs(w.tx, prefixIDs(w.tx.Bucket(idxAidFile), fileID))
	}
	return aidByIDs(w.tx, prefixIDs(w.tx.Bucket(idxAidMember), memberID))
}

func (w *writer) rulesHardship() (model.HardshipRules, error) {
	p, err := w.profile()
	if err != nil {
		return model.HardshipRules{}, err
	}
	return p.HardshipRules(), nil
}

// storeAid gives a its ID, writes it and its index entries (the ledger
// entry is posted by the caller, then the record is written again).
func (w *writer) storeAid(a *model.AidRecord) error {
	id, err := w.tx.Bucket(bucketAid).NextSequence()
	if err != nil {
		return err
	}
	a.ID, a.CreatedAt, a.Operator = id, w.now, w.op
	if err := putIdx(w.tx.Bucket(idxAidMember), pairKey(a.MemberID, id), empty); err != nil {
		return err
	}
	if a.FileID != 0 {
		if err := putIdx(w.tx.Bucket(idxAidFile), pairKey(a.FileID, id), empty); err != nil {
			return err
		}
	}
	return putIdx(w.tx.Bucket(idxAidDate), aidDateKey(a.Date, id), empty)
}

func aidMemo(a *model.AidRecord, fileID uint64) string {
	s := aidTypeText(a.Type)
	if a.Type == model.AidSchool && a.Student != "" {
		s += " " + a.Student
	}
	if fileID != 0 {
		s += fmt.Sprintf(" 档案%d", fileID)
	}
	return s
}

func (w *writer) recordAid(a *model.AidRecord) (model.Warnings, error) {
	a.ID, a.LedgerID, a.ReversalOf, a.Reason = 0, 0, 0, ""
	a.Normalize()
	ps := a.Validate(w.today)
	var cat model.HardshipCategory
	if a.FileID != 0 {
		f, err := getHardshipFile(w.tx, a.FileID)
		if err != nil {
			ps = append(ps, model.Problem{Field: "hs_file", Key: "aid.file_missing"})
		} else {
			if a.MemberID != 0 && a.MemberID != f.MemberID {
				ps = append(ps, model.Problem{Field: "member", Key: "aid.other_member"})
			}
			a.MemberID = f.MemberID
			cat = f.Category
			ps = append(ps, model.ValidateAidFor(&f, a.Date)...)
		}
	}
	var m model.Member
	if a.MemberID == 0 {
		ps = append(ps, model.Problem{Field: "member", Key: "problem.required"})
	} else if mm, err := getMember(w.tx, a.MemberID); err != nil {
		ps = append(ps, model.Problem{Field: "member", Key: "dues.member_missing"})
	} else {
		m = mm
	}
	if len(ps) > 0 {
		return nil, ps
	}
	rules, err := w.rulesHardship()
	if err != nil {
		return nil, err
	}
	earlier, err := w.householdAid(a.FileID, a.MemberID)
	if err != nil {
		return nil, err
	}
	warn := model.AidCapWarnings(a, earlier, cat, rules)
	if err := w.storeAid(a); err != nil {
		return nil, err
	}
	if a.Cash > 0 {
		account, err := w.roleAccount(a.Date.Year(), a.Type.Role())
		if err != nil {
			return nil, err
		}
		e := model.LedgerEntry{Date: a.Date, Direction: model.Out, Account: account, Amount: a.Cash,
			Counterparty: m.Name, Memo: aidMemo(a, a.FileID), Source: model.Source{Kind: SourceAid, ID: a.ID}}
		if err := w.postLedger(&e); err != nil {
			return nil, err
		}
		a.LedgerID = e.ID
	}
	if err := w.put(w.tx.Bucket(bucketAid), itob(a.ID), a); err != nil {
		return nil, err
	}
	return warn, w.writeAudit(model.ActionCreate, model.EntityAid, a.ID, aidLabel(a, &m), aidChanges(a))
}

func aidChanges(a *model.AidRecord) []model.FieldChange {
	cs := []model.FieldChange{
		{Field: "aid_type", New: aidTypeText(a.Type)},
		{Field: "date", New: a.Date.String()},
		{Field: "aid_cash", New: a.Cash.String()},
	}
	add := func(field, v string) {
		if v != "" {
			cs = append(cs, model.FieldChange{Field: field, New: v})
		}
	}
	add("hs_file", uintText(a.FileID))
	add("aid_goods", a.Goods)
	if a.GoodsValue != 0 {
		add("aid_goods_value", a.GoodsValue.String())
	}
	add("aid_fund", fmt.Sprint(int(a.Fund)))
	add("aid_approver", a.Approver)
	add("aid_student", a.Student)
	add("reason", a.Reason)
	return cs
}

func (w *writer) reverseAid(id uint64, date model.Date, reason string) (model.AidRecord, error) {
	orig, err := getAid(w.tx, id)
	if err != nil {
		return model.AidRecord{}, err
	}
	if orig.ReversalOf != 0 {
		return model.AidRecord{}, model.Problems{{Key: "aid.cannot_reverse_reversal"}}
	}
	if v := w.tx.Bucket(idxAidReversal).Get(itob(id)); v != nil {
		return model.AidRecord{}, model.Problems{{Key: "aid.already_reversed", Args: []any{orig.Date.String()}}}
	}
	if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
		return model.AidRecord{}, ps
	}
	m, err := getMember(w.tx, orig.MemberID)
	if err != nil {
		return model.AidRecord{}, err
	}
	rev := model.AidRecord{
		FileID: orig.FileID, MemberID: orig.MemberID, Type: orig.Type, Date: date,
		Cash: -orig.Cash, Goods: orig.Goods, GoodsValue: -orig.GoodsValue, Fund: orig.Fund, Approver: orig.Approver,
		Student: orig.Student, SchoolLevel: orig.SchoolLevel, ReversalOf: id, Reason: model.CleanText(reason),
	}
	if err := w.storeAid(&rev); err != nil {
		return model.AidRecord{}, err
	}
	if orig.LedgerID != 0 {
		le, err := getLedgerEntry(w.ledger, orig.LedgerID)
		if err != nil {
			return model.AidRecord{}, err
		}
		e := model.LedgerEntry{Date: date, Direction: le.Direction, Account: le.Account, Amount: -le.Amount,
			Counterparty: le.Counterparty, Memo: reversalMemo(le.VoucherNo, reason),
			Source: model.Source{Kind: SourceAid, ID: rev.ID}, ReversalOf: le.ID}
		if err := w.postLedger(&e); err != nil {
			return model.AidRecord{}, err
		}
		rev.LedgerID = e.ID
	}
	if err := w.put(w.tx.Bucket(bucketAid), itob(rev.ID), &rev); err != nil {
		return model.AidRecord{}, err
	}
	if err := putIdx(w.tx.Bucket(idxAidReversal), itob(id), itob(rev.ID)); err != nil {
		return model.AidRecord{}, err
	}
	return rev, w.writeAudit(model.ActionReverse, model.EntityAid, id, aidLabel(&rev, &m), aidChanges(&rev))
}
