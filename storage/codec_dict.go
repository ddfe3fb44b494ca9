package storage

// auditDictionary is the preset dictionary of record format 3 (codec.go):
// the dense CBOR (codec_dense.go) of a few audit entries of each kind the
// demo township writes, the most frequent kinds last (DEFLATE reaches
// nearer bytes with shorter codes). About 4 KB: audit entries compress to
// a third; 8 KB gained 1%, and the compressor hashes the dictionary again
// for every record (10 µs against 19). Records compressed against it can only
// be read with it, byte for byte: it is never changed (TestAuditDictionary
// pins its SHA-256). A better dictionary would be a new format byte.
const auditDictionary = "" +
	"\xa8\x01\x19\x87e\x03i黄建国\x04fstatus\x05hhardship\x06\x18Z\av陈晓毅" +
	" (005986) #90\b\x83\xa3\x01ihs_status\x02factive\x03fclosed\xa2\x01dda" +
	"te\x03j2026-08-07\xa2\x01freason\x03l调离本地\t\x83\x1ak\x16\x13i\x1a&̍" +
	"\x96\x00\xa8\x01\x19D\x05\x03i黄建国\x04fcreate\x05hreminder\x06\x01\ao张蓉 (" +
	"003675)\b\x83\xa2\x01ddate\x03j2025-05-05\xa2\x01jremind_how\x03lremin" +
	"d.phone\xa2\x01dnote\x03x\x18提醒按时缴纳会费\t\x83\x1ak\x16\x13i" +
	"\x1a&̍\x96\x00\xa8\x01\x19\x84\xb5\x03i黄建国\x04fcreate\x05caid\x06\x01\ar李云磊" +
	" (000110)\b\x86\xa2\x01haid_type\x03l生活救助\xa2\x01ddate\x03j202" +
	"6-10-10\xa2\x01haid_cash\x03g3400.00\xa2\x01ghs_file\x03a1\xa2\x01haid_f" +
	"und\x03a3\xa2\x01laid_approver\x03i王美玲\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8\x01\x19" +
	"3>\x03i黄建国\x04fcreate\x05ebatch\x06\x03\ax,福州永兴家" +
	"具有限公司工会 2024-12\b\x88\xa2\x01jbatch_from\x03g20" +
	"24-12\xa2\x01hbatch_to\x03g2024-12\xa2\x01gmembers\x03b91\xa2\x01famount" +
	"\x03g2328.35\xa2\x01ddate\x03j2025-01-09\xa2\x01fmethod\x03kpay.payro" +
	"ll\xa2\x01jreceipt_no\x03k2025-000329\xa2\x01hpayments\x03k1725—" +
	"1815\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8\x01\x193\"\x03i黄建国\x04fcreate\x05ebatch" +
	"\x06\x02\ax5青山镇协和机械制造有限公司工\xe4" +
	"\xbc\x9a 2024-12\b\x88\xa2\x01jbatch_from\x03g2024-12\xa2\x01hbatch_to\x03g2" +
	"024-12\xa2\x01gmembers\x03c200\xa2\x01famount\x03g5032.25\xa2\x01ddate\x03j" +
	"2025-01-09\xa2\x01fmethod\x03kpay.payroll\xa2\x01jreceipt_no\x03k2" +
	"025-000315\xa2\x01hpayments\x03k1512—1711\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8" +
	"\x01\x192\xf5\x03i黄建国\x04fcreate\x05ebatch\x06\x01\ax#青山镇中\xe5" +
	"\xbf\x83小学工会 2024-12\b\x88\xa2\x01jbatch_from\x03g2024-12\xa2\x01" +
	"hbatch_to\x03g2024-12\xa2\x01gmembers\x03b71\xa2\x01famount\x03g2532." +
	"55\xa2\x01ddate\x03j2025-01-08\xa2\x01fmethod\x03kpay.payroll\xa2\x01jre" +
	"ceipt_no\x03k2025-000293\xa2\x01hpayments\x03k1420—1490\t\x83\x1a" +
	"k\x16\x13i\x1a&̍\x96\x00\xa8\x01\x18R\x03i黄建国\x04fcreate\x05fmember\x06\x03\ar刘" +
	"新坚 (000003)\b\x91\xa2\x01imember_no\x03f000003\xa2\x01dname\x03i\xe5\x88" +
	"\x98新坚\xa3\x01fgender\x02ngender.unknown\x03kgender.male\xa2\x01i" +
	"ethnicity\x03f汉族\xa2\x01iid_number\x03r350121********361" +
	"6\xa2\x01ebirth\x03j2003-11-17\xa2\x01ephone\x03k13736536174\xa2\x01duni" +
	"t\x03a1\xa2\x01cjob\x03i装卸工\xa2\x01ieducation\x03f初中\xa2\x01ipoli" +
	"tical\x03f群众\xa2\x01ijoin_date\x03j2022-05-08\xa2\x01fstatus\x03m" +
	"status.active\xa3\x01jemployment\x02lemployment.0\x03lemploy" +
	"ment.1\xa3\x01ehukou\x02ghukou.0\x03ghukou.1\xa2\x01gcard_no\x03jGH20" +
	"221316\xa2\x01kcard_issued\x03j2022-06-16\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8\x01\x18" +
	"Q\x03i黄建国\x04fcreate\x05fmember\x06\x02\ar黄荣亮 (00000" +
	"2)\b\x92\xa2\x01imember_no\x03f000002\xa2\x01dname\x03i黄荣亮\xa3\x01fgen" +
	"der\x02ngender.unknown\x03kgender.male\xa2\x01iethnicity\x03f\xe6\xb1" +
	"\x89族\xa2\x01iid_number\x03r350111********5930\xa2\x01ebirth\x03j19" +
	"84-11-23\xa2\x01ephone\x03k13068767704\xa2\x01dunit\x03a1\xa2\x01cjob\x03i\xe8" +
	"\xb0\x83度员\xa2\x01ieducation\x03f大专\xa2\x01ipolitical\x03f群众" +
	"\xa3\x01gmigrant\x02bno\x03cyes\xa2\x01ijoin_date\x03j2021-09-05\xa2\x01fst" +
	"atus\x03mstatus.active\xa3\x01jemployment\x02lemployment.0\x03l" +
	"employment.1\xa3\x01ehukou\x02ghukou.0\x03ghukou.2\xa2\x01gcard_no" +
	"\x03jGH20216421\xa2\x01kcard_issued\x03j2021-11-03\t\x83\x1ak\x16\x13i\x1a&\xcc" +
	"\x8d\x96\x00\xa8\x01\x18P\x03i黄建国\x04fcreate\x05fmember\x06\x01\ar郑天辉 " +
	"(000001)\b\x91\xa2\x01imember_no\x03f000001\xa2\x01dname\x03i郑天辉" +
	"\xa3\x01fgender\x02ngender.unknown\x03kgender.male\xa2\x01iethnici" +
	"ty\x03f汉族\xa2\x01iid_number\x03r360428********7596\xa2\x01ebir" +
	"th\x03j1970-09-20\xa2\x01ephone\x03k18279026288\xa2\x01dunit\x03a1\xa2\x01c" +
	"job\x03i仓管员\xa2\x01ieducation\x03f初中\xa2\x01ipolitical\x03f" +
	"群众\xa2\x01ijoin_date\x03j2016-09-01\xa2\x01fstatus\x03mstatus." +
	"active\xa3\x01jemployment\x02lemployment.0\x03lemployment.1\xa3" +
	"\x01ehukou\x02ghukou.0\x03ghukou.1\xa2\x01gcard_no\x03jGH20169920\xa2" +
	"\x01kcard_issued\x03j2016-10-02\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8\x01\x19'\xd8\x03i黄" +
	"建国\x04fcreate\x05gpayment\x06\x03\ar谢露青 (001092)\b\x87\xa2" +
	"\x01dfrom\x03g2024-12\xa2\x01bto\x03g2024-12\xa2\x01famount\x03d5.00\xa2\x01he" +
	"xpected\x03d5.00\xa2\x01ddate\x03j2024-12-03\xa2\x01fmethod\x03hpay.c" +
	"ash\xa2\x01jreceipt_no\x03k2024-000003\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00\xa8\x01\x19'\xd6\x03" +
	"i黄建国\x04fcreate\x05gpayment\x06\x02\ar张丽露 (001072" +
	")\b\x87\xa2\x01dfrom\x03g2024-12\xa2\x01bto\x03g2024-12\xa2\x01famount\x03d5.00" +
	"\xa2\x01hexpected\x03d5.00\xa2\x01ddate\x03j2024-12-03\xa2\x01fmethod\x03jp" +
	"ay.mobile\xa2\x01jreceipt_no\x03k2024-000002\t\x83\x1ak\x16\x13i\x1a&̍\x96\x00" +
	"\xa8\x01\x19'\xd4\x03i黄建国\x04fcreate\x05gpayment\x06\x01\ar刘水福 (" +
	"001071)\b\x87\xa2\x01dfrom\x03g2024-12\xa2\x01bto\x03g2024-12\xa2\x01famount" +
	"\x03d2.50\xa2\x01hexpected\x03d5.00\xa2\x01ddate\x03j2024-12-03\xa2\x01fmet" +
	"hod\x03jpay.mobile\xa2\x01jreceipt_no\x03k2024-000001\t\x83\x1ak\x16\x13i" +
	"\x1a&̍\x96\x00\xa8\x01\x19'\xd7\x03i黄建国\x04fcreate\x05fledger\x06\x03\ai2024-0" +
	"003\b\x88\xa2\x01ddate\x03j2024-12-03\xa2\x01gaccount\x03c401\xa2\x01idirect" +
	"ion\x03ldirection.in\xa2\x01famount\x03d5.00\xa2\x01lcounterparty\x03" +
	"i谢露青\xa2\x01dmemo\x03x!会费 2024-12 收据 2024-0" +
	"00003\xa2\x01fsource\x03fdues 3\xa2\x01emoney\x03jmoney.cash\t\x83\x1ak\x16\x13" +
	"i\x1a&̍\x96\x00\xa8\x01\x19'\xd5\x03i黄建国\x04fcreate\x05fledger\x06\x02\ai2024-" +
	"0002\b\x88\xa2\x01ddate\x03j2024-12-03\xa2\x01gaccount\x03c401\xa2\x01idirec" +
	"tion\x03ldirection.in\xa2\x01famount\x03d5.00\xa2\x01lcounterparty" +
	"\x03i张丽露\xa2\x01dmemo\x03x!会费 2024-12 收据 2024-" +
	"000002\xa2\x01fsource\x03fdues 2\xa2\x01emoney\x03jmoney.bank\t\x83\x1ak\x16" +
	"\x13i\x1a&̍\x96\x00\xa8\x01\x19'\xd3\x03i黄建国\x04fcreate\x05fledger\x06\x01\ai2024" +
	"-0001\b\x88\xa2\x01ddate\x03j2024-12-03\xa2\x01gaccount\x03c401\xa2\x01idire" +
	"ction\x03ldirection.in\xa2\x01famount\x03d2.50\xa2\x01lcounterpart" +
	"y\x03i刘水福\xa2\x01dmemo\x03x!会费 2024-12 收据 2024" +
	"-000001\xa2\x01fsource\x03fdues 1\xa2\x01emoney\x03jmoney.bank\t\x83\x1ak" +
	"\x16\x13i\x1a&̍\x96\x00"
