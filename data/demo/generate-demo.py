#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate data/demo/demo.json: fictional staff, firms, projects and
activities for demonstrating Zhaoshang.

Standard library only and deterministic (fixed random seed): running it twice
gives the same file.  Every firm except 华为技术有限公司 is invented; contact
e-mail addresses and web sites use example.com.

Usage: /usr/bin/python3 data/demo/generate-demo.py [OUTPUT]
"""

import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = os.path.join(HERE, "..", "seed")
OUTPUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "demo.json")

rng = random.Random(20210108)


def fail(msg):
    sys.stderr.write("generate-demo: error: %s\n" % msg)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


# ---------------------------------------------------------------------------
# Unified social credit code (GB 32100-2015)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check_char(first17):
    total = 0
    for ch, w in zip(first17, USCC_WEIGHTS):
        v = USCC_CHARSET.find(ch)
        if v < 0:
            raise ValueError("bad USCC character %r" % ch)
        total += v * w
    c = 31 - total % 31
    if c == 31:
        c = 0
    return USCC_CHARSET[c]


def uscc_valid(code):
    if len(code) != 18 or any(ch not in USCC_CHARSET for ch in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


assert uscc_valid("914403001922038216")
assert uscc_valid("91440300708461136T")
assert not uscc_valid("91310000607216718K")

# organisation code (GB 11714): 8 characters and a check character
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_value(ch):
    return int(ch) if ch.isdigit() else ord(ch) - 55


def org_check_char(first8):
    c = 11 - sum(org_value(ch) * w for ch, w in zip(first8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


used_uscc = set()


def make_uscc(region, newer):
    while True:
        if newer:
            body = "MA" + "".join(rng.choice(USCC_CHARSET[:10] + "ABCDEFGHJKLMNPQRTUWXY")
                                  for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        org = body + org_check_char(body)
        first17 = "91" + region + org
        code = first17 + uscc_check_char(first17)
        if code not in used_uscc:
            used_uscc.add(code)
            return code


# ---------------------------------------------------------------------------
# Seed data

def load_seed(name):
    path = os.path.join(SEED_DIR, name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail("cannot read %s: %s" % (path, e))


SECTORS = {s["code"]: s for s in load_seed("sectors.json")}
PARKS = {p["code"]: p for p in load_seed("parks.json")}
PARENTS = {s["parent"] for s in SECTORS.values() if s["parent"]}
LEAVES = [c for c in SECTORS if c not in PARENTS]


def park_ancestors(code):
    out = []
    while code:
        out.append(code)
        code = PARKS[code]["parent"]
    return out


# ---------------------------------------------------------------------------
# Places, names, people

CITIES = {
    # code: (name prefix, address prefix, streets, phone area code)
    "440300": ("深圳市", "广东省深圳市", ["南山区科技南十二路", "龙岗区坂田街道五和大道", "宝安区西乡街道航城大道", "光明区凤凰街道光侨路"], "0755"),
    "440100": ("广州", "广东省广州市", ["黄埔区科学大道", "番禺区市广路", "白云区太和镇大源北路"], "020"),
    "441900": ("东莞市", "广东省东莞市", ["松山湖园区工业北路", "长安镇振安中路", "塘厦镇莆心湖路"], "0769"),
    "440600": ("佛山市", "广东省佛山市", ["南海区狮山镇桃园东路", "顺德区北滘镇工业大道"], "0757"),
    "330100": ("杭州", "浙江省杭州市", ["滨江区江南大道", "余杭区文一西路", "萧山区经济技术开发区建设三路"], "0571"),
    "330200": ("宁波", "浙江省宁波市", ["北仑区新碶街道明州路", "鄞州区首南街道天童南路"], "0574"),
    "320500": ("苏州", "江苏省苏州市", ["工业园区星湖街", "吴中区木渎镇金枫南路", "常熟市虞山街道黄河路"], "0512"),
    "320200": ("无锡", "江苏省无锡市", ["新吴区长江路", "江阴市澄江街道虹桥北路"], "0510"),
    "320100": ("南京", "江苏省南京市", ["江宁区秣陵街道将军大道", "浦口区江浦街道浦滨路"], "025"),
    "320700": ("连云港", "江苏省连云港市", ["连云区中华西路", "海州区朝阳东路"], "0518"),
    "320600": ("南通", "江苏省南通市", ["崇川区工农路", "海门区三星镇叠石桥路"], "0513"),
    "310115": ("上海", "上海市浦东新区", ["张江路", "外高桥保税区富特北路", "川沙路"], "021"),
    "110105": ("北京", "北京市朝阳区", ["酒仙桥路", "东三环中路", "望京街"], "010"),
    "120116": ("天津", "天津市滨海新区", ["经济技术开发区第三大街", "临港经济区渤海四十路"], "022"),
    "370200": ("青岛", "山东省青岛市", ["黄岛区长江中路", "城阳区正阳路"], "0532"),
    "350200": ("厦门", "福建省厦门市", ["湖里区象屿路", "海沧区新阳街道"], "0592"),
    "420100": ("武汉", "湖北省武汉市", ["东湖新技术开发区光谷大道", "汉阳区龙阳大道"], "027"),
    "510100": ("成都", "四川省成都市", ["高新区天府大道中段", "双流区西航港大道"], "028"),
    "500112": ("重庆", "重庆市渝北区", ["空港大道", "龙溪街道新溉大道"], "023"),
    "610100": ("西安", "陕西省西安市", ["高新区锦业路", "经济技术开发区凤城十二路"], "029"),
    "410100": ("郑州", "河南省郑州市", ["经济技术开发区航海东路", "高新区科学大道"], "0371"),
    "340100": ("合肥", "安徽省合肥市", ["高新区望江西路", "经济技术开发区繁华大道"], "0551"),
    "370100": ("济南", "山东省济南市", ["历下区经十路", "高新区舜华路"], "0531"),
    "650100": ("新疆", "新疆维吾尔自治区乌鲁木齐市", ["经济技术开发区维泰南路", "高新区北京南路", "米东区米东北路"], "0991"),
    "654004": ("霍尔果斯", "新疆伊犁州霍尔果斯市", ["口岸园区亚欧路", "口岸园区友谊西路", "卡拉苏河路", "中哈霍尔果斯国际边境合作中心中方区", "综合保税区金港路"], "0999"),
    "654002": ("伊宁市", "新疆伊犁州伊宁市", ["边境经济合作区天山北路", "边境经济合作区上海路", "解放西路", "伊宁园区物流园环园路"], "0999"),
    "654023": ("霍城县", "新疆伊犁州霍城县", ["清水河镇江苏大道", "清水河产业配套区纬二路", "芦草沟镇团结路", "惠远镇新城路"], "0999"),
    "654021": ("伊宁县", "新疆伊犁州伊宁县", ["吉里于孜镇工业园区", "墩麻扎镇南环路", "英塔木镇农业示范园"], "0999"),
}
LOCAL = ["654004", "654002", "654023", "654021"]
JIANGSU = ["320500", "320200", "320100", "320700", "320600"]
EAST_TECH = ["440300", "440100", "441900", "330100", "320500", "310115", "110105", "420100", "510100", "340100"]
EAST_MAKE = ["440300", "441900", "440600", "330200", "320500", "320200", "320600", "370200", "120116", "410100", "370100"]
EAST_FIN = ["440300", "310115", "110105", "330100", "350200", "320100"]

ZIHAO = [("瑞丰", "ruifeng"), ("天宇", "tianyu"), ("博远", "boyuan"), ("恒通", "hengtong"),
         ("金泰", "jintai"), ("新锐", "xinrui"), ("宏达", "hongda"), ("鼎盛", "dingsheng"),
         ("远航", "yuanhang"), ("润泽", "runze"), ("嘉禾", "jiahe"), ("晨曦", "chenxi"),
         ("凯越", "kaiyue"), ("长风", "changfeng"), ("永泰", "yongtai"), ("德润", "derun"),
         ("聚源", "juyuan"), ("启明", "qiming"), ("同创", "tongchuang"), ("星辰", "xingchen"),
         ("云帆", "yunfan"), ("海纳", "haina"), ("蓝海", "lanhai"), ("智航", "zhihang"),
         ("众诚", "zhongcheng"), ("泰和", "taihe"), ("宏图", "hongtu"), ("锦程", "jincheng"),
         ("华拓", "huatuo"), ("明远", "mingyuan"), ("卓越", "zhuoyue"), ("鑫源", "xinyuan"),
         ("昊天", "haotian"), ("东升", "dongsheng"), ("中拓", "zhongtuo"), ("华创", "huachuang"),
         ("科睿", "kerui"), ("盛达", "shengda"), ("安泰", "antai"), ("国瑞", "guorui"),
         ("联创", "lianchuang"), ("瀚海", "hanhai"), ("致远", "zhiyuan"), ("鸿运", "hongyun"),
         ("信和", "xinhe"), ("祥和", "xianghe"), ("融创", "rongchuang"), ("百川", "baichuan")]
ZIHAO_XJ = [("丝路", "silu"), ("西域", "xiyu"), ("天山", "tianshan"), ("昆仑", "kunlun"),
            ("雪莲", "xuelian"), ("伊犁河", "yilihe"), ("果子沟", "guozigou"), ("赛里木", "sailimu"),
            ("金驼", "jintuo"), ("驼铃", "tuoling"), ("那拉提", "nalati"), ("阿力玛里", "alimali"),
            ("惠远", "huiyuan"), ("天马", "tianma"), ("胡杨", "huyang"), ("巴扎", "baza"),
            ("石榴籽", "shiliuzi"), ("达坂", "daban"), ("白杨", "baiyang"), ("亚欧", "yaou"),
            ("边城", "biancheng"), ("河谷", "hegu"), ("金麦", "jinmai"), ("伊香", "yixiang")]

SURNAMES = [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
            ("杨", "yang"), ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"),
            ("徐", "xu"), ("孙", "sun"), ("胡", "hu"), ("朱", "zhu"), ("高", "gao"),
            ("林", "lin"), ("何", "he"), ("郭", "guo"), ("马", "ma"), ("罗", "luo"),
            ("梁", "liang"), ("宋", "song"), ("郑", "zheng"), ("谢", "xie"), ("韩", "han"),
            ("唐", "tang"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("沈", "shen")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("敏", "min"), ("静", "jing"), ("磊", "lei"),
         ("强", "qiang"), ("艳", "yan"), ("勇", "yong"), ("杰", "jie"), ("娟", "juan"),
         ("涛", "tao"), ("超", "chao"), ("霞", "xia"), ("刚", "gang"), ("婷", "ting"),
         ("建国", "jianguo"), ("志强", "zhiqiang"), ("海燕", "haiyan"), ("晓东", "xiaodong"),
         ("文博", "wenbo"), ("子涵", "zihan"), ("雨欣", "yuxin"), ("浩然", "haoran"),
         ("思远", "siyuan"), ("丽华", "lihua"), ("国庆", "guoqing"), ("红梅", "hongmei"),
         ("立新", "lixin"), ("春生", "chunsheng"), ("玉兰", "yulan"), ("俊峰", "junfeng"),
         ("嘉怡", "jiayi"), ("宏伟", "hongwei"), ("雪梅", "xuemei"), ("明辉", "minghui")]
LOCAL_PEOPLE = [("艾力·买买提", "aili"), ("热依拉·阿不都", "reyila"), ("古丽娜尔·沙吾提", "gulinaer"),
                ("叶尔兰·托合塔尔", "yeerlan"), ("阿迪力·吐尔洪", "adili"), ("帕提古丽·艾买提", "patiguli"),
                ("买买提江·吾买尔", "maimaitijiang"), ("巴合提亚尔·加纳提", "baheitiyaer"),
                ("迪娜拉·努尔别克", "dinala"), ("阿依努尔·哈力克", "ayinuer"), ("库尔班·肉孜", "kuerban")]
KZ_PEOPLE = [("Ерлан Сапаров", "erlan.saparov"), ("Айгерим Нурланова", "aigerim.nurlanova"),
             ("Данияр Касымов", "daniyar.kassymov"), ("Асель Жумабаева", "assel.zhumabayeva"),
             ("Бауыржан Омаров", "bauyrzhan.omarov"), ("Мадина Ахметова", "madina.akhmetova"),
             ("Серик Абенов", "serik.abenov")]
RU_PEOPLE = [("Алексей Иванов", "aleksey.ivanov"), ("Ольга Петрова", "olga.petrova"),
             ("Дмитрий Смирнов", "dmitry.smirnov"), ("Наталья Кузнецова", "natalya.kuznetsova"),
             ("Сергей Волков", "sergey.volkov")]
DE_PEOPLE = [("Thomas Becker", "thomas.becker"), ("Julia Hoffmann", "julia.hoffmann"),
             ("Markus Weber", "markus.weber")]
HK_PEOPLE = [("陈志明", "chan.chiming"), ("黄嘉欣", "wong.kayan"), ("梁伟文", "leung.waiman"),
             ("李淑仪", "lee.shukyi")]
UZ_PEOPLE = [("Jasur Karimov", "jasur.karimov"), ("Dilnoza Rakhimova", "dilnoza.rakhimova")]

TITLES = ["董事长", "总经理", "副总经理", "投资发展部经理", "行政总监", "财务总监",
          "项目负责人", "董事会秘书", "外贸部经理", "办公室主任"]
FOREIGN_TITLES = {"KZ": ["Директор", "Коммерческий директор"], "RU": ["Генеральный директор", "Коммерческий директор"],
                  "DE": ["Geschäftsführer", "Leiterin Einkauf"], "UZ": ["Direktor", "Tijorat direktori"],
                  "HK": ["董事总经理", "投资总监"]}


def cn_person(local=False):
    if local and rng.random() < 0.5:
        name, py = rng.choice(LOCAL_PEOPLE)
        return name, py
    s, spy = rng.choice(SURNAMES)
    g, gpy = rng.choice(GIVEN)
    return s + g, gpy + "." + spy


def mobile():
    return "1" + rng.choice(["38", "39", "36", "35", "37", "50", "51", "58", "59", "80", "86", "87", "89", "99"]) + \
        "".join(rng.choice("0123456789") for _ in range(8))


def landline(area):
    n = 7 if area in ("0999", "0991") else 8
    first = rng.choice("2345678")
    return area + "-" + first + "".join(rng.choice("0123456789") for _ in range(n - 1))


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def foreign_phone(country):
    if country == "KZ":
        return "+7 7%s %s %s" % (rng.choice(["01", "05", "07", "47", "75", "77"]), digits(3), digits(4))
    if country == "RU":
        return "+7 9%s %s-%s-%s" % (digits(2), digits(3), digits(2), digits(2))
    if country == "DE":
        return "+49 %s %s" % (rng.choice(["30", "89", "40", "711"]), digits(7))
    if country == "HK":
        return "+852 %s %s" % (rng.choice("5679") + digits(3), digits(4))
    if country == "UZ":
        return "+998 9%s %s %s %s" % (digits(1), digits(3), digits(2), digits(2))
    raise ValueError(country)


# ---------------------------------------------------------------------------
# Firm archetypes: sectors (leaf codes), the industry words of a name, the
# business scope, where such firms come from, capital range (万元), the parks
# where their projects land and what a project would be called.

LICENCE = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"

A = []


def arche(key, sectors, words, scopes, origins, capital, parks, projects, invest, jobs, land, count, local=False):
    A.append(dict(key=key, sectors=sectors, words=words, scopes=scopes, origins=origins,
                  capital=capital, parks=parks, projects=projects, invest=invest, jobs=jobs,
                  land=land, count=count, local=local))


arche("components", [["c07-electronic-components"], ["c07-electronic-components", "c05-electronics-assembly"]],
      [("电子科技", "dz"), ("电子元件", "dzyj"), ("微电子", "wdz")],
      ["电子元器件制造；电子元器件批发；电力电子元器件销售；集成电路芯片及产品销售；货物进出口；技术进出口。",
       "电子元器件与机电组件设备制造；电子专用材料销售；光电子器件制造；货物进出口。"],
      EAST_TECH, (500, 20000), ["yining-park", "horgos-bonded-zone", "yining-border-ecz"],
      ["电子元器件生产基地项目", "面向中亚的电子元器件组装出口项目"], (8000, 80000), (80, 600), (30, 150), 9)
arche("terminals", [["c07-terminal-assembly", "c05-electronics-assembly"], ["c07-terminal-assembly"]],
      [("智能科技", "zn"), ("通讯设备", "tx"), ("智能终端", "zd")],
      ["移动终端设备制造；通信设备制造；智能家庭消费设备制造；电子产品销售；货物进出口；技术进出口。",
       "计算机软硬件及外围设备制造；移动通信设备销售；智能车载设备制造；电子产品销售。"],
      EAST_TECH, (1000, 50000), ["yining-park", "horgos-bonded-zone"],
      ["智能终端组装出口基地项目", "手机及平板电脑组装生产线项目"], (10000, 120000), (150, 1200), (40, 200), 7)
arche("semis", [["c07-semiconductor-packaging"]], [("半导体", "bdt"), ("芯片封测", "xp")],
      ["集成电路芯片及产品制造；半导体分立器件制造；集成电路设计；技术服务、技术开发；货物进出口。"],
      ["320500", "320200", "440300", "310115", "340100"], (5000, 60000), ["yining-park", "horgos-bonded-zone"],
      ["半导体封装测试生产线项目"], (30000, 200000), (200, 900), (60, 250), 3)
arche("emat", [["c07-electronic-materials"]], [("电子材料", "dzcl")],
      ["电子专用材料制造；电子专用材料销售；新材料技术研发；专用化学产品销售（不含危险化学品）；货物进出口。"],
      EAST_MAKE, (2000, 30000), ["yining-park", "qingshuihe-park"],
      ["新型电子材料生产项目"], (15000, 100000), (60, 300), (50, 200), 3)
arche("machining", [["c05-machining"], ["c05-machining", "c05-high-end-manufacturing"]],
      [("机械制造", "jx"), ("精密机械", "jm"), ("重工机械", "zg")],
      ["通用设备制造（不含特种设备制造）；机械零件、零部件加工；金属切削加工服务；机械设备销售；货物进出口。",
       "农业机械制造；机械零件、零部件加工；金属结构制造；通用设备修理；货物进出口。"],
      EAST_MAKE + ["650100"], (500, 20000), ["qingshuihe-park", "yining-park", "xpcc-park"],
      ["农机及零部件加工项目", "机械加工产业园项目"], (5000, 60000), (50, 400), (30, 200), 8)
arche("equipment", [["c07-high-end-equipment", "c05-high-end-manufacturing"], ["c07-high-end-equipment"]],
      [("智能装备", "znzb"), ("装备制造", "zbzz")],
      ["智能基础制造装备制造；工业自动控制系统装置制造；专用设备制造（不含许可类专业设备制造）；技术进出口。"],
      EAST_MAKE, (2000, 50000), ["qingshuihe-park", "yining-park"],
      ["高端装备制造基地项目", "智能装备组装出口项目"], (20000, 150000), (100, 600), (80, 300), 5)
arche("nev", [["c07-nev"]], [("新能源汽车", "xny"), ("汽车部件", "qcbj")],
      ["新能源汽车整车销售；新能源汽车电附件销售；汽车零部件及配件制造；汽车零配件批发；货物进出口。"],
      ["440300", "330100", "340100", "500112", "610100", "370200"], (5000, 100000), ["qingshuihe-park", "horgos-port-park"],
      ["新能源汽车组装及出口基地项目", "新能源商用车KD组装项目"], (50000, 300000), (200, 1500), (150, 500), 4)
arche("carbon", [["c07-carbon-fibre"]], [("碳纤维", "tqw"), ("复合材料", "fhcl")],
      ["高性能纤维及复合材料制造；石墨及碳素制品制造；纺织专用设备制造；新材料技术推广服务。"],
      ["320200", "370200", "320600", "120116"], (5000, 80000), ["qingshuihe-park"],
      ["高性能碳纤维及复合材料项目"], (50000, 250000), (150, 800), (150, 400), 3)
arche("medtex", [["c07-medical-textiles"]], [("医用材料", "yycl"), ("卫生材料", "wscl")],
      ["第一类医疗器械生产；医用口罩生产；产业用纺织制成品制造；非织造布制造；卫生用品和一次性使用医疗用品销售。"],
      ["320600", "330200", "420100", "370100"], (1000, 20000), ["yining-park", "qingshuihe-park"],
      ["医用纺织材料生产线项目"], (8000, 50000), (100, 400), (40, 120), 3)
arche("biobased", [["c07-bio-based-materials"]], [("生物材料", "swcl"), ("降解材料", "jjcl")],
      ["生物基材料制造；生物基材料销售；塑料制品制造；生物降解塑料技术研发；货物进出口。"],
      ["340100", "330100", "370100", "410100"], (2000, 30000), ["qingshuihe-park", "xpcc-park"],
      ["生物基可降解材料项目"], (20000, 120000), (80, 400), (80, 300), 3)
arche("newmat", [["c05-new-materials"]], [("新材料", "xcl")],
      ["新材料技术研发；有色金属合金制造；高性能有色金属及合金材料销售；技术服务、技术开发、技术咨询。"],
      EAST_MAKE + ["650100"], (2000, 50000), ["qingshuihe-park", "yining-park"],
      ["新材料产业化项目"], (20000, 150000), (80, 500), (80, 300), 4)
arche("biopharma", [["c07-biopharma"], ["c07-biopharma", "c07-biochemistry"]], [("生物医药", "swyy"), ("药业", "yy")],
      ["药品生产；药品批发；医学研究和试验发展；生物化工产品技术研发；货物进出口。"],
      ["320500", "330100", "110105", "420100", "510100"], (3000, 60000), ["yining-park", "horgos-port-park"],
      ["生物医药产业化项目", "面向中亚的生物药品生产项目"], (20000, 150000), (100, 500), (50, 200), 4)
arche("extract", [["c07-plant-extraction"], ["c07-plant-extraction", "c06-tcm-herbs"]], [("生物科技", "swkj"), ("植物提取", "zwtq")],
      ["植物提取物生产；天然植物原料研发；中草药种植；食品添加剂销售；化妆品原料销售；货物进出口。"],
      ["654023", "654021", "650100", "610100", "510100"], (500, 10000), ["qingshuihe-park", "xpcc-park"],
      ["薰衣草及植物提取物加工项目", "天然植物提取物生产线项目"], (3000, 40000), (40, 200), (20, 100), 4, local=True)
arche("amino", [["c07-amino-acids", "c07-biochemistry"], ["c07-amino-acids"]], [("生物化工", "swhg"), ("氨基酸", "ajs")],
      ["饲料添加剂生产；氨基酸及其衍生物生产；生物化工产品技术研发；专用化学产品销售（不含危险化学品）。"],
      ["370100", "370200", "410100", "120116"], (5000, 80000), ["qingshuihe-park", "xpcc-park"],
      ["玉米深加工及氨基酸生产项目"], (50000, 300000), (200, 800), (200, 600), 3)
arche("tcm", [["c06-tcm-herbs"]], [("中药材", "zyc"), ("药材", "yc")],
      ["中药材种植；中药饮片加工；地产中草药（不含中药饮片）购销；农副产品销售；货物进出口。"],
      ["654004", "654021", "650100", "340100"], (300, 8000), ["horgos-port-park", "yining-park"],
      ["中亚进口中药材加工项目"], (3000, 30000), (30, 150), (20, 80), 3, local=True)
arche("pharma", [["c06-pharma"]], [("制药", "zy"), ("医药", "yiy")],
      ["药品生产；药品进出口；药品批发；化学原料药制造；医药中间体销售；货物进出口。"],
      ["650100", "370100", "420100", "320100"], (2000, 40000), ["horgos-port-park", "horgos-bonded-zone"],
      ["口岸药品加工出口项目"], (10000, 80000), (60, 300), (30, 120), 3)
arche("cosmetics", [["c06-cosmetics"]], [("化妆品", "hzp"), ("日化", "rh")],
      ["化妆品生产；化妆品批发；化妆品零售；个人卫生用品销售；日用化学产品制造；货物进出口。"],
      ["440100", "310115", "330100"], (500, 10000), ["horgos-bonded-zone", "horgos-port-park"],
      ["面向中亚的化妆品加工项目"], (3000, 30000), (40, 200), (15, 60), 3)
arche("meat", [["c06-meat"], ["c06-meat", "c09-cold-chain-logistics"]], [("肉类食品", "rl"), ("清真食品", "qz"), ("牛羊肉", "nyr")],
      ["牲畜屠宰；肉制品及副产品加工；食品生产；冷藏车道路运输；食用农产品批发；货物进出口。"],
      ["654004", "654023", "654021", "650100", "410100"], (500, 15000), ["horgos-port-park", "qingshuihe-park"],
      ["进口牛羊肉精深加工项目"], (5000, 50000), (60, 300), (30, 120), 5, local=True)
arche("fruit", [["c06-fruit"], ["c06-fruit", "c08-agri-storage"]], [("果业", "gy"), ("果蔬", "gs")],
      ["水果和坚果加工；果品、蔬菜批发；食用农产品初加工；农产品的生产、销售、加工、运输、贮藏及其他相关服务。"],
      ["654023", "654021", "654002", "650100"], (200, 5000), ["qingshuihe-park", "qingshuihe-agri-trade-centre"],
      ["果品精深加工及冷藏项目", "中亚进口水果分拣加工项目"], (2000, 25000), (30, 200), (15, 80), 5, local=True)
arche("bordertrade", [["c06-border-trade"], ["c06-border-trade", "c06-border-trade-processing"], ["c06-border-trade-processing"]],
      [("边贸", "bm"), ("互市贸易", "hs"), ("商贸", "sm")],
      ["边民互市贸易商品收购与销售；食用农产品批发；粮油仓储服务；进口商品落地加工；货物进出口。"],
      ["654004"], (100, 3000), ["horgos-port-park", "horgos-iccc"],
      ["互市贸易商品落地加工项目"], (1000, 15000), (20, 150), (10, 50), 6, local=True)
arche("naan", [["c05-naan-food", "c08-naan"], ["c08-naan"]], [("馕食品", "nang"), ("馕业", "nangye"), ("馕文化产业", "nangwh")],
      ["糕点、面包制造（不含现场制售）；食品生产；食品销售；馕产品研发；农副产品销售；货物进出口。",
       "食品生产；食品互联网销售；馕制品加工及冷冻储存；餐饮管理；供应链管理服务。"],
      ["654004", "654002", "654023", "650100"], (100, 5000), ["horgos-naan-park"],
      ["馕产品加工出口生产线项目", "冷冻馕生产线及冷链配送项目"], (1000, 20000), (30, 300), (10, 60), 7, local=True)
arche("agri", [["c05-agri-processing"], ["c05-agri-processing", "c08-agri-sideline-processing"], ["c08-agri-sideline-processing"]],
      [("农业科技", "nykj"), ("粮油", "ly"), ("农副产品", "nfcp"), ("蜂业", "fy")],
      ["粮食加工食品生产；食用植物油加工；农副产品销售；谷物种植；粮油仓储服务；货物进出口。",
       "农副产品收购、加工、销售；蜂产品加工；食用农产品初加工；食品销售；货物进出口。"],
      LOCAL + ["650100"] + JIANGSU, (200, 10000), ["qingshuihe-park", "xpcc-park", "qingshuihe-agri-trade-centre"],
      ["农副产品精深加工项目", "进口油料加工项目"], (2000, 40000), (30, 300), (20, 150), 9, local=True)
arche("agristore", [["c08-agri-storage"], ["c08-agri-storage", "c09-cold-chain-logistics"]], [("农产品仓储", "nccc"), ("冷藏", "lc")],
      ["农产品的生产、销售、加工、运输、贮藏及其他相关服务；低温仓储（不含危险化学品等需许可审批的项目）；装卸搬运。"],
      LOCAL, (300, 5000), ["qingshuihe-agri-trade-centre", "qingshuihe-park"],
      ["农产品仓储保鲜及交易项目"], (3000, 30000), (20, 120), (20, 100), 4, local=True)
arche("apparel", [["c08-apparel", "c05-textile-apparel"], ["c08-apparel"], ["c05-textile-apparel"]], [("服饰", "fs"), ("服装", "fz")],
      ["服装制造；服饰制造；服装服饰批发；针纺织品及原料销售；货物进出口。"],
      ["330100", "330200", "440100", "320600", "654002"], (200, 10000), ["yining-park", "yining-border-ecz"],
      ["服装加工出口基地项目", "年产千万件服装生产线项目"], (3000, 40000), (200, 1500), (20, 120), 9)
arche("knit", [["c08-knitting"]], [("针织", "zz")],
      ["针织或钩针编织物及其制品制造；针纺织品销售；服装制造；货物进出口。"],
      ["330200", "320500", "370200"], (500, 8000), ["yining-park"],
      ["针织服装加工项目"], (3000, 30000), (150, 800), (20, 100), 3)
arche("hometex", [["c08-home-textiles"]], [("家纺", "jf")],
      ["家用纺织制成品制造；床上用品销售；针纺织品销售；面料印染加工；货物进出口。"],
      ["320600", "330100"], (500, 10000), ["yining-park"],
      ["家纺用品生产出口项目"], (5000, 40000), (150, 700), (30, 120), 3)
arche("cotton", [["c08-cotton-spinning"]], [("棉纺", "mf"), ("纺织", "fzh")],
      ["棉纺纱加工；棉、麻销售；面料纺织加工；针纺织品及原料销售；货物进出口。"],
      ["370100", "410100", "320200", "650100"], (2000, 30000), ["yining-park", "xpcc-park"],
      ["棉纺纱锭扩能项目"], (20000, 120000), (200, 1000), (100, 400), 4)
arche("fibre", [["c08-chemical-fibre"]], [("化纤", "hx")],
      ["化纤制造；合成纤维制造；合成纤维销售；化工产品销售（不含许可类化工产品）；货物进出口。"],
      ["330100", "320200", "350200"], (5000, 80000), ["qingshuihe-park"],
      ["差别化化学纤维项目"], (50000, 250000), (200, 800), (200, 500), 2)
arche("indtex", [["c08-industrial-textiles"]], [("产业用纺织品", "cyfz"), ("土工材料", "tgcl")],
      ["产业用纺织制成品制造；非织造布制造；土工合成材料制造；技术服务、技术开发；货物进出口。"],
      ["370200", "320600"], (1000, 10000), ["yining-park", "qingshuihe-park"],
      ["产业用纺织品生产项目"], (5000, 40000), (80, 300), (40, 150), 2)
arche("gold", [["c08-gold-production"], ["c08-gold-processing"], ["c08-gold-zinc"], ["c08-gold-production", "c08-gold-zinc"]],
      [("矿业", "ky"), ("黄金", "hj"), ("金银制品", "jyzp")],
      ["金矿采选；贵金属冶炼；金银制品销售；非煤矿山矿产资源开采；选矿；货物进出口。",
       "金银制品加工；珠宝首饰制造；贵金属冶炼；金属矿石销售；货物进出口。"],
      ["650100", "654000", "370100", "610100"], (2000, 50000), ["qingshuihe-park", "xpcc-park"],
      ["金锌矿综合利用项目|c08-gold-zinc", "黄金精炼及饰品加工项目|c08-gold-processing", "金矿采选扩能项目|c08-gold-production"], (20000, 150000), (100, 500), (50, 300), 4)
arche("wine", [["c08-dry-wine"], ["c08-ice-wine"], ["c08-dry-wine", "c08-ice-wine"]], [("酒庄", "jz"), ("葡萄酒业", "ptj")],
      ["酒制品生产；酒类经营；葡萄种植；农产品的生产、销售、加工、运输、贮藏；旅游开发项目策划咨询。"],
      ["654023", "654021", "650100", "370200"], (500, 20000), ["qingshuihe-park"],
      ["冰葡萄酒庄项目|c08-ice-wine", "优质干葡萄酒产业化项目|c08-dry-wine"], (5000, 60000), (40, 200), (100, 800), 4, local=True)
arche("coalchem", [["c08-coal-chemical"]], [("煤化工", "mhg"), ("能源化工", "nyhg")],
      ["煤制品制造；煤炭及制品销售；热力生产和供应；固体废物治理；化工产品生产（不含许可类化工产品）。"],
      ["650100", "610100", "410100"], (10000, 100000), ["xpcc-park", "qingshuihe-park"],
      ["煤化工循环经济产业园项目"], (100000, 500000), (300, 1500), (300, 1500), 3)
arche("tir", [["c06-tir", "c06-china-europe-truck"], ["c06-tir"], ["c06-china-europe-truck"]],
      [("国际物流", "gjwl"), ("国际运输", "gjys")],
      ["国际道路货物运输；国际货物运输代理；道路货物运输（不含危险货物）；报关业务；装卸搬运。"],
      ["654004", "650100", "410100", "500112", "610100"], (500, 10000), ["horgos-port-park", "horgos-multimodal-centre"],
      ["TIR国际道路运输分拨中心项目|c06-tir", "中欧卡航集结中心项目|c06-china-europe-truck"], (3000, 30000), (30, 200), (20, 100), 6)
arche("rail", [["c06-china-europe-rail", "c06-multimodal"], ["c06-multimodal"], ["c06-china-europe-rail"]],
      [("供应链", "gyl"), ("多式联运", "dsly"), ("陆港物流", "lgwl")],
      ["铁路运输辅助活动；国际货物运输代理；多式联运和运输代理；无船承运业务；供应链管理服务。"],
      ["654004", "650100", "320700", "410100", "500112", "610100"], (1000, 30000), ["horgos-multimodal-centre", "horgos-port-park"],
      ["中欧班列集拼集运中心项目|c06-china-europe-rail", "多式联运货物集散分拨中心项目|c06-multimodal"], (10000, 100000), (50, 300), (50, 300), 6)
arche("bonded", [["c06-bonded-warehouse"], ["c06-bonded-warehouse", "c09-bulk-storage"]], [("仓储", "cc"), ("保税物流", "bswl")],
      ["保税仓库经营；普通货物仓储服务（不含危险化学品等需许可审批的项目）；国内货物运输代理；报关业务。"],
      ["654004", "654002", "440300", "310115"], (500, 10000), ["horgos-bonded-zone", "yining-park"],
      ["保税仓储物流中心项目"], (5000, 40000), (30, 150), (30, 120), 4)
arche("coldchain", [["c06-cold-chain"], ["c09-cold-chain-logistics"], ["c06-cold-chain", "c09-cold-chain-logistics"]],
      [("冷链物流", "llwl"), ("冷链", "ll")],
      ["道路货物运输（不含危险货物）；低温仓储；冷藏车道路运输；食用农产品批发；供应链管理服务。"],
      ["654004", "654002", "650100", "410100", "370200"], (500, 10000), ["horgos-cold-chain-base", "horgos-port-park"],
      ["口岸冷链物流基地项目", "冷链仓储及配送中心项目"], (5000, 50000), (30, 200), (30, 150), 6)
arche("ecom", [["c03-cross-border-ecommerce"], ["c09-cross-border-ecommerce"], ["c03-cross-border-ecommerce", "c09-cross-border-ecommerce"]],
      [("跨境电子商务", "kjds"), ("网络科技", "wlkj"), ("电子商务", "dzsw")],
      ["互联网销售（除销售需要许可的商品）；跨境电子商务平台运营；货物进出口；海外仓储服务；国际货物运输代理。"],
      ["440300", "330100", "350200", "654004", "650100"], (100, 5000), ["horgos-iccc", "horgos-bonded-zone"],
      ["跨境电商公共服务及海外仓项目", "跨境电商运营中心项目"], (1000, 15000), (20, 150), (0, 30), 8)
arche("dutyfree", [["c03-duty-free"]], [("免税商贸", "mssm")],
      ["免税商品销售；日用百货销售；化妆品零售；珠宝首饰零售；进出口代理。"],
      ["654004", "440100", "310115"], (1000, 20000), ["horgos-iccc"],
      ["合作中心免税购物中心项目"], (5000, 50000), (50, 300), (0, 40), 2)
arche("tourism", [["c03-cross-border-tourism", "c05-tourism"], ["c05-tourism"], ["c03-cross-border-tourism"]],
      [("国际旅行社", "lxs"), ("文化旅游", "wl"), ("酒店管理", "jd")],
      ["旅游业务；入境旅游业务；旅游开发项目策划咨询；票务代理服务；会议及展览服务。",
       "酒店管理；住宿服务；餐饮服务；旅游开发项目策划咨询；游览景区管理。"],
      ["654004", "654002", "650100", "310115", "440300"], (100, 10000), ["horgos-iccc", "horgos-port-park"],
      ["跨境旅游综合体项目|c03-cross-border-tourism", "口岸商务酒店项目|c05-tourism"], (3000, 60000), (50, 400), (0, 80), 6)
arche("mice", [["c03-exhibition"]], [("会展", "hz"), ("展览服务", "zl")],
      ["会议及展览服务；组织文化艺术交流活动；广告设计、代理；展览展示设计；礼仪服务。"],
      ["650100", "440300", "330100"], (100, 2000), ["horgos-iccc"],
      ["中亚商品展会运营项目"], (500, 8000), (10, 60), (0, 20), 2)
arche("medical", [["c03-medical-wellness"], ["c03-medical-info"], ["c03-medical-training"], ["c03-medical-expo"]],
      [("健康管理", "jk"), ("医疗科技", "ylkj")],
      ["医疗服务；养老服务；健康咨询服务（不含诊疗服务）；远程健康管理服务；第二类医疗器械销售。",
       "互联网医院服务；医疗信息系统开发；医学研究和试验发展；医护人员培训；第二类医疗器械销售。"],
      ["650100", "110105", "330100", "510100"], (500, 10000), ["horgos-iccc", "horgos-port-park"],
      ["面向中亚的医疗康养中心项目|c03-medical-wellness", "跨境医疗信息平台项目|c03-medical-info", "中亚医护人员培训中心项目|c03-medical-training", "医疗器械展销中心项目|c03-medical-expo"], (3000, 40000), (30, 300), (0, 60), 6)
arche("training", [["c03-vocational-training"], ["c03-education"], ["c03-vocational-training", "c03-education"]],
      [("职业培训", "zypx"), ("教育科技", "jykj")],
      ["职业技能培训（不含需取得许可的技能培训）；教育咨询服务；语言培训；人力资源服务（不含职业中介活动）。"],
      ["654004", "650100", "320100", "420100"], (50, 2000), ["horgos-port-park", "yining-park"],
      ["中亚留学生职业技能培训基地项目"], (500, 10000), (20, 100), (0, 30), 4)
arche("energy", [["c03-power-purchase"], ["c03-gas-purchase"]], [("能源", "ny"), ("电力", "dl")],
      ["电力供应；售电业务；天然气进口与销售；燃气经营；合同能源管理；货物进出口。"],
      ["650100", "654004"], (5000, 100000), ["horgos-port-park", "horgos-iccc"],
      ["跨境购电能源合作项目|c03-power-purchase", "进口天然气储配项目|c03-gas-purchase"], (10000, 100000), (20, 100), (10, 80), 3)
arche("it", [["c05-it", "c05-digital-economy"], ["c05-it"], ["c05-digital-economy"]],
      [("信息技术", "xx"), ("数据科技", "sj"), ("软件", "rj")],
      ["软件开发；信息系统集成服务；数据处理和存储支持服务；大数据服务；人工智能应用软件开发。"],
      EAST_TECH + ["650100"], (100, 10000), ["yining-border-ecz", "horgos-port-park"],
      ["云计算数据中心项目", "面向中亚的软件研发中心项目"], (2000, 80000), (20, 300), (0, 80), 8)
arche("platform", [["c05-platform-economy"], ["c05-platform-economy", "c05-digital-economy"]],
      [("网络科技", "wl"), ("互联网", "hlw")],
      ["互联网信息服务；网络技术服务；互联网数据服务；平台运营；广告发布；供应链管理服务。"],
      ["440300", "330100", "110105", "310115"], (100, 5000), ["horgos-port-park", "horgos-iccc"],
      ["中亚贸易撮合平台项目"], (1000, 20000), (20, 150), (0, 20), 4)
arche("hq", [["c05-hq-economy"], ["c05-hq-economy", "c05-trade-logistics"]], [("投资控股", "tzkg"), ("实业", "sy")],
      ["以自有资金从事投资活动；企业总部管理；企业管理咨询；供应链管理服务；国内贸易代理。"],
      EAST_FIN + ["650100"], (5000, 100000), ["horgos-port-park"],
      ["区域总部及结算中心项目"], (5000, 50000), (20, 100), (0, 30), 4)
arche("trade", [["c05-trade-logistics"]], [("商贸", "smy"), ("贸易", "my"), ("供应链管理", "gylgl")],
      ["国内贸易代理；日用百货销售；五金产品批发；建筑材料销售；货物进出口；技术进出口。"],
      ["654004", "654002", "650100", "330100", "440100"], (100, 5000), ["horgos-port-park", "yining-logistics-park"],
      ["商贸物流园项目", "中亚日用品分拨中心项目"], (2000, 30000), (20, 200), (10, 100), 7)
arche("spot", [["c09-spot-trading"], ["c09-spot-trading", "c09-bulk-storage"], ["c09-bulk-storage"]],
      [("商品交易", "spjy"), ("国际贸易", "gjmy")],
      ["大宗商品交易市场管理；金属材料销售；化工产品销售（不含许可类化工产品）；普通货物仓储服务；市场营销策划。"],
      ["654004", "650100", "310115", "320100"], (1000, 30000), ["horgos-commodity-exchange", "horgos-port-park"],
      ["国际商品交易中心现货展示交易项目|c09-spot-trading", "大宗商品仓储中心项目|c09-bulk-storage"], (5000, 60000), (20, 200), (20, 200), 5)
arche("usedcar", [["c09-used-car-export"]], [("汽车贸易", "qcmy"), ("二手车", "esc")],
      ["二手车经纪；二手车交易市场经营；汽车销售；汽车零配件批发；货物进出口。"],
      ["654004", "500112", "410100", "370200"], (200, 5000), ["horgos-port-park", "horgos-commodity-exchange"],
      ["二手车出口交易中心项目"], (2000, 20000), (20, 100), (20, 100), 3)
arche("testing", [["c09-testing-repair"], ["c09-rnd-testing"], ["c09-testing-repair", "c09-rnd-testing"]],
      [("检测技术", "jc"), ("科技研发", "kjyf")],
      ["检验检测服务；机动车检验检测服务；通用设备修理；电子、机械设备维护（不含特种设备）。",
       "工程和技术研究和试验发展；技术服务、技术开发；检验检测服务；计量技术服务。"],
      ["650100", "320100", "420100", "440300"], (100, 5000), ["horgos-port-park", "yining-park"],
      ["进出口商品检测维修中心项目|c09-testing-repair", "研发测试公共服务平台项目|c09-rnd-testing"], (1000, 20000), (20, 150), (5, 40), 5)
arche("outsourcing", [["c09-outsourcing"], ["c09-outsourcing", "c09-services-trade"], ["c09-services-trade"]],
      [("信息服务", "xxfw"), ("服务外包", "fwwb")],
      ["业务流程外包；呼叫中心；信息技术咨询服务；翻译服务；数据处理服务；技术进出口。"],
      ["650100", "320100", "510100", "610100"], (100, 3000), ["yining-border-ecz", "horgos-port-park"],
      ["俄语及哈萨克语服务外包中心项目"], (500, 8000), (50, 400), (0, 20), 4)
arche("futures", [["c09-futures-delivery"]], [("交割仓储", "jgcc")],
      ["期货交割库经营；普通货物仓储服务；棉花仓储；粮油仓储服务；质检技术服务。"],
      ["654004", "650100", "410100"], (1000, 20000), ["horgos-port-park", "horgos-bonded-zone"],
      ["期货交割仓库项目"], (5000, 30000), (20, 80), (30, 120), 2)
arche("leasing", [["c09-finance-leasing"]], [("融资租赁", "rzzl")],
      ["融资租赁业务；租赁业务；向国内外购买租赁财产；租赁财产的残值处理及维修；租赁交易咨询。"],
      EAST_FIN, (5000, 50000), ["horgos-port-park"],
      ["融资租赁公司设立项目"], (5000, 30000), (10, 40), (0, 5), 3)
arche("fin", [["c05-finance"]], [("小额贷款", "xedk"), ("融资担保", "rzdb")],
      ["在霍尔果斯经济开发区范围内办理各项小额贷款；开展小企业发展、管理、财务等咨询业务。"],
      ["654004", "650100"], (5000, 30000), ["horgos-port-park"],
      ["普惠金融服务中心项目"], (5000, 20000), (10, 40), (0, 5), 3)
arche("pe", [["c10-private-equity"], ["c10-venture-capital"], ["c10-mna-fund"], ["c10-industry-fund"], ["c10-private-equity", "c10-mna-fund"]],
      [("股权投资管理", "gqtz"), ("创业投资", "cytz"), ("私募基金管理", "smjj")],
      ["私募股权投资基金管理、创业投资基金管理服务（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）。"],
      EAST_FIN, (1000, 20000), ["horgos-port-park"],
      ["产业投资基金落地项目", "并购基金设立项目|c10-mna-fund", "创业投资基金设立项目|c10-venture-capital"], (10000, 100000), (5, 30), (0, 2), 7)
arche("metals", [["c10-precious-metals"]], [("贵金属", "gjs")],
      ["贵金属制品销售；金银制品销售；珠宝首饰批发；供应链管理服务；货物进出口。"],
      ["440300", "310115", "654004"], (1000, 10000), ["horgos-port-park", "horgos-commodity-exchange"],
      ["贵金属交易服务中心项目"], (3000, 20000), (10, 60), (0, 10), 2)
arche("autofin", [["c10-auto-finance"]], [("汽车金融服务", "qcjr")],
      ["汽车金融信息咨询；汽车租赁；二手车经纪；融资租赁业务；以自有资金从事投资活动。"],
      ["310115", "500112", "440300"], (2000, 20000), ["horgos-port-park"],
      ["跨境汽车金融服务项目"], (5000, 30000), (10, 60), (0, 5), 2)
arche("intlfin", [["c10-intl-finance", "c10-cross-border-rmb"], ["c10-cross-border-rmb"], ["c10-intl-finance"]],
      [("跨境金融服务", "kjjr"), ("金融信息服务", "jrxx")],
      ["金融信息服务；跨境人民币结算咨询；外汇业务咨询（不含外汇交易）；企业管理咨询；信息技术咨询服务。"],
      ["654004", "650100", "310115"], (1000, 20000), ["horgos-iccc", "horgos-port-park"],
      ["跨境人民币结算服务中心项目"], (3000, 30000), (10, 80), (0, 10), 3)

# Firms written out one by one (real, foreign, state-owned, collective, ...)
SPECIAL = [
    dict(uscc="914403001922038216", name="华为技术有限公司", short="华为", name_other="Huawei Technologies Co., Ltd.",
         ownership="private", country="CN", region_code="440300", address="广东省深圳市龙岗区坂田华为总部办公楼",
         registered_capital=4104113.18,
         business_scope="程控交换机、传输设备、数据通信设备、宽带多媒体设备、电源、无线通信设备、微电子产品、软件、系统集成工程、计算机及配套设备的开发、生产、销售、技术服务。",
         website="https://www.huawei.com", notes="数字丝绸之路霍尔果斯大数据平台及5G网络建设潜在合作方；联系人待确认。",
         sectors=["c05-it", "c07-terminal-assembly", "c05-digital-economy"], contacts=[], arche="it"),
    dict(name="霍尔果斯阿拉套国际贸易有限公司", short="阿拉套", name_other="ТОО «Алатау Интернэшнл Трейд»", ownership="foreign-invested",
         country="KZ", region_code="654004", sectors=["c06-border-trade", "c06-border-trade-processing"], arche="bordertrade",
         notes="哈萨克斯坦阿拉木图投资方设立，主营互市贸易进口商品。"),
    dict(name="霍尔果斯金谷粮油有限公司", short="金谷粮油", name_other="ТОО «Алтын Дән»", ownership="foreign-invested", country="KZ",
         region_code="654004", sectors=["c05-agri-processing"], arche="agri",
         notes="进口哈萨克斯坦小麦、油菜籽，计划落地加工。"),
    dict(name="霍尔果斯草原牧歌肉类食品有限公司", short="草原牧歌", name_other="ТОО «Дала Ет Өнімдері»", ownership="foreign-invested",
         country="KZ", region_code="654004", sectors=["c06-meat"], arche="meat", notes=None),
    dict(name="霍尔果斯丝路快线国际物流有限公司", short="丝路快线", name_other="ТОО «Жібек Жолы Экспресс»", ownership="foreign-invested",
         country="KZ", region_code="654004", sectors=["c06-tir", "c06-china-europe-truck"], arche="tir",
         notes="拥有TIR证车辆40余台，往返阿拉木图、塔什干。"),
    dict(name="霍尔果斯阿斯塔纳数字贸易有限公司", short="阿斯塔纳数字贸易", name_other="ТОО «Астана Цифровая Торговля»", ownership="foreign-invested",
         country="KZ", region_code="654004", sectors=["c03-cross-border-ecommerce"], arche="ecom", notes=None),
    dict(name="霍尔果斯中哈能源合作有限公司", short="中哈能源", name_other="ТОО «Казахстанско-Китайское энергетическое сотрудничество»",
         ownership="joint-venture", country="KZ", region_code="654004", sectors=["c03-power-purchase"], arche="energy",
         notes="中哈合资，中方控股51%。"),
    dict(name="霍尔果斯西伯利亚食品有限公司", short="西伯利亚食品", name_other="ООО «Сибирские Продукты»", ownership="foreign-invested",
         country="RU", region_code="654004", sectors=["c06-border-trade-processing"], arche="bordertrade",
         notes="俄罗斯新西伯利亚投资方，主营巧克力、糖果进口分装。"),
    dict(name="霍尔果斯乌拉尔金属贸易有限公司", short="乌拉尔金属", name_other="ООО «Урал Металл Трейд»", ownership="foreign-invested",
         country="RU", region_code="654004", sectors=["c09-spot-trading"], arche="spot", notes=None),
    dict(name="霍尔果斯贝加尔化妆品有限公司", short="贝加尔", name_other="ООО «Байкал Косметикс»", ownership="foreign-invested",
         country="RU", region_code="654004", sectors=["c06-cosmetics"], arche="cosmetics", notes=None),
    dict(name="霍尔果斯伏尔加汽车贸易有限公司", short="伏尔加汽车", name_other="ООО «Волга Авто Экспорт»", ownership="foreign-invested",
         country="RU", region_code="654004", sectors=["c09-used-car-export"], arche="usedcar",
         notes="二手车出口资质企业，主要市场为俄罗斯、哈萨克斯坦。"),
    dict(name="霍尔果斯德瑞精密机械有限公司", short="德瑞精密", name_other="Horgos DeRui Präzisionstechnik GmbH", ownership="foreign-invested",
         country="DE", region_code="654004", sectors=["c05-machining", "c07-high-end-equipment"], arche="machining", notes=None),
    dict(name="伊宁市莱茵医用材料有限公司", short="莱茵", name_other="Rhein Medizintextil (Yining) GmbH", ownership="foreign-invested",
         country="DE", region_code="654002", sectors=["c07-medical-textiles"], arche="medtex", notes=None),
    dict(name="霍尔果斯撒马尔罕棉业有限公司", short="撒马尔罕", name_other="Samarqand Paxta MChJ", ownership="foreign-invested",
         country="UZ", region_code="654004", sectors=["c08-cotton-spinning"], arche="cotton",
         notes="乌兹别克斯坦棉纱进口及加工。"),
    dict(name="霍尔果斯港联国际供应链有限公司", short="港联", name_other="Horgos Ganglian International Supply Chain Co., Ltd.",
         ownership="hmt-invested", country="HK", region_code="654004", sectors=["c06-bonded-warehouse", "c09-bulk-storage"],
         arche="bonded", notes=None),
    dict(name="霍尔果斯港汇金融信息服务有限公司", short="港汇", name_other="Horgos Harbour Link Financial Information Services Ltd.",
         ownership="hmt-invested", country="HK", region_code="654004", sectors=["c10-offshore-rmb", "c10-cross-border-rmb"],
         arche="intlfin", notes="香港母公司开展离岸人民币业务，拟在霍尔果斯设立服务中心。"),
    dict(name="霍尔果斯嘉信创业投资有限公司", short="嘉信", name_other="Horgos Ka Shun Venture Capital Ltd.", ownership="hmt-invested",
         country="HK", region_code="654004", sectors=["c10-venture-capital"], arche="pe", notes=None),
    dict(name="伊宁市锦绣针织有限公司", short="锦绣针织", name_other="Kam Sau Knitting (Yining) Ltd.", ownership="hmt-invested",
         country="HK", region_code="654002", sectors=["c08-knitting"], arche="knit", notes=None),
    dict(name="新疆丝路陆港集团有限公司", short="丝路陆港", ownership="state-owned", country="CN", region_code="650100",
         sectors=["c06-china-europe-rail", "c06-multimodal"], arche="rail", notes="自治区国有企业，中欧班列运营平台。"),
    dict(name="霍尔果斯丝路产业投资集团有限公司", short="丝路产投", ownership="state-owned", country="CN", region_code="654004",
         sectors=["c10-industry-fund", "c05-hq-economy"], arche="pe", notes="开发区国有平台公司，管理产业引导基金。"),
    dict(name="霍尔果斯口岸能源有限公司", short="口岸能源", ownership="state-owned", country="CN", region_code="654004",
         sectors=["c03-gas-purchase"], arche="energy", notes=None),
    dict(name="伊犁河谷黄金矿业有限责任公司", short="伊犁河谷", ownership="state-owned", country="CN", region_code="654000",
         sectors=["c08-gold-production", "c08-gold-zinc"], arche="gold", notes=None),
    dict(name="新疆天汇金融租赁股份有限公司", short="天汇", ownership="state-owned", country="CN", region_code="650100",
         sectors=["c10-financial-leasing"], arche="leasing", notes="拟在霍尔果斯设立项目公司开展飞机、农机租赁。"),
    dict(name="苏州苏伊飞地园区开发建设有限公司", short="苏伊", ownership="state-owned", country="CN", region_code="320500",
         sectors=["c05-hq-economy", "c05-machining"], arche="hq", notes="援疆省市飞地园区开发主体，自主开发建设、自主经营管理。"),
    dict(name="伊犁冷链物流集团有限公司", short="伊犁", ownership="state-owned", country="CN", region_code="654002",
         sectors=["c06-cold-chain", "c09-cold-chain-logistics"], arche="coldchain", notes=None),
    dict(name="霍城县芦草沟镇薰衣草精油加工厂", short="芦草沟", ownership="collective", country="CN", region_code="654023",
         sectors=["c07-plant-extraction"], arche="extract", notes="镇集体企业，薰衣草种植户入股。"),
    dict(name="伊宁县墩麻扎镇农副产品加工厂", short="墩麻扎", ownership="collective", country="CN", region_code="654021",
         sectors=["c08-agri-sideline-processing"], arche="agri", notes=None),
    dict(name="霍城县惠远镇馕坑食品厂", short="惠远馕坑", ownership="collective", country="CN", region_code="654023",
         sectors=["c05-naan-food", "c08-naan"], arche="naan", notes=None),
    dict(name="霍尔果斯远山股权投资合伙企业（有限合伙）", short="远山", ownership="other", country="CN", region_code="654004",
         sectors=["c10-private-equity", "c10-mna-fund"], arche="pe", notes=None),
    dict(name="伊宁市天马职业技能培训学校有限公司", short="天马职校", ownership="other", country="CN", region_code="654002",
         sectors=["c03-vocational-training"], arche="training", notes=None),
    dict(name="霍尔果斯中德汽车检测维修有限公司", short="中德检测", name_other="Horgos Sino-German Kfz-Prüfung und Service GmbH",
         ownership="joint-venture", country="DE", region_code="654004", sectors=["c09-testing-repair"], arche="testing",
         notes=None),
    dict(name="霍尔果斯丝路馕业有限公司", short="丝路馕业", ownership="private", country="CN", region_code="654004",
         sectors=["c05-naan-food", "c08-naan"], arche="naan", notes="馕产业园首批入园企业，产品出口哈萨克斯坦。"),
]

ARCHE = {a["key"]: a for a in A}
for s in SPECIAL:
    check(s["arche"] in ARCHE, "unknown archetype %s" % s["arche"])

# ---------------------------------------------------------------------------
# Firms

firms = []
names_used = set()


def pick_scope(a, special=None):
    scope = rng.choice(a["scopes"])
    if len(scope) + len(LICENCE) <= 120:
        scope += LICENCE
    return scope


def address_for(region):
    prefix, addr, streets, _area = CITIES[region] if region in CITIES else (None, None, None, None)
    if region == "654000":
        return "新疆伊犁州伊宁市解放路%d号" % rng.randint(10, 400)
    street = rng.choice(streets)
    if street.endswith("区") or street.endswith("中方区"):
        return "%s%s%d号" % (addr, street, rng.randint(1, 88))
    return "%s%s%d号" % (addr, street, rng.randint(1, 999))


def area_code(region):
    if region == "654000":
        return "0999"
    return CITIES[region][3]


def contacts_for(country, region, domain, local, n):
    out = []
    for i in range(n):
        if country in ("KZ", "RU", "DE", "UZ") and i == 0:
            pool = {"KZ": KZ_PEOPLE, "RU": RU_PEOPLE, "DE": DE_PEOPLE, "UZ": UZ_PEOPLE}[country]
            name, login = rng.choice(pool)
            title = rng.choice(FOREIGN_TITLES[country])
            phone = foreign_phone(country)
        elif country == "HK" and i == 0:
            name, login = rng.choice(HK_PEOPLE)
            title = rng.choice(FOREIGN_TITLES["HK"])
            phone = foreign_phone("HK")
        else:
            name, login = cn_person(local)
            title = TITLES[min(i * 3 + rng.randint(0, 2), len(TITLES) - 1)] if i else rng.choice(TITLES[:4])
            if country != "CN" and i:
                title = rng.choice(["行政经理", "翻译兼行政主管", "财务经理"])
            phone = mobile() if rng.random() < 0.7 else landline(area_code(region))
        if any(c["name"] == name for c in out):
            continue
        out.append({"name": name, "title": title, "phone": phone, "email": "%s@%s" % (login, domain)})
    return out


def new_firm(a, sectors=None, region=None, ownership="private", country="CN", name=None, name_other=None,
             notes=None, short=None):
    if region is None:
        region = rng.choice(a["origins"])
    zihao_pool = ZIHAO_XJ if (region.startswith("65") or a["local"] and rng.random() < 0.5) else ZIHAO
    for _ in range(1000):
        zh, zpy = rng.choice(zihao_pool)
        word, wpy = rng.choice(a["words"])
        if name is None or name in names_used:
            prefix = CITIES[region][0] if region in CITIES else "伊犁"
            suffix = "股份有限公司" if rng.random() < 0.12 else "有限责任公司" if rng.random() < 0.1 else "有限公司"
            cand = prefix + zh + word + suffix
        else:
            cand = name
        if cand not in names_used:
            break
    else:
        fail("cannot make a unique firm name for %s" % a["key"])
    names_used.add(cand)
    domain = "%s%s.example.com" % (zpy, wpy)
    lo, hi = a["capital"]
    capital = float(round(rng.uniform(lo, hi) / 10) * 10) if hi >= 1000 else float(rng.randint(lo, hi))
    local = region in LOCAL or region.startswith("65")
    firm = {
        "uscc": make_uscc(region, newer=rng.random() < 0.75),
        "name": cand,
        "name_other": name_other,
        "ownership": ownership,
        "country": country,
        "region_code": region,
        "address": address_for(region),
        "registered_capital": capital,
        "business_scope": pick_scope(a),
        "website": ("https://www.%s" % domain) if rng.random() < 0.25 else None,
        "notes": notes,
        "sectors": list(sectors if sectors is not None else rng.choice(a["sectors"])),
        "contacts": contacts_for(country, region, domain, local, rng.choice([1, 1, 2, 2, 2, 3])),
        "_arche": a["key"],
        "_short": short if short else zh,
    }
    firms.append(firm)
    return firm


for s in SPECIAL:
    a = ARCHE[s["arche"]]
    if "uscc" in s:
        check(uscc_valid(s["uscc"]), "special USCC %s invalid" % s["uscc"])
        used_uscc.add(s["uscc"])
        f = {k: v for k, v in s.items() if k != "arche"}
        f["_arche"] = s["arche"]
        f["_short"] = s["short"]
        del f["short"]
        names_used.add(f["name"])
        firms.append(f)
    else:
        new_firm(a, sectors=s["sectors"], region=s["region_code"], ownership=s["ownership"], country=s["country"],
                 name=s["name"], name_other=s.get("name_other"), notes=s.get("notes"), short=s["short"])

# every leaf sector appears at least once, then fill by archetype weight
covered = {c for f in firms for c in f["sectors"]}
for leaf in LEAVES:
    if leaf in covered:
        continue
    for a in A:
        opts = [o for o in a["sectors"] if leaf in o]
        if opts:
            new_firm(a, sectors=rng.choice(opts))
            covered.update(firms[-1]["sectors"])
            break
    else:
        fail("no archetype covers sector %s" % leaf)

weights = [a["count"] for a in A]
FIRM_NOTES = ["援疆省市推荐企业。", "企业负责人参加过中国—亚欧商品贸易博览会。", "关注中欧班列运力和回程货源。",
              "已在哈萨克斯坦设有销售网点。", "关注标准化厂房租金和用工成本。", "计划将西北区域结算中心设在霍尔果斯。",
              "产品主要出口中亚五国。", "希望享受综合保税区一般纳税人资格试点政策。", "对“人才+资金+项目”模式感兴趣。"]
while len(firms) < 200:
    a = rng.choices(A, weights=weights)[0]
    new_firm(a, notes=rng.choice(FIRM_NOTES) if rng.random() < 0.3 else None)

check(len(firms) == 200, "expected 200 firms, got %d" % len(firms))

# several 馕 firms, one 华为
check(sum("馕" in f["name"] for f in firms) >= 5, "too few 馕 firms")
check(any("华为" in f["name"] for f in firms), "no 华为 firm")

# ---------------------------------------------------------------------------
# Staff

staff = [
    {"name": "李娜", "role": "admin", "park": None},
    {"name": "阿依古丽·吐尔逊", "role": "staff", "park": "horgos-port-park"},
    {"name": "王建军", "role": "staff", "park": "yining-park"},
    {"name": "努尔兰·别克", "role": "staff", "park": "horgos-iccc"},
    {"name": "张伟", "role": "staff", "park": "qingshuihe-park"},
    {"name": "陈晓燕", "role": "staff", "park": "horgos-bonded-zone"},
    {"name": "马国栋", "role": "staff", "park": "xpcc-park"},
    {"name": "刘洋", "role": "viewer", "park": None},
]
WORKERS = [s["name"] for s in staff if s["role"] != "viewer"]


def owner_for(park):
    anc = park_ancestors(park)
    for code in anc:
        for s in staff:
            if s["role"] == "staff" and s["park"] == code:
                return s["name"]
    return rng.choice(["李娜", "阿依古丽·吐尔逊"])


# ---------------------------------------------------------------------------
# Projects

STAGES = ["lead", "contacted", "site-visit", "negotiating", "signed", "registered",
          "under-construction", "in-production"]
SETTLED = STAGES[5:]
PLAN = (["lead"] * 5 + ["contacted"] * 6 + ["site-visit"] * 6 + ["negotiating"] * 6 + ["signed"] * 5 +
        ["registered"] * 5 + ["under-construction"] * 5 + ["in-production"] * 6 + ["dormant"] * 3 + ["lost"] * 3)
check(len(PLAN) == 50, "stage plan must have 50 entries")
LOST_REASONS = ["企业最终选择在哈萨克斯坦阿拉木图落地，看重当地市场准入和税收政策。",
                "企业综合测算物流和运营成本后不及预期，转投其他地区。",
                "母公司资金链紧张，取消西部地区投资计划。"]
DORMANT_NOTES = ["企业因海外订单下滑暂缓投资计划，约定明年一季度再联系。",
                 "项目用地需调整规划，企业暂停推进，等待规划修编完成。",
                 "企业高层变动，投资决策暂停。"]
CHANNELS = (["direct"] * 11 + ["referral"] * 8 + ["fair"] * 8 + ["agency"] * 6 + ["flying-zone"] * 7 +
            ["incubation"] * 4 + ["online"] * 4 + ["other"] * 2)
check(len(CHANNELS) == 50, "channel plan must have 50 entries")

# candidate firms: not the SOE platforms or funds that would not bring a project
candidates = [f for f in firms if f["_arche"] not in ("pe", "fin") or rng.random() < 0.2]
rng.shuffle(candidates)
# flying-zone projects come from counterpart-aid (Jiangsu) firms
jiangsu_firms = [f for f in candidates if f["region_code"][:2] == "32"]
check(len(jiangsu_firms) >= 7, "too few Jiangsu firms for flying-zone projects")
local_firms = [f for f in firms if f["region_code"][:2] == "65"]

rng.shuffle(PLAN)
channels = list(CHANNELS)
rng.shuffle(channels)
# make sure flying-zone and referral projects sit on sensible stages is not needed; any stage is fine

projects = []
project_firms = []
used_for_project = set()
jz = iter(jiangsu_firms)
TECH = ("components", "terminals", "semis", "emat", "biopharma", "it", "platform", "testing", "outsourcing", "ecom",
        "medical", "biobased", "carbon")
inc = iter([f for f in candidates if f["region_code"][:2] != "32" and f["_arche"] in TECH])
others = iter([f for f in candidates if f["region_code"][:2] != "32" and f["_arche"] not in TECH or
               f["region_code"][:2] != "32" and rng.random() < 0.5])


def round_to(x, step):
    return float(round(x / step) * step)


for i in range(50):
    channel = channels[i]
    stage = PLAN[i]
    if channel == "flying-zone":
        firm = next(jz)
    elif channel == "incubation":
        firm = next(inc)
        while firm["uscc"] in used_for_project:
            firm = next(inc)
    else:
        firm = next(others)
        while firm["uscc"] in used_for_project:
            firm = next(others)
    used_for_project.add(firm["uscc"])
    a = ARCHE[firm["_arche"]]
    park = rng.choice(a["parks"])
    if channel == "flying-zone" and park not in ("qingshuihe-park", "yining-park"):
        park = rng.choice(["qingshuihe-park", "yining-park"])
    if stage == "lost":
        path = STAGES[:rng.randint(2, 4)] + ["lost"]
    elif stage == "dormant":
        path = STAGES[:rng.randint(2, 3)] + ["dormant"]
    else:
        path = STAGES[:STAGES.index(stage) + 1]
    lo, hi = a["invest"]
    planned = round_to(rng.uniform(lo, hi), 100)
    if stage in SETTLED:
        share = {"registered": (0.0, 0.08), "under-construction": (0.15, 0.6), "in-production": (0.65, 1.0)}[stage]
        realised = round_to(planned * rng.uniform(*share), 10)
        if stage != "registered" and realised <= 0:
            realised = 10.0
    else:
        realised = 0.0
    realised = min(realised, planned)
    jlo, jhi = a["jobs"]
    llo, lhi = a["land"]
    land = 0.0 if lhi == 0 else round(rng.uniform(llo, lhi), 1)
    sectors = firm["sectors"][:rng.randint(1, len(firm["sectors"]))]
    fitting = [t.split("|")[0] for t in a["projects"] if "|" not in t or t.split("|")[1] in sectors]
    if not fitting:
        fitting = [t.split("|")[0] for t in a["projects"]]
    title = firm["_short"] + rng.choice(fitting)
    if firm["uscc"] == "914403001922038216":
        title = "华为数字丝绸之路霍尔果斯大数据平台项目"
        park = "yining-border-ecz"
        channel = "direct"
    elif firm["name"].startswith("苏州苏伊飞地园区"):
        title = "苏伊产业园（飞地园区）开发建设项目"
        park = "qingshuihe-park"
        land = round(rng.uniform(800, 1500), 1)
        planned = 200000.0
    proj = {
        "firm_uscc": firm["uscc"],
        "title": title,
        "sectors": sectors,
        "park": park,
        "stages": path,
        "lost_reason": rng.choice(LOST_REASONS) if stage == "lost" else None,
        "planned_investment": planned,
        "realised_investment": realised,
        "planned_jobs": rng.randint(jlo, jhi) if planned != 200000.0 else 2000,
        "land_mu": land,
        "source_channel": channel,
        "referrer_uscc": None,
        "owner": owner_for(park),
        "clause": SECTORS[sectors[0]]["clause"],
    }
    if stage == "lost":
        LOST_REASONS.remove(proj["lost_reason"])
    projects.append(proj)
    project_firms.append(firm)

# Huawei gets a project when it was not drawn
if not any(p["firm_uscc"] == "914403001922038216" for p in projects):
    idx = next(i for i, p in enumerate(projects) if p["stages"][-1] == "contacted" and p["source_channel"] == "direct"
               ) if any(p["stages"][-1] == "contacted" and p["source_channel"] == "direct" for p in projects) else \
        next(i for i, p in enumerate(projects) if p["stages"][-1] in ("contacted", "site-visit", "lead"))
    hw = next(f for f in firms if f["uscc"] == "914403001922038216")
    p = projects[idx]
    p.update({"firm_uscc": hw["uscc"], "title": "华为数字丝绸之路霍尔果斯大数据平台项目", "sectors": ["c05-digital-economy", "c05-it"],
              "park": "yining-border-ecz", "planned_investment": 50000.0, "realised_investment": 0.0, "planned_jobs": 120,
              "land_mu": 60.0, "owner": owner_for("yining-border-ecz"), "clause": 5, "source_channel": "direct",
              "referrer_uscc": None})
    project_firms[idx] = hw
    hw["sectors"] = ["c05-it", "c05-digital-economy", "c07-terminal-assembly"]

# referrers: firms already settled here (a local firm or one whose project is in production)
settled_uscc = [p["firm_uscc"] for p in projects if p["stages"][-1] in ("under-construction", "in-production")]
referrer_pool = settled_uscc + [f["uscc"] for f in local_firms]
for p in projects:
    if p["source_channel"] == "referral":
        choices = [u for u in referrer_pool if u != p["firm_uscc"]]
        p["referrer_uscc"] = rng.choice(choices)

# ---------------------------------------------------------------------------
# Activities

D0 = datetime.date(2026, 6, 1)
D1 = datetime.date(2026, 11, 27)
TODAY = datetime.date(2026, 11, 28)
LATE = datetime.date(2026, 9, 20)
PARK_NAME = {c: p["name"] for c, p in PARKS.items()}
FIRM_BY_USCC = {f["uscc"]: f for f in firms}
FAIRS = ["霍尔果斯经济开发区（苏州）招商推介会", "霍尔果斯经济开发区（深圳）产业链招商对接会",
         "援疆省市产业转移对接会", "中亚国家商协会经贸洽谈会", "跨境电商产业招商对接会（杭州）"]


def kind_for(stage):
    return {
        "lead": ["email", "call", "fair"],
        "contacted": ["call", "email", "meeting"],
        "site-visit": ["visit"],
        "negotiating": ["meeting", "meeting", "call"],
        "signed": ["meeting"],
        "registered": ["visit", "call"],
        "under-construction": ["visit"],
        "in-production": ["visit", "meeting"],
        "dormant": ["call", "email"],
        "lost": ["call"],
    }[stage]


def note_for(stage, kind, p, firm):
    park = PARK_NAME[p["park"]]
    contact = firm["contacts"][0]["name"] if firm["contacts"] else "企业负责人"
    if kind == "fair":
        return "在%s上与企业接洽，介绍%s产业政策，企业有意在当地布局。" % (rng.choice(FAIRS), park)
    if stage == "lead":
        return rng.choice(["获得项目线索，发送园区招商手册及%s产业政策汇编。" % park,
                           "经%s介绍获悉企业有西向出口布局需求，已建档跟进。" % ("商会" if p["source_channel"] != "referral" else "已落户企业")])
    if stage == "contacted":
        return rng.choice(["与%s电话沟通，企业关注物流成本、用工和出口通关便利度。" % contact,
                           "向企业发送“一区四园”产业定位及标准化厂房资料，约定安排实地考察。",
                           "与企业投资部门视频会谈，初步了解项目规模和用地需求。"])
    if stage == "site-visit":
        return rng.choice(["陪同企业考察%s标准化厂房及配套设施，企业对区位和通关条件较满意。" % park,
                           "企业一行到%s实地考察，参观已落户企业并座谈。" % park])
    if stage == "negotiating":
        return rng.choice(["就用地约%.0f亩、厂房租金减免及设备补贴进行谈判，待企业董事会决策。" % max(p["land_mu"], 1),
                           "讨论投资协议条款，企业要求明确用电价格和铁路专用线使用安排。",
                           "与企业法务核对投资协议文本，约定下次会谈时间。"])
    if stage == "signed":
        return "举行项目签约仪式，签订投资协议，计划总投资%.0f万元。" % p["planned_investment"]
    if stage == "registered":
        return rng.choice(["协助企业完成注册登记，“多证合一”一次办结。",
                           "走访企业，了解开户及税务登记进展，协调书面承诺容缺办理。"])
    if stage == "under-construction":
        return rng.choice(["项目开工，走访施工现场，协调用水用电接入，重点项目联审联批。",
                           "检查施工进度，企业反映建材运输紧张，已协调相关部门。"])
    if stage == "in-production":
        return rng.choice(["项目投产，开展“一对一”跟踪服务，了解用工和出口通关情况。",
                           "走访企业生产车间，企业计划明年扩产，关注人才引进政策。"])
    if stage == "dormant":
        return rng.choice(DORMANT_NOTES)
    if stage == "lost":
        return "电话回访确认：%s" % p["lost_reason"]
    raise ValueError(stage)


def rand_date(lo, hi):
    return lo + datetime.timedelta(days=rng.randint(0, (hi - lo).days))


activities = []
for idx, p in enumerate(projects):
    firm = FIRM_BY_USCC[p["firm_uscc"]]
    path = p["stages"]
    # activities cover the last few steps of the path that fall in 2026-06..11
    steps = path[-rng.randint(1, min(4, len(path))):]
    if path[-1] in ("lead",):
        steps = ["lead"]
    dates = sorted(rand_date(D0, D1) for _ in steps)
    if path[-1] not in ("lost", "dormant") and dates[-1] < LATE:
        # the latest contact with a live project is recent
        dates[-1] = rand_date(LATE, D1)
    for j, (st, d) in enumerate(zip(steps, dates)):
        kind = rng.choice(kind_for(st))
        who = p["owner"] if rng.random() < 0.8 else rng.choice(WORKERS)
        last = j == len(steps) - 1
        follow = None
        if last and path[-1] != "lost":
            if path[-1] == "dormant":
                follow = datetime.date(2027, rng.choice([2, 3]), rng.randint(1, 28))
            else:
                follow = d + datetime.timedelta(days=rng.randint(7, 60))
        elif not last and rng.random() < 0.15:
            follow = d + datetime.timedelta(days=rng.randint(5, 20))
            if follow > dates[j + 1]:
                follow = dates[j + 1]
        activities.append({"firm_uscc": p["firm_uscc"], "project_index": idx, "kind": kind, "date": d.isoformat(),
                           "who": who, "notes": note_for(st, kind, p, firm),
                           "next_follow_up": follow.isoformat() if follow else None})

FIRM_LEVEL = [
    ("call", "电话联系企业，介绍霍尔果斯经济开发区产业政策及综合保税区功能，企业表示将内部研究。"),
    ("email", "发送《霍尔果斯经济开发区投资指南》及“两霍两伊”产业布局资料。"),
    ("fair", "在{fair}上交换名片，企业关注向西出口通道。"),
    ("meeting", "与企业座谈，了解现有中亚业务及扩大出口的打算。"),
    ("visit", "登门走访企业，征求对营商环境的意见，企业反映办事流程已明显简化。"),
    ("call", "回访企业，了解“最多跑一次”改革落实情况及用工需求。"),
]
no_project = [f for f in firms if f["uscc"] not in used_for_project and f["uscc"] != "914403001922038216"]
rng.shuffle(no_project)
target = 150
k = 0
while len(activities) < target:
    firm = no_project[k % len(no_project)]
    k += 1
    kind, note = rng.choice(FIRM_LEVEL)
    d = rand_date(D0, D1)
    follow = d + datetime.timedelta(days=rng.randint(10, 90)) if rng.random() < 0.4 else None
    activities.append({"firm_uscc": firm["uscc"], "project_index": None, "kind": kind, "date": d.isoformat(),
                       "who": rng.choice(WORKERS), "notes": note.replace("{fair}", rng.choice(FAIRS)),
                       "next_follow_up": follow.isoformat() if follow else None})

activities.sort(key=lambda a: (a["date"], a["firm_uscc"]))

# ---------------------------------------------------------------------------
# Checks: every reference resolves

staff_names = [s["name"] for s in staff]
check(6 <= len(staff) <= 8, "staff count")
check(len(set(staff_names)) == len(staff_names), "duplicate staff names")
for s in staff:
    check(s["role"] in ("admin", "staff", "viewer"), "bad role %r" % s["role"])
    check(s["park"] is None or s["park"] in PARKS, "staff %s: unknown park %r" % (s["name"], s["park"]))

OWNERSHIPS = {"private", "state-owned", "foreign-invested", "hmt-invested", "collective", "joint-venture", "other"}
uscc_list = [f["uscc"] for f in firms]
check(len(set(uscc_list)) == 200, "USCCs not unique")
check(len({f["name"] for f in firms}) == 200, "firm names not unique")
for f in firms:
    check(uscc_valid(f["uscc"]), "invalid USCC %s" % f["uscc"])
    check(f["uscc"][2:8] == f["region_code"], "USCC region mismatch for %s" % f["name"])
    check(len(f["region_code"]) == 6 and f["region_code"].isdigit(), "bad region code %r" % f["region_code"])
    check(f["ownership"] in OWNERSHIPS, "bad ownership %r" % f["ownership"])
    check(len(f["country"]) == 2 and f["country"].isupper(), "bad country %r" % f["country"])
    check(40 <= len(f["business_scope"]) <= 120, "business scope length %d for %s" % (len(f["business_scope"]), f["name"]))
    check(f["sectors"], "firm %s has no sector" % f["name"])
    for c in f["sectors"]:
        check(c in SECTORS, "firm %s: unknown sector %r" % (f["name"], c))
        check(c in LEAVES, "firm %s: sector %r is a group row" % (f["name"], c))
    check(f["registered_capital"] > 0, "capital")
    check(f["website"] is None or f["website"].startswith("https://"), "website")
    if f["ownership"] in ("foreign-invested", "hmt-invested", "joint-venture"):
        check(f["country"] != "CN", "foreign firm %s with country CN" % f["name"])

firm_set = set(uscc_list)
check(len(projects) == 50, "expected 50 projects")
final_stages = [p["stages"][-1] for p in projects]
for st in STAGES + ["dormant", "lost"]:
    check(st in final_stages, "no project at stage %s" % st)
for i, p in enumerate(projects):
    check(p["firm_uscc"] in firm_set, "project %d: unknown firm" % i)
    check(p["park"] in PARKS, "project %d: unknown park %r" % (i, p["park"]))
    check(p["owner"] in staff_names and p["owner"] in WORKERS, "project %d: bad owner %r" % (i, p["owner"]))
    firm = FIRM_BY_USCC[p["firm_uscc"]]
    for c in p["sectors"]:
        check(c in SECTORS and c in LEAVES, "project %d: bad sector %r" % (i, c))
        check(c in firm["sectors"], "project %d: sector %s not among the firm's" % (i, c))
    path = p["stages"]
    check(path[0] == "lead", "project %d: path must start at lead" % i)
    main = [s for s in path if s in STAGES]
    check(main == STAGES[:len(main)], "project %d: path out of order %r" % (i, path))
    check(all(s in STAGES for s in path[:-1]), "project %d: dormant/lost only at the end" % i)
    check(path[-1] in STAGES + ["dormant", "lost"], "project %d: bad stage" % i)
    check((path[-1] == "lost") == bool(p["lost_reason"]), "project %d: lost_reason rule" % i)
    check(0 <= p["realised_investment"] <= p["planned_investment"], "project %d: realised > planned" % i)
    if p["realised_investment"] > 0:
        check(path[-1] in SETTLED, "project %d: realised investment before registration" % i)
    check(p["source_channel"] in {"direct", "referral", "fair", "agency", "flying-zone", "incubation", "online", "other"},
          "project %d: bad channel" % i)
    if p["source_channel"] == "referral":
        check(p["referrer_uscc"] in firm_set and p["referrer_uscc"] != p["firm_uscc"], "project %d: bad referrer" % i)
    else:
        check(p["referrer_uscc"] is None, "project %d: referrer without referral" % i)
    check(isinstance(p["clause"], int) and 1 <= p["clause"] <= 22, "project %d: clause" % i)

check(130 <= len(activities) <= 170, "activity count %d" % len(activities))
due_before = due_after = 0
for a in activities:
    check(a["firm_uscc"] in firm_set, "activity: unknown firm")
    check(a["who"] in WORKERS, "activity: unknown staff %r" % a["who"])
    check(a["kind"] in ("visit", "call", "meeting", "fair", "email"), "activity kind")
    d = datetime.date.fromisoformat(a["date"])
    check(D0 <= d <= D1, "activity date %s out of range" % a["date"])
    if a["project_index"] is not None:
        check(0 <= a["project_index"] < len(projects), "activity: bad project index")
        check(projects[a["project_index"]]["firm_uscc"] == a["firm_uscc"], "activity: project of another firm")
    if a["next_follow_up"]:
        nf = datetime.date.fromisoformat(a["next_follow_up"])
        check(nf >= d, "follow-up before the activity")
        if nf < TODAY:
            due_before += 1
        else:
            due_after += 1
check(due_before >= 5 and due_after >= 5, "follow-ups: %d before, %d after %s" % (due_before, due_after, TODAY))

# ---------------------------------------------------------------------------
for f in firms:
    del f["_arche"]

out = {"staff": staff, "firms": firms, "projects": projects, "activities": activities}
with open(OUTPUT, "w", encoding="utf-8") as fp:
    json.dump(out, fp, ensure_ascii=False, indent=2)
    fp.write("\n")
print("wrote %s: %d staff, %d firms, %d projects, %d activities (follow-ups due before %s: %d, after: %d)" % (
    OUTPUT, len(staff), len(firms), len(projects), len(activities), TODAY, due_before, due_after))
