package model_test

import (
	"fmt"

	"unionbook/i18n"
	"unionbook/model"
)

func ExampleParseMoney() {
	for _, s := range []string{"12.5", "￥1,234.00", "１２元", "12.345"} {
		m, err := model.ParseMoney(s)
		if err != nil {
			fmt.Println(i18n.Text(err, i18n.ZH))
			continue
		}
		fmt.Println(int64(m), m.String(), m.Display())
	}
	// Output:
	// 1250 12.50 12.50
	// 123400 1234.00 1,234.00
	// 1200 12.00 12.00
	// 「12.345」超过两位小数（金额精确到分）
}

func ExampleMoney_Display() {
	fmt.Println(model.Money(123450).Display(), model.Money(-5).Display(), model.Money(0).Display())
	// Output: 1,234.50 -0.05 0.00
}

func ExampleMaskID() {
	fmt.Println(model.MaskID("110101199003078670"))
	fmt.Println(model.MaskID("E12345678")) // a passport number
	// Output:
	// 110101********8670
	// E1*****78
}

func ExampleNormalizeResidentID() {
	for _, s := range []string{"11010519491231002x", "610104620927690", "1.10101E+17", "110101199003078671"} {
		id, err := model.NormalizeResidentID(s)
		if err != nil {
			fmt.Println(i18n.Text(err, i18n.EN))
			continue
		}
		fmt.Println(id)
	}
	// Output:
	// 11010519491231002X
	// 610104196209276908
	// Excel turned the ID number into scientific notation and its last digits are lost; format the column as text and retype it
	// the check character of the ID number is wrong; check for a typing mistake
}

func ExampleParseDate() {
	for _, s := range []string{"2023年5月1日", "2023/5/1", "２０２３０５０１", "2023-02-31"} {
		d, err := model.ParseDate(s)
		if err != nil {
			fmt.Println(i18n.Text(err, i18n.ZH))
			continue
		}
		fmt.Println(d)
	}
	// Output:
	// 2023-05-01
	// 2023-05-01
	// 2023-05-01
	// 日期「2023-02-31」不存在
}

func ExampleMember_Validate() {
	m := model.Member{Name: " 张 三 ", IDNumber: "110101199003078670", Phone: "138 1234 5678", JoinDate: 20050101}
	m.Normalize() // fills gender and birth date from the ID number
	for _, p := range m.Validate(20240615) {
		fmt.Println(p.Localize(i18n.ZH))
	}
	// Output:
	// 工作单位：必填
	// 入会日期：入会时未满 16 周岁
}
