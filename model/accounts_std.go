package model

// The two published union accounting charts, as data. Only the income and
// expense accounts are here: the cash book records money in and out; the
// balance-sheet side is the two money accounts (MoneyCash 101, MoneyBank
// 102) and the carried balance.
//
// Chart2021 — 《工会会计制度》, 财政部 财会〔2021〕7号 (14 April 2021), in
// force from 1 January 2022; 附录1 第二部分 会计科目名称和编号 (the basic-level
// list 基层工会主要会计科目 and the county-and-above list 县级以上工会会计科目)
// and 第三部分 会计科目使用说明 (the prescribed sub-accounts 明细科目 of 403, 404,
// 501, 503–508). A township federation keeps the basic-level list and, as
// the chart's note allows (“对于本表未列出的会计科目，基层工会可以根据实际需要按照县级
// 以上工会的会计科目进行账务处理”), the county-level accounts it needs (502, 506,
// 508, 509, 404, 406, 407). Left out: 411 动用预算稳定调节基金 and 521 安排预算稳定
// 调节基金, which move no money (they are transfers from and to a reserve
// fund kept only by county-level unions). Verified against the public
// transcription of the Ministry's PDF (P020210421580786767424.pdf) at
// github.com/zhaoyh603/zhaoyh603.github.io, docs/zd/ghkj/00.md.
//
// Chart2010 — 《工会会计制度》, 财会〔2009〕7号, in force 2010–2021, as its
// 收入支出表 (工会02表) lists the accounts and sub-accounts.

// AccountRole names what the program itself posts to an account, so that
// the same work finds its account in either chart (送温暖 is 50205 in 2010
// and 50405 in 2021; 504 is 行政支出 in 2010 and 维权支出 in 2021).
type AccountRole string

const (
	RoleDues            AccountRole = "dues"             // 401 会费收入
	RoleAllocated       AccountRole = "allocated"        // 402 拨缴经费收入
	RoleActivities      AccountRole = "activities"       // 501 职工活动支出 (heading)
	RoleEducation       AccountRole = "education"        // 职工教育
	RoleSports          AccountRole = "sports"           // 文体活动
	RolePublicity       AccountRole = "publicity"        // 宣传活动
	RoleOtherActivities AccountRole = "other_activities" // 其他活动支出
	RoleConsolation     AccountRole = "consolation"      // member consolation (2021 50105 会员活动支出)
	RoleHardshipAid     AccountRole = "hardship_aid"     // 困难职工帮扶
	RoleWarmth          AccountRole = "warmth"           // 送温暖
	RoleAdministrative  AccountRole = "administrative"   // office running costs
)

// roleFallback: a role a chart has no account for is posted where the
// fallback role is (the 2010 chart books member consolation under 50104
// 其他活动支出, as the 2017 《基层工会经费收支管理办法》 第六条 puts it there).
var roleFallback = map[AccountRole]AccountRole{RoleConsolation: RoleOtherActivities}

// Chart standards.
const (
	Chart2021 = "2021" // 财会〔2021〕7号, the default
	Chart2010 = "2010" // 财会〔2009〕7号
	ChartOwn  = "own"  // loaded or edited by the union
)

// Sources named on the chart (shown in Settings and printed under reports).
const (
	source2021 = "《工会会计制度》财会〔2021〕7号，2022年1月1日起施行，附录1 会计科目名称和编号"
	source2010 = "《工会会计制度》财会〔2009〕7号，2010年1月1日起施行，收入支出表（工会02表）"
)

func acct(code, name, en string, d Direction, role AccountRole) Account {
	return Account{Code: code, Name: name, NameEN: en, Direction: d, Role: role}
}

var chart2021 = []Account{
	acct("401", "会费收入", "Membership dues", In, RoleDues),
	acct("402", "拨缴经费收入", "Allocated union funds", In, RoleAllocated),
	acct("403", "上级补助收入", "Subsidies from higher unions", In, ""),
	acct("40301", "一般性转移支付补助", "General transfers", In, ""),
	acct("40302", "专项转移支付补助", "Special-purpose transfers", In, ""),
	acct("404", "政府补助收入", "Government subsidies", In, ""),
	acct("40401", "财政拨款收入", "Same-level appropriations", In, ""),
	acct("40402", "非同级财政拨款收入", "Other-level appropriations", In, ""),
	acct("405", "行政补助收入", "Subsidies from the administration", In, ""),
	acct("406", "附属单位上缴收入", "Remitted by affiliated units", In, ""),
	acct("407", "投资收益", "Investment income", In, ""),
	acct("408", "其他收入", "Other income", In, ""),
	acct("501", "职工活动支出", "Employee activities", Out, RoleActivities),
	acct("50101", "职工教育支出", "Employee education", Out, RoleEducation),
	acct("50102", "文体活动支出", "Culture and sports", Out, RoleSports),
	acct("50103", "宣传活动支出", "Publicity", Out, RolePublicity),
	acct("50104", "劳模职工疗休养支出", "Rest for model workers", Out, ""),
	acct("50105", "会员活动支出", "Member activities and consolation", Out, RoleConsolation),
	acct("50106", "其他活动支出", "Other activities", Out, RoleOtherActivities),
	acct("502", "职工活动组织支出", "Organising employee activities", Out, ""),
	acct("503", "职工服务支出", "Employee services", Out, ""),
	acct("50301", "劳动和技能竞赛活动支出", "Labour and skills contests", Out, ""),
	acct("50302", "建家活动支出", "Workers' home building", Out, ""),
	acct("50303", "职工创新活动支出", "Employee innovation", Out, ""),
	acct("50304", "职工书屋活动支出", "Employee reading rooms", Out, ""),
	acct("50305", "其他服务支出", "Other services", Out, ""),
	acct("504", "维权支出", "Rights protection", Out, ""),
	acct("50401", "劳动关系协调支出", "Labour-relations coordination", Out, ""),
	acct("50402", "劳动保护支出", "Labour protection", Out, ""),
	acct("50403", "法律援助支出", "Legal aid", Out, ""),
	acct("50404", "困难职工帮扶支出", "Aid to workers in hardship", Out, RoleHardshipAid),
	acct("50405", "送温暖支出", "Festival consolation (送温暖)", Out, RoleWarmth),
	acct("50406", "其他维权支出", "Other rights protection", Out, ""),
	acct("505", "业务支出", "Operational expenses", Out, ""),
	acct("50501", "培训支出", "Training", Out, ""),
	acct("50502", "会议支出", "Meetings", Out, ""),
	acct("50503", "专项业务支出", "Special operations", Out, ""),
	acct("50504", "其他业务支出", "Other operational expenses", Out, ""),
	acct("506", "行政支出", "Administrative expenses", Out, ""),
	acct("50601", "工资福利支出", "Wages and benefits", Out, ""),
	acct("50602", "商品和服务支出", "Goods and services", Out, RoleAdministrative),
	acct("50603", "对个人和家庭的补助支出", "Support to individuals", Out, ""),
	acct("50604", "其他行政支出", "Other administrative", Out, ""),
	acct("507", "资本性支出", "Capital expenditure", Out, ""),
	acct("50701", "房屋建筑物购建", "Buildings", Out, ""),
	acct("50702", "办公设备购置", "Office equipment", Out, ""),
	acct("50703", "专用设备购置", "Special equipment", Out, ""),
	acct("50704", "交通工具购置", "Vehicles", Out, ""),
	acct("50705", "大型修缮", "Major repairs", Out, ""),
	acct("50706", "信息网络购建", "Information networks", Out, ""),
	acct("50707", "其他资本性支出", "Other capital expenditure", Out, ""),
	acct("508", "补助下级支出", "Subsidies to lower unions", Out, ""),
	acct("50801", "一般性转移支付补助", "General transfers", Out, ""),
	acct("50802", "专项转移支付补助", "Special-purpose transfers", Out, ""),
	acct("509", "对附属单位的支出", "Payments to affiliated units", Out, ""),
	acct("510", "其他支出", "Other expenses", Out, ""),
}

var chart2010 = []Account{
	acct("401", "会费收入", "Membership dues", In, RoleDues),
	acct("402", "拨缴经费收入", "Allocated union funds", In, RoleAllocated),
	acct("403", "上级补助收入", "Subsidies from higher unions", In, ""),
	acct("40301", "回拨补助", "Funds returned by higher unions", In, ""),
	acct("40302", "专项补助", "Special-purpose subsidies", In, ""),
	acct("40303", "超收补助", "Over-collection subsidies", In, ""),
	acct("40304", "帮扶补助", "Hardship-aid subsidies", In, ""),
	acct("40305", "送温暖补助", "Festival-consolation subsidies", In, ""),
	acct("40306", "救灾补助", "Disaster-relief subsidies", In, ""),
	acct("40307", "其他补助", "Other subsidies", In, ""),
	acct("404", "政府补助收入", "Government subsidies", In, ""),
	acct("405", "行政补助收入", "Administrative subsidies", In, ""),
	acct("406", "事业收入", "Operating income", In, ""),
	acct("407", "投资收益", "Investment income", In, ""),
	acct("408", "其他收入", "Other income", In, ""),
	acct("501", "职工活动支出", "Employee activities", Out, RoleActivities),
	acct("50101", "职工教育费", "Employee education", Out, RoleEducation),
	acct("50102", "文体活动费", "Culture and sports", Out, RoleSports),
	acct("50103", "宣传活动费", "Publicity", Out, RolePublicity),
	acct("50104", "其他活动支出", "Other activities", Out, RoleOtherActivities),
	acct("502", "维权支出", "Rights protection", Out, ""),
	acct("50201", "劳动关系协调费", "Labour-relations coordination", Out, ""),
	acct("50202", "劳动保护费", "Labour protection", Out, ""),
	acct("50203", "法律援助费", "Legal aid", Out, ""),
	acct("50204", "困难职工帮扶费", "Aid to workers in hardship", Out, RoleHardshipAid),
	acct("50205", "送温暖费", "Festival consolation (送温暖)", Out, RoleWarmth),
	acct("50206", "其他维权支出", "Other rights protection", Out, ""),
	acct("503", "业务支出", "Operational expenses", Out, ""),
	acct("50301", "培训费", "Training", Out, ""),
	acct("50302", "会议费", "Meetings", Out, ""),
	acct("50303", "外事费", "Foreign affairs", Out, ""),
	acct("50304", "专项业务费", "Special operations", Out, ""),
	acct("50305", "其他业务支出", "Other operational expenses", Out, ""),
	acct("504", "行政支出", "Administrative expenses", Out, ""),
	acct("50401", "工资福利支出", "Wages and benefits", Out, ""),
	acct("50402", "商品和服务支出", "Goods and services", Out, RoleAdministrative),
	acct("50403", "对个人和家庭的补助", "Support to individuals", Out, ""),
	acct("50404", "其他行政支出", "Other administrative", Out, ""),
	acct("505", "资本性支出", "Capital expenditure", Out, ""),
	acct("50501", "房屋建筑物购建", "Buildings", Out, ""),
	acct("50502", "办公设备购置", "Office equipment", Out, ""),
	acct("50503", "专用设备购置", "Special equipment", Out, ""),
	acct("50504", "交通工具购置", "Vehicles", Out, ""),
	acct("50505", "大型修缮", "Major repairs", Out, ""),
	acct("50506", "信息网络购建", "Information networks", Out, ""),
	acct("50507", "其他资本性支出", "Other capital expenditure", Out, ""),
	acct("506", "补助下级支出", "Subsidies to lower unions", Out, ""),
	acct("507", "事业支出", "Operating expenses", Out, ""),
	acct("508", "其他支出", "Other expenses", Out, ""),
}

// LegacyAccountCodes maps the codes of the chart this program shipped
// before the 2010 chart was corrected (40303 帮扶补助 … 509 其他支出) to the
// 2010 chart's codes for the same accounts. The storage migration rewrites
// stored entries with it, so every entry keeps its meaning.
var LegacyAccountCodes = map[string]string{
	"40303": "40304", // 帮扶补助
	"40304": "40305", // 送温暖补助
	"40305": "40306", // 救灾补助
	"40399": "40307", // 其他补助
	"50199": "50104", // 其他活动支出
	"50299": "50206", // 其他维权支出
	"509":   "508",   // 其他支出
}
