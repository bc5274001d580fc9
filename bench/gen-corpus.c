/*
 * gen-corpus.c - deterministic generator of synthetic 项目支出绩效自评表 (benchmark corpus).
 * Claims are computed with exact scaled integers (spec §2); deliberate errors go to manifest.csv.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define MAX_LEAVES 40
#define NSUB 8

/* ---- xoshiro256** seeded by splitmix64: one independent stream per file ---- */

typedef struct { uint64_t s[4]; } rng;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t t = stream, x = seed ^ splitmix64(&t);
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
{
	uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
	s[2] ^= t; s[3] = rotl(s[3], 45);
	return res;
}

/* Uniform in [0, n) without modulo bias. */
static uint64_t below(rng *r, uint64_t n)
{
	uint64_t lim = (0 - n) % n, x;
	do
		x = rng_next(r);
	while (x < lim);
	return x % n;
}

static int64_t between(rng *r, int64_t lo, int64_t hi) { return lo + (int64_t)below(r, (uint64_t)(hi - lo + 1)); }
static int chance(rng *r, int pct) { return below(r, 100) < (uint64_t)pct; }
#define PICK(r, arr) ((arr)[below((r), sizeof(arr) / sizeof((arr)[0]))])

/* ---- word lists ---- */

static const char *const regions[] = {
	"城关区", "沙依巴克区", "白碱滩区", "乌尔禾区", "独山子区", "米东区", "昌吉市", "阜康市",
	"平江县", "永修县", "南城县", "崇义县", "浑源县", "宁武县", "兰考县", "固始县", "桐庐县",
	"淳安县", "安吉县", "长兴县", "建德市", "丰城市", "樟树市", "余干县", "鄱阳县", "都昌县",
	"修水县", "武宁县", "会昌县", "瑞金市"};

typedef struct { const char *name, *unit, *topics[4]; } agency;
static const agency agencies[] = {
	{"卫生健康委员会", "疾病预防控制中心", {"基本公共卫生服务项目", "基层医疗卫生机构能力提升项目", "家庭医生签约服务项目", "妇幼健康服务项目"}},
	{"交通运输局", "农村公路管理所", {"农村公路养护项目", "危桥改造工程项目", "城乡客运一体化项目", "公路安全生命防护工程项目"}},
	{"水利局", "农村供水管理站", {"农村饮水安全巩固提升项目", "小型水库除险加固项目", "中小河流治理项目", "水土保持综合治理项目"}},
	{"教育局", "教育技术装备中心", {"义务教育薄弱环节改善与能力提升项目", "学生营养改善计划项目", "学前教育发展项目", "中小学教师培训项目"}},
	{"农业农村局", "农业技术推广中心", {"高标准农田建设项目", "农村人居环境整治项目", "耕地地力保护项目", "动物防疫补助项目"}},
	{"民政局", "社会福利中心", {"困难群众救助项目", "养老服务体系建设项目", "儿童福利保障项目", "社区服务设施建设项目"}},
	{"人力资源和社会保障局", "就业服务中心", {"职业技能提升行动项目", "就业创业补贴项目", "公益性岗位补贴项目", "人才引进专项项目"}},
	{"住房和城乡建设局", "市政设施维护中心", {"老旧小区改造项目", "农村危房改造项目", "城市排水管网改造项目", "市政道路维护项目"}},
	{"生态环境局", "环境监测站", {"大气污染防治项目", "农村生活污水治理项目", "土壤污染防治项目", "生态环境监测能力建设项目"}},
	{"文化广电旅游局", "文化馆", {"公共文化服务体系建设项目", "文物保护利用项目", "农家书屋提升项目", "全民健身设施建设项目"}},
	{"应急管理局", "应急救援中心", {"应急物资储备项目", "森林防火项目", "安全生产监管项目", "防汛抗旱项目"}},
	{"市场监督管理局", "食品药品检验所", {"食品安全抽检项目", "特种设备安全监察项目", "计量检定项目", "知识产权保护项目"}},
};

enum { K_COUNT, K_PCT, K_SAT, K_COST, K_RANGE, K_DEADLINE, K_QUAL };
typedef struct { const char *name; int kind; const char *unit; int lo, hi; } leaf_def;

/* Leaf kinds: counted (unit), percent, satisfaction, cost in 万元 (≤), range, deadline, qualitative. */
#define C(n, u, lo, hi) {n, K_COUNT, u, lo, hi}
#define P(n, lo, hi) {n, K_PCT, "%", lo, hi}
#define S(n, lo, hi) {n, K_SAT, "%", lo, hi}
#define M(n, lo, hi) {n, K_COST, "万元", lo, hi}
#define R(n, u, lo, hi) {n, K_RANGE, u, lo, hi}
#define D(n) {n, K_DEADLINE, NULL, 0, 0}
#define Q(n) {n, K_QUAL, NULL, 0, 0}
static const leaf_def d_qty[] = {
	C("培训人次", "人次", 200, 5000), C("发放宣传资料", "份", 500, 20000),
	C("开展宣传活动次数", "次", 5, 60), C("覆盖行政村数量", "个", 10, 200),
	C("受益户数", "户", 300, 12000), C("采购设备数量", "台", 5, 120),
	C("新建改建设施数量", "处", 3, 40), C("养护道路里程", "公里", 50, 600),
	C("项目建设面积", "亩", 1000, 50000), C("配备车辆数量", "辆", 2, 20),
	C("召开工作会议场次", "场", 4, 120), C("监督检查次数", "次", 10, 300),
	C("补助对象人数", "人", 100, 30000), C("新增就业岗位", "个", 50, 2000),
	C("抽检批次", "批次", 100, 3000), C("完成项目数量", "个", 3, 30),
	R("每村配备保洁员", "人", 1, 3)};
static const leaf_def d_qual[] = {
	P("工程验收合格率", 90, 100), P("设备完好率", 90, 100),
	P("培训考核合格率", 85, 100), P("水质达标率", 90, 100),
	P("资金使用合规率", 100, 100), P("档案资料完整率", 90, 100),
	P("服务质量达标率", 85, 100), R("设备使用率", "%", 80, 90),
	P("抽检问题处置率", 95, 100), Q("工程质量"), Q("项目管理规范性"),
	P("会议召开及时率(%)", 90, 100)};
static const leaf_def d_time[] = {
	D("项目完工时间"), D("资金拨付时间"), D("设备采购完成时间"),
	D("培训完成时间"), D("汛前隐患排查完成时间"), D("项目开工时间"),
	P("资金拨付及时率", 90, 100), R("问题整改办结时限", "天", 3, 7),
	D("年度任务完成时间"), D("验收完成时间")};
static const leaf_def d_cost[] = {
	M("项目总成本", 50, 3000), M("单位建设成本", 1, 50), M("培训费", 5, 80),
	M("设备购置费", 10, 500), M("办公费", 5, 60), M("每公里养护成本", 1, 5),
	M("宣传费", 2, 30), M("劳务费", 5, 200), M("运行维护费", 5, 150),
	M("咨询服务费", 2, 40)};
static const leaf_def d_social[] = {
	Q("群众生活条件改善"), P("政策知晓率", 80, 95), P("受益人口覆盖率", 85, 100),
	Q("公共服务水平提升"), Q("安全隐患整治"), Q("群众办事便利度"),
	C("服务群众人次", "人次", 1000, 50000), Q("社会稳定保障")};
static const leaf_def d_econ[] = {
	C("带动农户增收", "元", 500, 3000), C("节约运行成本", "万元", 5, 200),
	C("带动就业人数", "人", 20, 800), Q("减少经济损失"), Q("促进产业发展")};
static const leaf_def d_sust[] = {
	Q("长效管护机制建立"), C("设施持续使用年限", "年", 5, 20),
	Q("工作机制健全程度"), Q("生态环境持续改善"), Q("项目成果持续发挥作用")};
static const leaf_def d_sat[] = {
	S("受益群众满意度", 85, 95), S("服务对象满意度", 80, 95), S("群众满意度", 85, 95),
	S("参训人员满意度", 85, 95), S("学生家长满意度", 90, 95)};

typedef struct { int l1; const char *name; const leaf_def *defs; int ndefs; } sub_def;
#define SUB(l1, n, d) {l1, n, d, (int)(sizeof(d) / sizeof(d[0]))}
static const sub_def subs[NSUB] = {
	SUB(0, "数量指标", d_qty), SUB(0, "质量指标", d_qual), SUB(0, "时效指标", d_time),
	SUB(0, "成本指标", d_cost), SUB(1, "社会效益指标", d_social), SUB(1, "经济效益指标", d_econ),
	SUB(1, "可持续影响指标", d_sust), SUB(2, "服务对象满意度指标", d_sat)};
static const char *const l1_names[3] = {"产出指标", "效益指标", "满意度指标"};

static const char *const bases[] = {"历史标准", "计划标准", "行业标准", "年度工作计划", "项目实施方案", "省定标准", "预算批复"};
static const char *const evidences[] = {"工作资料", "验收报告", "原始凭证", "统计台账", "满意度调查问卷", "会议纪要", "财务报表", "现场照片"};
static const char *const qual_targets[] = {"达成预期指标", "效果明显", "有效提升", "明显改善", "合规", "持续发挥效益", "长效机制健全"};
static const char *const shortfalls[] = {
	"受天气影响部分工程延期，已督促施工单位加快进度，下年度提前谋划。",
	"政府采购流程较长，部分设备未能按期到位；今后将提前启动采购。",
	"实际需求低于年初预计，下年度将结合实际合理设定指标值。",
	"项目前期论证不充分，部分内容调整；今后加强前期调研和论证。",
	"资金到位较晚，影响项目实施进度；将加强与财政部门沟通。",
	"部分群众对项目宣传了解不够；今后加大宣传力度。"};
static const char *const grades[4] = {"优", "良", "中", "差"};
static const char *const broken_kinds[5] = {"", "unquoted-target", "duplicate-key", "bad-unit", "missing-weight"};
enum { B_NONE, B_UNQUOTED, B_DUPKEY, B_BADUNIT, B_NOWEIGHT };
enum { W_NONE, W_SCORE, W_RATE, W_TOTAL, W_GRADE };

/* ---- the generated evaluation ---- */

typedef struct {
	const leaf_def *def;
	int sub, weight, quote, has_unit;
	char target[80], actual[80], last_year[80];
	const char *rule, *basis, *evidence, *deviation;
	int64_t rn, rd;             /* exact completion rate rn/rd */
	int64_t rate_h, score_h;    /* rate in 0.01%, score in 0.01 points */
	char c_rate[32], c_score[32];
} leaf;

typedef struct {
	int year, l1w[3], write_l1w, write_subw[NSUB], cost_nested, sat_plain, write_rules, write_unit;
	char title[200], dept[120], impl[120];
	int nleaves;
	leaf lv[MAX_LEAVES];
	int64_t amt[3][3], f_rate_h, f_score_h, total_h;   /* amt[row][initial, budget, executed] */
	const char *f_dev;
	int goals;
	char c_total[32];
	const char *c_grade;
	int wrong, wrong_leaf, broken, broken_leaf;
	char w_claimed[32], w_recomputed[32];
} eval;

/* ---- exact arithmetic and number text ---- */

/* round(n/d) half-up for n >= 0, d > 0. */
static int64_t round_div(int64_t n, int64_t d) { return (2 * n + d) / (2 * d); }

/* Write v / 10^dec (v >= 0, dec <= 2); trim drops trailing zero decimals, sep adds thousands separators. */
static const char *fmt_num(char *buf, size_t cap, int64_t v, int dec, int trim, int sep)
{
	static const int64_t p10[] = {1, 10, 100};
	char d[24], t[28], f[4] = "";
	int nd = snprintf(d, sizeof d, "%" PRId64, v / p10[dec]), k = 0, n = dec;
	for (int i = 0; i < nd; i++) {
		if (sep && i > 0 && (nd - i) % 3 == 0)
			t[k++] = ',';
		t[k++] = d[i];
	}
	t[k] = '\0';
	for (int i = dec - 1, x = (int)(v % p10[dec]); i >= 0; i--, x /= 10)
		f[i] = (char)('0' + x % 10);
	f[dec] = '\0';
	while (trim && n > 0 && f[n - 1] == '0')
		f[--n] = '\0';
	snprintf(buf, cap, "%s%s%s", t, f[0] ? "." : "", f);
	return buf;
}

static void set_rate(leaf *l, int64_t n, int64_t d) { l->rn = n, l->rd = d; }

/* ---- one leaf ---- */

static const char *pos_op(rng *r)
{
	uint64_t x = below(r, 100);
	return x < 35 ? ">=" : x < 70 ? "≥" : x < 85 ? "=" : x < 90 ? ">" : "";
}

static int is_money(const char *u) { return u && (strcmp(u, "元") == 0 || strcmp(u, "万元") == 0); }

/* Actual as a fraction of the target: mostly met or above, some at 60-99%. */
static int64_t near(rng *r, int64_t a, int hit_pct)
{
	if (chance(r, hit_pct))
		return chance(r, 50) ? a : a + (int64_t)below(r, (uint64_t)(a / 10 + 1));
	return a * between(r, 60, 99) / 100;
}

static void gen_deadline(rng *r, leaf *l, int year, int hit)
{
	int met = chance(r, hit + 10), form = (int)below(r, 10);
	char y[16] = "";
	if (form < 4) {                                        /* N月前 */
		int n = (int)between(r, 5, 12);
		int m = met ? (int)between(r, n - 4, n - 1) : (int)between(r, n, n < 12 ? n + 1 : 12);
		snprintf(l->target, sizeof l->target, "%d月前", n);
		if (chance(r, 20))
			snprintf(y, sizeof y, "%d年", year);
		snprintf(l->actual, sizeof l->actual, "%s%d月", y, m);
		snprintf(l->last_year, sizeof l->last_year, "%d月", n - 1);
	} else if (form < 8) {                                 /* N月底前 */
		int n = (int)between(r, 4, 12);
		if (n == 12)
			met = 1;
		int m = met ? (int)between(r, n - 3, n) : n + 1;
		snprintf(l->target, sizeof l->target, "%d月底前", n);
		snprintf(l->actual, sizeof l->actual, "%d月", m);
		snprintf(l->last_year, sizeof l->last_year, "%d月", n);
	} else {                                               /* a full date */
		static const int mdays[13] = {0, 28, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		int dm = (int)between(r, 3, 11), dd = chance(r, 50) ? mdays[dm] : (int)between(r, 10, 28);
		int am, ad;
		do {
			am = (int)between(r, dm - 2, dm + 1);
			ad = (int)between(r, 1, mdays[am]);
		} while ((am * 32 + ad <= dm * 32 + dd) != met);
		if (form == 8) {
			snprintf(l->target, sizeof l->target, "%d年%d月%d日前", year, dm, dd);
			snprintf(l->actual, sizeof l->actual, "%d年%d月%d日", year, am, ad);
		} else {
			snprintf(l->target, sizeof l->target, "%d-%02d-%02d前", year, dm, dd);
			snprintf(l->actual, sizeof l->actual, "%d-%02d-%02d", year, am, ad);
		}
		snprintf(l->last_year, sizeof l->last_year, "/");
	}
	set_rate(l, met, 1);
	l->rule = chance(r, 15) ? "按时完成得满分" : NULL;
}

static void gen_qual(rng *r, leaf *l, int hit)
{
	static const struct { int below, pct; const char *text; } lv[] = {
		{60, 100, "达成"}, {63, 100, "已达成"}, {66, 100, "达成预期指标"}, {80, 80, "基本达成"}, {93, 80, "部分达成"}};
	uint64_t x = below(r, 100) * 70 / (uint64_t)hit;
	size_t i = 0;
	while (i < sizeof lv / sizeof lv[0] && x >= (uint64_t)lv[i].below)
		i++;
	snprintf(l->target, sizeof l->target, "%s", PICK(r, qual_targets));
	if (i < sizeof lv / sizeof lv[0]) {
		snprintf(l->actual, sizeof l->actual, "%s", lv[i].text);
		set_rate(l, lv[i].pct, 100);
	} else {                        /* a partial level with its own percentage */
		int p = (int)between(r, 60, 80);
		snprintf(l->actual, sizeof l->actual, "部分达成(%d%%)", p);
		set_rate(l, p, 100);
	}
	snprintf(l->last_year, sizeof l->last_year, "%s", chance(r, 50) ? "达成" : "/");
	l->rule = chance(r, 80) ? "定性赋分" : NULL;
}

/* Fill target, actual and the exact rate of a leaf from its definition. */
static void gen_leaf(rng *r, leaf *l, int year, int hit)
{
	const leaf_def *d = l->def;
	char a[40], b[40], c[40];
	const char *op;
	l->has_unit = 1;
	switch (d->kind) {
	case K_COUNT: {
		int64_t ta = between(r, d->lo, d->hi), tb = near(r, ta, hit), ly = ta * between(r, 85, 105) / 100;
		int sep = ta >= 1000 && chance(r, 40), money = is_money(d->unit);
		op = pos_op(r);
		l->has_unit = money || !chance(r, 5);
		snprintf(l->target, sizeof l->target, "%s%s%s%s", op, fmt_num(a, sizeof a, ta, 0, 0, sep),
			 op[0] == '=' && chance(r, 25) ? " " : "", d->unit);
		snprintf(l->actual, sizeof l->actual, "%s%s", fmt_num(b, sizeof b, tb, 0, 0, sep), l->has_unit ? d->unit : "");
		snprintf(l->last_year, sizeof l->last_year, "%s%s", fmt_num(c, sizeof c, ly, 0, 0, sep), d->unit);
		set_rate(l, tb, ta);
		l->rule = chance(r, 70) ? (chance(r, 85) ? "按照完成比例赋分" : "按比例赋分") : NULL;
		break;
	}
	case K_PCT:
	case K_SAT: {
		int64_t ta = (d->lo + 5 * between(r, 0, (d->hi - d->lo) / 5)) * 10, tb;
		if (d->kind == K_PCT && ta == 950 && chance(r, 30))
			ta = 980;
		if (chance(r, d->kind == K_SAT ? hit - 10 : hit))
			tb = between(r, ta / 10, 100) * 10 + (ta < 1000 && chance(r, 30) ? between(r, 0, 9) : 0);
		else
			tb = ta * between(r, 600, 999) / 1000;
		if (tb > 1000)
			tb = 1000;
		op = d->kind == K_SAT ? (chance(r, 50) ? ">=" : "≥") : pos_op(r);
		snprintf(l->target, sizeof l->target, "%s%s%%", op, fmt_num(a, sizeof a, ta, 1, 1, 0));
		snprintf(l->actual, sizeof l->actual, "%s%%", fmt_num(b, sizeof b, tb, 1, 1, 0));
		snprintf(l->last_year, sizeof l->last_year, "%s%%", fmt_num(c, sizeof c, ta, 1, 1, 0));
		set_rate(l, tb, ta);
		if (d->kind == K_SAT)
			l->rule = chance(r, 70) ? "满意度赋分" : chance(r, 50) ? "按照完成比例赋分" : NULL;
		else
			l->rule = chance(r, 70) ? "按照完成比例赋分" : NULL;
		break;
	}
	case K_COST: {
		int64_t ta = between(r, d->lo, d->hi) * 100, tb;
		if (chance(r, 50))
			ta += between(r, 0, 99);
		uint64_t x = below(r, 100);
		op = x < 40 ? "≤" : x < 80 ? "<=" : x < 85 ? "<" : "=";
		int rev = op[0] != '=';
		if (rev)
			tb = chance(r, hit) ? ta * between(r, 8500, 10000) / 10000 : ta * between(r, 10001, 14000) / 10000;
		else
			tb = chance(r, hit - 10) ? ta : ta * between(r, 6000, 9999) / 10000;
		if (tb < 1)
			tb = 1;
		int sep = ta >= 100000 && chance(r, 50);
		snprintf(l->target, sizeof l->target, "%s%s万元", op, fmt_num(a, sizeof a, ta, 2, 1, sep));
		if (chance(r, 10))
			snprintf(l->actual, sizeof l->actual, "%s元", fmt_num(b, sizeof b, tb * 100, 0, 0, sep));
		else
			snprintf(l->actual, sizeof l->actual, "%s万元", fmt_num(b, sizeof b, tb, 2, 1, sep));
		snprintf(l->last_year, sizeof l->last_year, "/");
		if (rev)
			set_rate(l, ta, tb);
		else
			set_rate(l, tb, ta);
		l->rule = chance(r, 70) ? "按照完成比例赋分" : NULL;
		break;
	}
	case K_RANGE: {
		int pct = strcmp(d->unit, "%") == 0, scale = pct ? 10 : 1;
		int64_t lo = between(r, d->lo, d->hi) * scale, hi = lo + (pct ? 5 * between(r, 1, 2) : between(r, 1, 4)) * scale, tb;
		uint64_t x = below(r, 100);
		x = x * 70 / (uint64_t)hit;
		if (x < 70 || (x >= 85 && pct && hi >= 1000))
			tb = between(r, lo, hi);
		else if (x < 85)
			tb = lo * between(r, 60, 99) / 100;
		else
			tb = pct ? between(r, hi + 1, 1000) : hi * between(r, 101, 150) / 100 + 1;
		static const char *const seps[] = {"-", "~", "～", "至"};
		const char *sp = pct ? (chance(r, 80) ? "-" : "~") : PICK(r, seps);
		snprintf(l->target, sizeof l->target, "%s%s%s%s%s", fmt_num(a, sizeof a, lo, pct, 1, 0),
			 pct || chance(r, 40) ? d->unit : "", sp, fmt_num(b, sizeof b, hi, pct, 1, 0), d->unit);
		snprintf(l->actual, sizeof l->actual, "%s%s", fmt_num(c, sizeof c, tb, pct, 1, 0), d->unit);
		snprintf(l->last_year, sizeof l->last_year, "%s%s", fmt_num(c, sizeof c, lo, pct, 1, 0), d->unit);
		if (tb < lo)
			set_rate(l, tb, lo);
		else if (tb > hi)
			set_rate(l, hi, tb);
		else
			set_rate(l, 1, 1);
		l->rule = chance(r, 60) ? "按照完成比例赋分" : NULL;
		break;
	}
	case K_DEADLINE:
		gen_deadline(r, l, year, hit);
		break;
	default:
		gen_qual(r, l, hit);
		break;
	}
	l->quote = l->target[0] == '>' || l->target[0] == '<' || l->target[0] == '=' || chance(r, 40);
	l->basis = chance(r, 70) ? PICK(r, bases) : NULL;
	l->evidence = chance(r, 70) ? PICK(r, evidences) : NULL;
	if (chance(r, 30))
		l->last_year[0] = '\0';
	if (l->rn < l->rd)
		l->deviation = chance(r, 80) ? PICK(r, shortfalls) : NULL;
	else if (l->rn * 100 > l->rd * 120)
		l->deviation = chance(r, 40) ? "年初指标值设置偏低，下年度将结合实际合理调整。" : NULL;
	else
		l->deviation = chance(r, 5) ? "偏差在合理范围内" : NULL;
}

/* ---- one evaluation ---- */

/* Give each used sub-group of [a, b) one leaf, then spread the rest within capacity. */
static void fill(rng *r, int *n, int a, int b, int total, int skip)
{
	for (int i = a; i < b; i++)
		if (i != skip) {
			n[i] = 1;
			total--;
		}
	while (total > 0) {
		int i = a + (int)below(r, (uint64_t)(b - a));
		if (i == skip || n[i] >= subs[i].ndefs)
			continue;
		n[i]++;
		total--;
	}
}

/* Weight w over n leaves: equal shares, then random moves (each leaf keeps at least 1). */
static void spread(rng *r, leaf *lv, int n, int w)
{
	for (int i = 0; i < n; i++)
		lv[i].weight = w / n + (i < w % n);
	for (int k = 0; k < n; k++) {
		leaf *a = &lv[below(r, (uint64_t)n)], *b = &lv[below(r, (uint64_t)n)];
		int m = (int)below(r, (uint64_t)a->weight) / 2;
		a->weight -= m;
		b->weight += m;
	}
}

static int grade_of(int64_t total_h) { return total_h >= 9000 ? 0 : total_h >= 8000 ? 1 : total_h >= 6000 ? 2 : 3; }

/* Claimed text: exact 2-decimal value, trailing zeros sometimes dropped (still exact). */
static void claim_text(rng *r, char *buf, size_t cap, int64_t v, const char *suffix)
{
	char t[32];
	snprintf(buf, cap, "%s%s", fmt_num(t, sizeof t, v, 2, chance(r, 20), 0), suffix);
}

static void gen_funds(rng *r, eval *e)
{
	int64_t tot = chance(r, 85) ? between(r, 1000, 300000) : between(r, 300000, 2000000);
	if (chance(r, 40))
		tot = tot / 100 * 100;
	int64_t bud = chance(r, 40) ? tot : tot * between(r, 8000, 11000) / 10000, ex;
	uint64_t x = below(r, 100);
	if (bud < 100)
		bud = 100;
	ex = x < 60 ? bud : x < 87 ? bud * between(r, 8500, 9999) / 10000
		: x < 95 ? bud * between(r, 6000, 8499) / 10000 : bud * between(r, 10001, 10300) / 10000;
	int64_t share = chance(r, 30) ? 10000 : between(r, 5000, 9999), col[3] = {tot, bud, ex};
	for (int c = 0; c < 3; c++) {   /* rows: 年度资金总额 = 当年财政拨款 + 其他资金 */
		e->amt[0][c] = col[c];
		e->amt[1][c] = col[c] * share / 10000;
		e->amt[2][c] = col[c] - e->amt[1][c];
	}
	e->f_rate_h = round_div(ex * 10000, bud);
	e->f_score_h = round_div(10 * 100 * (ex < bud ? ex : bud), bud);
	if (e->f_rate_h < 9000)
		e->f_dev = chance(r, 85) ? "部分项目因实施进度滞后，相应资金结转下年使用；今后将加快预算执行进度。" : NULL;
	else
		e->f_dev = chance(r, 10) ? "项目结余资金已按规定收回财政。" : NULL;
}

/* Turn one correct claim into a wrong one (off by 0.01 or more) and remember both values. */
static void make_wrong(rng *r, eval *e, int g)
{
	char t[32];
	e->wrong = (int)between(r, W_SCORE, W_GRADE);
	e->wrong_leaf = (int)below(r, (uint64_t)e->nleaves);
	leaf *l = &e->lv[e->wrong_leaf];
	if (e->wrong == W_GRADE) {
		e->c_grade = grades[(g + between(r, 1, 3)) % 4];
		snprintf(e->w_claimed, sizeof e->w_claimed, "%s", e->c_grade);
		snprintf(e->w_recomputed, sizeof e->w_recomputed, "%s", grades[g]);
		return;
	}
	int64_t v = e->wrong == W_SCORE ? l->score_h : e->wrong == W_RATE ? l->rate_h : e->total_h;
	int64_t delta = between(r, 1, e->wrong == W_SCORE ? 150 : e->wrong == W_RATE ? 500 : 300);
	int up = e->wrong == W_SCORE ? v + delta <= l->weight * 100 : chance(r, 50);
	const char *pct = e->wrong == W_RATE ? "%" : "";
	char *dst = e->wrong == W_SCORE ? l->c_score : e->wrong == W_RATE ? l->c_rate : e->c_total;
	snprintf(e->w_recomputed, sizeof e->w_recomputed, "%s%s", fmt_num(t, sizeof t, v, 2, 0, 0), pct);
	v = up || v < delta ? v + delta : v - delta;
	snprintf(dst, 32, "%s%s", fmt_num(t, sizeof t, v, 2, 0, 0), pct);
	snprintf(e->w_claimed, sizeof e->w_claimed, "%s", dst);
}

/* Pick the leaf a broken file spoils and prepare its text. */
static void make_broken(rng *r, eval *e)
{
	int cand[MAX_LEAVES], nc = 0;
	for (int i = 0; i < e->nleaves; i++) {
		const leaf_def *d = e->lv[i].def;
		if (e->broken == B_UNQUOTED ? d->kind == K_SAT
		    : e->broken == B_BADUNIT ? d->kind == K_COUNT && !is_money(d->unit) && e->lv[i].has_unit : 1)
			cand[nc++] = i;
	}
	if (nc == 0)                    /* no counted leaf with a unit: spoil a satisfaction leaf */
		for (int i = 0; i < e->nleaves; i++)
			if (e->lv[i].def->kind == K_SAT)
				cand[nc++] = i;
	e->broken_leaf = cand[below(r, (uint64_t)nc)];
	leaf *l = &e->lv[e->broken_leaf];
	if (e->broken == B_UNQUOTED) {
		if (strncmp(l->target, "≥", strlen("≥")) == 0)
			memmove(l->target + 2, l->target + strlen("≥"), strlen(l->target) - strlen("≥") + 1);
		memcpy(l->target, ">=", 2);
		l->quote = 0;
	} else if (e->broken == B_BADUNIT) {
		size_t n = strlen(l->actual), u = strlen(l->def->unit);
		snprintf(l->actual + n - u, sizeof l->actual - (n - u), "项");
	}
}

static void gen_eval(rng *r, eval *e, const char *region, const agency *ag, int64_t wrong_ppm)
{
	static const int outw[] = {40, 45, 50, 50, 50, 55, 60}, satw[] = {10, 10, 10, 5};
	int n[NSUB] = {0};
	int hit = (int)between(r, 45, 90), total = (int)between(r, 20, 40), nsat = (int)between(r, 1, 3), nben = (int)between(r, 4, 9);

	e->year = chance(r, 50) ? 2023 : 2024;
	snprintf(e->title, sizeof e->title, "%d 年%s%s", e->year, region, PICK(r, ag->topics));
	snprintf(e->dept, sizeof e->dept, "%s%s", region, ag->name);
	if (chance(r, 60))
		snprintf(e->impl, sizeof e->impl, "%s", chance(r, 50) ? e->dept : "");
	else
		snprintf(e->impl, sizeof e->impl, "%s%s", region, ag->unit);
	e->write_rules = chance(r, 80);
	e->write_unit = chance(r, 50);
	e->write_l1w = chance(r, 80);
	e->cost_nested = chance(r, 30);
	e->sat_plain = chance(r, 30);
	e->goals = chance(r, 50);
	gen_funds(r, e);

	n[7] = nsat;
	fill(r, n, 0, 4, total - nsat - nben, -1);
	fill(r, n, 4, 7, nben, chance(r, 50) ? 5 : -1);
	e->l1w[0] = PICK(r, outw);
	e->l1w[2] = PICK(r, satw);
	e->l1w[1] = 90 - e->l1w[0] - e->l1w[2];

	e->nleaves = 0;
	for (int s = 0; s < NSUB; s++) {
		int idx[32];
		for (int i = 0; i < subs[s].ndefs; i++)
			idx[i] = i;
		for (int i = 0; i < n[s]; i++) {            /* names without replacement */
			int j = i + (int)below(r, (uint64_t)(subs[s].ndefs - i)), t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
			leaf *l = &e->lv[e->nleaves++];
			memset(l, 0, sizeof *l);
			l->def = &subs[s].defs[idx[i]];
			l->sub = s;
			gen_leaf(r, l, e->year, hit);
		}
		e->write_subw[s] = chance(r, 30);
	}
	for (int g = 0, first = 0; g < 3; g++) {
		int cnt = 0;
		while (first + cnt < e->nleaves && subs[e->lv[first + cnt].sub].l1 == g)
			cnt++;
		spread(r, e->lv + first, cnt, e->l1w[g]);
		first += cnt;
	}

	e->total_h = e->f_score_h;
	for (int i = 0; i < e->nleaves; i++) {
		leaf *l = &e->lv[i];
		int64_t capped = l->rn < l->rd ? l->rn : l->rd;
		l->rate_h = round_div(l->rn * 10000, l->rd);
		l->score_h = round_div(l->weight * 100 * capped, l->rd);
		claim_text(r, l->c_rate, sizeof l->c_rate, l->rate_h, "%");
		claim_text(r, l->c_score, sizeof l->c_score, l->score_h, "");
		e->total_h += l->score_h;
	}
	int g = grade_of(e->total_h);
	char t[32];
	snprintf(e->c_total, sizeof e->c_total, "%s", fmt_num(t, sizeof t, e->total_h, 2, 0, 0));
	e->c_grade = grades[g];
	e->wrong = W_NONE;
	if (e->broken)
		make_broken(r, e);
	else if ((int64_t)below(r, 1000000) < wrong_ppm)
		make_wrong(r, e, g);
}

/* ---- writing ---- */

static void put_amount(FILE *f, int64_t v, int sep, int trim)
{
	char t[40];
	fmt_num(t, sizeof t, v, 2, trim, sep && v >= 100000);
	fprintf(f, sep && v >= 100000 ? "\"%s\"" : "%s", t);
}

static void put_leaf(FILE *f, const eval *e, int i, int ind)
{
	const leaf *l = &e->lv[i];
	int k = ind + 2;
	fprintf(f, "%*s- name: %s\n", ind, "", l->def->name);
	fprintf(f, l->quote ? "%*starget: \"%s\"\n" : "%*starget: %s\n", k, "", l->target);
	if (l->basis)
		fprintf(f, "%*sbasis: %s\n", k, "", l->basis);
	if (l->last_year[0])
		fprintf(f, "%*slast_year: %s\n", k, "", l->last_year);
	if (!(e->broken == B_NOWEIGHT && e->broken_leaf == i))
		fprintf(f, "%*sweight: %d\n", k, "", l->weight);
	if (l->rule)
		fprintf(f, "%*srule: %s\n", k, "", l->rule);
	if (l->evidence)
		fprintf(f, "%*sevidence: %s\n", k, "", l->evidence);
	if (e->broken == B_DUPKEY && e->broken_leaf == i)
		fprintf(f, "%*sweight: %d\n", k, "", l->weight);
	fprintf(f, "%*sactual: %s\n", k, "", l->actual);
	fprintf(f, "%*sclaimed: {rate: \"%s\", score: %s}\n", k, "", l->c_rate, l->c_score);
	if (l->deviation)
		fprintf(f, "%*sdeviation: %s\n", k, "", l->deviation);
}

static void put_eval(FILE *f, rng *r, const eval *e, uint64_t seed, uint64_t no)
{
	static const char *const rows[3] = {"年度资金总额", "当年财政拨款", "其他资金"};
	static const char *const cols[3] = {"initial", "budget", "executed"};
	char t[32];
	int sep = chance(r, 30), trim = chance(r, 40);
	fprintf(f, "# 项目支出绩效自评表（%d 年度）— %s\n", e->year, e->title);
	fprintf(f, "# synthetic: bench/gen-corpus --seed %" PRIu64 ", file %" PRIu64 "; not a published table.\n", seed, no);
	fprintf(f, "jixiao: 1\nkind: project\ntitle: %s\ndepartment: %s\n", e->title, e->dept);
	if (e->impl[0])
		fprintf(f, "implementer: %s\n", e->impl);
	fprintf(f, "year: %d\n", e->year);
	if (e->write_rules)
		fprintf(f, "rules: standard\n");
	if (e->write_unit)
		fprintf(f, "money_unit: 万元\n");
	fprintf(f, "\nfunds:\n  weight: 10\n  rows:\n");
	for (int i = 0; i < 3; i++) {
		fprintf(f, "    - {name: %s", rows[i]);
		for (int c = 0; c < 3; c++) {
			fprintf(f, ", %s: ", cols[c]);
			put_amount(f, e->amt[i][c], sep, trim);
		}
		fprintf(f, "}\n");
	}
	fprintf(f, "  claimed: {rate: \"%s%%\", ", fmt_num(t, sizeof t, e->f_rate_h, 2, 0, 0));
	fprintf(f, "score: %s}\n", fmt_num(t, sizeof t, e->f_score_h, 2, 0, 0));
	if (e->f_dev)
		fprintf(f, "  deviation: %s\n", e->f_dev);
	if (e->goals) {
		fprintf(f, "\ngoals:\n  - expected: 按期完成%s各项任务，资金使用规范，服务对象满意度达到 90%% 以上。\n",
			e->title + strlen("2024 年"));
		fprintf(f, "    achieved: 全年完成主要建设任务，预算执行率 %s%%。\n", fmt_num(t, sizeof t, e->f_rate_h, 2, 0, 0));
	}
	fprintf(f, "\nindicators:\n");
	for (int g = 0, i = 0; g < 3; g++) {
		fprintf(f, "  - name: %s\n", l1_names[g]);
		if (e->write_l1w)
			fprintf(f, "    weight: %d\n", e->l1w[g]);
		fprintf(f, "    children:\n");
		while (i < e->nleaves && subs[e->lv[i].sub].l1 == g) {
			int s = e->lv[i].sub, w = 0, nested = s == 3 && e->cost_nested;
			for (int j = i; j < e->nleaves && e->lv[j].sub == s; j++)
				w += e->lv[j].weight;
			fprintf(f, "      - name: %s\n", s == 7 && e->sat_plain ? "满意度指标" : subs[s].name);
			if (e->write_subw[s])
				fprintf(f, "        weight: %d\n", w);
			fprintf(f, "        children:\n");
			if (nested)
				fprintf(f, "          - name: 经济成本指标\n            children:\n");
			for (; i < e->nleaves && e->lv[i].sub == s; i++)
				put_leaf(f, e, i, nested ? 14 : 10);
		}
	}
	fprintf(f, "\nclaimed: {total: %s, grade: %s}\n", e->c_total, e->c_grade);
}

/* ---- command line ---- */

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return *s < '0' || *s > '9' || errno || *end ? -1 : 0;
}

/* "0.2" -> 200000 parts per million, without floating point. */
static int parse_ppm(const char *s, int64_t *out)
{
	int64_t ip = 0, fp = 0, scale = 100000;
	int digits = 0;
	for (; *s >= '0' && *s <= '9' && ip <= 1; s++, digits++)
		ip = ip * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9' && scale > 0; s++, digits++, scale /= 10)
			fp += (*s - '0') * scale;
	*out = ip * 1000000 + fp;
	return *s || !digits || *out > 1000000 ? -1 : 0;
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "gen-corpus: cannot create '%s': %s\n", path, strerror(errno));
	return -1;
}

/* n in decimal with leading zeros to at least min digits. */
static void zpad(char *buf, uint64_t n, uint64_t max, int min)
{
	char t[24];
	int k = 0;
	for (; n > 0 || max > 0 || k < min; n /= 10, max /= 10)
		t[k++] = (char)('0' + n % 10);
	for (int i = 0; i < k; i++)
		buf[i] = t[k - 1 - i];
	buf[k] = '\0';
}

/* Mark k distinct files broken (partial Fisher-Yates), kinds cycled in file order. */
static int pick_broken(int *broken, uint64_t count, uint64_t k, uint64_t seed)
{
	uint32_t *perm = malloc(count * sizeof *perm);
	rng r;
	if (!perm)
		return -1;
	rng_seed(&r, seed, UINT64_C(3) << 62);
	for (uint64_t i = 0; i < count; i++)
		perm[i] = (uint32_t)i;
	for (uint64_t i = 0; i < k; i++) {
		uint64_t j = i + below(&r, count - i);
		uint32_t t = perm[i];
		perm[i] = perm[j];
		perm[j] = t;
		broken[perm[i]] = 1;
	}
	free(perm);
	for (uint64_t i = 0, n = 0; i < count; i++)
		if (broken[i])
			broken[i] = B_UNQUOTED + (int)(n++ % 4);
	return 0;
}

/* One manifest row: the file, the leaf's path (empty for the total and grade), the field, both values. */
static void put_manifest(FILE *man, const char *file, const eval *e)
{
	static const char *const fields[] = {"", "score", "rate", "total", "grade"};
	const leaf *l = &e->lv[e->wrong_leaf];
	int s = l->sub, leafy = e->wrong <= W_RATE;
	fprintf(man, "%s,", file);
	if (leafy)
		fprintf(man, "%s/%s/%s%s", l1_names[subs[s].l1], s == 7 && e->sat_plain ? "满意度指标" : subs[s].name,
			s == 3 && e->cost_nested ? "经济成本指标/" : "", l->def->name);
	fprintf(man, ",%s,%s,%s\n", fields[e->wrong], e->w_claimed, e->w_recomputed);
}

int main(int argc, char **argv)
{
	uint64_t seed = 0, count = 0, nbroken = 0, nwrong = 0;
	int64_t ppm = 200000;
	const char *out = NULL;
	int have_seed = 0, rc = 2, *broken = NULL;
	eval *e = NULL;
	FILE *man = NULL, *brk = NULL, *f = NULL;
	char *path = NULL;

	for (int i = 1; i < argc; i += 2) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = !v;
		if (!bad && strcmp(a, "--seed") == 0)
			bad = parse_u64(v, &seed), have_seed = 1;
		else if (!bad && strcmp(a, "--count") == 0)
			bad = parse_u64(v, &count) || count > 10000000;
		else if (!bad && strcmp(a, "--broken") == 0)
			bad = parse_u64(v, &nbroken);
		else if (!bad && strcmp(a, "--wrong-rate") == 0)
			bad = parse_ppm(v, &ppm);
		else if (!bad && strcmp(a, "--out") == 0)
			out = v;
		else
			bad = 1;
		if (bad) {
			fprintf(stderr, "gen-corpus: bad or missing value for '%s'\n", a);
			goto usage;
		}
	}
	if (!have_seed || !count || !out || nbroken > count)
		goto usage;
	rc = 3;
	size_t cap = strlen(out) + 64;
	if (!(path = malloc(cap)) || !(broken = calloc(count, sizeof *broken)) || !(e = malloc(sizeof *e)) ||
	    (nbroken && pick_broken(broken, count, nbroken, seed))) {
		fprintf(stderr, "gen-corpus: out of memory\n");
		goto done;
	}
	if (make_dir(out))
		goto done;
	snprintf(path, cap, "%s/manifest.csv", out);
	if (!(man = fopen(path, "w")))
		goto io;
	fprintf(man, "file,path,field,claimed,recomputed\n");
	snprintf(path, cap, "%s/broken.txt", out);
	if (nbroken && !(brk = fopen(path, "w")))
		goto io;

	/* ~100 files a directory; dept-XX gives the directory's region and agency. */
	for (uint64_t no = 1, rel = strlen(out) + 1; no <= count; no++) {
		uint64_t dept = (no - 1) / 100 + 1;
		char dn[24], fn[24];
		rng dr, r;
		rng_seed(&dr, seed, (UINT64_C(1) << 63) | dept);
		const char *region = PICK(&dr, regions);
		const agency *ag = &PICK(&dr, agencies);
		zpad(dn, dept, (count + 99) / 100, 2);
		zpad(fn, no, count, 5);
		snprintf(path, cap, "%s/dept-%s", out, dn);
		if ((no - 1) % 100 == 0 && make_dir(path))
			goto done;
		snprintf(path, cap, "%s/dept-%s/%s.yaml", out, dn, fn);
		memset(e, 0, sizeof *e);
		rng_seed(&r, seed, no);
		e->broken = broken[no - 1];
		gen_eval(&r, e, region, ag, ppm);
		if (!(f = fopen(path, "w")))
			goto io;
		put_eval(f, &r, e, seed, no);
		int bad = ferror(f);
		if (fclose(f) || bad) {
			f = NULL;
			goto io;
		}
		f = NULL;
		if (e->broken)
			fprintf(brk, "%s %s\n", path + rel, broken_kinds[e->broken]);
		if (e->wrong) {
			put_manifest(man, path + rel, e);
			nwrong++;
		}
	}
	if (ferror(man) || (brk && ferror(brk)))
		goto io;
	printf("gen-corpus: %" PRIu64 " files (%" PRIu64 " broken, %" PRIu64 " with a deliberate error) in %s\n",
	       count, nbroken, nwrong, out);
	rc = 0;
	goto done;
usage:
	fprintf(stderr, "usage: gen-corpus --seed S --count N --out DIR [--broken K] [--wrong-rate P]\n");
	goto done;
io:
	fprintf(stderr, "gen-corpus: cannot write '%s': %s\n", path, strerror(errno));
done:
	if (f)
		fclose(f);
	if (man && fclose(man) && rc == 0)
		rc = 3;
	if (brk && fclose(brk) && rc == 0)
		rc = 3;
	free(e);
	free(broken);
	free(path);
	return rc;
}
