"""Static tables for the demo-data generator: names, places, sites, programs, distributions.

Everything here is invented or public reference data; no real person appears. The county codes
are real GB/T 2260 codes (edition 2022-10-31, see resources/divisions/areas.csv), chosen
so that a resident ID number with that birthplace validates in ``stdnum.cn.ric`` for every birth
year from 2005 onwards (Bijie's codes, for instance, changed in 2011 and are avoided).
Weights are relative; only their ratios matter.
"""

from __future__ import annotations

from typing import Any


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# fmt: off
# --- surnames -------------------------------------------------------------------------------
# Approximate shares in per mille of the population (public surname rankings, rounded). The
# tail adds surnames whose reading differs when used as a surname (单 Shan, 区 Ou, 查 Zha, ...)
# and compound surnames, so that pinyin search is exercised.
HAN_SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 71.0), ("李", 70.0), ("张", 67.0), ("刘", 54.0), ("陈", 45.0), ("杨", 31.0),
    ("黄", 23.0), ("赵", 22.5), ("吴", 20.0), ("周", 19.0), ("徐", 17.0), ("孙", 15.0),
    ("马", 15.0), ("朱", 13.0), ("胡", 13.0), ("郭", 12.0), ("何", 12.0), ("林", 10.0),
    ("高", 10.0), ("罗", 9.0), ("郑", 8.0), ("梁", 8.0), ("谢", 7.0), ("宋", 7.0), ("唐", 7.0),
    ("许", 6.0), ("韩", 6.0), ("邓", 6.0), ("冯", 6.0), ("曹", 6.0), ("彭", 5.0), ("曾", 5.0),
    ("肖", 5.0), ("田", 5.0), ("董", 5.0), ("潘", 4.0), ("袁", 4.0), ("蔡", 4.0), ("蒋", 4.0),
    ("余", 4.0), ("于", 4.0), ("杜", 4.0), ("叶", 4.0), ("程", 4.0), ("魏", 3.0), ("苏", 3.0),
    ("吕", 3.0), ("丁", 3.0), ("任", 3.0), ("卢", 3.0), ("姚", 3.0), ("沈", 3.0), ("钟", 3.0),
    ("姜", 3.0), ("崔", 3.0), ("谭", 3.0), ("陆", 3.0), ("范", 2.0), ("汪", 2.0), ("廖", 2.0),
    ("石", 2.0), ("金", 2.0), ("韦", 2.0), ("贾", 2.0), ("夏", 2.0), ("付", 2.0), ("方", 2.0),
    ("邹", 2.0), ("熊", 2.0), ("白", 2.0), ("孟", 2.0), ("秦", 2.0), ("邱", 2.0), ("侯", 2.0),
    ("江", 2.0), ("尹", 2.0), ("薛", 1.5), ("闫", 1.5), ("段", 1.5), ("雷", 1.5), ("龙", 1.5),
    ("黎", 1.5), ("史", 1.5), ("陶", 1.5), ("贺", 1.5), ("毛", 1.5), ("郝", 1.5), ("顾", 1.5),
    ("龚", 1.5), ("邵", 1.5), ("万", 1.0), ("覃", 1.0), ("武", 1.0), ("钱", 1.0), ("戴", 1.0),
    ("严", 1.0), ("莫", 1.0), ("孔", 1.0), ("向", 1.0), ("常", 1.0),
    # special surname readings (pypinyin gets these wrong without a surname table)
    ("单", 0.4), ("解", 0.4), ("仇", 0.3), ("朴", 0.3), ("区", 0.3), ("查", 0.3), ("盖", 0.3),
    ("缪", 0.3), ("乐", 0.3), ("翟", 0.4),
    # compound surnames
    ("欧阳", 0.5), ("司马", 0.1), ("诸葛", 0.1), ("上官", 0.1),
)

# Yi family names (Liangshan); used at the Zhaojue site next to the Han table.
YI_SURNAMES: tuple[tuple[str, float], ...] = (
    ("吉克", 5.0), ("阿苏", 4.0), ("沙马", 4.0), ("俄木", 3.0), ("曲比", 3.0), ("海来", 3.0),
    ("阿约", 2.0), ("吉色", 2.0), ("日古", 1.0), ("马", 3.0),
)
YI_GIVEN_BOY = _words("拉哈 日火 尔古 伍各 木呷 石者 阿木 日哈")
YI_GIVEN_GIRL = _words("阿呷 伍呷 么作 史莫 阿芝 布都 莫色 日莫")

# --- children's given names (popular names of 2008-2023 births) -----------------------------
BOY_NAMES = _words("""
    浩然 子轩 梓轩 宇轩 浩宇 俊熙 一鸣 宇航 子墨 皓轩 博文 沐阳 家豪 明轩 思远 天佑 奕辰 俊杰
    文博 志豪 雨泽 泽宇 子豪 承泽 锦程 睿泽 嘉乐 宇辰 梓豪 晨阳 浩轩 一诺 子涵 佳豪 天宇 俊豪
    鑫磊 建宇 家乐 欣宇""")
BOY_SINGLE = tuple("浩杰鑫磊宇博涛强鹏帅昊凯健斌睿航晨阳超龙")
BOY_FIRST = tuple("子梓浩宇俊皓博明天嘉文志泽承锦思家睿沐晨佳永鹏鸿振晓国建")
BOY_SECOND = tuple("轩然宇熙鸣航墨文阳豪远佑辰杰博泽程宁瑞恒晨涛翔凯伟林鑫川")
GIRL_NAMES = _words("""
    子涵 欣怡 雨萱 梓涵 诗涵 一诺 可馨 雨涵 欣妍 梓萱 思涵 语桐 紫涵 佳怡 若汐 梦琪 雅琪 诗琪
    依诺 思琪 佳琪 雨欣 欣然 静怡 婉清 梓琪 紫萱 晨曦 安琪 思雨 雨桐 佳慧 心怡 梦瑶 嘉欣 雅婷
    欣雨 语嫣 诗雨 雨彤""")
GIRL_SINGLE = tuple("婷娜静丽敏雪琳洁悦怡萱妍璐欣茜倩颖佳瑶楠")
GIRL_FIRST = tuple("子梓欣雨诗可思语佳梦雅依静婉紫晨安心嘉若美晓春秀玉")
GIRL_SECOND = tuple("涵怡萱馨妍桐汐琪婷欣然清曦雨慧瑶嫣蕾悦彤璐菲洁琳雪宁")

# --- adults: parents (born ~1975-1998) and grandparents (born ~1945-1970) -------------------
FATHER_NAMES = _words("""
    建华 建国 国强 志强 伟 军 勇 强 磊 斌 涛 海涛 明 刚 辉 鹏 永强 小龙 红军 卫东 文 亮 超
    建军 俊 峰 海 金龙 春生 志刚 建平 东 波 学军 德胜 长江 小兵 林""")
MOTHER_NAMES = _words("""
    秀英 桂英 丽 芳 娟 敏 静 燕 艳 红梅 丽娟 晓燕 秀兰 春梅 海燕 小红 玉兰 霞 慧 玲 丹 雪梅
    晓丽 婷 翠萍 美玲 小芳 秀芝 金凤 彩霞 丽萍 凤 琴 萍 红霞 春燕""")
GRANDFATHER_NAMES = _words("""
    德明 福生 长发 国华 金山 永福 守成 玉山 志国 学文 树林 桂林 有才 振华 德才 庆云 福来
    根生 宝山 富贵 树德 满仓""")
GRANDMOTHER_NAMES = _words("""
    秀英 桂兰 玉兰 凤英 秀珍 桂芝 淑珍 翠花 玉梅 秀芳 兰英 桂香 菊花 春兰 玉珍 素芬 金花
    秀云 凤兰 桂花""")

# --- places ---------------------------------------------------------------------------------
# county code -> (province, prefecture, county), copied from areas.csv / cities.csv; the
# municipalities' prefecture rows read "市辖区"/"县" there and are shown as the province name.
COUNTIES: dict[str, tuple[str, str, str]] = {
    # site counties
    "310112": ("上海市", "上海市", "闵行区"),      "310115": ("上海市", "上海市", "浦东新区"),
    "310117": ("上海市", "上海市", "松江区"),      "310105": ("上海市", "上海市", "长宁区"),
    "110114": ("北京市", "北京市", "昌平区"),      "110115": ("北京市", "北京市", "大兴区"),
    "440306": ("广东省", "深圳市", "宝安区"),      "440111": ("广东省", "广州市", "白云区"),
    "340104": ("安徽省", "合肥市", "蜀山区"),      "341202": ("安徽省", "阜阳市", "颍州区"),
    "341221": ("安徽省", "阜阳市", "临泉县"),      "341524": ("安徽省", "六安市", "金寨县"),
    "411525": ("河南省", "信阳市", "固始县"),      "411623": ("河南省", "周口市", "商水县"),
    "530627": ("云南省", "昭通市", "镇雄县"),      "533323": ("云南省", "怒江傈僳族自治州", "福贡县"),
    "520324": ("贵州省", "遵义市", "正安县"),      "513431": ("四川省", "凉山彝族自治州", "昭觉县"),
    "511923": ("四川省", "巴中市", "平昌县"),
    # home counties of migrant families
    "341222": ("安徽省", "阜阳市", "太和县"),      "341225": ("安徽省", "阜阳市", "阜南县"),
    "341226": ("安徽省", "阜阳市", "颍上县"),      "341522": ("安徽省", "六安市", "霍邱县"),
    "341621": ("安徽省", "亳州市", "涡阳县"),      "341623": ("安徽省", "亳州市", "利辛县"),
    "340825": ("安徽省", "安庆市", "太湖县"),      "340826": ("安徽省", "安庆市", "宿松县"),
    "411625": ("河南省", "周口市", "郸城县"),      "411627": ("河南省", "周口市", "太康县"),
    "411522": ("河南省", "信阳市", "光山县"),      "411426": ("河南省", "商丘市", "夏邑县"),
    "411424": ("河南省", "商丘市", "柘城县"),      "411328": ("河南省", "南阳市", "唐河县"),
    "511921": ("四川省", "巴中市", "通江县"),      "510824": ("四川省", "广元市", "苍溪县"),
    "511621": ("四川省", "广安市", "岳池县"),      "510322": ("四川省", "自贡市", "富顺县"),
    "430524": ("湖南省", "邵阳市", "隆回县"),      "430426": ("湖南省", "衡阳市", "祁东县"),
    "431126": ("湖南省", "永州市", "宁远县"),      "360730": ("江西省", "赣州市", "宁都县"),
    "360731": ("江西省", "赣州市", "于都县"),      "421127": ("湖北省", "黄冈市", "黄梅县"),
    "421087": ("湖北省", "荆州市", "松滋市"),      "131127": ("河北省", "衡水市", "景县"),
    "130528": ("河北省", "邢台市", "宁晋县"),      "130984": ("河北省", "沧州市", "河间市"),
    "371323": ("山东省", "临沂市", "沂水县"),      "370829": ("山东省", "济宁市", "嘉祥县"),
    "500236": ("重庆市", "重庆市", "奉节县"),      "500235": ("重庆市", "重庆市", "云阳县"),
    "450821": ("广西壮族自治区", "贵港市", "平南县"), "450422": ("广西壮族自治区", "梧州市", "藤县"),
}

# Where the children at a group of sites have their hukou: (county code, weight).
HUKOU_ORIGINS: dict[str, tuple[tuple[str, float], ...]] = {
    "shanghai": (
        ("341222", 8), ("341225", 7), ("341226", 6), ("341522", 5), ("341621", 5),
        ("341623", 4), ("340825", 4), ("340826", 4), ("411625", 4), ("411627", 3),
        ("411522", 3), ("360730", 3), ("360731", 2), ("421127", 3), ("511921", 2),
        ("510824", 2), ("371323", 1), ("500236", 2),
    ),
    "beijing": (
        ("131127", 8), ("130528", 7), ("130984", 6), ("411625", 5), ("411627", 5),
        ("411426", 5), ("411424", 4), ("411328", 3), ("371323", 4), ("370829", 3),
        ("341222", 3), ("341623", 2), ("421087", 2), ("510322", 1),
    ),
    "guangdong": (
        ("430524", 8), ("430426", 7), ("431126", 6), ("450821", 7), ("450422", 5),
        ("511621", 4), ("510322", 3), ("511921", 3), ("360730", 5), ("360731", 5),
        ("500235", 3), ("500236", 3), ("421127", 2),
    ),
    # the vocational school in Fuyang city takes pupils from the surrounding counties
    "fuyang": (("341221", 4), ("341222", 3), ("341225", 3), ("341226", 3), ("341202", 2)),
    # the special school in Hefei: mostly local, some from rural Anhui
    "hefei": (("340104", 60), ("341222", 10), ("341522", 10), ("340825", 10), ("341621", 10)),
}

# Cities where parents work, by the family's home province (first two digits of the county).
WORK_CITIES: dict[str, tuple[tuple[str, float], ...]] = {
    "34": (("上海", 30), ("苏州", 15), ("杭州", 12), ("南京", 10), ("合肥", 12), ("宁波", 8),
           ("无锡", 5), ("深圳", 5), ("北京", 3)),
    "41": (("郑州", 20), ("北京", 15), ("上海", 12), ("深圳", 12), ("东莞", 10), ("广州", 8),
           ("苏州", 8), ("天津", 5), ("杭州", 5), ("武汉", 5)),
    "53": (("昆明", 30), ("深圳", 15), ("东莞", 15), ("广州", 10), ("宁波", 10), ("温州", 8),
           ("上海", 5), ("成都", 4), ("曲靖", 3)),
    "52": (("贵阳", 25), ("广州", 15), ("深圳", 15), ("东莞", 12), ("温州", 10), ("宁波", 8),
           ("遵义", 8), ("重庆", 7)),
    "51": (("成都", 30), ("深圳", 15), ("东莞", 12), ("广州", 10), ("上海", 8), ("重庆", 8),
           ("西昌", 7), ("厦门", 5), ("宁波", 5)),
}
DEFAULT_WORK_CITIES: tuple[tuple[str, float], ...] = (
    ("上海", 20), ("深圳", 20), ("广州", 15), ("东莞", 10), ("北京", 15), ("杭州", 10),
    ("苏州", 10),
)

# --- sites ----------------------------------------------------------------------------------
# (code, name, site_type, county code, boarding, city tier, profile, share of children).
# City tiers follow the usual commercial ranking, roughly (tier >= 3 = "lower tier").
SITE_TEMPLATES: tuple[tuple[str, str, str, str, bool, int | None, str, float], ...] = (
    ("SH-MS-01", "上海市闵行区明德随迁子女学校", "migrant_school", "310112", False, 1, "migrant_sh", 11),
    ("SH-MS-02", "上海市浦东新区育英随迁子女学校", "migrant_school", "310115", False, 1, "migrant_sh", 10),
    ("SH-MS-03", "上海市松江区民办行知小学", "migrant_school", "310117", False, 1, "migrant_sh", 9),
    ("SH-CC-01", "铺路石长宁社区中心", "community_centre", "310105", False, 1, "community_sh", 3),
    ("BJ-MS-01", "北京市昌平区希望打工子弟学校", "migrant_school", "110114", False, 1, "migrant_bj", 8),
    ("BJ-MS-02", "北京市大兴区新星学校", "migrant_school", "110115", False, 1, "migrant_bj", 7),
    ("GD-MS-01", "深圳市宝安区蓝天实验学校", "migrant_school", "440306", False, 1, "migrant_gd", 9),
    ("GD-MS-02", "广州市白云区启智学校", "migrant_school", "440111", False, 1, "migrant_gd", 7),
    ("AH-PS-01", "金寨县明德中心小学", "public_school", "341524", True, 4, "rural_primary", 6),
    ("AH-TP-01", "临泉县大庄村教学点", "teaching_point", "341221", False, 3, "teaching_point", 1),
    ("AH-SS-01", "合肥市蜀山区启明特殊教育学校", "special_school", "340104", True, 2, "special", 2),
    ("AH-VS-01", "阜阳市颍州区职业技术学校", "vocational_school", "341202", True, 3, "vocational", 4),
    ("HA-PS-01", "固始县希望中心小学", "public_school", "411525", True, 4, "rural_primary", 6),
    ("HA-CH-01", "商水县儿童福利院", "care_home", "411623", False, 4, "care_home", 1),
    ("YN-PS-01", "镇雄县阳光中心小学", "public_school", "530627", True, 4, "rural_primary", 6),
    ("YN-TP-01", "福贡县半山村教学点", "teaching_point", "533323", False, 5, "teaching_point", 1),
    ("GZ-JS-01", "正安县第三中学", "public_school", "520324", True, 3, "rural_junior", 5),
    ("SC-PS-01", "昭觉县民族中心小学", "public_school", "513431", True, 4, "rural_primary_yi", 5),
    ("SC-CH-01", "平昌县儿童福利院", "care_home", "511923", False, 5, "care_home", 1),
)

# How the children of each kind of site look. kind: migrant | rural | care_home | special.
# school_ages: age on 1 September of the current school year; origins: key of HUKOU_ORIGINS or
# None for the site's own county; left_behind: share of families with both parents away (or one
# away and the other unable to care); boarding: share of pupils aged 9+ who board at a
# boarding site; hardship: key of HARDSHIP.
_NINE_YEAR_AGES = {6: 10, 7: 10, 8: 10, 9: 10, 10: 9, 11: 8, 12: 5, 13: 4, 14: 3}
_PRIMARY_AGES = {5: 2, 6: 10, 7: 10, 8: 10, 9: 10, 10: 10, 11: 9}
PROFILES: dict[str, dict[str, Any]] = {
    "migrant_sh": dict(kind="migrant", school_ages={6: 10, 7: 10, 8: 10, 9: 9, 10: 8},
                       origins="shanghai", system="5-4", classes=4, left_behind=0.0,
                       disability=0.01, boarding=0.0, hardship="city"),
    "community_sh": dict(kind="migrant", school_ages={3: 3, 4: 4, 5: 5, 6: 8, 7: 8, 8: 8, 9: 8,
                                                      10: 8, 11: 6, 12: 4, 13: 3, 14: 2},
                         origins="shanghai", system="5-4", classes=3, left_behind=0.0,
                         disability=0.02, boarding=0.0, hardship="city"),
    "migrant_bj": dict(kind="migrant", school_ages=_NINE_YEAR_AGES, origins="beijing",
                       system="6-3-3", classes=3, left_behind=0.0, disability=0.01, boarding=0.0,
                       hardship="city"),
    "migrant_gd": dict(kind="migrant", school_ages=_NINE_YEAR_AGES, origins="guangdong",
                       system="6-3-3", classes=4, left_behind=0.0, disability=0.01, boarding=0.0,
                       hardship="city"),
    "rural_primary": dict(kind="rural", school_ages=_PRIMARY_AGES, origins=None, system="6-3-3",
                          classes=2, left_behind=0.45, disability=0.015, boarding=0.5,
                          hardship="rural"),
    "rural_primary_yi": dict(kind="rural", school_ages=_PRIMARY_AGES, origins=None,
                             system="6-3-3", classes=2, left_behind=0.5, disability=0.015,
                             boarding=0.5, hardship="rural"),
    "rural_junior": dict(kind="rural", school_ages={12: 10, 13: 10, 14: 9}, origins=None,
                         system="6-3-3", classes=4, left_behind=0.5, disability=0.01,
                         boarding=0.9, hardship="rural"),
    "teaching_point": dict(kind="rural", school_ages={5: 2, 6: 10, 7: 10, 8: 8, 9: 6},
                           origins=None, system="6-3-3", classes=1, left_behind=0.55,
                           disability=0.02, boarding=0.0, hardship="rural"),
    "vocational": dict(kind="rural", school_ages={15: 10, 16: 10}, origins="fuyang",
                       system="6-3-3", classes=4, left_behind=0.35, disability=0.01,
                       boarding=0.8, hardship="rural"),
    "care_home": dict(kind="care_home", school_ages={3: 4, 4: 5, 5: 6, 6: 8, 7: 8, 8: 8, 9: 8,
                                                     10: 8, 11: 8, 12: 8, 13: 8, 14: 8, 15: 6,
                                                     16: 5},
                      origins=None, system="6-3-3", classes=2, left_behind=0.0, disability=0.25,
                      boarding=0.0, hardship="rural"),
    "special": dict(kind="special", school_ages={6: 6, 7: 8, 8: 8, 9: 8, 10: 8, 11: 8, 12: 7,
                                                 13: 7, 14: 6, 15: 5, 16: 4},
                    origins="hefei", system="6-3-3", classes=2, left_behind=0.15,
                    disability=0.95, boarding=0.4, hardship="special"),
}

HARDSHIP: dict[str, dict[str, float]] = {
    "city": {"none": 65, "low_income": 10, "dibao": 3, "unknown": 22},
    "rural": {"none": 45, "dibao": 15, "low_income": 18, "tekun": 2, "unknown": 20},
    "special": {"none": 40, "dibao": 25, "low_income": 15, "unknown": 20},
    # a parent dead, missing or incapacitated and nobody else able to provide
    "unsupported": {"de_facto_unsupported": 60, "tekun": 25, "unknown": 15},
}

# Other distributions, by name.
WEIGHTS: dict[str, dict[Any, float]] = {
    "gender": {1: 51.5, 2: 47.5, 0: 1.0},
    "dob_precision": {"exact": 92, "month": 5, "year": 3},
    "hukou_type": {"resident": 80, "agricultural_legacy": 14, "unknown": 5, "unregistered": 1},
    "hukou_type_care": {"resident": 85, "unknown": 8, "unregistered": 7},
    "phone_second_digit": {"3": 30, "5": 25, "8": 25, "7": 8, "9": 7, "6": 3, "4": 2},
    # where left-behind children live (docs/design/domain.md: 89% with grandparents)
    "away_arrangement": {"grandparents": 89, "boarding_school": 5, "other_relatives": 4,
                         "alone": 1, "other": 1},
    "unable_parent": {"deceased": 40, "incapacitated": 25, "missing": 35},
    "other_parent": {"working_away": 45, "deceased": 10, "missing": 10, "unknown": 35},
    "visits": {"monthly": 4, "few_times_a_year": 30, "yearly": 45, "less_than_yearly": 12,
               "never": 3, "unknown": 6},
    "care_father": {"deceased": 35, "missing": 20, "incapacitated": 15, "unknown": 30},
    "care_mother": {"deceased": 25, "missing": 35, "incapacitated": 10, "unknown": 30},
    "disability_special": {"intellectual": 35, "hearing": 20, "visual": 10, "speech": 5,
                           "mental": 20, "multiple": 10},
    "disability_other": {"physical": 25, "intellectual": 25, "hearing": 12, "visual": 12,
                         "speech": 8, "mental": 10, "multiple": 8},
    "disability_grade": {1: 15, 2: 30, 3: 30, 4: 25},
    "mark": {"present": 85, "absent": 10, "excused": 5},
}

# Program templates per profile: (program_type, base name); spring and autumn terms get
# "（春季）"/"（秋季）" appended, summer camps run once.
PROGRAMS_BY_PROFILE: dict[str, tuple[tuple[str, str], ...]] = {
    "migrant_sh": (("english", "英语课"), ("stepping_up", "Stepping Up 数字素养"),
                   ("i_care", "I-Care 视力筛查")),
    "migrant_bj": (("english", "英语课"), ("reading", "绘本阅读"), ("i_care", "I-Care 视力筛查")),
    "migrant_gd": (("english", "英语课"), ("stepping_up", "Stepping Up 数字素养")),
    "community_sh": (("tuition", "课后辅导"), ("reading", "绘本阅读"), ("summer", "暑期夏令营")),
    "rural_primary": (("videolink", "Videolink 线上英语"), ("i_care", "I-Care 视力筛查"),
                      ("teaching_trip", "乡村支教")),
    "rural_primary_yi": (("videolink", "Videolink 线上英语"), ("teaching_trip", "乡村支教"),
                         ("summer", "暑期夏令营")),
    "rural_junior": (("videolink", "Videolink 线上英语"), ("stepping_up", "Stepping Up 数字素养")),
    "teaching_point": (("videolink", "Videolink 线上英语"),
                       ("home_classroom", "Home Classroom 家庭课堂")),
    "care_home": (("home_classroom", "Home Classroom 家庭课堂"), ("reading", "绘本阅读"),
                  ("summer", "暑期夏令营")),
    "special": (("other", "融合艺术课"), ("i_care", "I-Care 视力筛查"), ("reading", "绘本阅读")),
    "vocational": (("stepping_up", "Stepping Up 数字素养"), ("english", "职场英语")),
}

SESSION_TOPICS: dict[str, tuple[str, ...]] = {
    "english": ("Greetings 打招呼", "Colours 颜色", "Animals 动物", "My family 我的家",
                "Food 食物", "Numbers 数字", "Weather 天气", "At school 在学校"),
    "videolink": ("Hello song", "Body parts 身体", "Fruit 水果", "Days of the week 星期",
                  "Clothes 衣服", "Jobs 职业", "Transport 交通", "Review 复习"),
    "home_classroom": _words("自我介绍 情绪认知 我的家乡 好朋友 时间管理 我的梦想"),
    "stepping_up": _words("认识电脑 安全上网 打字练习 制作演示文稿 搜索信息 防诈骗"),
    "i_care": _words("视力初筛 验光 配镜 复查"),
    "tuition": _words("数学作业辅导 语文阅读理解 英语听写 作文辅导"),
    "summer": _words("破冰游戏 手工 户外拓展 科学小实验 才艺展示"),
    "teaching_trip": _words("美术 音乐 体育游戏 自然观察"),
    "reading": _words("《猜猜我有多爱你》 《好饿的毛毛虫》 《小王子》 《草房子》 自由阅读"),
    "other": _words("绘画 音乐律动 手工 感统训练"),
}

NOTES = _words("近视，已配镜 上学期从外省转入 爷爷腿脚不便，由邻居帮忙接送 对英语很感兴趣 "
               "家长电话经常打不通 需要关注情绪 学费由学校减免")
WITHDRAWAL_REASONS = _words("监护人要求停止处理 孩子已转学离开 家庭搬迁")
# fmt: on
