"""The staff pages' languages: Simplified Chinese and English.

Templates call ``t("English text")``; English is the key, the Chinese table translates it.
The language comes from the ``ss_hq_lang`` cookie (the switch in the header), else from the
browser's Accept-Language, else Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

from ss_core.branding import NAME_ZH

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"

ZH_CN: dict[str, str] = {
    "Stepping Stones head office": f"{NAME_ZH}总部",
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
    "Apply a USB bundle": "导入U盘同步包",
    "Enrollment file for a laptop without internet": "为没有网络的电脑生成注册文件",
    "For a laptop that has never been online: the file enrolls it, and its changes then travel in USB bundles. The file holds the laptop's credentials: hand it over like a password, and delete it once the laptop has read it.": "用于从未联网的电脑：用这个文件完成注册，之后它的更改通过U盘同步包传送。文件中含有这台电脑的凭据：请像密码一样交接，电脑读取后请删除。",
    "Choose at least one site for the laptop.": "请为这台电脑至少选择一个站点。",
    "Enter head office's address like https://hq.example.org, or leave it empty.": "请按 https://hq.example.org 的格式填写总部地址，或留空。",
    "Laptop name": "电脑名称",
    "e.g. Riverside teaching point": "例如：河边教学点",
    "Head-office address for later": "总部地址（以后联网时使用）",
    "Download the enrollment file": "下载注册文件",
    "Enrolled laptops": "已注册的电脑",
    "A laptop without internet writes its changes to a bundle file (.ssb). Upload it here: the changes are applied and the receipt downloads — take it back to the laptop and choose Read receipt.": "没有网络的电脑会把更改写入同步包文件（.ssb）。在这里上传：更改会被导入，回执会自动下载——把回执带回电脑，选择“读取回执”。",
    "Choose the bundle file the laptop wrote.": "请选择电脑写出的同步包文件。",
    "The file is empty.": "文件是空的。",
    "The file is too large for a bundle.": "文件太大，不是同步包。",
    "The bundle was refused and nothing was applied:": "同步包被拒绝，没有导入任何内容：",
    "Bundle file": "同步包文件",
    "Apply and download the receipt": "导入并下载回执",
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
    # The child edit page (routes_edit.py, child_edit.html).
    "Edit": "修改",
    "Edit child": "修改儿童信息",
    "Save changes": "保存修改",
    "Cancel": "取消",
    "Surname": "姓",
    "Given name": "名",
    "Date of birth precision": "出生日期精确度",
    "ID number": "身份证号",
    "Hukou division": "户籍所在地（区县代码）",
    "Residence division": "现居住地（区县代码）",
    "School system": "学制",
    "Class": "班级",
    "Living arrangement": "居住情况",
    "Notes": "备注",
    "not given": "未填",
    "Exact day": "精确到日",
    "Month only": "仅月份",
    "Year only": "仅年份",
    "Both parents": "与父母同住",
    "One parent": "与父亲或母亲同住",
    "Grandparents": "与祖父母同住",
    "Other relatives": "与其他亲属同住",
    "Care home": "福利机构",
    "Boarding school": "寄宿学校",
    "Alone": "独自居住",
    "Other arrangement": "其他",
    "6-3-3 (primary 6 years)": "六三三制（小学六年）",
    "5-4 (primary 5 years)": "五四制（小学五年）",
    "Nothing was changed.": "没有修改任何内容。",
    "Some values are not valid. Nothing was saved; correct the marked fields.": "部分内容无效，未保存任何修改；请更正标出的字段。",
    "This child's record was erased or merged into another record and cannot be edited.": "此儿童记录已删除或已合并到另一条记录，无法修改。",
    "The form was incomplete. Reload the page and try again.": "表单不完整。请刷新页面后重试。",
    "Enter a name.": "请填写姓名。",
    "The name is too long.": "姓名过长。",
    "Use Chinese characters or Latin letters only.": "只能使用汉字或拉丁字母。",
    "Use pinyin letters only.": "拼音只能包含字母。",
    "The ID number's check digit is wrong: check every digit.": "身份证号校验位不正确，请逐位核对。",
    "An ID number has 18 characters: 17 digits and a digit or X.": "身份证号为 18 位：17 位数字加一位数字或 X。",
    "The birth date in the ID number is not a real date.": "身份证号中的出生日期无效。",
    "The birth date in the ID number is in the future.": "身份证号中的出生日期在未来。",
    "The birth date in the ID number differs from the date of birth.": "身份证号中的出生日期与填写的出生日期不一致。",
    "The ID number's sex digit does not match the gender.": "身份证号的性别位与所选性别不一致。",
    "The date of birth is in the future.": "出生日期不能在未来。",
    "Enter the date as YYYY-MM-DD.": "日期格式应为 YYYY-MM-DD。",
    "With month or year precision, the day (and month) must be 01.": "精确到月或年时，日（和月）须为 01。",
    "The grade is not possible for this stage and school system.": "该年级不符合所选学段和学制。",
    "Enter a whole number.": "请填写整数。",
    "Choose a value from the list.": "请从列表中选择。",
    "Enter a 6-digit county code (e.g. 310115).": "请填写 6 位区县代码（如 310115）。",
    "No county has this code.": "没有此代码对应的区县。",
    "This is required.": "此项必填。",
    "The text is too long.": "内容过长。",
    "The text contains control characters.": "内容包含控制字符。",
    "This value is not valid.": "此值无效。",
    "Audit log": "审计日志",
    "The flag was cleared.": "已清除标记。",
    "Audit chain per laptop": "各笔记本电脑的审计链",
    "Rows received": "已收到行数",
    "Last row": "最后一行",
    "Last upload": "最近上传",
    "Chain": "哈希链",
    "verified": "已验证",
    "broken": "已断裂",
    "Mark as looked into": "标记为已核查",
    "Audit rows": "审计记录",
    "All laptops": "全部笔记本电脑",
    "User": "用户",
    "Action": "操作",
    "All actions": "全部操作",
    "From": "从",
    "To": "至",
    "Export processing records (XLSX)": "导出处理记录（XLSX）",
    "Export processing records (CSV)": "导出处理记录（CSV）",
    "When (UTC)": "时间（UTC）",
    "Row": "行号",
    "No audit rows match.": "没有符合条件的审计记录。",
    "From: enter the date as YYYY-MM-DD.": "开始日期：请按 YYYY-MM-DD 格式填写。",
    "To: enter the date as YYYY-MM-DD.": "结束日期：请按 YYYY-MM-DD 格式填写。",
    "The start date is after the end date.": "开始日期晚于结束日期。",
    "Audit row {row} does not match its hash: it was changed on the laptop before it was sent.": "审计记录第 {row} 行与其哈希值不符：该行在发送前已在笔记本电脑上被修改。",
    "Audit row {row} does not continue from the row before it: earlier rows were changed or replaced on the laptop.": "审计记录第 {row} 行未接续上一行：之前的记录已在笔记本电脑上被修改或替换。",
    "Audit rows are missing before row {row}: they were removed on the laptop.": "审计记录第 {row} 行之前有缺失：这些记录已在笔记本电脑上被删除。",
    "Audit row {row} arrived again with different contents: the laptop's log was rewritten (edited, or restored from an older backup).": "审计记录第 {row} 行再次收到时内容不同：笔记本电脑上的日志被改写（被修改，或从较早的备份恢复）。",
    "The laptop's own copy of audit row {row} no longer matches its hash: it was changed on the laptop after it was sent. Head office keeps the row as first received.": "笔记本电脑上审计记录第 {row} 行已与其哈希值不符：该行在发送后被修改。总部保留首次收到的原始记录。",
    "The audit log does not verify at row {row}.": "审计日志在第 {row} 行验证失败。",
}

# The child edit page's select lists: stored value -> English label (a key of ZH_CN).
DOB_PRECISION_LABELS: dict[str, str] = {
    "exact": "Exact day",
    "month": "Month only",
    "year": "Year only",
}
SCHOOL_SYSTEM_LABELS: dict[str, str] = {
    "6-3-3": "6-3-3 (primary 6 years)",
    "5-4": "5-4 (primary 5 years)",
}
LIVING_ARRANGEMENT_LABELS: dict[str, str] = {
    "both_parents": "Both parents",
    "one_parent": "One parent",
    "grandparents": "Grandparents",
    "other_relatives": "Other relatives",
    "care_home": "Care home",
    "boarding_school": "Boarding school",
    "alone": "Alone",
    "other": "Other arrangement",
}

# Domain issue codes (ss_core.domain.errors.IssueCode) -> English message (a key of ZH_CN).
ISSUE_MESSAGES: dict[str, str] = {
    "name.required": "Enter a name.",
    "name.too_long": "The name is too long.",
    "name.invalid_characters": "Use Chinese characters or Latin letters only.",
    "pinyin.invalid_characters": "Use pinyin letters only.",
    "id_number.format": "An ID number has 18 characters: 17 digits and a digit or X.",
    "id_number.check_digit": "The ID number's check digit is wrong: check every digit.",
    "id_number.invalid_birth_date": "The birth date in the ID number is not a real date.",
    "id_number.future_birth_date": "The birth date in the ID number is in the future.",
    "id_number.birth_date_mismatch": "The birth date in the ID number differs from the date of birth.",
    "id_number.sex_mismatch": "The ID number's sex digit does not match the gender.",
    "dob.future": "The date of birth is in the future.",
    "dob.format": "Enter the date as YYYY-MM-DD.",
    "dob.precision_mismatch": "With month or year precision, the day (and month) must be 01.",
    "grade.out_of_range": "The grade is not possible for this stage and school system.",
    "division.format": "Enter a 6-digit county code (e.g. 310115).",
    "division.unknown": "No county has this code.",
    "enum.invalid": "Choose a value from the list.",
    "value.required": "This is required.",
    "value.invalid_type": "This value is not valid.",
    "value.not_integer": "Enter a whole number.",
    "value.invalid_id": "Choose a value from the list.",
    "text.too_long": "The text is too long.",
    "text.invalid_characters": "The text contains control characters.",
}
GENERIC_ISSUE_MESSAGE = "This value is not valid."


def issue_message(code: str) -> str:
    """The English message (translate it with ``t``) for a domain issue code."""
    return ISSUE_MESSAGES.get(code, GENERIC_ISSUE_MESSAGE)


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
