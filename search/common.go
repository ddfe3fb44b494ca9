package search

import "strings"

// The go-pinyin dictionary gives every reading a character has ever had:
// 立 is lì but also wèi (an old loan for 位), 能 has five readings, 那 ten.
// Matching all of them makes "zhangw" find 张立怡. A character's first
// reading there is its common one (pinyin-data puts kMandarin first), so
// search uses that reading, plus the other readings this table lists for
// the characters whose second reading is in everyday use: in names
// (曾 zēng, 单 shàn, 解 xiè), places (重庆 chóng, 厦门 xià, 六安 lù) and
// common words (银行 háng, 音乐 yuè). The readings are toneless, as search
// matches them; a test checks each is one of the dictionary's.
var commonReadings = map[rune]string{
	'阿': "a,e", '艾': "ai,yi", '柏': "bai,bo", '薄': "bo,bao", '堡': "bao,bu,pu",
	'暴': "bao,pu", '背': "bei", '奔': "ben", '辟': "bi,pi", '扁': "bian,pian",
	'便': "bian,pian", '屏': "ping,bing", '剥': "bo,bao", '泊': "bo,po", '卜': "bu,bo",
	'藏': "cang,zang", '曾': "ceng,zeng", '差': "cha,chai,ci", '查': "cha,zha", '禅': "chan,shan",
	'长': "zhang,chang", '场': "chang", '朝': "chao,zhao", '车': "che,ju", '称': "cheng,chen",
	'乘': "cheng,sheng", '澄': "cheng,deng", '匙': "chi,shi", '冲': "chong", '重': "zhong,chong",
	'仇': "chou,qiu", '臭': "chou,xiu", '畜': "chu,xu", '处': "chu", '传': "chuan,zhuan",
	'伺': "si,ci", '大': "da,dai", '单': "dan,shan,chan", '弹': "dan,tan", '当': "dang",
	'得': "de,dei", '地': "di,de", '的': "de,di", '调': "diao,tiao", '都': "du,dou",
	'度': "du,duo", '恶': "e,wu", '番': "fan,pan", '佛': "fo,fu", '否': "fou,pi",
	'给': "gei,ji", '更': "geng", '红': "hong,gong", '谷': "gu,yu", '冠': "guan",
	'广': "guang", '龟': "gui,jun", '过': "guo", '还': "hai,huan", '行': "xing,hang",
	'好': "hao", '和': "he,huo,hu", '核': "he,hu", '横': "heng", '华': "hua",
	'划': "hua", '会': "hui,kuai", '奇': "qi,ji", '系': "xi,ji", '济': "ji",
	'纪': "ji", '茄': "qie,jia", '夹': "jia,ga", '假': "jia", '间': "jian",
	'见': "jian,xian", '将': "jiang,qiang", '降': "jiang,xiang", '强': "qiang,jiang", '角': "jiao,jue",
	'校': "xiao,jiao", '解': "jie,xie", '禁': "jin", '劲': "jin,jing", '句': "ju,gou",
	'卷': "juan", '卡': "ka,qia", '壳': "ke,qiao", '咳': "ke,hai", '落': "luo,la,lao",
	'乐': "le,yue", '勒': "le,lei", '累': "lei", '量': "liang", '了': "le,liao",
	'六': "liu,lu", '陆': "lu,liu", '绿': "lv,lu", '率': "lv,shuai", '脉': "mai,mo",
	'埋': "mai,man", '没': "mei,mo", '蒙': "meng", '秘': "mi,bi", '泌': "mi,bi",
	'模': "mo,mu", '缪': "miao,mou,miu", '那': "na,nei", '娜': "na,nuo", '宁': "ning",
	'弄': "nong,long", '区': "qu,ou", '迫': "po,pai", '炮': "pao,bao", '刨': "pao,bao",
	'片': "pian", '漂': "piao", '仆': "pu", '铺': "pu", '瀑': "pu,bao",
	'朴': "pu,piao", '栖': "qi,xi", '期': "qi,ji", '契': "qi,xie", '纤': "xian,qian",
	'亲': "qin,qing", '曲': "qu", '圈': "quan,juan", '任': "ren", '散': "san",
	'丧': "sang", '色': "se,shai", '厦': "sha,xia", '杉': "shan,sha", '扇': "shan",
	'少': "shao", '舍': "she", '折': "zhe,she", '什': "shen,shi", '参': "can,shen",
	'盛': "sheng,cheng", '省': "sheng,xing", '石': "shi,dan", '属': "shu,zhu", '数': "shu,shuo",
	'说': "shuo,shui", '似': "si,shi", '宿': "su,xiu", '提': "ti,di", '拓': "tuo,ta",
	'尾': "wei,yi", '蔚': "wei,yu", '尉': "wei,yu", '鲜': "xian", '相': "xiang",
	'巷': "xiang,hang", '血': "xue,xie", '兴': "xing", '殷': "yin,yan", '咽': "yan,ye",
	'燕': "yan", '叶': "ye,xie", '遗': "yi,wei", '应': "ying", '与': "yu",
	'员': "yuan,yun", '约': "yue,yao", '晕': "yun", '载': "zai", '扎': "zha,za",
	'择': "ze,zhai", '翟': "zhai,di", '粘': "zhan,nian", '占': "zhan", '涨': "zhang",
	'着': "zhe,zhao,zhuo", '召': "zhao,shao", '正': "zheng", '只': "zhi", '中': "zhong",
	'种': "zhong,chong", '转': "zhuan", '钻': "zuan", '作': "zuo", '柞': "zuo,zha",
	'覃': "tan,qin", '盖': "gai,ge", '繁': "fan,po", '隗': "wei,kui", '祭': "ji,zhai",
	'阚': "kan", '沈': "shen", '郇': "xun,huan", '佴': "er,nai", '蕃': "fan,pi",
	'莘': "shen,xin", '洗': "xi,xian", '贾': "jia,gu", '乜': "nie,mie", '牟': "mou,mu",
	'万': "wan,mo", '俟': "si,qi", '褚': "chu,zhu", '栎': "li,yue", '蚌': "bang,beng",
	'莞': "guan,wan", '铅': "qian,yan", '台': "tai", '涌': "yong,chong", '浒': "hu,xu",
	'埔': "pu,bu", '泷': "long,shuang", '隽': "juan,jun", '咀': "ju,zui", '能': "neng,nai", '澹': "dan,tan",
}

// readings calls fn with each reading of r that search matches, toned as
// in the dictionary: the first one, and those commonReadings lists.
func readings(r rune, fn func(toned string)) {
	all := syllables(r)
	if all == "" {
		return
	}
	first, rest, _ := strings.Cut(all, ",")
	fn(first)
	common := commonReadings[r]
	if common == "" {
		return
	}
	var buf [8]byte
	for rest != "" {
		var one string
		one, rest, _ = strings.Cut(rest, ",")
		plainOne, _ := plain(buf[:0], one)
		if listed(common, string(plainOne)) {
			fn(one)
		}
	}
}

// listed reports whether the comma-separated list holds s.
func listed(list, s string) bool {
	for list != "" {
		var one string
		one, list, _ = strings.Cut(list, ",")
		if one == s {
			return true
		}
	}
	return false
}
