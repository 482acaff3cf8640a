<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="78"/>
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="79"/>
        <source>{problem}

Data folder: {path}</source>
        <translation>{problem}

数据文件夹：{path}</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="30"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="31"/>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="34"/>
        <source>P</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="35"/>
        <source>A</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="36"/>
        <source>E</source>
        <translation>假</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="129"/>
        <source>&amp;Program:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="130"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="131"/>
        <source>&amp;Lessons:</source>
        <translation>课时(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="135"/>
        <source>Topic (optional)</source>
        <translation>主题（可选）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="137"/>
        <source>Add &amp;session</source>
        <translation>添加课次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="141"/>
        <source>Keys: P or 1 present, A or 2 absent, E or 3 excused, Delete clears. Arrow keys move.</source>
        <translation>按键：P 或 1 出勤，A 或 2 缺勤，E 或 3 请假，Delete 清除。方向键移动。</translation>
    </message>
</context>
<context>
    <name>ChildrenModel</name>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="48"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="49"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="50"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="51"/>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="52"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="53"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="54"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="55"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="56"/>
        <source>Consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="61"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="62"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="63"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="64"/>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="68"/>
        <source>Preschool</source>
        <translation>学前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="69"/>
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="70"/>
        <source>Junior secondary</source>
        <translation>初中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="71"/>
        <source>Senior secondary</source>
        <translation>高中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="72"/>
        <source>Vocational</source>
        <translation>中职</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="76"/>
        <source>Migrant</source>
        <translation>流动儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="77"/>
        <source>Low income</source>
        <translation>低收入</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="78"/>
        <source>Lower-tier city</source>
        <translation>三线及以下城市</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="79"/>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="80"/>
        <source>In care</source>
        <translation>机构养育</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="81"/>
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="85"/>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="86"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="87"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="110"/>
        <source>{stage} {grade}</source>
        <translation>{stage}{grade}年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="180"/>
        <source>Guardian consent is missing: this record is saved but not synced.</source>
        <translation>缺少监护人同意：此记录已保存，但不会同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="206"/>
        <source>Pending</source>
        <translation>待补</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="208"/>
        <source>Given</source>
        <translation>已取得</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="255"/>
        <source>Children</source>
        <translation>儿童名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="256"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="258"/>
        <source>Name, pinyin, initials (zs) or 4+ digits of an ID or phone</source>
        <translation>姓名、拼音、首字母（如 zs）或证件号/电话中的 4 位以上数字</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="262"/>
        <source>&amp;View:</source>
        <translation>视图(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="263"/>
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="264"/>
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="265"/>
        <source>Sta&amp;ge:</source>
        <translation>学段(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="266"/>
        <source>Any grade</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="269"/>
        <source>Grade within the school stage</source>
        <translation>学段内的年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="271"/>
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="272"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="274"/>
        <source>Open the selected child (Enter)</source>
        <translation>打开所选儿童（回车）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="276"/>
        <source>&amp;New child</source>
        <translation>新登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="278"/>
        <source>Register a new child (Ctrl+N)</source>
        <translation>登记一名新儿童（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="280"/>
        <source>&amp;Archive…</source>
        <translation>归档(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="281"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="45"/>
        <source>All children</source>
        <translation>全部儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="46"/>
        <source>Needs consent</source>
        <translation>待补同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="47"/>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="51"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="52"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="58"/>
        <source>All stages</source>
        <translation>全部学段</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="63"/>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="64"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="65"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="377"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="383"/>
        <source>More than %n children match</source>
        <translation>
            <numerusform>超过 %n 名儿童符合条件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="392"/>
        <source>No children registered yet. Press Ctrl+N to register the first child.</source>
        <translation>还没有登记任何儿童。按 Ctrl+N 登记第一名儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="399"/>
        <source>No child matches.</source>
        <translation>没有符合条件的儿童。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="403"/>
        <source>%n child(ren)</source>
        <translation>
            <numerusform>共 %n 名儿童</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="448"/>
        <source>Archive child</source>
        <translation>归档儿童记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="449"/>
        <source>Why is this record archived? (e.g. left the school, moved away)</source>
        <translation>为什么归档这条记录？（例如：已离校、已搬走）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="457"/>
        <source>Restore child</source>
        <translation>恢复儿童记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="458"/>
        <source>Why is this record restored?</source>
        <translation>为什么恢复这条记录？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="483"/>
        <source>Archived.</source>
        <translation>已归档。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="485"/>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
</context>
<context>
    <name>DivisionPicker</name>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="191"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="192"/>
        <source>Prefecture / city</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="193"/>
        <source>County / district</source>
        <translation>区县</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="30"/>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="31"/>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="32"/>
        <source>similar name</source>
        <translation>姓名相近</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="33"/>
        <source>same birth date</source>
        <translation>出生日期相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="34"/>
        <source>close birth date</source>
        <translation>出生日期相近</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="35"/>
        <source>same guardian phone</source>
        <translation>监护人电话相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="36"/>
        <source>same site</source>
        <translation>同一站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="37"/>
        <source>same gender</source>
        <translation>性别相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="40"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="41"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="42"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="43"/>
        <source>Why it matches</source>
        <translation>相似之处</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="44"/>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="121"/>
        <source>This child may already be registered. Open the existing record, or save anyway and say why.</source>
        <translation>这名儿童可能已经登记过。请打开已有记录，或说明原因后仍然保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="127"/>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="131"/>
        <source>e.g. twins; a different child with the same name</source>
        <translation>例如：双胞胎；同名的另一名儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="138"/>
        <source>&amp;Open existing</source>
        <translation>打开已有记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="141"/>
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="146"/>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="14"/>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="15"/>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="16"/>
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="17"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="20"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="21"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="22"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="35"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="83"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="92"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="116"/>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="23"/>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="26"/>
        <source>Exact date</source>
        <translation>精确到日</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="27"/>
        <source>Month only</source>
        <translation>仅知年月</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="28"/>
        <source>Year only</source>
        <translation>仅知年份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="31"/>
        <source>Resident hukou</source>
        <translation>居民户口</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="32"/>
        <source>Agricultural (old)</source>
        <translation>农业户口（旧）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="33"/>
        <source>Non-agricultural (old)</source>
        <translation>非农业户口（旧）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="34"/>
        <source>Not registered</source>
        <translation>未落户</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="38"/>
        <source>Preschool</source>
        <translation>学前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="39"/>
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="40"/>
        <source>Junior secondary</source>
        <translation>初中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="41"/>
        <source>Senior secondary</source>
        <translation>高中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="42"/>
        <source>Secondary vocational</source>
        <translation>中职</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="45"/>
        <source>6-3-3</source>
        <translation>六三三学制</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="46"/>
        <source>5-4 (Shanghai)</source>
        <translation>五四学制（上海）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="49"/>
        <source>Public school</source>
        <translation>公办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="50"/>
        <source>Migrant school</source>
        <translation>随迁子女学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="51"/>
        <source>Private school</source>
        <translation>民办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="52"/>
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="53"/>
        <source>Vocational school</source>
        <translation>职业学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="54"/>
        <source>Teaching point</source>
        <translation>教学点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="55"/>
        <source>Care home</source>
        <translation>儿童福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="56"/>
        <source>Community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="57"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="60"/>
        <source>Migrant</source>
        <translation>流动儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="61"/>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="62"/>
        <source>In care</source>
        <translation>机构养育</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="63"/>
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="64"/>
        <source>Low income</source>
        <translation>低收入</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="65"/>
        <source>Lower-tier city</source>
        <translation>三线及以下城市</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="68"/>
        <source>With both parents</source>
        <translation>与父母同住</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="69"/>
        <source>With one parent</source>
        <translation>与父亲或母亲同住</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="70"/>
        <source>With grandparents</source>
        <translation>与祖辈同住</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="71"/>
        <source>With other relatives</source>
        <translation>与其他亲属同住</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="72"/>
        <source>In a care home</source>
        <translation>住在福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="73"/>
        <source>At boarding school</source>
        <translation>寄宿在学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="74"/>
        <source>Alone</source>
        <translation>独自生活</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="75"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="126"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="156"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="78"/>
        <source>Lives with the child</source>
        <translation>与孩子同住</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="79"/>
        <source>Working away</source>
        <translation>外出务工</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="80"/>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="81"/>
        <source>Unable to care</source>
        <translation>无抚养能力</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="82"/>
        <source>Missing</source>
        <translation>下落不明</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="86"/>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="87"/>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="88"/>
        <source>A few times a year</source>
        <translation>一年几次</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="89"/>
        <source>Once a year</source>
        <translation>一年一次</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="90"/>
        <source>Less than once a year</source>
        <translation>不到一年一次</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="91"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="95"/>
        <source>Visual</source>
        <translation>视力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="96"/>
        <source>Hearing</source>
        <translation>听力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="97"/>
        <source>Speech</source>
        <translation>言语残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="98"/>
        <source>Physical</source>
        <translation>肢体残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="99"/>
        <source>Intellectual</source>
        <translation>智力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="100"/>
        <source>Mental</source>
        <translation>精神残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="101"/>
        <source>Multiple</source>
        <translation>多重残疾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="104"/>
        <source>Grade 1 (most severe)</source>
        <translation>一级（最重）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="105"/>
        <source>Grade 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="106"/>
        <source>Grade 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="107"/>
        <source>Grade 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="110"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="111"/>
        <source>Dibao (minimum living allowance)</source>
        <translation>低保</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="112"/>
        <source>Tekun (extreme poverty support)</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="113"/>
        <source>Low-income family</source>
        <translation>低收入家庭</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="114"/>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="115"/>
        <source>De facto unsupported child</source>
        <translation>事实无人抚养儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="119"/>
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="120"/>
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="121"/>
        <source>Paternal grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="122"/>
        <source>Maternal grandparent</source>
        <translation>外祖父母</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="123"/>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="124"/>
        <source>Other relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="125"/>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="129"/>
        <source>Legal guardian</source>
        <translation>法定监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="130"/>
        <source>Caregiver entrusted by the guardian</source>
        <translation>受监护人委托的照料人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="131"/>
        <source>The child (14 or older)</source>
        <translation>儿童本人（14 周岁及以上）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="134"/>
        <source>Signed paper form</source>
        <translation>纸质签字</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="135"/>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="136"/>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="137"/>
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="140"/>
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="141"/>
        <source>Sensitive details (disability, health, income, care)</source>
        <translation>敏感信息（残障、健康、收入、养育情况）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="142"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="143"/>
        <source>Named in reports</source>
        <translation>在报告中署名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="144"/>
        <source>Sharing with school or partners</source>
        <translation>与学校或合作方共享</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="147"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="148"/>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="149"/>
        <source>Videolink</source>
        <translation>视频连线课堂</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="150"/>
        <source>Home Classroom</source>
        <translation>家庭课堂</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="151"/>
        <source>Stepping Up</source>
        <translation>成长课程</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="152"/>
        <source>I-Care</source>
        <translation>爱眼行动</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="153"/>
        <source>After-school tuition</source>
        <translation>课后辅导</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="154"/>
        <source>Summer programme</source>
        <translation>暑期项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="155"/>
        <source>Teaching trip</source>
        <translation>支教行</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="159"/>
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="160"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="168"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="171"/>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="172"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="173"/>
        <source>Merged into another record</source>
        <translation>已合并到另一条记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="163"/>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="164"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="165"/>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="105"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="108"/>
        <source>The app met an error it did not expect. What you saved before is safe. Please copy the report below and send it to head office; it contains no names or ID numbers.</source>
        <translation>程序遇到了意外错误。之前保存的内容都是安全的。请复制下面的报告发给总部；报告中不含任何姓名或证件号。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="121"/>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="130"/>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="61"/>
        <source>Some fields need fixing:</source>
        <translation>以下内容需要修改：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="66"/>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="75"/>
        <source>Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.</source>
        <translation>出现了问题（{type}）。已保存的内容没有丢失；详细信息记录在日志文件中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="81"/>
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="37"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="38"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="39"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="40"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="41"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="42"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="43"/>
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="44"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="45"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="46"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="47"/>
        <source>Hukou type</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="48"/>
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="49"/>
        <source>Current address (county)</source>
        <translation>现居住地（区县）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="50"/>
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="51"/>
        <source>Guardian 1</source>
        <translation>监护人1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="52"/>
        <source>Relationship 1</source>
        <translation>关系1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="53"/>
        <source>Phone 1</source>
        <translation>电话1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="54"/>
        <source>Guardian 2</source>
        <translation>监护人2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="55"/>
        <source>Relationship 2</source>
        <translation>关系2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="56"/>
        <source>Phone 2</source>
        <translation>电话2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="38"/>
        <source>Public school</source>
        <translation>公办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="39"/>
        <source>Migrant school</source>
        <translation>随迁子女学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="40"/>
        <source>Private school</source>
        <translation>民办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="41"/>
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="42"/>
        <source>Vocational school</source>
        <translation>职业学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="43"/>
        <source>Teaching point</source>
        <translation>教学点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="44"/>
        <source>Care home</source>
        <translation>儿童福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="45"/>
        <source>Community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="46"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="103"/>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="105"/>
        <source>This laptop is not set up yet. Choose the language of the app; you can change it later in Settings.</source>
        <translation>这台电脑还没有设置。请选择程序的语言；以后可以在“设置”中更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="110"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="145"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="147"/>
        <source>Create the first account. The administrator manages users and settings on this laptop.</source>
        <translation>创建第一个账户。管理员负责管理这台电脑上的用户和设置。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="152"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="153"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="154"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="156"/>
        <source>User names use letters, digits, dots, dashes or underscores (2 to 32). Passwords need at least 8 characters and must not be easy to guess.</source>
        <translation>用户名由字母、数字、点、横线或下划线组成（2 至 32 个字符）。密码至少 8 个字符，且不能太容易猜到。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="171"/>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="237"/>
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="239"/>
        <source>Laptops send their records to head office when they can.</source>
        <translation>电脑在能联网时把记录发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="243"/>
        <source>&amp;Work offline for now</source>
        <translation>暂时离线工作(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="245"/>
        <source>I have an &amp;enrolment code from head office</source>
        <translation>我有总部发放的注册码(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="247"/>
        <source>Head-office &amp;address:</source>
        <translation>总部地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="249"/>
        <source>Enrolment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="250"/>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="252"/>
        <source>Working offline, you register children on this laptop and they wait as pending changes; you can enrol later on the Sync page. With a code or a file, the laptop enrols when you press Next and gets its sites from head office; with a file, its changes travel to head office in USB bundles.</source>
        <translation>离线工作时，在本机登记的儿童会作为待发送的更改保存在本机；以后可以在“同步”页注册到总部。如果有注册码或注册文件，点“下一步”时本机即完成注册，并从总部获得所属站点；用注册文件注册的电脑，其更改通过U盘同步包送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="270"/>
        <source>Enter head office&apos;s address and the enrolment code.</source>
        <translation>请输入总部地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="70"/>
        <source>I have an enrolment &amp;file from head office (no internet here)</source>
        <translation>我有总部给的注册文件(&amp;F)（这里没有网络）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="75"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="110"/>
        <source>Enrollment file from head office</source>
        <translation>总部提供的注册文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="112"/>
        <source>Enrollment files (*.enroll);;All files (*)</source>
        <translation>注册文件 (*.enroll);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="122"/>
        <source>Choose the enrollment file from head office.</source>
        <translation>请选择总部提供的注册文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="280"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="298"/>
        <source>Enrolled with head office as device {device} for {count} site(s). Press Finish; the sites and children arrive with the first sync.</source>
        <translation>已在总部注册，设备编号 {device}，共 {count} 个站点。请点“完成”；站点和儿童信息会在第一次同步时传到本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="353"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="355"/>
        <source>Where is this laptop used? (a school, care home or community centre)</source>
        <translation>这台电脑在哪里使用？（学校、儿童福利机构或社区中心）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="359"/>
        <source>Site &amp;name:</source>
        <translation>站点名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="360"/>
        <source>&amp;Kind of site:</source>
        <translation>站点类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="361"/>
        <source>Site &amp;code (optional):</source>
        <translation>站点代码（可选）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="363"/>
        <source>The site is marked &quot;pending&quot; until head office confirms it. More sites can be added on the Sites &amp; programs page.</source>
        <translation>在总部确认之前，站点显示为“待确认”。可以在“站点与项目”页面添加更多站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="424"/>
        <source>Set up Stepping Stones</source>
        <translation>设置踏脚石</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="439"/>
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="17"/>
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="18"/>
        <source>The file is empty: there is no row to import.</source>
        <translation>文件是空的，没有可以导入的行。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="19"/>
        <source>The file is too large ({size_mb} MB; at most {limit_mb} MB or 60,000 rows). Split the class list into smaller files.</source>
        <translation>文件太大（{size_mb} MB；最多 {limit_mb} MB 或 60,000 行）。请把名单拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="23"/>
        <source>This is an old Excel file (.xls) or a workbook protected by a password. Open it in Excel or WPS, remove the password if it has one, and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx).</source>
        <translation>这是旧版 Excel 文件（.xls）或设有密码的工作簿。请用 Excel 或 WPS 打开，如有密码请先取消，再另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="27"/>
        <source>The workbook is protected by a password, so it cannot be read. Open it in Excel or WPS, remove the password (File &gt; Info &gt; Protect Workbook) and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx).</source>
        <translation>该工作簿设有密码，无法读取。请用 Excel 或 WPS 打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿），再另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="31"/>
        <source>This is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx); then import the new file.</source>
        <translation>这是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开，另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx），然后导入新文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="35"/>
        <source>This file is neither an Excel workbook (.xlsx) nor a CSV file, or it is damaged.</source>
        <translation>这个文件不是 Excel 工作簿（.xlsx）或 CSV 文件，或者文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="38"/>
        <source>The text of this CSV file is in an unknown encoding (not UTF-8 or GBK). Open it in Excel or WPS and save it as .xlsx, or as CSV UTF-8.</source>
        <translation>这个 CSV 文件的文字编码无法识别（不是 UTF-8 或 GBK）。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="42"/>
        <source>No header row found: the file needs a row naming its columns, such as 姓名, 性别, 出生日期 (or Name, Gender, Date of birth), within its first 30 rows.</source>
        <translation>找不到表头：文件的前 30 行中需要有一行列名，例如 姓名、性别、出生日期（或 Name、Gender、Date of birth）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="46"/>
        <source>&quot;{field}&quot; is chosen for two columns: {first} and {second}. Choose it for one column only.</source>
        <translation>“{field}”被同时选给了两列：{first} 和 {second}。只能选给其中一列。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="50"/>
        <source>Choose the column with the children&apos;s names (or one for the surname and one for the given name).</source>
        <translation>请选择儿童姓名所在的列（或分别选择姓和名所在的列）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="54"/>
        <source>Choose the site these children belong to.</source>
        <translation>请选择这些儿童所属的站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="57"/>
        <source>There is no site with the code {site}.</source>
        <translation>没有代码为 {site} 的站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="59"/>
        <source>&apos;{value}&apos; is not a gender: write 男 or 女 (M or F).</source>
        <translation>“{value}”不是性别：请填写 男 或 女（M 或 F）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="62"/>
        <source>&apos;{value}&apos; is not a date: write it like 2015-03-04, 2015.3.4 or 2015年3月4日.</source>
        <translation>“{value}”不是日期：请写成 2015-03-04、2015.3.4 或 2015年3月4日。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="65"/>
        <source>&apos;{value}&apos; is not a grade: write it like 三年级, 初一, 七年级 or 高二.</source>
        <translation>“{value}”不是年级：请写成 三年级、初一、七年级 或 高二 这样的形式。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="68"/>
        <source>&apos;{value}&apos; is not a relationship: write 父亲, 母亲, 爷爷, 奶奶, 外公, 外婆 ... or 其他.</source>
        <translation>“{value}”不是关系：请填写 父亲、母亲、爷爷、奶奶、外公、外婆……或 其他。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="72"/>
        <source>&apos;{value}&apos; is not a hukou type: write 居民, 农业, 非农业 or 未登记.</source>
        <translation>“{value}”不是户口类型：请填写 居民、农业、非农业 或 未登记。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="75"/>
        <source>&apos;{value}&apos; is not a known county: write province, city and county (安徽省阜阳市临泉县) or the 6-digit code.</source>
        <translation>“{value}”不是已知的区县：请写出省、市、县（如 安徽省阜阳市临泉县）或 6 位行政区划代码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="79"/>
        <source>Excel stored this ID number as a number and lost its last digits. Format the column as Text and type the numbers again.</source>
        <translation>Excel 把这个身份证号存成了数字，后几位已经丢失。请把该列设置为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="83"/>
        <source>Excel shows this phone number in scientific notation. Format the column as Text and type it again.</source>
        <translation>Excel 用科学计数法显示了这个电话号码。请把该列设置为“文本”格式，再重新输入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="87"/>
        <source>A phone number without the guardian&apos;s name: add the name.</source>
        <translation>有电话号码但没有监护人姓名：请补上姓名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="90"/>
        <source>A consent date without a guardian: add the guardian who gave consent.</source>
        <translation>有同意日期但没有监护人：请补上表示同意的监护人。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="93"/>
        <source>The same child as row {row} of this file (same name and birth date, or same ID number).</source>
        <translation>与本文件第 {row} 行是同一个儿童（姓名和出生日期相同，或身份证号相同）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="97"/>
        <source>This child is already registered (same name and birth date, or same ID number). Not imported again.</source>
        <translation>这个儿童已经登记过（姓名和出生日期相同，或身份证号相同），不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="101"/>
        <source>A child with a similar name or the same birth date is already registered. Check it is not the same child.</source>
        <translation>已有姓名相似或出生日期相同的儿童登记在册，请确认不是同一个儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="105"/>
        <source>This row could not be saved.</source>
        <translation>这一行无法保存。</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="109"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="110"/>
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="111"/>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="112"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="113"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="114"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="115"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="116"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="117"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="118"/>
        <source>Guardian&apos;s relationship</source>
        <translation>监护人关系</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="119"/>
        <source>Guardian&apos;s phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="120"/>
        <source>Father&apos;s name</source>
        <translation>父亲姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="121"/>
        <source>Father&apos;s phone</source>
        <translation>父亲电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="122"/>
        <source>Mother&apos;s name</source>
        <translation>母亲姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="123"/>
        <source>Mother&apos;s phone</source>
        <translation>母亲电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="124"/>
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="125"/>
        <source>Hukou type</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="126"/>
        <source>Current address (county)</source>
        <translation>现居住地（区县）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="127"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="128"/>
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="42"/>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="102"/>
        <source>Choose the class list</source>
        <translation>选择班级名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="44"/>
        <source>An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK).</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="50"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="65"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="67"/>
        <source>Site of these children:</source>
        <translation>这些儿童所属站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="80"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="104"/>
        <source>Class lists (*.xlsx *.csv *.xls)</source>
        <translation>班级名单 (*.xlsx *.csv *.xls)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="138"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="73"/>
        <source>Which column holds what?</source>
        <translation>每一列是什么内容？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="75"/>
        <source>Check the suggestion; choose &quot;(do not import)&quot; for columns to skip.</source>
        <translation>请检查系统的建议；不需要的列请选“（不导入）”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="84"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="85"/>
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="86"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="112"/>
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="143"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="163"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="209"/>
        <source>{ok} rows can be imported; {bad} rows have problems and will not be imported ({dup} of them are already registered or repeated). Point at a coloured cell to see what is wrong.</source>
        <translation>{ok} 行可以导入；{bad} 行有问题，不会导入（其中 {dup} 行已登记过或在文件中重复）。把鼠标指向带颜色的单元格可查看问题所在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="240"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="246"/>
        <source>Stop after this batch</source>
        <translation>本批完成后停止</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="269"/>
        <source>Saving the rows without problems…</source>
        <translation>正在保存没有问题的行…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="285"/>
        <source>Stopping after the current batch; rows already saved stay saved.</source>
        <translation>当前这一批完成后停止；已经保存的行会保留。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="314"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="319"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="332"/>
        <source>{n} children were imported.</source>
        <translation>已导入 {n} 名儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="338"/>
        <source>The import was stopped: {n} rows without problems were not imported. Import the file again to add them; the rows already imported will be recognised as duplicates.</source>
        <translation>导入已停止：有 {n} 行没有问题但尚未导入。再次导入该文件即可补上；已导入的行会被识别为重复，不会重复添加。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="347"/>
        <source>{n} rows were not imported. Save the error report, fix the rows in Excel and import the report again.</source>
        <translation>有 {n} 行没有导入。请保存错误报告，在 Excel 中修改这些行后再导入该报告。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="363"/>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="365"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="374"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="379"/>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="388"/>
        <source>Import class list</source>
        <translation>导入班级名单</translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="26"/>
        <source>The ID number must have 18 characters: 17 digits and a last digit or X.</source>
        <translation>身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="27"/>
        <source>The ID number&apos;s last character does not match the others. Check each digit against the card.</source>
        <translation>身份证号的校验位与前面的数字不符。请对照证件逐位核对。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="28"/>
        <source>The birth date inside the ID number is not a real date. Check digits 7 to 14.</source>
        <translation>身份证号中的出生日期不是有效日期。请核对第 7 至 14 位。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="29"/>
        <source>The birth date inside the ID number is in the future. Check digits 7 to 14.</source>
        <translation>身份证号中的出生日期在未来。请核对第 7 至 14 位。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="30"/>
        <source>The ID number says the child was born on {id_birth_date}, which differs from the birth date on the form. Correct one of them.</source>
        <translation>身份证号显示出生日期为 {id_birth_date}，与表中填写的出生日期不同。请改正其中一个。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="31"/>
        <source>The ID number&apos;s 17th digit does not match the gender chosen on the form.</source>
        <translation>身份证号第 17 位与表中选择的性别不符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="32"/>
        <source>The first six digits of the ID number are not a known place code. Check them; you can still save.</source>
        <translation>身份证号前六位不是已知的行政区划代码。请核对；仍然可以保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="33"/>
        <source>Enter an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 021-12345678).</source>
        <translation>请输入以 1 开头的 11 位手机号，或带区号的固定电话（例如 021-12345678）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="34"/>
        <source>Enter the birth date as year-month-day (2015-03-04), year-month (2015-03) or year (2015).</source>
        <translation>出生日期请按“年-月-日”（2015-03-04）、“年-月”（2015-03）或“年”（2015）填写。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="35"/>
        <source>The birth date is in the future.</source>
        <translation>出生日期在未来。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="36"/>
        <source>This child is 18 or older. Check the birth date; you can still save.</source>
        <translation>该儿童已满 18 岁。请核对出生日期；仍然可以保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="37"/>
        <source>The birth date has more detail than the chosen precision.</source>
        <translation>出生日期比所选精度更详细。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="38"/>
        <source>Enter the date as year-month-day, e.g. 2024-09-01.</source>
        <translation>日期请按“年-月-日”填写，例如 2024-09-01。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="39"/>
        <source>This date is in the future.</source>
        <translation>该日期在未来。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="40"/>
        <source>This date is before the child was born.</source>
        <translation>该日期早于儿童的出生日期。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="41"/>
        <source>Enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="42"/>
        <source>The name is too long (at most {max} characters).</source>
        <translation>姓名太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="43"/>
        <source>Use Chinese characters or letters only in the name (a middle dot · is allowed).</source>
        <translation>姓名只能使用汉字或字母（可以使用间隔号 ·）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="44"/>
        <source>Use letters and spaces only in the pinyin.</source>
        <translation>拼音只能使用字母和空格。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="45"/>
        <source>This text is too long (at most {max} characters).</source>
        <translation>内容太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="46"/>
        <source>This text contains characters that cannot be saved.</source>
        <translation>内容中含有无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="47"/>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="48"/>
        <source>This value has the wrong form.</source>
        <translation>此项的格式不正确。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="49"/>
        <source>Choose one of the listed options.</source>
        <translation>请从列表中选择一项。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="50"/>
        <source>A place code has 6 digits.</source>
        <translation>行政区划代码为 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="51"/>
        <source>This place code is not in the list of provinces, prefectures and counties.</source>
        <translation>该代码不在省、地、县行政区划列表中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="52"/>
        <source>This grade does not exist in this school stage.</source>
        <translation>该学段没有这个年级。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="53"/>
        <source>The disability grade is 1 (most severe) to 4.</source>
        <translation>残疾等级为 1 级（最重）至 4 级。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="54"/>
        <source>Tick at least one thing the guardian agreed to.</source>
        <translation>请至少勾选一项监护人同意的内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="55"/>
        <source>A child under 14 cannot consent alone: record the guardian&apos;s consent.</source>
        <translation>未满 14 周岁的儿童不能单独表示同意：请记录监护人的同意。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="56"/>
        <source>Say why the consent was withdrawn.</source>
        <translation>请说明撤回同意的原因。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="57"/>
        <source>This refers to a record that does not exist (any more). Reload and try again.</source>
        <translation>引用的记录不存在（或已被删除）。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="58"/>
        <source>The withdrawal date is before the consent date.</source>
        <translation>撤回日期早于同意日期。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="59"/>
        <source>Disability, health, income and care details need the guardian&apos;s consent for sensitive details: tick “Sensitive details (disability, health, income, care)” in the consent, or leave this empty.</source>
        <translation>残障、健康、收入和养育情况需要监护人对敏感信息的同意：请在同意书中勾选“敏感信息（残障、健康、收入、养育情况）”，或不填写此项。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ss_desktop/ui/pages.py" line="50"/>
        <source>This page is not available in this version.</source>
        <translation>当前版本暂不提供此页面。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="15"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="231"/>
        <source>&amp;Children</source>
        <translation>儿童名单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="232"/>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="233"/>
        <source>Sites &amp;&amp; &amp;programs</source>
        <translation>站点与项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="234"/>
        <source>&amp;Attendance</source>
        <translation>考勤(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="235"/>
        <location filename="../../ss_desktop/ui/main_window.py" line="255"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="236"/>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="237"/>
        <source>Re&amp;ports</source>
        <translation>统计报表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="245"/>
        <source>&amp;New child</source>
        <translation>新登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="246"/>
        <source>&amp;Find child</source>
        <translation>查找儿童(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="247"/>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="248"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="249"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="250"/>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="251"/>
        <source>&amp;Import class list…</source>
        <translation>导入班级名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="252"/>
        <source>&amp;Export list…</source>
        <translation>导出名单(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="253"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="254"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="256"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="257"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="258"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="266"/>
        <source>Stepping Stones registration</source>
        <translation>踏脚石儿童登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="271"/>
        <source>Stepping Stones registration — {user}</source>
        <translation>踏脚石儿童登记 — {user}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="276"/>
        <source>Signed in: {user} ({role})</source>
        <translation>当前用户：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="321"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="322"/>
        <source>The registration form has changes that are not saved. Leave without saving them?</source>
        <translation>登记表中有尚未保存的更改。不保存就离开吗？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="21"/>
        <source>Export list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="23"/>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="59"/>
        <source>Exported {n} children to {path}</source>
        <translation>已导出 {n} 名儿童到 {path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="440"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="441"/>
        <source>Stepping Stones registration {version}
Database revision {revision}
Device {device}</source>
        <translation>踏脚石儿童登记 {version}
数据库版本 {revision}
设备 {device}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="50"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="52"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="55"/>
        <source>Connection to head office</source>
        <translation>与总部的连接</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="60"/>
        <source>Pending: {n} ({m} wait for consent)</source>
        <translation>待发送：{n}（其中 {m} 条等待同意书）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="66"/>
        <source>Pending: {n}</source>
        <translation>待发送：{n}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="71"/>
        <source>Changes saved on this laptop, not yet sent to head office</source>
        <translation>已保存在这台电脑上、尚未发送到总部的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="76"/>
        <source>Quarantined: {n}</source>
        <translation>被退回：{n}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="81"/>
        <source>Changes head office refused; they need a review</source>
        <translation>总部拒收的更改，需要复核</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="86"/>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="61"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="62"/>
        <location filename="../../ss_desktop/ui/register_people.py" line="198"/>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="65"/>
        <source>Legal guardian</source>
        <translation>法定监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="70"/>
        <source>Primary caregiver</source>
        <translation>主要照料人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="73"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="74"/>
        <source>Situation</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="75"/>
        <source>Works in</source>
        <translation>工作地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="78"/>
        <source>Sees the child</source>
        <translation>见孩子的频率</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="93"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="97"/>
        <source>13812345678 or 021-12345678</source>
        <translation>13812345678 或 021-12345678</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="114"/>
        <source>Guardian {n}</source>
        <translation>监护人 {n}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="195"/>
        <source>Given by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="201"/>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="202"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="203"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="206"/>
        <source>Notice version</source>
        <translation>告知书版本</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="209"/>
        <source>Agreed to</source>
        <translation>同意事项</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="212"/>
        <source>The child agrees too</source>
        <translation>儿童本人也同意</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="215"/>
        <source>Withdrawn on</source>
        <translation>撤回日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="218"/>
        <source>Why withdrawn</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="234"/>
        <source>Consent recorded</source>
        <translation>已记录同意</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="239"/>
        <source>2024-09-01</source>
        <translation>2024-09-01</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="27"/>
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="35"/>
        <source>&amp;Surname</source>
        <translation>姓(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="37"/>
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="39"/>
        <source>Pin&amp;yin</source>
        <translation>拼音(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="40"/>
        <source>G&amp;ender</source>
        <translation>性别(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="47"/>
        <source>&amp;Date of birth</source>
        <translation>出生日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="54"/>
        <source>&amp;ID number (optional)</source>
        <translation>身份证号（可选）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="60"/>
        <source>2015-03-04, 2015-03 or 2015</source>
        <translation>2015-03-04、2015-03 或 2015</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="65"/>
        <source>Filled in from the name; correct it if the reading is wrong.</source>
        <translation>根据姓名自动填写；读音不对时请改正。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="71"/>
        <source>Hukou and residence</source>
        <translation>户籍与居住地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="80"/>
        <source>Hukou &amp;place</source>
        <translation>户籍地(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="84"/>
        <source>Hukou &amp;type</source>
        <translation>户口类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="89"/>
        <source>Lives &amp;in</source>
        <translation>现居住地(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="95"/>
        <source>Site and school</source>
        <translation>站点与学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="105"/>
        <source>Si&amp;te</source>
        <translation>站点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="106"/>
        <source>School s&amp;tage</source>
        <translation>学段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="110"/>
        <source>School system</source>
        <translation>学制</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="113"/>
        <source>G&amp;rade</source>
        <translation>年级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="114"/>
        <source>&amp;Class</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_identity.py" line="116"/>
        <source>Boards at school</source>
        <translation>在校寄宿</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="25"/>
        <location filename="../../ss_desktop/ui/register_family.py" line="28"/>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="38"/>
        <source>Tick the suggested</source>
        <translation>勾选建议的类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="49"/>
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="56"/>
        <source>Lives &amp;with</source>
        <translation>与谁同住(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="60"/>
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="63"/>
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="76"/>
        <source>Father works in</source>
        <translation>父亲务工地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="82"/>
        <source>Mother works in</source>
        <translation>母亲务工地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="88"/>
        <source>Sees the parents</source>
        <translation>与父母见面频率</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_family.py" line="94"/>
        <source>Day-to-day caregiver</source>
        <translation>日常照料人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="26"/>
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="38"/>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="44"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="50"/>
        <source>Has a disability certificate</source>
        <translation>持有残疾人证</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="54"/>
        <source>Autism diagnosis</source>
        <translation>孤独症诊断</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="62"/>
        <source>Care home</source>
        <translation>福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="72"/>
        <source>Placement</source>
        <translation>安置方式</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="76"/>
        <source>In care since</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="81"/>
        <source>2022-09-01</source>
        <translation>2022-09-01</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="88"/>
        <source>Hardship</source>
        <translation>困难情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="92"/>
        <source>Hardship status</source>
        <translation>困难类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_needs.py" line="97"/>
        <source>Evidence seen (do not write its number)</source>
        <translation>已核验证明（不要填写证件号码）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="121"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="216"/>
        <source>Local hukou</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="218"/>
        <source>Hukou elsewhere</source>
        <translation>外地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="245"/>
        <source>Suggested from the answers: {names}</source>
        <translation>根据所填内容建议：{names}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="264"/>
        <source> (pending)</source>
        <translation>（待总部确认）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_issues.py" line="30"/>
        <source>This record refers to something that no longer exists.</source>
        <translation>该记录引用的内容已不存在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="103"/>
        <source>Guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="113"/>
        <source>&amp;Add a guardian</source>
        <translation>添加监护人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="120"/>
        <source>Consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="143"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="146"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="151"/>
        <source>Save and new (Ctrl+Enter)</source>
        <translation>保存并新建（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="330"/>
        <source>Edit child</source>
        <translation>编辑儿童信息</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="332"/>
        <source>Register a child</source>
        <translation>登记儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="407"/>
        <source>This child is under 14 and no guardian consent is recorded. The record will be saved as &quot;consent pending&quot;: it stays on this laptop and is not sent to head office until a guardian&apos;s consent is recorded.</source>
        <translation>该儿童未满 14 周岁，且尚未记录监护人同意。记录将保存为“待补同意书”：只保存在本机，记录监护人同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="414"/>
        <source>No consent is recorded. The record will be saved as &quot;consent pending&quot; and is not sent to head office until consent is recorded.</source>
        <translation>尚未记录同意书。记录将保存为“待补同意书”，记录同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_saving.py" line="70"/>
        <source>Some fields need fixing. Nothing was saved.</source>
        <translation>有些内容需要修改，尚未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_saving.py" line="123"/>
        <source>Saved. Consent pending: this record stays on this laptop and is not sent to head office until consent is recorded.</source>
        <translation>已保存。待补同意书：该记录只保存在本机，记录同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_saving.py" line="130"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="427"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_page.py" line="428"/>
        <source>What you typed in this form has not been saved. Discard it?</source>
        <translation>此表单中填写的内容尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_masking.py" line="23"/>
        <source>Hidden to protect the child&apos;s data. Type a new value to replace it.</source>
        <translation>为保护儿童信息已隐藏。输入新值可替换原值。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_masking.py" line="26"/>
        <source>Hidden to protect the child&apos;s data.</source>
        <translation>为保护儿童信息已隐藏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_masking.py" line="103"/>
        <source>Show hidde&amp;n details</source>
        <translation>显示隐藏的信息(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_masking.py" line="120"/>
        <source>Some details are hidden (ID number, phone, disability, hardship, care placement). Showing them is written to the audit log.</source>
        <translation>部分信息已隐藏（身份证号、电话、残疾、困难情况、安置机构）。显示这些信息会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_masking.py" line="126"/>
        <source>Some details are hidden (ID number, phone, disability, hardship, care placement); your role may not show them. Typing a new value over a hidden one replaces it.</source>
        <translation>部分信息已隐藏（身份证号、电话、残疾、困难情况、安置机构），您的角色无权显示。在隐藏的内容上输入新值将替换原值。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="41"/>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="42"/>
        <source>Local hukou</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="43"/>
        <source>Hukou elsewhere</source>
        <translation>外地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="160"/>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="161"/>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="162"/>
        <source>Program:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="163"/>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="164"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="165"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="166"/>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="167"/>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="169"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="202"/>
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="172"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="206"/>
        <source>All programs</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="243"/>
        <source>{children} children; {lessons} lessons delivered</source>
        <translation>{children} 名儿童；已授课 {lessons} 节</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="250"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="386"/>
        <source>Children by category</source>
        <translation>按类别统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="258"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="394"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="396"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="266"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="402"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="404"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="274"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="410"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="412"/>
        <source>Hukou</source>
        <translation>户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="288"/>
        <source>Sessions</source>
        <translation>上课次数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="289"/>
        <source>Lessons delivered</source>
        <translation>授课节数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="290"/>
        <source>Children present</source>
        <translation>出勤儿童数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="291"/>
        <source>Child-lessons</source>
        <translation>听课人次（节）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="292"/>
        <source>Lessons per child</source>
        <translation>人均听课节数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="297"/>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="298"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="317"/>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="299"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="332"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="333"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="340"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="347"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="389"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="397"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="405"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="413"/>
        <source>Children</source>
        <translation>儿童数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="339"/>
        <source>Stage and grade</source>
        <translation>学段和年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="346"/>
        <location filename="../../ss_desktop/ui/reports_page.py" line="423"/>
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="371"/>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="379"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="388"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="419"/>
        <source>Lessons by program</source>
        <translation>按项目统计课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="420"/>
        <source>Lessons by term</source>
        <translation>按学期统计课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="421"/>
        <source>Children by site</source>
        <translation>按站点统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="422"/>
        <source>Children by stage and grade</source>
        <translation>按学段和年级统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="436"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="445"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ServiceError</name>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="97"/>
        <source>Enter the site&apos;s name.</source>
        <translation>请填写站点名称。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="98"/>
        <source>The site&apos;s name is too long (at most {max} characters).</source>
        <translation>站点名称太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="101"/>
        <source>A site code has up to 32 letters, digits, dashes or underscores.</source>
        <translation>站点代码最多 32 个字符，只能包含字母、数字、横线或下划线。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="104"/>
        <source>Choose the kind of site.</source>
        <translation>请选择站点类型。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="63"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="64"/>
        <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
        <translation>密码错误次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="65"/>
        <source>This account is switched off. Ask an administrator.</source>
        <translation>此账户已停用。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="66"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="67"/>
        <source>Your role may not show hidden details (ID number, phone, disability, hardship, care placement). Ask a coordinator.</source>
        <translation>您的角色无权显示隐藏的信息（身份证号、电话、残疾、困难情况、安置机构）。请联系协调员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="68"/>
        <source>You may only work with children of your own sites.</source>
        <translation>您只能处理自己所在站点的儿童记录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="69"/>
        <source>This record no longer exists.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="70"/>
        <source>This data folder is already set up ({path}).</source>
        <translation>此数据文件夹已经设置过了（{path}）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="71"/>
        <source>No data here yet ({path}). Run &apos;ss-desktop init --admin NAME&apos; first.</source>
        <translation>这里还没有数据（{path}）。请先运行“ss-desktop init --admin 用户名”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="72"/>
        <source>A user with this name already exists.</source>
        <translation>已有同名用户。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="73"/>
        <source>A user name has 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名由 2 至 32 个字母、数字、点、横线或下划线组成。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="74"/>
        <source>The password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="75"/>
        <source>This password is too easy to guess. Choose another.</source>
        <translation>这个密码太容易被猜到。请换一个。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="76"/>
        <source>Say why the record is archived or restored.</source>
        <translation>请说明归档或恢复这条记录的原因。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="77"/>
        <source>This file is not a backup of this app.</source>
        <translation>这个文件不是本程序的备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="78"/>
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="79"/>
        <source>A file already exists there: {path}. Choose another name.</source>
        <translation>该位置已有文件：{path}。请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="80"/>
        <source>The data file is not a database of this app. It was not changed.</source>
        <translation>数据文件不是本程序的数据库。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="81"/>
        <source>The data file is damaged. It was not changed; restore a backup.</source>
        <translation>数据文件已损坏。文件未被改动；请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="82"/>
        <source>The data was saved by a newer version of this app. Install the newer version; the data was not changed.</source>
        <translation>这些数据由更新版本的程序保存。请安装新版本；数据未被改动。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="83"/>
        <source>Updating the data file failed. A copy made before the update is at {backup}.</source>
        <translation>升级数据文件失败。升级前的副本保存在 {backup}。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="84"/>
        <source>The data file is busy (another copy of the app?). Try again.</source>
        <translation>数据文件正被占用（是否打开了另一个程序窗口？）。请重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="85"/>
        <source>The disk is full. Free some space; nothing typed was lost.</source>
        <translation>磁盘已满。请清理一些空间；已输入的内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="86"/>
        <source>Some fields need fixing: {fields}</source>
        <translation>以下内容需要修改：{fields}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="87"/>
        <source>The key file is missing ({path}), so the encrypted data cannot be opened. Put the data folder back as it was, or ask head office for a recovery (see the user guide).</source>
        <translation>密钥文件不见了（{path}），加密的数据无法打开。请把数据文件夹恢复原样，或请总部协助恢复（见用户指南）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="88"/>
        <source>The key file is damaged or cut short ({path}). Nothing was changed. Put back a good copy of the data folder, or ask head office for a recovery.</source>
        <translation>密钥文件已损坏或不完整（{path}）。没有做任何更改。请放回一份完好的数据文件夹副本，或请总部协助恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="89"/>
        <source>The key file is not one of this app ({path}). Nothing was changed.</source>
        <translation>这个密钥文件不是本程序的（{path}）。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="90"/>
        <source>The key file was written by a newer version of this app ({path}). Install the newer version.</source>
        <translation>密钥文件是由本程序的较新版本写入的（{path}）。请安装较新版本。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="91"/>
        <source>The data file does not belong to this laptop&apos;s key file (was it copied from another laptop?). Nothing was changed. Restore a backup made on this laptop, or ask head office for a recovery.</source>
        <translation>数据文件与这台电脑的密钥文件不匹配（是从别的电脑复制来的吗？）。没有做任何更改。请恢复在这台电脑上做的备份，或请总部协助恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="92"/>
        <source>This password does not open the backup. Enter the password that {user} had when the backup was made. Nothing was changed.</source>
        <translation>这个密码打不开备份。请输入 {user} 在做备份时使用的密码。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="93"/>
        <source>This laptop was never enrolled with head office, so head office cannot recover its data. Only a user&apos;s password opens it.</source>
        <translation>这台电脑从未在总部登记，总部无法恢复它的数据。只有用户的密码能打开它。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="94"/>
        <source>No recovery was requested on this laptop. Make a request first (&apos;ss-desktop recovery request FILE&apos;).</source>
        <translation>这台电脑还没有提出恢复请求。请先提出请求（&apos;ss-desktop recovery request 文件&apos;）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="95"/>
        <source>This is not head office&apos;s answer to this laptop&apos;s recovery request ({reason}). Nothing was changed.</source>
        <translation>这不是总部对这台电脑恢复请求的答复（{reason}）。没有做任何更改。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="165"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="166"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="167"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="168"/>
        <source>&amp;Lock after idle:</source>
        <translation>闲置自动锁定(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="169"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="170"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="171"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="172"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="173"/>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="174"/>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="176"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="178"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="179"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="181"/>
        <source>Database revision:</source>
        <translation>数据库版本：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="183"/>
        <source>Device ID:</source>
        <translation>设备编号：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="186"/>
        <location filename="../../ss_desktop/ui/settings_page.py" line="245"/>
        <source>Last backup: {path}</source>
        <translation>最近一次备份：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="226"/>
        <source>Back up all data to</source>
        <translation>把全部数据备份到</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="228"/>
        <source>Backup files (*.ssbackup)</source>
        <translation>备份文件 (*.ssbackup)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="268"/>
        <source>Backup files (*.ssbackup *.sqlite3);;All files (*)</source>
        <translation>备份文件 (*.ssbackup *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="239"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="249"/>
        <source>Backup written.</source>
        <translation>备份已完成。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="254"/>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="266"/>
        <source>Restore data from</source>
        <translation>从以下文件恢复数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="281"/>
        <location filename="../../ss_desktop/ui/settings_page.py" line="293"/>
        <location filename="../../ss_desktop/ui/settings_page.py" line="314"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="282"/>
        <source>The backup is encrypted. Enter your password as it was when the backup was made:</source>
        <translation>备份是加密的。请输入您做备份时的密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="294"/>
        <source>Replace ALL data on this laptop with the backup {name}? The current data is saved to the backup folder first. Everyone will need to sign in again.</source>
        <translation>要用备份 {name} 替换这台电脑上的全部数据吗？当前数据会先保存到备份文件夹。之后所有人都需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="315"/>
        <source>The data was restored. The data it replaced was saved to {path}. Please sign in again.</source>
        <translation>数据已恢复。被替换的数据已保存到 {path}。请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="324"/>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="84"/>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="89"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/signin.py" line="119"/>
        <source>%n more wrong password(s) will pause sign-in.</source>
        <translation>
            <numerusform>再输错 %n 次密码，登录将被暂停。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="135"/>
        <source>You can try again now.</source>
        <translation>现在可以再试一次。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="187"/>
        <source>Sign in — Stepping Stones</source>
        <translation>登录 — 踏脚石</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="188"/>
        <source>Stepping Stones registration</source>
        <translation>踏脚石儿童登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="189"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="190"/>
        <location filename="../../ss_desktop/ui/signin.py" line="255"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="191"/>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="192"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="248"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="250"/>
        <source>The app was locked because nobody used it for a while. {user}, enter your password to continue.</source>
        <translation>程序因一段时间无人使用而锁定。{user}，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="256"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="257"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="46"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="47"/>
        <location filename="../../ss_desktop/ui/sites_page.py" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="51"/>
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="53"/>
        <location filename="../../ss_desktop/ui/sites_page.py" line="201"/>
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="54"/>
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="57"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="58"/>
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="59"/>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="176"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="180"/>
        <source>Programs of the site</source>
        <translation>本站点的项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="185"/>
        <source>Children in the program</source>
        <translation>参加项目的儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="190"/>
        <source>New site&apos;s name</source>
        <translation>新站点名称</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="192"/>
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="196"/>
        <source>New program&apos;s name</source>
        <translation>新项目名称</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="204"/>
        <source>Add program</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="209"/>
        <source>Find children of the site: name, pinyin, initials</source>
        <translation>查找本站点儿童：姓名、拼音、首字母</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="214"/>
        <source>Enroll the selected children</source>
        <translation>为所选儿童报名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="219"/>
        <source>Select several children with Ctrl or Shift, then enroll them.</source>
        <translation>按住 Ctrl 或 Shift 选择多名儿童，然后报名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="444"/>
        <source>Select the children to enroll first.</source>
        <translation>请先选择要报名的儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="451"/>
        <source>{n} enrolled; {m} were already.</source>
        <translation>已报名 {n} 名；{m} 名此前已报名。</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="16"/>
        <source>Head office does not know this enrollment code, or it was already used. Check the code, or ask head office for a new one.</source>
        <translation>总部不认识这个注册码，或者它已被使用过。请检查注册码，或向总部索取新的注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="20"/>
        <source>This enrollment code has expired. Ask head office for a new one.</source>
        <translation>这个注册码已过期。请向总部索取新的注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="23"/>
        <source>Head office has switched off sync for this laptop. Nothing was sent. Ask head office for a new enrollment code and enroll again; your unsent changes are kept.</source>
        <translation>总部已停止本机的同步，没有发送任何数据。请向总部索取新的注册码并重新注册；未发送的更改都会保留。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="27"/>
        <source>This laptop is not enrolled with head office yet (or head office no longer knows it). Enroll it with a code from head office.</source>
        <translation>本机尚未在总部注册（或总部已不认识本机）。请用总部提供的注册码注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="35"/>
        <source>This laptop already has head office&apos;s address. To use another head office, enroll again with a code from it.</source>
        <translation>本机已经有总部地址。要改用另一个总部，请用那个总部的注册码重新注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="31"/>
        <source>This laptop was enrolled with a file that names no head-office address, so it syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back.</source>
        <translation>本机是用没有总部地址的注册文件注册的，所以通过U盘同步包同步：写入同步包，带到总部，再读取总部给您的回执。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="31"/>
        <source>&apos;{url}&apos; is not a server address. Enter it like https://hq.example.org.</source>
        <translation>“{url}”不是服务器地址。请按 https://hq.example.org 的格式输入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="34"/>
        <source>&apos;{url}&apos; is not encrypted (http). Use an https:// address, or switch on &apos;allow insecure connections&apos; if head office told you to.</source>
        <translation>“{url}”没有加密（http）。请使用 https:// 地址；如果总部要求，也可以打开“允许不安全连接”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="38"/>
        <source>The certificate file {path} does not exist. Choose the file head office gave you.</source>
        <translation>证书文件 {path} 不存在。请选择总部提供的文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="42"/>
        <source>Head office cannot be reached. Check the network connection; sync will try again. Your changes are kept on this laptop.</source>
        <translation>无法连接总部。请检查网络连接；同步会自动重试。您的更改保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="46"/>
        <source>The head-office server name could not be found. Check the network connection and the server address; sync will try again.</source>
        <translation>找不到总部服务器的名称。请检查网络连接和服务器地址；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="50"/>
        <source>The secure connection to head office failed: its certificate could not be checked. Check the server address and the certificate setting; nothing was sent.</source>
        <translation>与总部的安全连接失败：无法验证其证书。请检查服务器地址和证书设置；没有发送任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="54"/>
        <source>The connection to head office broke off. Nothing was lost; sync will try again.</source>
        <translation>与总部的连接中断了。没有丢失任何数据；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="58"/>
        <source>Head office stopped answering (the connection stalled). Nothing was lost; sync will try again with smaller pieces.</source>
        <translation>总部没有响应（连接停滞）。没有丢失任何数据；同步会以更小的批次重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="62"/>
        <source>Head office had a problem (error {status}). Nothing was lost; sync will try again later.</source>
        <translation>总部出现问题（错误 {status}）。没有丢失任何数据；稍后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="66"/>
        <source>Head office is busy. Sync will try again later.</source>
        <translation>总部正忙。稍后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="69"/>
        <source>Head office sent an answer that cannot be read ({detail}). Nothing was lost; sync will try again.</source>
        <translation>总部返回的内容无法读取（{detail}）。没有丢失任何数据；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="73"/>
        <source>Head office refused the request ({reason}): {message}</source>
        <translation>总部拒绝了请求（{reason}）：{message}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="76"/>
        <source>The disk is full: the changes from head office could not be saved. Free some space; nothing was lost.</source>
        <translation>磁盘已满，无法保存来自总部的更改。请清理一些空间；没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="80"/>
        <source>{path} is not an enrollment file from head office, or it is damaged.</source>
        <translation>{path} 不是总部提供的注册文件，或者文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="83"/>
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="84"/>
        <source>A file already exists there: {path}. Choose another name.</source>
        <translation>该位置已有文件：{path}。请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="87"/>
        <source>The bundle file is damaged or was changed after it was written ({detail}). Nothing was applied. Export a new bundle on the laptop.</source>
        <translation>同步包已损坏或写入后被改动（{detail}），未导入任何内容。请在笔记本电脑上重新导出同步包。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="91"/>
        <source>The bundle was not written by a laptop enrolled here, or not for this head office. Nothing was applied.</source>
        <translation>该同步包不是由在此注册的笔记本电脑写入的，或不是发给本总部的，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="95"/>
        <source>This receipt is damaged, is not from this laptop&apos;s head office, or is for another laptop ({detail}). Nothing was changed.</source>
        <translation>该回执已损坏、不是来自本机的总部，或是发给另一台电脑的（{detail}）。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="99"/>
        <source>There are no unsent changes: no bundle is needed.</source>
        <translation>没有未发送的更改，不需要同步包。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="102"/>
        <source>This laptop&apos;s clock is off by about {amount}. Set the right date and time in the system settings. Your changes were kept and stamped with head office&apos;s time.</source>
        <translation>本机时钟大约差了 {amount}。请在系统设置中校正日期和时间。您的更改已保留，并按总部的时间记录。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="194"/>
        <source>Sync with head office</source>
        <translation>与总部同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="27"/>
        <source>Head office found a value it cannot accept. Correct the record, then retry.</source>
        <translation>总部发现有一项内容无法接受。请修改该记录，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="30"/>
        <source>The record belongs to a site this laptop is not enrolled for. Move it to one of this laptop&apos;s sites, or ask head office to add the site, then retry.</source>
        <translation>该记录属于本机未注册的站点。请把它转到本机的站点，或请总部为本机添加该站点，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="34"/>
        <source>The change was stamped with a date far in the future. Set the laptop&apos;s date and time, then retry.</source>
        <translation>这项更改的时间远在未来。请先校正本机的日期和时间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="38"/>
        <source>Head office does not know this kind of record. Update the app, then retry.</source>
        <translation>总部不认识这种记录。请先更新本软件，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="41"/>
        <source>The change could not be read by head office. Retry; if it comes back, dismiss it.</source>
        <translation>总部无法读取这项更改。请重试；如果再次出现，请忽略它。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="45"/>
        <source>The change refers to a record head office does not have. Retry after the first sync.</source>
        <translation>这项更改引用了总部没有的记录。请在第一次同步之后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="51"/>
        <source>Head office has closed this child&apos;s site: it takes no new children. Move the child to an open site, then retry.</source>
        <translation>总部已关闭这名儿童所在的站点，该站点不再接收新登记的儿童。请把儿童改到仍开放的站点，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="50"/>
        <source>Head office refused the change ({reason}).</source>
        <translation>总部拒绝了这项更改（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="53"/>
        <source>Head office has not accepted the child this record belongs to (see the child&apos;s row). Retrying the child sends this record again with it.</source>
        <translation>总部还没有接受该记录所属的儿童（见该儿童的那一行）。重试该儿童时，此记录会一起重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="298"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="52"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="53"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="54"/>
        <source>Consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="55"/>
        <source>Programme enrolment</source>
        <translation>项目报名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="56"/>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="57"/>
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="58"/>
        <source>Attendance session</source>
        <translation>考勤课次</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="59"/>
        <source>Attendance mark</source>
        <translation>考勤记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="62"/>
        <source>Sending changes: {done} of {total}</source>
        <translation>正在发送更改：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="63"/>
        <source>Receiving changes from head office: {done}</source>
        <translation>正在接收总部的更改：{done}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="64"/>
        <source>Comparing with head office…</source>
        <translation>正在与总部核对…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="85"/>
        <source>ahead</source>
        <translation>偏快</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="87"/>
        <source>behind</source>
        <translation>偏慢</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="95"/>
        <source>Audit log row {row} was changed on this laptop before it was sent.</source>
        <translation>审计日志第 {row} 行在发送之前已在这台电脑上被修改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="98"/>
        <source>Audit log rows before row {row} were deleted on this laptop.</source>
        <translation>审计日志第 {row} 行之前的记录已在这台电脑上被删除。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="101"/>
        <source>Audit log rows before row {row} were changed on this laptop.</source>
        <translation>审计日志第 {row} 行之前的记录已在这台电脑上被修改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="104"/>
        <source>This laptop&apos;s audit log was rewritten from row {row} (edited, or an older backup was restored).</source>
        <translation>这台电脑的审计日志从第 {row} 行起被改写了（被修改过，或恢复了较早的备份）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="109"/>
        <source>Audit log row {row} was changed on this laptop after it was sent; head office keeps the original.</source>
        <translation>审计日志第 {row} 行在发送之后已在这台电脑上被修改；总部保留了原始记录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="117"/>
        <source>This laptop&apos;s audit log does not verify from row {row}.</source>
        <translation>这台电脑的审计日志从第 {row} 行起无法通过校验。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="121"/>
        <source>{detail} Head office has been told. Syncing goes on; tell your coordinator.</source>
        <translation>{detail}已通知总部。同步会继续进行；请告诉您的协调员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="135"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="195"/>
        <source>Enrol this laptop</source>
        <translation>注册本机</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="196"/>
        <source>Head-office &amp;address:</source>
        <translation>总部地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="198"/>
        <source>Enrolment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="199"/>
        <source>&amp;Enrol</source>
        <translation>注册(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="200"/>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="202"/>
        <source>Head office:</source>
        <translation>总部：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="203"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="204"/>
        <source>Sites:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="205"/>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="206"/>
        <source>Pending changes:</source>
        <translation>待发送的更改：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="207"/>
        <source>Quarantined:</source>
        <translation>被拒收：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="211"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="213"/>
        <source>Send and receive changes now (Ctrl+Shift+S)</source>
        <translation>立即发送和接收更改（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="215"/>
        <source>Write USB &amp;bundle…</source>
        <translation>写入 U 盘同步包(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="216"/>
        <source>Read &amp;receipt…</source>
        <translation>读取回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="217"/>
        <source>Recent rounds</source>
        <translation>最近的同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="220"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="221"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="222"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="223"/>
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="224"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="225"/>
        <source>Checksum</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="94"/>
        <source>Quarantine: changes head office refused</source>
        <translation>隔离区：总部拒收的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="98"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="99"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="100"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="103"/>
        <source>No refused changes.</source>
        <translation>没有被拒收的更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="104"/>
        <source>&amp;Open the record</source>
        <translation>打开记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="105"/>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="107"/>
        <source>Send the record again, after you fixed it</source>
        <translation>修改记录之后，重新发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="109"/>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="268"/>
        <source>This laptop is not enrolled with head office yet, so it does not sync. Ask head office for an enrolment code, then enter their address and the code below; where there is no internet, ask for an enrollment file instead. Until then everything you save stays on this laptop as pending changes.</source>
        <translation>本机尚未在总部注册，所以不会同步。请向总部索取注册码，然后在下方输入总部地址和注册码；没有网络的地方，请向总部索取注册文件。在此之前，您保存的一切都作为待发送的更改保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="273"/>
        <source>Syncing with head office…</source>
        <translation>正在与总部同步…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="277"/>
        <source>Head office cannot be reached right now. Your changes are kept on this laptop; sync starts by itself when head office can be reached.</source>
        <translation>目前无法连接总部。您的更改保存在本机；能连上总部时会自动同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="282"/>
        <source>Head office can be reached. Sync runs by itself every few minutes.</source>
        <translation>可以连接总部。每隔几分钟会自动同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="155"/>
        <source>Sync over the internet too</source>
        <translation>也通过网络同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="157"/>
        <source>&amp;Save the address</source>
        <translation>保存地址(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="420"/>
        <source>Saved: the laptop syncs with head office whenever it can reach it.</source>
        <translation>已保存：本机能连上总部时就会同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="262"/>
        <source>This laptop syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back. Head office gave it no address for syncing over the internet.</source>
        <translation>本机通过U盘同步包同步：写入同步包，带到总部，再读取总部给您的回执。总部没有给本机通过网络同步的地址。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="290"/>
        <source>no address: USB bundles only</source>
        <translation>没有地址：只用U盘同步包</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="286"/>
        <source>Checking whether head office can be reached…</source>
        <translation>正在检查能否连接总部…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="296"/>
        <source>not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="309"/>
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="316"/>
        <source>Connecting to head office…</source>
        <translation>正在连接总部…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="333"/>
        <source>Sync finished: {pushed} sent, {pulled} received, {rejected} refused.</source>
        <translation>同步完成：发送 {pushed} 条，接收 {pulled} 条，被拒收 {rejected} 条。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="340"/>
        <source>Head office had lost {count} change(s) it had already received (it was restored from a backup): they were sent again.</source>
        <translation>总部丢失了 {count} 条已收到的更改（总部数据已从备份恢复）：这些更改已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="362"/>
        <source>Sync stopped. Nothing was lost.</source>
        <translation>同步已中断。没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="376"/>
        <source>matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="378"/>
        <source>differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="391"/>
        <source>Enter head office&apos;s address and the enrolment code.</source>
        <translation>请输入总部地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="70"/>
        <source>Enrol with a &amp;file from head office…</source>
        <translation>用总部提供的文件注册(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="74"/>
        <source>No internet here? Head office can write an enrollment file for this laptop; its changes then travel in USB bundles.</source>
        <translation>这里没有网络？总部可以为本机生成注册文件；之后本机的更改通过U盘同步包传送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="98"/>
        <source>Enrollment file from head office</source>
        <translation>总部提供的注册文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="100"/>
        <source>Enrollment files (*.enroll);;All files (*)</source>
        <translation>注册文件 (*.enroll);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="397"/>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="407"/>
        <source>This laptop is enrolled with head office.</source>
        <translation>本机已在总部注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="427"/>
        <source>Write USB bundle</source>
        <translation>写入 U 盘同步包</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="429"/>
        <source>Sync bundles (*.ssb);;All files (*)</source>
        <translation>同步包 (*.ssb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="434"/>
        <source>The bundle was written.</source>
        <translation>同步包已写入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="440"/>
        <source>Read receipt</source>
        <translation>读取回执</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="442"/>
        <source>Receipts (*.ssr);;All files (*)</source>
        <translation>回执 (*.ssr);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="447"/>
        <source>The receipt was applied.</source>
        <translation>回执已导入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="177"/>
        <source>The record will be sent again with the next sync.</source>
        <translation>该记录会在下次同步时重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="201"/>
        <source>Dismiss the refused change</source>
        <translation>忽略被拒收的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="202"/>
        <source>Head office will not receive this change. The record stays on this laptop as it is. Dismiss it?</source>
        <translation>总部将不会收到这项更改，本机上的记录保持不变。确定忽略吗？</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="52"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="53"/>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="57"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="95"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="107"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="122"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="123"/>
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="124"/>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="125"/>
        <source>&amp;Sites:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="137"/>
        <source>Tick the site(s) this person works at: volunteers and teachers see only the children of their sites.</source>
        <translation>请勾选此人工作的站点：志愿者和教师只能看到自己站点的儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="154"/>
        <source>New password for {user}</source>
        <translation>为 {user} 设置新密码</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="208"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="210"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="211"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="212"/>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="214"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="215"/>
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="239"/>
        <source>all sites</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="256"/>
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
</context>
</TS>
