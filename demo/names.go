package demo

import (
	"math/rand/v2"
	"strings"
)

// weighted picks items with integer weights.
type weighted[T any] struct {
	items []T
	cum   []int
}

func newWeighted[T any](pairs ...any) *weighted[T] {
	w := &weighted[T]{}
	total := 0
	for i := 0; i < len(pairs); i += 2 {
		total += pairs[i+1].(int)
		w.items = append(w.items, pairs[i].(T))
		w.cum = append(w.cum, total)
	}
	return w
}

func (w *weighted[T]) pick(r *rand.Rand) T {
	n := r.IntN(w.cum[len(w.cum)-1])
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if w.cum[mid] > n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return w.items[lo]
}

func one[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// Surnames, weighted roughly by their share of the population (per mille):
// nationally for people from other provinces, Fujian's own order for locals
// (陈 林 黄 lead there). Polyphonic surnames (曾 zēng, 单 shàn, 解 xiè,
// 仇 qiú, 区 ōu, 查 zhā, 朴 piáo) and compound ones (欧阳 …) are included
// because they trip up pinyin search.
var nationalSurnames = newWeighted[string](
	"王", 71, "李", 70, "张", 66, "刘", 53, "陈", 45, "杨", 31, "黄", 22, "赵", 20, "吴", 20, "周", 19,
	"徐", 16, "孙", 15, "马", 12, "朱", 12, "胡", 11, "郭", 11, "何", 11, "林", 11, "高", 10, "罗", 10,
	"郑", 9, "梁", 9, "谢", 8, "宋", 7, "唐", 7, "许", 7, "韩", 6, "冯", 6, "邓", 6, "曹", 6,
	"彭", 5, "曾", 5, "肖", 5, "田", 5, "董", 5, "袁", 4, "潘", 4, "于", 4, "蒋", 4, "蔡", 4,
	"余", 4, "杜", 4, "叶", 4, "程", 4, "苏", 3, "魏", 3, "吕", 3, "丁", 3, "任", 3, "沈", 3,
	"姚", 3, "卢", 3, "姜", 3, "崔", 2, "钟", 2, "谭", 2, "陆", 2, "汪", 2, "范", 2, "金", 2,
	"石", 2, "廖", 2, "贾", 2, "夏", 2, "韦", 2, "付", 2, "方", 2, "白", 2, "邹", 2, "孟", 2,
	"熊", 2, "秦", 2, "邱", 2, "江", 2, "尹", 2, "薛", 2, "闫", 2, "段", 2, "雷", 2, "侯", 2,
	"龙", 2, "史", 1, "陶", 1, "黎", 1, "贺", 1, "顾", 1, "毛", 1, "郝", 1, "龚", 1, "邵", 1,
	"单", 1, "解", 1, "仇", 1, "查", 1, "区", 1, "朴", 1, "欧阳", 1, "司马", 1, "上官", 1, "诸葛", 1,
)

var fujianSurnames = newWeighted[string](
	"陈", 120, "林", 100, "黄", 60, "张", 45, "吴", 35, "李", 35, "王", 33, "郑", 30, "刘", 25, "杨", 20,
	"蔡", 13, "谢", 13, "许", 12, "曾", 12, "庄", 10, "洪", 10, "邱", 10, "叶", 10, "游", 8, "苏", 8,
	"周", 8, "江", 7, "赖", 7, "罗", 7, "詹", 6, "魏", 6, "卢", 6, "方", 6, "朱", 6, "余", 6,
	"徐", 5, "潘", 5, "郭", 5, "高", 5, "施", 5, "何", 5, "肖", 5, "傅", 5, "姚", 4, "薛", 4,
	"翁", 4, "池", 3, "卓", 3, "连", 3, "阮", 3, "柯", 3, "雷", 3, "蓝", 3, "钟", 3, "邓", 3,
	"程", 3, "严", 3, "丁", 3, "单", 1, "解", 1, "查", 1, "欧阳", 2, "上官", 1,
)

// Given-name characters by gender, and characters used for both.
var (
	maleChars = []string{
		"伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "辉", "刚", "健", "鹏", "华",
		"建", "国", "志", "平", "俊", "峰", "浩", "宇", "凯", "鑫", "泽", "翔", "龙", "波", "飞",
		"亮", "成", "东", "坤", "毅", "锋", "彬", "昊", "睿", "铭", "森", "榕", "航", "荣", "德",
		"忠", "福", "贵", "发", "兴", "旺", "坚", "新", "庆", "水", "木", "炳", "桂", "金", "宏",
	}
	femaleChars = []string{
		"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "雪", "慧", "萍", "红",
		"琳", "洁", "晶", "倩", "颖", "梅", "兰", "秀", "英", "玉", "珍", "莉", "欣", "怡", "佳",
		"雯", "琪", "月", "凤", "琴", "丹", "妹", "娇", "蓉", "萱", "璐", "薇", "露", "瑶", "莹",
		"桂", "香", "华", "清", "美", "惠", "芬", "珠", "娥", "云", "青", "冰", "菲", "媛", "婉",
	}
	commonChars = []string{
		"文", "晓", "春", "海", "金", "永", "子", "思", "嘉", "一", "小", "雨", "天", "立", "家",
		"少", "丽", "建", "秀", "明", "宏", "晨", "云", "新", "世", "丽", "俊", "佳", "梓", "依",
	}
)

// Uyghur names are written in Chinese as given name · father's name.
var (
	uyghurMale   = []string{"艾力", "买买提", "阿不都拉", "艾尔肯", "吐尔逊", "艾山", "努尔买买提", "阿迪力", "库尔班", "热合曼"}
	uyghurFemale = []string{"阿依古丽", "古丽娜尔", "热依拉", "帕提古丽", "米热古丽", "阿依努尔", "努尔古丽", "迪丽努尔", "热孜万古丽", "再努尔"}
	uyghurFather = []string{"买买提", "吐尔逊", "艾山", "阿不都拉", "玉素甫", "热合曼", "吾斯曼", "依明", "卡德尔", "亚森"}
)

// personName makes a name; ethnicity picks the naming convention.
func personName(r *rand.Rand, female, fujian bool, ethnicity string) string {
	if ethnicity == "维吾尔族" {
		first := uyghurMale
		if female {
			first = uyghurFemale
		}
		return one(r, first) + "·" + one(r, uyghurFather)
	}
	var b strings.Builder
	switch {
	case ethnicity == "畲族":
		b.WriteString(one(r, []string{"雷", "蓝", "钟", "李", "吴"}))
	case fujian:
		b.WriteString(fujianSurnames.pick(r))
	default:
		b.WriteString(nationalSurnames.pick(r))
	}
	own := maleChars
	if female {
		own = femaleChars
	}
	if r.IntN(100) < 28 {
		b.WriteString(one(r, own))
	} else {
		if r.IntN(3) == 0 {
			b.WriteString(one(r, commonChars))
		} else {
			b.WriteString(one(r, own))
		}
		b.WriteString(one(r, own))
	}
	return b.String()
}

// Regions of origin: county codes (the first six digits of an ID number).
// The township lies in 晋安区 of 福州 (350111); its neighbours supply most
// local members, and migrant workers come from elsewhere in Fujian and from
// the provinces that send the most workers to the coast.
type region struct {
	code       string
	ethnicity  *weighted[string] // nil: 汉族
	fujian     bool
	homeUnions string // the county union a member transferring home joins
}

var (
	han        = newWeighted[string]("汉族", 1)
	localShe   = newWeighted[string]("汉族", 96, "畲族", 4)
	fujianShe  = newWeighted[string]("汉族", 90, "畲族", 10)
	localAreas = newWeighted[region](
		region{"350111", localShe, true, "福州市晋安区总工会"}, 60,
		region{"350121", localShe, true, "闽侯县总工会"}, 14,
		region{"350122", localShe, true, "连江县总工会"}, 8,
		region{"350123", fujianShe, true, "罗源县总工会"}, 5,
		region{"350125", localShe, true, "永泰县总工会"}, 5,
		region{"350181", localShe, true, "福清市总工会"}, 8,
	)
	fujianAreas = newWeighted[region](
		region{"350322", han, true, "仙游县总工会"}, 5,
		region{"350524", han, true, "安溪县总工会"}, 4,
		region{"350721", han, true, "顺昌县总工会"}, 3,
		region{"350922", fujianShe, true, "古田县总工会"}, 5,
		region{"350981", fujianShe, true, "福安市总工会"}, 4,
		region{"350821", han, true, "长汀县总工会"}, 3,
	)
	otherAreas = newWeighted[region](
		region{"360731", han, false, "于都县总工会"}, 10,
		region{"360428", han, false, "都昌县总工会"}, 6,
		region{"430524", han, false, "隆回县总工会"}, 6,
		region{"433127", newWeighted[string]("汉族", 30, "土家族", 50, "苗族", 20), false, "永顺县总工会"}, 4,
		region{"422822", newWeighted[string]("汉族", 45, "土家族", 55), false, "建始县总工会"}, 4,
		region{"500236", han, false, "奉节县总工会"}, 6,
		region{"500228", han, false, "梁平区总工会"}, 5,
		region{"511322", han, false, "营山县总工会"}, 6,
		region{"511621", han, false, "岳池县总工会"}, 5,
		region{"520221", newWeighted[string]("汉族", 55, "苗族", 15, "彝族", 15, "布依族", 15), false, "水城区总工会"}, 5,
		region{"522627", newWeighted[string]("汉族", 25, "侗族", 45, "苗族", 30), false, "天柱县总工会"}, 3,
		region{"530627", newWeighted[string]("汉族", 85, "彝族", 10, "苗族", 5), false, "镇雄县总工会"}, 4,
		region{"452122", newWeighted[string]("汉族", 30, "壮族", 70), false, "马山县总工会"}, 3,
		region{"411524", newWeighted[string]("汉族", 92, "回族", 8), false, "商城县总工会"}, 5,
		region{"341221", han, false, "临泉县总工会"}, 5,
		region{"640381", newWeighted[string]("汉族", 60, "回族", 40), false, "青铜峡市总工会"}, 1,
		region{"210381", newWeighted[string]("汉族", 70, "满族", 30), false, "海城市总工会"}, 1,
		region{"653101", newWeighted[string]("汉族", 15, "维吾尔族", 85), false, "喀什市总工会"}, 1,
	)
)

// Parts of enterprise names: 字号 (trade names) and 行业 (lines of business).
var (
	tradeNames = []string{
		"宏达", "鑫源", "恒盛", "永兴", "华丰", "金鹏", "闽兴", "榕昌", "顺发", "新宇", "汇丰", "三友",
		"天元", "福源", "晋联", "海峡", "鼎盛", "嘉诚", "正大", "旭日", "长城", "东升", "瑞祥", "鸿运",
		"利达", "泰和", "佳美", "百川", "众诚", "优品", "安泰", "力拓", "博远", "立信", "恒通", "盛世",
		"青禾", "绿源", "九鼎", "万家", "中恒", "腾飞", "凯旋", "协和", "巨龙", "天宇", "金穗", "华闽",
	}
	industries = []industry{
		{"机械制造", 0.20, []string{"车工", "焊工", "钳工", "装配工", "质检员", "机修工"}},
		{"纺织", 0.70, []string{"挡车工", "纺纱工", "质检员", "保全工", "包装工"}},
		{"服装", 0.75, []string{"缝纫工", "裁剪工", "熨烫工", "质检员", "包装工"}},
		{"鞋业", 0.65, []string{"针车工", "成型工", "裁断工", "质检员", "包装工"}},
		{"食品", 0.60, []string{"操作工", "包装工", "质检员", "仓管员", "配送员"}},
		{"电子科技", 0.55, []string{"操作工", "贴片工", "测试员", "质检员", "技术员"}},
		{"建材", 0.20, []string{"操作工", "叉车司机", "搅拌工", "质检员", "装卸工"}},
		{"塑胶制品", 0.45, []string{"注塑工", "操作工", "模具工", "质检员", "包装工"}},
		{"物流", 0.25, []string{"驾驶员", "分拣员", "装卸工", "调度员", "仓管员"}},
		{"包装印刷", 0.45, []string{"印刷工", "机长", "装订工", "质检员", "操作工"}},
		{"家具", 0.30, []string{"木工", "油漆工", "装配工", "打磨工", "质检员"}},
		{"汽车配件", 0.25, []string{"冲压工", "焊工", "装配工", "质检员", "技术员"}},
		{"水产加工", 0.65, []string{"加工工", "冷库工", "质检员", "包装工", "操作工"}},
		{"茶业", 0.55, []string{"制茶工", "拣茶工", "包装工", "销售员", "质检员"}},
		{"竹木制品", 0.40, []string{"操作工", "木工", "打磨工", "包装工", "质检员"}},
		{"五金", 0.30, []string{"冲压工", "抛光工", "装配工", "质检员", "操作工"}},
		{"石材", 0.15, []string{"切割工", "打磨工", "雕刻工", "叉车司机", "装卸工"}},
		{"化工", 0.25, []string{"操作工", "化验员", "安全员", "仓管员", "技术员"}},
		{"医疗器械", 0.55, []string{"装配工", "检验员", "技术员", "包装工", "操作工"}},
		{"光电", 0.50, []string{"操作工", "镀膜工", "检验员", "技术员", "包装工"}},
	}
	companyForms = newWeighted[string]("有限公司", 80, "股份有限公司", 12, "有限责任公司", 8)
	officeJobs   = []string{"会计", "出纳", "文员", "人事专员", "销售员", "采购员", "电工", "保安", "司机", "车间主任", "班组长", "技术员", "厨师"}
	roads        = []string{"工业路", "青山大道", "兴业路", "创业路", "福湾路", "青禾路", "园区一路", "园区二路", "溪南路", "站前路"}
)

type industry struct {
	name        string
	womenShare  float64
	typicalJobs []string
}

// Fixed institutions of a township: name, kind, employee range, jobs.
type institution struct {
	name     string
	kind     int
	min, max int
	jobs     []string
}

var institutions = []institution{
	{"青山镇人民政府机关", 500, 50, 90, []string{"科员", "办事员", "副主任科员", "驾驶员"}},
	{"青山镇中心小学", 400, 60, 120, []string{"教师", "班主任", "教务员", "校医"}},
	{"青山中学", 400, 80, 150, []string{"教师", "班主任", "实验员", "教务员"}},
	{"青山镇卫生院", 400, 40, 90, []string{"医生", "护士", "药剂师", "检验师", "收费员"}},
	{"青山镇中心幼儿园", 400, 20, 40, []string{"幼儿教师", "保育员", "保健医生"}},
	{"青山镇农业服务中心", 400, 20, 35, []string{"农技员", "办事员"}},
	{"青山镇文化服务中心", 400, 20, 30, []string{"文化专干", "办事员"}},
	{"青山市场监督管理所", 500, 20, 30, []string{"科员", "执法员"}},
}

var stateFirms = []institution{
	{"青山镇自来水有限公司", 110, 30, 90, []string{"抄表员", "管道工", "水质化验员", "客服员"}},
	{"福州市晋安区粮食购销有限公司青山粮站", 110, 20, 40, []string{"保管员", "检验员", "装卸工"}},
	{"福建省青山水利发电有限公司", 110, 40, 120, []string{"值班员", "检修工", "运行工"}},
	{"青山镇农机修造厂", 120, 20, 80, []string{"机修工", "焊工", "车工"}},
	{"青山镇建筑工程公司", 120, 60, 300, []string{"泥水工", "钢筋工", "木工", "施工员", "安全员"}},
	{"青山供销合作社", 120, 20, 60, []string{"营业员", "仓管员", "会计"}},
}

var villageNames = []string{
	"东岭", "西坑", "下洋", "上坪", "溪口", "后山", "前洋", "岭头", "林坑", "石门", "桥头", "坂头",
	"洋里", "新厝", "竹岐", "湖里", "埔头", "岚下", "茶洋", "官路", "白沙", "黄田", "龙潭", "枫林",
	"大湾", "水口", "长坑", "南洋", "北坑", "坑园", "鼓岭", "岩前", "江边", "梅里", "柏树", "溪头",
}

var villageJobs = []string{"保洁员", "快递员", "店员", "厨师", "建筑工", "货车司机", "个体从业人员", "护林员", "网格员", "家政服务员", "农家乐服务员", "电商客服"}

// Unions that members transfer out to.
var receivingUnions = []string{
	"福州市晋安区新店镇总工会", "福州市仓山区城门镇总工会", "闽侯县上街镇总工会", "福清市融侨经济技术开发区总工会",
	"福州高新技术产业开发区总工会", "长乐区金峰镇总工会", "福州市马尾区总工会", "厦门市集美区总工会", "晋江市陈埭镇总工会",
}

var honours = newWeighted[string]("优秀工会会员", 60, "晋安区劳动模范", 12, "福州市五一劳动奖章", 8, "福州市劳动模范", 6, "福建省五一劳动奖章", 3, "福建省劳动模范", 1, "工人先锋号成员", 10)

var (
	// the notes beside the coded reasons (model.ChangeReason)
	retireReasons      = []string{"按月领取养老金", "办理退休手续，保留会籍"}
	unemployedReasons  = []string{"暂无工作单位", "企业关停", "劳动合同到期未续签"}
	transferReasons    = []string{"调动到新单位工作，会籍随转", "离职到外地就业，办理会籍转出", "返乡就业，会籍转回户籍地"}
	leftReasons        = []string{"本人书面申请", "离职后本人申请"}
	expelledReasons    = []string{"依照工会章程开除会籍", "经工会委员会讨论开除会籍"}
	deceasedReasons    = []string{"因病去世", "意外事故去世"}
	operatorCandidates = []string{"林秀英", "陈丽华", "黄建国", "郑美玲", "吴晓燕"}
)
