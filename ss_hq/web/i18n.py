"""The staff pages' languages: Simplified Chinese and English.

Templates call ``t("English text")``; English is the key, the Chinese table translates it.
The language comes from the ``ss_hq_lang`` cookie (the switch in the header), else from the
browser's Accept-Language, else Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

ZH_CN: dict[str, str] = {
    "Stepping Stones head office": "彩虹桥总部",
    "Sign in": "登录",
    "Sign out": "退出",
    "User name": "用户名",
    "Password": "密码",
    "Wrong user name or password, or the account is locked for 15 minutes after 5 failed attempts.": "用户名或密码错误，或账户因连续 5 次失败已锁定 15 分钟。",
    "Dashboard": "概览",
    "Children": "儿童",
    "Conflicts": "冲突",
    "Duplicates": "疑似重复",
    "Devices": "设备",
    "Sites and programs": "站点与项目",
    "Staff users": "员工账户",
    "Children registered": "已登记儿童",
    "Lessons delivered": "已授课时",
    "Lessons per child": "人均课时",
    "Children attending": "上课儿童",
    "By category": "按类别",
    "By province": "按省份",
    "By site": "按站点",
    "By gender": "按性别",
    "By age band": "按年龄段",
    "By stage": "按学段",
    "By hukou": "按户籍",
    "Count": "人数",
    "migrant": "流动儿童",
    "low_income": "低收入",
    "lower_tier": "三线及以下城市",
    "left_behind": "留守儿童",
    "in_care": "机构养护",
    "disability": "残障",
    "local": "本地户籍",
    "other": "外地户籍",
    "unknown": "未知",
    "gender_0": "未知",
    "gender_1": "男",
    "gender_2": "女",
    "gender_9": "未说明",
    "gender_unknown": "未填",
    "preschool": "学前",
    "primary": "小学",
    "junior": "初中",
    "senior": "高中",
    "vocational": "中职",
    "Search": "搜索",
    "Name, pinyin, initials or ID number": "姓名、拼音、首字母或身份证号",
    "All sites": "全部站点",
    "All categories": "全部类别",
    "All stages": "全部学段",
    "Name": "姓名",
    "Pinyin": "拼音",
    "Gender": "性别",
    "Date of birth": "出生日期",
    "Site": "站点",
    "Stage": "学段",
    "Grade": "年级",
    "Categories": "类别",
    "results": "条结果",
    "No children match.": "没有符合条件的儿童。",
    "Export XLSX": "导出 XLSX",
    "Export CSV": "导出 CSV",
    "Previous": "上一页",
    "Next": "下一页",
    "Child": "儿童",
    "Fields": "字段",
    "Field": "字段",
    "Value": "值",
    "Change history": "修改记录",
    "When": "时间",
    "Old value": "原值",
    "New value": "新值",
    "By": "修改者",
    "Applied": "已采用",
    "Lost (kept for review)": "未采用（留待审核）",
    "Erase this child's personal data": "删除此儿童的个人信息",
    "Erasure cannot be undone. Personal fields and their history are wiped at head office and on every laptop; counts are kept.": "删除无法撤销。个人字段及其修改记录将在总部和所有电脑上清除；统计人数保留。",
    "Type ERASE to confirm": "输入 ERASE 确认",
    "Erase": "删除",
    "This child's personal data was erased.": "此儿童的个人信息已删除。",
    "This record was merged into": "此记录已合并到",
    "Open conflicts": "待处理冲突",
    "No open conflicts.": "没有待处理的冲突。",
    "Kept now": "当前采用",
    "Other value": "另一值",
    "Keep this value": "采用此值",
    "device": "设备",
    "Suspected duplicates": "疑似重复",
    "No suspected duplicates.": "没有疑似重复。",
    "Score": "相似度",
    "Reasons": "原因",
    "Keep this one, merge the other into it": "保留此记录，将另一条合并进来",
    "Not the same child": "不是同一儿童",
    "Merged.": "已合并。",
    "Issue an enrollment code": "生成注册码",
    "Valid for (days)": "有效天数",
    "Issue code": "生成",
    "One-time enrollment code (shown once):": "一次性注册码（仅显示一次）：",
    "Laptop": "电脑",
    "Sites": "站点",
    "Enrolled": "注册时间",
    "Last contact": "最后联系",
    "Changes received": "已收到修改",
    "Status": "状态",
    "active": "使用中",
    "revoked": "已吊销",
    "Revoke": "吊销",
    "Pending enrollment codes": "待使用的注册码",
    "Created": "创建时间",
    "Expires": "过期时间",
    "never": "从未",
    "Code": "代码",
    "Type": "类型",
    "Division": "行政区划",
    "Add site": "添加站点",
    "Programs": "项目",
    "Add program": "添加项目",
    "Program type": "项目类型",
    "Role": "角色",
    "Add staff user": "添加员工账户",
    "Last sign-in": "最后登录",
    "Saved.": "已保存。",
    "Language": "语言",
    "You may not open this page.": "您无权访问此页面。",
    "The form expired or did not come from this site. Go back, reload the page and try again.": "表单已过期或来源不明。请返回、刷新页面后重试。",
    "Not found.": "未找到。",
    "Back": "返回",
    "Signed in as": "当前用户",
    "Charts": "图表",
    "reason_same_id_number": "身份证号相同",
    "reason_same_name": "姓名相同",
    "reason_similar_name": "姓名相似",
    "reason_same_dob": "出生日期相同",
    "reason_close_dob": "出生日期接近",
    "reason_same_guardian_phone": "监护人电话相同",
    "reason_same_site": "同一站点",
    "reason_same_gender": "性别相同",
    "Created by laptop": "录入电脑",
    "head office": "总部",
    "Record": "记录",
    "Conflict resolved.": "冲突已处理。",
    "Device revoked.": "设备已吊销。",
    "Nothing here yet.": "暂无内容。",
    "Resolved by": "处理人",
}


def translator(language: str) -> Callable[[str], str]:
    table = ZH_CN if language == "zh_CN" else {}

    def t(text: str) -> str:
        if text in table:
            return table[text]
        if language != "zh_CN" and "_" in text and text.split("_", 1)[0] in ("gender", "reason"):
            english = {
                "gender_0": "unknown",
                "gender_1": "male",
                "gender_2": "female",
                "gender_9": "unstated",
                "gender_unknown": "not given",
            }
            return english.get(text, text.split("_", 1)[1].replace("_", " "))
        return text.replace("_", " ") if language != "zh_CN" and text.islower() else text

    return t


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    if cookie in LANGUAGES:
        return cookie
    best, best_q = DEFAULT_LANGUAGE, -1.0
    for part in (accept_language or "").split(","):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        q = 1.0
        for p in pieces[1:]:
            if p.strip().startswith("q="):
                try:
                    q = float(p.strip()[2:])
                except ValueError:
                    q = 0.0
        language = "zh_CN" if tag.startswith("zh") else "en" if tag.startswith("en") else None
        if language and q > best_q:
            best, best_q = language, q
    return best
