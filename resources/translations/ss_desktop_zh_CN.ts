<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="92" />
        <source>Cannot open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="93" />
        <source>{problem}

Data folder: {path}</source>
        <translation>{problem}

数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="176" />
        <source>Data restored</source>
        <translation>数据已恢复</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="31" />
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="32" />
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="35" />
        <source>P</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="36" />
        <source>A</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/attendance_model.py" line="37" />
        <source>E</source>
        <translation>假</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="130" />
        <source>&amp;Program:</source>
        <translation>项目(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="131" />
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="132" />
        <source>&amp;Lessons:</source>
        <translation>课时(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="136" />
        <source>Topic (optional)</source>
        <translation>主题（可选）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="138" />
        <source>Add &amp;session</source>
        <translation>添加课次(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/attendance_page.py" line="142" />
        <source>Keys: P or 1 present, A or 2 absent, E or 3 excused, Delete clears. Arrow keys move.</source>
        <translation>按键：P 或 1 出勤，A 或 2 缺勤，E 或 3 请假，Delete 清除。方向键移动。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="46" />
        <source>at sign-out</source>
        <translation>退出登录时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="47" />
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="48" />
        <source>before an update</source>
        <translation>更新前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="49" />
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="50" />
        <source>made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="59" />
        <source>{mb} MB</source>
        <translation>{mb} MB</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="71" />
        <source>{n} children</source>
        <translation>{n} 名儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="75" />
        <source>on the removable drive</source>
        <translation>在移动硬盘/U盘上</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="86" />
        <source>The data was restored from the backup of {when} ({n} children).</source>
        <translation>数据已从 {when} 的备份恢复（{n} 名儿童）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="92" />
        <source>The data was restored from the backup of {when}.</source>
        <translation>数据已从 {when} 的备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="98" />
        <source>The data was restored from {name}.</source>
        <translation>数据已从 {name} 恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="107" />
        <source>The files that did not open were kept in the data folder as {names}; nothing was deleted.</source>
        <translation>无法打开的文件已保留在数据文件夹中，文件名为 {names}；没有删除任何文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="114" />
        <source>The data it replaced was saved to {path}.</source>
        <translation>被替换的数据已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="119" />
        <source>Changes made after that backup are not in it: enter them again, or sync to get back what head office has.</source>
        <translation>该备份之后的改动不在备份里：请重新录入，或同步以取回总部已有的数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="215" />
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="216" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="221" />
        <source>Choose a backup (the newest is chosen). The files that do not open are kept, never deleted. Enter your user name and your password as it was when the backup was made.</source>
        <translation>请选择一个备份（已选中最新的）。无法打开的文件会被保留，绝不删除。请输入您的用户名，以及制作该备份时您的密码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="226" />
        <source>&amp;Other file…</source>
        <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="227" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="229" />
        <source>&amp;Password when the backup was made:</source>
        <translation>制作备份时的密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="231" />
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="232" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="245" />
        <source>No backup was found in the backup folder. Choose a backup file with “Other file…” (on a USB drive, for example).</source>
        <translation>备份文件夹中没有找到备份。请用“其他文件…”选择一个备份文件（例如在U盘上）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="263" />
        <source>Restore data from</source>
        <translation>从以下文件恢复数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="265" />
        <source>Backup files (*.ssbackup);;All files (*)</source>
        <translation>备份文件 (*.ssbackup);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="285" />
        <source>Choose a backup.</source>
        <translation>请选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="289" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/restore_dialog.py" line="294" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>ChildrenModel</name>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="52" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="53" />
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="54" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="55" />
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="56" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="57" />
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="58" />
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="59" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="60" />
        <source>Consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="61" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="65" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="66" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="67" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="68" />
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="72" />
        <source>Preschool</source>
        <translation>学前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="73" />
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="74" />
        <source>Junior secondary</source>
        <translation>初中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="75" />
        <source>Senior secondary</source>
        <translation>高中</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="76" />
        <source>Vocational</source>
        <translation>中职</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="80" />
        <source>Migrant</source>
        <translation>流动儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="81" />
        <source>Low income</source>
        <translation>低收入</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="82" />
        <source>Lower-tier city</source>
        <translation>三线及以下城市</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="83" />
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="84" />
        <source>In care</source>
        <translation>机构养育</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="85" />
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="89" />
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="90" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="91" />
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="133" />
        <source>{stage} {grade}</source>
        <translation>{stage}{grade}年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="203" />
        <source>Guardian consent is missing: this record is saved but not synced.</source>
        <translation>缺少监护人同意：此记录已保存，但不会同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="229" />
        <source>Pending</source>
        <translation>待补</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="231" />
        <source>Given</source>
        <translation>已取得</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="275" />
        <source>Children</source>
        <translation>儿童名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="276" />
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="278" />
        <source>Name, pinyin, initials (zs) or 4+ digits of an ID or phone</source>
        <translation>姓名、拼音、首字母（如 zs）或证件号/电话中的 4 位以上数字</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="282" />
        <source>&amp;View:</source>
        <translation>视图(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="283" />
        <source>S&amp;ite:</source>
        <translation>站点(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="284" />
        <source>&amp;Category:</source>
        <translation>类别(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="285" />
        <source>Sta&amp;ge:</source>
        <translation>学段(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="286" />
        <source>Any grade</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="289" />
        <source>Grade within the school stage</source>
        <translation>学段内的年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="291" />
        <source>Stat&amp;us:</source>
        <translation>状态(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="292" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="294" />
        <source>Open the selected child (Enter)</source>
        <translation>打开所选儿童（回车）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="296" />
        <source>&amp;New child</source>
        <translation>新登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="298" />
        <source>Register a new child (Ctrl+N)</source>
        <translation>登记一名新儿童（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="300" />
        <source>&amp;Archive…</source>
        <translation>归档(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="301" />
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="45" />
        <source>All children</source>
        <translation>全部儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="46" />
        <source>Needs consent</source>
        <translation>待补同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="47" />
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="51" />
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="52" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="58" />
        <source>All stages</source>
        <translation>全部学段</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="63" />
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="64" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_filters.py" line="65" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="402" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="408" />
        <source>More than %n children match</source>
        <translation>
            <numerusform>超过 %n 名儿童符合条件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="421" />
        <source>No child matches.</source>
        <translation>没有符合条件的儿童。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="425" />
        <source>%n child(ren)</source>
        <translation>
            <numerusform>共 %n 名儿童</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="470" />
        <source>Archive child</source>
        <translation>归档儿童记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="471" />
        <source>Why is this record archived? (e.g. left the school, moved away)</source>
        <translation>为什么归档这条记录？（例如：已离校、已搬走）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="479" />
        <source>Restore child</source>
        <translation>恢复儿童记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="480" />
        <source>Why is this record restored?</source>
        <translation>为什么恢复这条记录？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="503" />
        <source>Archived.</source>
        <translation>已归档。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="505" />
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_empty.py" line="60" />
        <source>No children registered yet. Register them one by one, or import a whole class list from Excel (.xlsx) or CSV.</source>
        <translation>还没有登记任何儿童。可以逐个登记，也可以从 Excel（.xlsx）或 CSV 文件导入整个班级名单。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_empty.py" line="66" />
        <source>Register a child (Ctrl+N)</source>
        <translation>登记一名儿童（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_empty.py" line="69" />
        <source>Import a class &amp;list…</source>
        <translation>导入班级名单(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../ss_desktop/cli/common.py" line="33" />
        <source>no password: set {env} or run in a terminal</source>
        <translation>没有密码：请设置环境变量 {env}，或在终端中运行</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/common.py" line="39" />
        <source>Repeat the password: </source>
        <translation>再输入一次密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/common.py" line="40" />
        <source>the passwords do not match</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/common.py" line="65" />
        <source>say which user acts: --user NAME</source>
        <translation>请指明由哪个用户操作：--user 用户名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/common.py" line="67" />
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="36" />
        <source>Your password when the backup was made: </source>
        <translation>做备份时你的密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="37" />
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="44" />
        <source>Password for the new admin {user}: </source>
        <translation>新管理员 {user} 的密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="53" />
        <source>Created {folder} with admin '{user}'.</source>
        <translation>已创建 {folder}，管理员为 “{user}”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="67" />
        <source>--count must be zero or more</source>
        <translation>--count 必须是 0 或更大的数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="74" />
        <source>Added {children} children, {sites} sites, {programs} programs, {sessions} attendance sessions in {seconds:.1f} s ({rate:.0f} children/s).</source>
        <translation>已添加 {children} 名儿童、{sites} 个站点、{programs} 个项目、{sessions} 次考勤，用时 {seconds:.1f} 秒（每秒 {rate:.0f} 名儿童）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="94" />
        <source>--limit must be 1 or more</source>
        <translation>--limit 必须是 1 或更大的数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="114" />
        <source>No child matches.</source>
        <translation>没有符合条件的儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="162" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="124" />
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="138" />
        <source>children (active)</source>
        <translation>儿童（在册）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="139" />
        <source>children (archived)</source>
        <translation>儿童（已归档）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="143" />
        <source>changes not yet sent</source>
        <translation>尚未发送的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="144" />
        <source>of them waiting for consent</source>
        <translation>其中等待同意书的</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="146" />
        <source>changes head office refused</source>
        <translation>总部拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="147" />
        <source>last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="152" />
        <source>this laptop's device id</source>
        <translation>本机设备编号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="173" />
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="183" />
        <source>Replace all data in {folder} with {path}? [y/N] </source>
        <translation>用 {path} 替换 {folder} 中的全部数据吗？[y/N] </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="188" />
        <source>Nothing restored.</source>
        <translation>没有恢复任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="200" />
        <source>, made {when}</source>
        <translation>（{when} 制作）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="202" />
        <source> with {n} children</source>
        <translation>，含 {n} 名儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="211" />
        <source>The data could not be opened: {reason}</source>
        <translation>无法打开数据：{reason}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="213" />
        <source>Set aside (not deleted): {path}</source>
        <translation>已移到一旁（未删除）：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="214" />
        <source>Restored from {path}{when}{children}.</source>
        <translation>已从 {path}{when}{children}恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="219" />
        <source>The data it replaced was saved to {path}</source>
        <translation>被替换的数据已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="224" />
        <source>Sign in with the password of that time.</source>
        <translation>请用备份时的密码登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="251" />
        <source>say who restores the backup: --user NAME</source>
        <translation>请说明由谁恢复备份：--user 用户名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="28" />
        <source>say where head office is: --server URL</source>
        <translation>请指明总部的地址：--server 网址</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="45" />
        <source>Enrolled as device {device} for {n} site(s).</source>
        <translation>已登记为设备 {device}，负责 {n} 个站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="75" />
        <source>push: {done}{total} changes sent</source>
        <translation>发送：{done}{total} 条更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="76" />
        <source>pull: {done}{total} changes received</source>
        <translation>接收：{done}{total} 条更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="77" />
        <source>audit: {done}{total} audit rows sent</source>
        <translation>审计：已发送 {done}{total} 条审计记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="80" />
        <source>push</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="81" />
        <source>pull</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="82" />
        <source>audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="83" />
        <source>check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="85" />
        <source> (batch of {size}, {seconds} s; {sent} KB sent, {received} KB received)</source>
        <translation>（每批 {size} 条，{seconds} 秒；发送 {sent} KB，接收 {received} KB）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="91" />
        <source> of {total}</source>
        <translation> / {total}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="123" />
        <source>--retries must be zero or more</source>
        <translation>--retries 必须是 0 或更大的数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="125" />
        <source>--give-up-after must be more than 0 seconds</source>
        <translation>--give-up-after 必须大于 0 秒</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="136" />
        <source>sync stopped; {pending} change(s) still pending. Nothing was lost: what head office acknowledged stays sent, the rest goes at the next sync.</source>
        <translation>同步已停止；还有 {pending} 条更改待发送。没有丢失任何数据：总部已确认的更改算作已发送，其余的在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="143" />
        <source>Pushed {pushed}, pulled {pulled}, rejected {rejected} in {seconds:.1f} s; {pending} change(s) still pending.</source>
        <translation>发送 {pushed} 条，接收 {pulled} 条，被拒绝 {rejected} 条，用时 {seconds:.1f} 秒；还有 {pending} 条更改待发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="156" />
        <source>The connection failed {n} time(s) on the way; each failed request was sent again.</source>
        <translation>途中连接中断了 {n} 次；每个失败的请求都已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="164" />
        <source>{n} of them wait for a guardian's consent: see the Needs consent list.</source>
        <translation>其中 {n} 条在等待监护人同意：见“待同意”列表。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="171" />
        <source>Rejected changes are in the quarantine list: see the Sync page.</source>
        <translation>被拒绝的更改在隔离列表中：见“同步”页。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="175" />
        <source>Head office had lost {n} change(s) it once acknowledged (restored from a backup?): they were sent again.</source>
        <translation>总部丢失了 {n} 条曾确认过的更改（可能从备份恢复过）：已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="182" />
        <source>Warning: this laptop holds {local} records of its sites, head office {server}; they will be compared again at the next sync.</source>
        <translation>注意：本机有其站点的 {local} 条记录，总部有 {server} 条；下次同步时会再次核对。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="205" />
        <source>Wrote {n} change(s) (seq {first}-{last}) to {path}. Take it to head office; keep it until the receipt comes back.</source>
        <translation>已把 {n} 条更改（序号 {first}-{last}）写入 {path}。请把它带到总部；在拿到回执前请保留此文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="215" />
        <source>Receipt applied: {acked} change(s) acknowledged, {rejected} rejected, {pulled} received from head office.</source>
        <translation>回执已读入：{acked} 条更改已确认，{rejected} 条被拒绝，从总部收到 {pulled} 条。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/sync.py" line="222" />
        <source>Head office had lost {n} change(s) it once acknowledged (restored from a backup?): export a new bundle to carry them again.</source>
        <translation>总部丢失了 {n} 条曾确认过的更改（可能从备份恢复过）：请导出新的数据包再带过去。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="56" />
        <source>... checked {done} of {total} rows</source>
        <translation>……已检查 {done} / {total} 行</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="65" />
        <source>... imported {done} of {total} rows</source>
        <translation>……已导入 {done} / {total} 行</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="100" />
        <source>would import {imported} row(s), rejected {rejected} row(s).</source>
        <translation>可导入 {imported} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="104" />
        <source>imported {imported} row(s), rejected {rejected} row(s).</source>
        <translation>已导入 {imported} 行，拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="117" />
        <source>  row {row}: {reasons}</source>
        <translation>  第 {row} 行：{reasons}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="121" />
        <source>  row {row} skipped: {reason}</source>
        <translation>  第 {row} 行已跳过：{reason}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="136" />
        <source>{n} row(s) may be a child already registered:</source>
        <translation>{n} 行可能是已登记的儿童：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="141" />
        <source>  row {row}: {reason} (score {score})</source>
        <translation>  第 {row} 行：{reason}（相似度 {score}）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="167" />
        <source>the export file must end in .xlsx or .csv</source>
        <translation>导出文件名必须以 .xlsx 或 .csv 结尾</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="177" />
        <source>... exported {done} of {total} rows</source>
        <translation>……已导出 {done} / {total} 行</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="183" />
        <source>Exported {n} children to {path}.</source>
        <translation>已把 {n} 名儿童导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="268" />
        <source>Wrote {path}. Send it to head office; bring back the answer file and run 'ss-desktop recovery apply ANSWER --admin NAME'.</source>
        <translation>已写出 {path}。请把它发给总部；拿回答复文件后运行 “ss-desktop recovery apply 答复文件 --admin 用户名”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="275" />
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="280" />
        <source>The data is open again. Sign in as '{user}' with the new password.</source>
        <translation>数据已重新打开。请以 “{user}” 用新密码登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/__main__.py" line="89" />
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="15" />
        <source>Stepping Stones registration (laptop). With no command, starts the app.</source>
        <translation>铺路石儿童登记（笔记本电脑）。不带命令时启动程序。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="21" />
        <source>keep every file of the app under this folder (default: the platform's data folder; env SS_DESKTOP_HOME)</source>
        <translation>程序的所有文件都放在这个文件夹里（默认：系统的数据文件夹；环境变量 SS_DESKTOP_HOME）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="28" />
        <source>act as this local user (password from env {env} or a prompt)</source>
        <translation>以这个本机用户的身份操作（密码取自环境变量 {env}，或提示输入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="34" />
        <source>language of the app and of this command's messages (zh_CN or en; default: the system's)</source>
        <translation>程序和本命令提示所用的语言（zh_CN 或 en；默认：系统语言）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="40" />
        <source>print one JSON object</source>
        <translation>输出一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="44" />
        <source>create the data folder, database and first admin account</source>
        <translation>创建数据文件夹、数据库和第一个管理员账号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="50" />
        <source>user name of the first admin</source>
        <translation>第一个管理员的用户名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="56" />
        <source>open a temporary database and the main window, then exit</source>
        <translation>打开一个临时数据库和主窗口，然后退出</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="61" />
        <source>add realistic fake children, sites, programs and attendance</source>
        <translation>添加逼真的虚构儿童、站点、项目和考勤</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="68" />
        <source>search children as the app's search box does</source>
        <translation>像程序的搜索框一样搜索儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="76" />
        <source>counts: children, pending and quarantined changes, last sync</source>
        <translation>统计：儿童、待发送和被拒绝的更改、上次同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="81" />
        <source>write a consistent copy of all data to FILE</source>
        <translation>把全部数据的一致副本写入 FILE</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="87" />
        <source>replace all data with a backup FILE (the current data is backed up first)</source>
        <translation>用备份文件 FILE 替换全部数据（先备份当前数据）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="94" />
        <source>do not ask for confirmation</source>
        <translation>不询问确认</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="99" />
        <source>enroll this laptop with head office (a one-time code, or an enrollment file for a laptop that was never online)</source>
        <translation>在总部登记这台电脑（一次性登记码，或给从未联网的电脑用的登记文件）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="108" />
        <source>the one-time enrollment code from head office</source>
        <translation>总部给的一次性登记码</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="113" />
        <source>an enrollment file from 'ss-hq enroll-file'</source>
        <translation>由 “ss-hq enroll-file” 生成的登记文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="118" />
        <source>head office's address, e.g. https://hq.example.org</source>
        <translation>总部的地址，例如 https://hq.example.org</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="121" />
        <source>this laptop's name at head office</source>
        <translation>这台电脑在总部的名称</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="126" />
        <source>trust the certificates in this PEM file</source>
        <translation>信任这个 PEM 文件中的证书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="131" />
        <source>allow plain http to a server that is not on this computer</source>
        <translation>允许用不加密的 http 连接不在本机上的服务器</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="137" />
        <source>one full sync round with head office (push, then pull)</source>
        <translation>与总部完整同步一轮（先发送，再接收）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="138" />
        <source>One full sync round: push, pull, compare. A request that fails on the way (a cut or reset connection, a time-out, 502/503/504) is tried again, with a smaller batch, until the round makes no progress for --give-up-after seconds. Prints a line per batch; --json prints only the summary. Ctrl+C stops the round: whatever head office acknowledged stays sent.</source>
        <translation>完整的一轮同步：发送、接收、核对。途中失败的请求（连接中断或被重置、超时、502/503/504）会以更小的批次重试，直到这一轮在 --give-up-after 秒内毫无进展为止。每一批打印一行；--json 只打印汇总。按 Ctrl+C 停止本轮：总部已确认的更改算作已发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="152" />
        <source>after a round gives up, start up to N more rounds (with backoff)</source>
        <translation>一轮放弃后，最多再开始 N 轮（逐次延长等待）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="159" />
        <source>stop when nothing got through for this long (default: 180, three minutes)</source>
        <translation>在这么长时间内没有任何进展就停止（默认 180 秒，即三分钟）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="165" />
        <source>USB bundles for sync without a network</source>
        <translation>无网络时用 U 盘同步的数据包</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="169" />
        <source>write the changes head office has not acknowledged to FILE (signed and encrypted)</source>
        <translation>把总部尚未确认的更改写入 FILE（已签名并加密）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="176" />
        <source>apply head office's receipt FILE</source>
        <translation>读入总部的回执文件 FILE</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="182" />
        <source>recover the data when every password is forgotten, with head office's help (see the user guide)</source>
        <translation>所有密码都忘记时，在总部帮助下恢复数据（见用户指南）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="189" />
        <source>write the request FILE for head office</source>
        <translation>写出给总部的申请文件 FILE</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="194" />
        <source>open the data with head office's answer FILE and set a new password for an admin (env SS_DESKTOP_PASSWORD or a prompt)</source>
        <translation>用总部的答复文件 FILE 打开数据，并为一个管理员设置新密码（环境变量 SS_DESKTOP_PASSWORD 或提示输入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="203" />
        <source>this admin account gets the new password (created if missing)</source>
        <translation>这个管理员账号获得新密码（不存在则创建）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="208" />
        <source>import a class list (.xlsx or .csv); exit 0 all rows imported, 3 some rows rejected, 2 the file is unusable</source>
        <translation>导入班级名单（.xlsx 或 .csv）；退出码 0：全部导入，3：有行被拒绝，2：文件无法使用</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="217" />
        <source>the site the children belong to (needed when you have more than one site)</source>
        <translation>这些儿童所属的站点（有多个站点时必填）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="222" />
        <source>check every row, save nothing</source>
        <translation>检查每一行，但不保存</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="227" />
        <source>write the rejected rows with their reasons to this file (fix it and import it again)</source>
        <translation>把被拒绝的行及原因写入这个文件（改正后可再次导入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/parser.py" line="236" />
        <source>export the children you may see to FILE.xlsx or FILE.csv (headers and values in the command's language; the file can be imported again)</source>
        <translation>把你有权查看的儿童导出到 FILE.xlsx 或 FILE.csv（表头和内容使用本命令的语言；文件可以再次导入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="406" />
        <source>some fields need fixing:</source>
        <translation>有些项需要改正：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="409" />
        <source>unexpected error ({type}); see the log file for details</source>
        <translation>意外错误（{type}）；详情见日志文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="174" />
        <source>ahead</source>
        <translation>快</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="174" />
        <source>behind</source>
        <translation>慢</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="140" />
        <source>children not yet sent</source>
        <translation>尚未发送的儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="141" />
        <source>children waiting for consent</source>
        <translation>等待同意书的儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="142" />
        <source>records not yet sent</source>
        <translation>尚未发送的记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="145" />
        <source>oldest change not yet sent</source>
        <translation>最早一条未发送更改的时间</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="148" />
        <source>last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="149" />
        <source>backup overdue (over a week old while changes wait to be sent)</source>
        <translation>备份已逾期（超过一周，且有更改等待发送）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="164" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/local_data.py" line="164" />
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>DivisionPicker</name>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="200" />
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="201" />
        <source>Prefecture / city</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="202" />
        <source>County / district</source>
        <translation>区县</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="34" />
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="35" />
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="36" />
        <source>similar name</source>
        <translation>姓名相近</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="37" />
        <source>same birth date</source>
        <translation>出生日期相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="38" />
        <source>close birth date</source>
        <translation>出生日期相近</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="39" />
        <source>same guardian phone</source>
        <translation>监护人电话相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="40" />
        <source>same site</source>
        <translation>同一站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="41" />
        <source>same gender</source>
        <translation>性别相同</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="44" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="45" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="46" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="47" />
        <source>Why it matches</source>
        <translation>相似之处</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="48" />
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="199" />
        <source>A child registered at another site matches this one. You may not open that record; if this is a different child, say why and save anyway.</source>
        <translation>另一个站点登记的一名儿童与此儿童相符。您无权打开该记录；如果这是另一名儿童，请说明原因后仍然保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="205" />
        <source>This child may already be registered. Open the existing record, or save anyway and say why.</source>
        <translation>这名儿童可能已经登记过。请打开已有记录，或说明原因后仍然保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="127" />
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="131" />
        <source>e.g. twins; a different child with the same name</source>
        <translation>例如：双胞胎；同名的另一名儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="138" />
        <source>&amp;Open existing</source>
        <translation>打开已有记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="141" />
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="146" />
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="172" />
        <source>A matching child is registered at another site</source>
        <translation>另一个站点已登记了相符的儿童</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="21" />
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="22" />
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="23" />
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="24" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="27" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="28" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="29" />
        <location filename="../../ss_core/domain/labels.py" line="42" />
        <location filename="../../ss_core/domain/labels.py" line="90" />
        <location filename="../../ss_core/domain/labels.py" line="99" />
        <location filename="../../ss_core/domain/labels.py" line="123" />
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="30" />
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="33" />
        <source>Exact date</source>
        <translation>精确到日</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="34" />
        <source>Month only</source>
        <translation>仅知年月</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="35" />
        <source>Year only</source>
        <translation>仅知年份</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="38" />
        <source>Resident hukou</source>
        <translation>居民户口</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="39" />
        <source>Agricultural (old)</source>
        <translation>农业户口（旧）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="40" />
        <source>Non-agricultural (old)</source>
        <translation>非农业户口（旧）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="41" />
        <source>Not registered</source>
        <translation>未落户</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="45" />
        <source>Preschool</source>
        <translation>学前</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="46" />
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="47" />
        <source>Junior secondary</source>
        <translation>初中</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="48" />
        <source>Senior secondary</source>
        <translation>高中</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="49" />
        <source>Secondary vocational</source>
        <translation>中职</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="52" />
        <source>6-3-3</source>
        <translation>六三三学制</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="53" />
        <source>5-4 (Shanghai)</source>
        <translation>五四学制（上海）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="56" />
        <source>Public school</source>
        <translation>公办学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="57" />
        <source>Migrant school</source>
        <translation>随迁子女学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="58" />
        <source>Private school</source>
        <translation>民办学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="59" />
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="60" />
        <source>Vocational school</source>
        <translation>职业学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="61" />
        <source>Teaching point</source>
        <translation>教学点</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="62" />
        <source>Care home</source>
        <translation>儿童福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="63" />
        <source>Community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="64" />
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="67" />
        <source>Migrant</source>
        <translation>流动儿童</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="68" />
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="69" />
        <source>In care</source>
        <translation>机构养育</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="70" />
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="71" />
        <source>Low income</source>
        <translation>低收入</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="72" />
        <source>Lower-tier city</source>
        <translation>三线及以下城市</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="75" />
        <source>With both parents</source>
        <translation>与父母同住</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="76" />
        <source>With one parent</source>
        <translation>与父亲或母亲同住</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="77" />
        <source>With grandparents</source>
        <translation>与祖辈同住</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="78" />
        <source>With other relatives</source>
        <translation>与其他亲属同住</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="79" />
        <source>In a care home</source>
        <translation>住在福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="80" />
        <source>At boarding school</source>
        <translation>寄宿在学校</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="81" />
        <source>Alone</source>
        <translation>独自生活</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="82" />
        <location filename="../../ss_core/domain/labels.py" line="133" />
        <location filename="../../ss_core/domain/labels.py" line="163" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="85" />
        <source>Lives with the child</source>
        <translation>与孩子同住</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="86" />
        <source>Working away</source>
        <translation>外出务工</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="87" />
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="88" />
        <source>Unable to care</source>
        <translation>无抚养能力</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="89" />
        <source>Missing</source>
        <translation>下落不明</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="93" />
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="94" />
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="95" />
        <source>A few times a year</source>
        <translation>一年几次</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="96" />
        <source>Once a year</source>
        <translation>一年一次</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="97" />
        <source>Less than once a year</source>
        <translation>不到一年一次</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="98" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="102" />
        <source>Visual</source>
        <translation>视力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="103" />
        <source>Hearing</source>
        <translation>听力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="104" />
        <source>Speech</source>
        <translation>言语残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="105" />
        <source>Physical</source>
        <translation>肢体残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="106" />
        <source>Intellectual</source>
        <translation>智力残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="107" />
        <source>Mental</source>
        <translation>精神残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="108" />
        <source>Multiple</source>
        <translation>多重残疾</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="111" />
        <source>Grade 1 (most severe)</source>
        <translation>一级（最重）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="112" />
        <source>Grade 2</source>
        <translation>二级</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="113" />
        <source>Grade 3</source>
        <translation>三级</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="114" />
        <source>Grade 4</source>
        <translation>四级</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="117" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="118" />
        <source>Dibao (minimum living allowance)</source>
        <translation>低保</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="119" />
        <source>Tekun (extreme poverty support)</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="120" />
        <source>Low-income family</source>
        <translation>低收入家庭</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="121" />
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="122" />
        <source>De facto unsupported child</source>
        <translation>事实无人抚养儿童</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="126" />
        <source>Mother</source>
        <translation>母亲</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="127" />
        <source>Father</source>
        <translation>父亲</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="128" />
        <source>Paternal grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="129" />
        <source>Maternal grandparent</source>
        <translation>外祖父母</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="130" />
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="131" />
        <source>Other relative</source>
        <translation>其他亲属</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="132" />
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="136" />
        <source>Legal guardian</source>
        <translation>法定监护人</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="137" />
        <source>Caregiver entrusted by the guardian</source>
        <translation>受监护人委托的照料人</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="138" />
        <source>The child (14 or older)</source>
        <translation>儿童本人（14 周岁及以上）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="141" />
        <source>Signed paper form</source>
        <translation>纸质签字</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="142" />
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="143" />
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="144" />
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="147" />
        <source>Registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="148" />
        <source>Sensitive details (disability, health, income, care)</source>
        <translation>敏感信息（残障、健康、收入、养育情况）</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="149" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="150" />
        <source>Named in reports</source>
        <translation>在报告中署名</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="151" />
        <source>Sharing with school or partners</source>
        <translation>与学校或合作方共享</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="154" />
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="155" />
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="156" />
        <source>Videolink</source>
        <translation>视频连线课堂</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="157" />
        <source>Home Classroom</source>
        <translation>家庭课堂</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="158" />
        <source>Stepping Up</source>
        <translation>成长课程</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="159" />
        <source>I-Care</source>
        <translation>爱眼行动</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="160" />
        <source>After-school tuition</source>
        <translation>课后辅导</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="161" />
        <source>Summer programme</source>
        <translation>暑期项目</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="162" />
        <source>Teaching trip</source>
        <translation>支教行</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="166" />
        <source>Pending</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="167" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="168" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="173" />
        <source>Merged into another record</source>
        <translation>已合并到另一条记录</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="176" />
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="177" />
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="178" />
        <source>Excused</source>
        <translation>请假</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="171" />
        <location filename="../../ss_desktop/ui/list_export.py" line="26" />
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <location filename="../../ss_core/domain/labels.py" line="172" />
        <location filename="../../ss_desktop/ui/list_export.py" line="27" />
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="28" />
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="106" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="109" />
        <source>The app met an error it did not expect. What you saved before is safe. Please copy the report below and send it to head office; it contains no names or ID numbers.</source>
        <translation>程序遇到了意外错误。之前保存的内容都是安全的。请复制下面的报告发给总部；报告中不含任何姓名或证件号。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="122" />
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="131" />
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="62" />
        <source>Some fields need fixing:</source>
        <translation>以下内容需要修改：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="67" />
        <location filename="../../ss_desktop/ui/sync_texts.py" line="94" />
        <source>Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.</source>
        <translation>出现了问题（{type}）。已保存的内容没有丢失；详细信息记录在日志文件中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="82" />
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="39" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="40" />
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="41" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="42" />
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="43" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="44" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="45" />
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="46" />
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="47" />
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="48" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="49" />
        <source>Hukou type</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="50" />
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="51" />
        <source>Current address (county)</source>
        <translation>现居住地（区县）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="52" />
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="53" />
        <source>Guardian 1</source>
        <translation>监护人1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="54" />
        <source>Relationship 1</source>
        <translation>关系1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="55" />
        <source>Phone 1</source>
        <translation>电话1</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="56" />
        <source>Guardian 2</source>
        <translation>监护人2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="57" />
        <source>Relationship 2</source>
        <translation>关系2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="58" />
        <source>Phone 2</source>
        <translation>电话2</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/exporting.py" line="59" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="42" />
        <source>Public school</source>
        <translation>公办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="43" />
        <source>Migrant school</source>
        <translation>随迁子女学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="44" />
        <source>Private school</source>
        <translation>民办学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="45" />
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="46" />
        <source>Vocational school</source>
        <translation>职业学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="47" />
        <source>Teaching point</source>
        <translation>教学点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="48" />
        <source>Care home</source>
        <translation>儿童福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="49" />
        <source>Community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="50" />
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="55" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="56" />
        <location filename="../../ss_desktop/ui/first_run.py" line="57" />
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="58" />
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="59" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="90" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="92" />
        <source>This laptop is not set up yet. Choose the language of the app; you can change it later in Settings.</source>
        <translation>这台电脑还没有设置。请选择程序的语言；以后可以在“设置”中更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="97" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="132" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="134" />
        <source>Create the first account. The administrator manages users and settings on this laptop.</source>
        <translation>创建第一个账户。管理员负责管理这台电脑上的用户和设置。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="139" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="140" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="141" />
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="143" />
        <source>User names use letters, digits, dots, dashes or underscores (2 to 32). Passwords need at least 8 characters and must not be easy to guess.</source>
        <translation>用户名由字母、数字、点、横线或下划线组成（2 至 32 个字符）。密码至少 8 个字符，且不能太容易猜到。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="158" />
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="98" />
        <source>Head office</source>
        <translation>总部</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="100" />
        <source>Laptops send their records to head office when they can.</source>
        <translation>电脑在能联网时把记录发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="104" />
        <source>&amp;Work offline for now</source>
        <translation>暂时离线工作(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="106" />
        <source>I have an &amp;enrolment code from head office</source>
        <translation>我有总部发放的注册码(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="108" />
        <source>Head-office &amp;address:</source>
        <translation>总部地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="110" />
        <source>Enrolment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="111" />
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="119" />
        <source>Working offline, you register children on this laptop and they wait as pending changes; you can enrol later on the Sync page. With a code or a file, the laptop enrols when you press Next and gets its sites from head office; with a file, its changes travel to head office in USB bundles.</source>
        <translation>离线工作时，在本机登记的儿童会作为待发送的更改保存在本机；以后可以在“同步”页注册到总部。如果有注册码或注册文件，点“下一步”时本机即完成注册，并从总部获得所属站点；用注册文件注册的电脑，其更改通过U盘同步包送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="144" />
        <source>Enter head office's address and the enrolment code.</source>
        <translation>请输入总部地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="113" />
        <source>I have an enrolment &amp;file from head office (no internet here)</source>
        <translation>我有总部给的注册文件(&amp;F)（这里没有网络）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="117" />
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="172" />
        <source>Enrollment file from head office</source>
        <translation>总部提供的注册文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="174" />
        <source>Enrollment files (*.enroll);;All files (*)</source>
        <translation>注册文件 (*.enroll);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="137" />
        <source>Choose the enrollment file from head office.</source>
        <translation>请选择总部提供的注册文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="160" />
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run_enrol.py" line="186" />
        <source>Enrolled with head office as device {device} for {count} site(s). Press Finish; the sites and children arrive with the first sync.</source>
        <translation>已在总部注册，设备编号 {device}，共 {count} 个站点。请点“完成”；站点和儿童信息会在第一次同步时传到本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="198" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="200" />
        <source>Where is this laptop used? (a school, care home or community centre)</source>
        <translation>这台电脑在哪里使用？（学校、儿童福利机构或社区中心）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="204" />
        <source>Site &amp;name:</source>
        <translation>站点名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="205" />
        <source>&amp;Kind of site:</source>
        <translation>站点类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="206" />
        <source>Site &amp;code (optional):</source>
        <translation>站点代码（可选）(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="208" />
        <source>The site is marked "pending" until head office confirms it. More sites can be added on the Sites &amp; programs page.</source>
        <translation>在总部确认之前，站点显示为“待确认”。可以在“站点与项目”页面添加更多站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="275" />
        <source>Set up Stepping Stones</source>
        <translation>设置铺路石儿童登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="282" />
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="311" />
        <source>Setting up…</source>
        <translation>正在设置…</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="23" />
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="24" />
        <source>The file is empty: there is no row to import.</source>
        <translation>文件是空的，没有可以导入的行。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="25" />
        <source>The file is too large ({size_mb} MB; at most {limit_mb} MB or 60,000 rows). Split the class list into smaller files.</source>
        <translation>文件太大（{size_mb} MB；最多 {limit_mb} MB 或 60,000 行）。请把名单拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="29" />
        <source>The file has {rows} rows ({size_mb} MB); at most {limit} rows can be imported at once. Split the class list into smaller files.</source>
        <translation>文件有 {rows} 行（{size_mb} MB）；一次最多只能导入 {limit} 行。请把花名册拆分成几个较小的文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="33" />
        <source>This is an old Excel file (.xls) or a workbook protected by a password. Open it in Excel or WPS, remove the password if it has one, and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx).</source>
        <translation>这是旧版 Excel 文件（.xls）或设有密码的工作簿。请用 Excel 或 WPS 打开，如有密码请先取消，再另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="37" />
        <source>The workbook is protected by a password, so it cannot be read. Open it in Excel or WPS, remove the password (File &gt; Info &gt; Protect Workbook) and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx).</source>
        <translation>该工作簿设有密码，无法读取。请用 Excel 或 WPS 打开，取消密码（文件 &gt; 信息 &gt; 保护工作簿），再另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="41" />
        <source>This is an old Excel file (.xls). Open it in Excel or WPS and save it as .xlsx: File &gt; Save as &gt; Excel Workbook (*.xlsx); then import the new file.</source>
        <translation>这是旧版 Excel 文件（.xls）。请用 Excel 或 WPS 打开，另存为 .xlsx：文件 &gt; 另存为 &gt; Excel 工作簿（*.xlsx），然后导入新文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="45" />
        <source>This file is neither an Excel workbook (.xlsx) nor a CSV file, or it is damaged.</source>
        <translation>这个文件不是 Excel 工作簿（.xlsx）或 CSV 文件，或者文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="48" />
        <source>The text of this CSV file is in an unknown encoding (not UTF-8 or GBK). Open it in Excel or WPS and save it as .xlsx, or as CSV UTF-8.</source>
        <translation>这个 CSV 文件的文字编码无法识别（不是 UTF-8 或 GBK）。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV UTF-8。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="52" />
        <source>No header row found: the file needs a row naming its columns, such as 姓名, 性别, 出生日期 (or Name, Gender, Date of birth), within its first 30 rows.</source>
        <translation>找不到表头：文件的前 30 行中需要有一行列名，例如 姓名、性别、出生日期（或 Name、Gender、Date of birth）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="56" />
        <source>"{field}" is chosen for two columns: {first} and {second}. Choose it for one column only.</source>
        <translation>“{field}”被同时选给了两列：{first} 和 {second}。只能选给其中一列。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="60" />
        <source>Choose the column with the children's names (or one for the surname and one for the given name).</source>
        <translation>请选择儿童姓名所在的列（或分别选择姓和名所在的列）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="64" />
        <source>Choose the site these children belong to.</source>
        <translation>请选择这些儿童所属的站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="67" />
        <source>There is no site with the code {site}.</source>
        <translation>没有代码为 {site} 的站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="69" />
        <source>'{value}' is not a gender: write 男 or 女 (M or F).</source>
        <translation>“{value}”不是性别：请填写 男 或 女（M 或 F）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="72" />
        <source>'{value}' is not a date: write it like 2015-03-04, 2015.3.4 or 2015年3月4日.</source>
        <translation>“{value}”不是日期：请写成 2015-03-04、2015.3.4 或 2015年3月4日。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="75" />
        <source>'{value}' is not a grade: write it like 三年级, 初一, 七年级 or 高二.</source>
        <translation>“{value}”不是年级：请写成 三年级、初一、七年级 或 高二 这样的形式。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="78" />
        <source>'{value}' is not a relationship: write 父亲, 母亲, 爷爷, 奶奶, 外公, 外婆 ... or 其他.</source>
        <translation>“{value}”不是关系：请填写 父亲、母亲、爷爷、奶奶、外公、外婆……或 其他。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="82" />
        <source>'{value}' is not a hukou type: write 居民, 农业, 非农业 or 未登记.</source>
        <translation>“{value}”不是户口类型：请填写 居民、农业、非农业 或 未登记。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="85" />
        <source>'{value}' is not a known county: write province, city and county (安徽省阜阳市临泉县) or the 6-digit code.</source>
        <translation>“{value}”不是已知的区县：请写出省、市、县（如 安徽省阜阳市临泉县）或 6 位行政区划代码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="89" />
        <source>Excel stored this ID number as a number and lost its last digits. Format the column as Text and type the numbers again.</source>
        <translation>Excel 把这个身份证号存成了数字，后几位已经丢失。请把该列设置为“文本”格式，再重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="93" />
        <source>Excel shows this phone number in scientific notation. Format the column as Text and type it again.</source>
        <translation>Excel 用科学计数法显示了这个电话号码。请把该列设置为“文本”格式，再重新输入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="97" />
        <source>A phone number without the guardian's name: add the name.</source>
        <translation>有电话号码但没有监护人姓名：请补上姓名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="100" />
        <source>A consent date without a guardian: add the guardian who gave consent.</source>
        <translation>有同意日期但没有监护人：请补上表示同意的监护人。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="103" />
        <source>The same child as row {row} of this file (same name and birth date, or same ID number).</source>
        <translation>与本文件第 {row} 行是同一个儿童（姓名和出生日期相同，或身份证号相同）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="107" />
        <source>This child is already registered (same name and birth date, or same ID number). Not imported again.</source>
        <translation>这个儿童已经登记过（姓名和出生日期相同，或身份证号相同），不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="111" />
        <source>A child with a similar name or the same birth date is already registered. Check it is not the same child.</source>
        <translation>已有姓名相似或出生日期相同的儿童登记在册，请确认不是同一个儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="115" />
        <source>This row could not be saved.</source>
        <translation>这一行无法保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="116" />
        <source>A total or signature row of the list, not a child: skipped.</source>
        <translation>这是名单的合计行或签名行，不是儿童：已跳过。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="106" />
        <location filename="../../ss_desktop/services/importing/messages.py" line="123" />
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="108" />
        <location filename="../../ss_desktop/services/importing/messages.py" line="124" />
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="128" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="129" />
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="130" />
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="131" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="132" />
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="133" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="134" />
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="135" />
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="136" />
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="137" />
        <source>Guardian's relationship</source>
        <translation>监护人关系</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="138" />
        <source>Guardian's phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="139" />
        <source>Second guardian</source>
        <translation>第二监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="140" />
        <source>Second guardian's relationship</source>
        <translation>第二监护人与儿童的关系</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="141" />
        <source>Second guardian's phone</source>
        <translation>第二监护人的电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="142" />
        <source>Father's name</source>
        <translation>父亲姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="143" />
        <source>Father's phone</source>
        <translation>父亲电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="144" />
        <source>Mother's name</source>
        <translation>母亲姓名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="145" />
        <source>Mother's phone</source>
        <translation>母亲电话</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="146" />
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="147" />
        <source>Hukou type</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="148" />
        <source>Current address (county)</source>
        <translation>现居住地（区县）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="149" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/importing/messages.py" line="150" />
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="46" />
        <location filename="../../ss_desktop/ui/import_file_page.py" line="106" />
        <source>Choose the class list</source>
        <translation>选择班级名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="48" />
        <source>An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK).</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="54" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="69" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="71" />
        <source>Site of these children:</source>
        <translation>这些儿童所属站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="84" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="108" />
        <source>Class lists (*.xlsx *.csv *.xls)</source>
        <translation>班级名单 (*.xlsx *.csv *.xls)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_file_page.py" line="139" />
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="70" />
        <source>Which column holds what?</source>
        <translation>每一列是什么内容？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="72" />
        <source>Check the suggestion; choose "(do not import)" for columns to skip.</source>
        <translation>请检查系统的建议；不需要的列请选“（不导入）”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="81" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="82" />
        <source>First value</source>
        <translation>第一行的值</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="83" />
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="109" />
        <source>(do not import)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="142" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="162" />
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="210" />
        <source>{ok} rows can be imported; {bad} rows have problems and will not be imported ({dup} of them are already registered or repeated). Point at a coloured cell to see what is wrong.</source>
        <translation>{ok} 行可以导入；{bad} 行有问题，不会导入（其中 {dup} 行已登记过或在文件中重复）。把鼠标指向带颜色的单元格可查看问题所在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="221" />
        <source>Rows {rows} are totals or signatures, not children: skipped.</source>
        <translation>第 {rows} 行是合计或签名行，不是儿童：已跳过。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="245" />
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="251" />
        <source>Stop after this batch</source>
        <translation>本批完成后停止</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="274" />
        <source>Saving the rows without problems…</source>
        <translation>正在保存没有问题的行…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="290" />
        <source>Stopping after the current batch; rows already saved stay saved.</source>
        <translation>当前这一批完成后停止；已经保存的行会保留。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="318" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="323" />
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="336" />
        <source>{n} children were imported.</source>
        <translation>已导入 {n} 名儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="342" />
        <source>The import was stopped: {n} rows without problems were not imported. Import the file again to add them; the rows already imported will be recognised as duplicates.</source>
        <translation>导入已停止：有 {n} 行没有问题但尚未导入。再次导入该文件即可补上；已导入的行会被识别为重复，不会重复添加。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="351" />
        <source>{n} rows were not imported. Save the error report, fix the rows in Excel and import the report again.</source>
        <translation>有 {n} 行没有导入。请保存错误报告，在 Excel 中修改这些行后再导入该报告。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="367" />
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="369" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/cli/files.py" line="76" />
        <location filename="../../ss_desktop/ui/import_wizard.py" line="378" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="383" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/import_wizard.py" line="392" />
        <source>Import class list</source>
        <translation>导入班级名单</translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="31" />
        <source>The ID number must have 18 characters: 17 digits and a last digit or X.</source>
        <translation>身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="34" />
        <source>The ID number's last character does not match the others. Check each digit against the card.</source>
        <translation>身份证号的校验位与前面的数字不符。请对照证件逐位核对。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="38" />
        <source>The birth date inside the ID number is not a real date. Check digits 7 to 14.</source>
        <translation>身份证号中的出生日期不是有效日期。请核对第 7 至 14 位。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="41" />
        <source>The birth date inside the ID number is in the future. Check digits 7 to 14.</source>
        <translation>身份证号中的出生日期在未来。请核对第 7 至 14 位。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="44" />
        <source>The ID number says the child was born on {id_birth_date}, which differs from the birth date on the form. Correct one of them.</source>
        <translation>身份证号显示出生日期为 {id_birth_date}，与表中填写的出生日期不同。请改正其中一个。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="48" />
        <source>The ID number's 17th digit does not match the gender chosen on the form.</source>
        <translation>身份证号第 17 位与表中选择的性别不符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="51" />
        <source>The first six digits of the ID number are not a known place code. Check them; you can still save.</source>
        <translation>身份证号前六位不是已知的行政区划代码。请核对；仍然可以保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="55" />
        <source>Enter an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 021-12345678).</source>
        <translation>请输入以 1 开头的 11 位手机号，或带区号的固定电话（例如 021-12345678）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="59" />
        <source>Enter the birth date as year-month-day (2015-03-04), year-month (2015-03) or year (2015).</source>
        <translation>出生日期请按“年-月-日”（2015-03-04）、“年-月”（2015-03）或“年”（2015）填写。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="63" />
        <source>The birth date is in the future.</source>
        <translation>出生日期在未来。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="64" />
        <source>This child is 18 or older. Check the birth date; you can still save.</source>
        <translation>该儿童已满 18 岁。请核对出生日期；仍然可以保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="67" />
        <source>The birth date has more detail than the chosen precision.</source>
        <translation>出生日期比所选精度更详细。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="70" />
        <source>Enter the date as year-month-day, e.g. 2024-09-01.</source>
        <translation>日期请按“年-月-日”填写，例如 2024-09-01。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="71" />
        <source>This date is in the future.</source>
        <translation>该日期在未来。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="72" />
        <source>This date is before the child was born.</source>
        <translation>该日期早于儿童的出生日期。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="73" />
        <source>Enter the name.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="74" />
        <source>The name is too long (at most {max} characters).</source>
        <translation>姓名太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="75" />
        <source>Use Chinese characters or letters only in the name (a middle dot · is allowed).</source>
        <translation>姓名只能使用汉字或字母（可以使用间隔号 ·）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="78" />
        <source>Use letters and spaces only in the pinyin.</source>
        <translation>拼音只能使用字母和空格。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="81" />
        <source>This text is too long (at most {max} characters).</source>
        <translation>内容太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="84" />
        <source>This text contains characters that cannot be saved.</source>
        <translation>内容中含有无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="87" />
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="88" />
        <source>This value has the wrong form.</source>
        <translation>此项的格式不正确。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="89" />
        <source>Choose one of the listed options.</source>
        <translation>请从列表中选择一项。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="90" />
        <source>A place code has 6 digits.</source>
        <translation>行政区划代码为 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="91" />
        <source>This place code is not in the list of provinces, prefectures and counties.</source>
        <translation>该代码不在省、地、县行政区划列表中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="94" />
        <source>This grade does not exist in this school stage.</source>
        <translation>该学段没有这个年级。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="97" />
        <source>The disability grade is 1 (most severe) to 4.</source>
        <translation>残疾等级为 1 级（最重）至 4 级。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="100" />
        <source>Tick at least one thing the guardian agreed to.</source>
        <translation>请至少勾选一项监护人同意的内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="103" />
        <source>A child under 14 cannot consent alone: record the guardian's consent.</source>
        <translation>未满 14 周岁的儿童不能单独表示同意：请记录监护人的同意。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="106" />
        <source>Say why the consent was withdrawn.</source>
        <translation>请说明撤回同意的原因。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="109" />
        <source>This refers to a record that does not exist (any more). Reload and try again.</source>
        <translation>引用的记录不存在（或已被删除）。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="112" />
        <source>The withdrawal date is before the consent date.</source>
        <translation>撤回日期早于同意日期。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="115" />
        <source>Disability, health, income and care details need the guardian's consent for sensitive details: tick “Sensitive details (disability, health, income, care)” in the consent, or leave this empty.</source>
        <translation>残障、健康、收入和养育情况需要监护人对敏感信息的同意：请在同意书中勾选“敏感信息（残障、健康、收入、养育情况）”，或不填写此项。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ss_desktop/ui/pages.py" line="51" />
        <source>This page is not available in this version.</source>
        <translation>当前版本暂不提供此页面。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="16" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="258" />
        <source>&amp;Children</source>
        <translation>儿童名单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="259" />
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="260" />
        <source>Sites &amp;&amp; &amp;programs</source>
        <translation>站点与项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="261" />
        <source>&amp;Attendance</source>
        <translation>考勤(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="262" />
        <location filename="../../ss_desktop/ui/main_window.py" line="283" />
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="263" />
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="264" />
        <source>Re&amp;ports</source>
        <translation>统计报表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="272" />
        <source>&amp;New child</source>
        <translation>新登记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="273" />
        <source>&amp;Find child</source>
        <translation>查找儿童(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="274" />
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="275" />
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="276" />
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="277" />
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="278" />
        <source>&amp;Import class list…</source>
        <translation>导入班级名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="279" />
        <source>&amp;Export list…</source>
        <translation>导出名单(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="280" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="281" />
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="282" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="284" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="285" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="286" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="294" />
        <source>Stepping Stones registration</source>
        <translation>铺路石儿童登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="299" />
        <source>Stepping Stones registration — {user}</source>
        <translation>铺路石儿童登记 — {user}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="304" />
        <source>Signed in: {user} ({role})</source>
        <translation>当前用户：{user}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="355" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="356" />
        <source>The registration form has changes that are not saved. Leave without saving them?</source>
        <translation>登记表中有尚未保存的更改。不保存就离开吗？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="526" />
        <source>Backup made and checked.</source>
        <translation>已完成备份并检查无误。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="535" />
        <source>The automatic backup failed: {why}</source>
        <translation>自动备份失败：{why}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="36" />
        <source>Export list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="38" />
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/list_export.py" line="87" />
        <source>Exported {n} children to {path}</source>
        <translation>已导出 {n} 名儿童到 {path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="492" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="493" />
        <source>Stepping Stones registration {version}
Database revision {revision}
Device {device}</source>
        <translation>铺路石儿童登记 {version}
数据库版本 {revision}
设备 {device}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="84" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="86" />
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="89" />
        <source>Connection to head office</source>
        <translation>与总部的连接</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="31" />
        <source>Everything sent</source>
        <translation>全部已发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="39" />
        <source>Not yet sent: records {records}</source>
        <translation>待发送：记录 {records} 条</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="43" />
        <source>Not yet sent: children {children}, records {records} (waiting for consent: {waiting})</source>
        <translation>待发送：儿童 {children} 名，记录 {records} 条（等待同意书：{waiting} 名）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="47" />
        <source>Not yet sent: children {children}, records {records}</source>
        <translation>待发送：儿童 {children} 名，记录 {records} 条</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="93" />
        <source>Saved on this laptop, not yet at head office: the children concerned and their records (a child, a guardian, a consent…). Children under 14 wait until their guardian's consent is recorded.</source>
        <translation>已保存在本机、尚未到达总部的内容：涉及的儿童及其记录（儿童、监护人、同意书……）。14 岁以下儿童要等记录了监护人同意后才会发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="99" />
        <source>Quarantined: {n}</source>
        <translation>被退回：{n}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="104" />
        <source>Changes head office refused; they need a review</source>
        <translation>总部拒收的更改，需要复核</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="109" />
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="123" />
        <source>⚠ Last backup {n} days ago</source>
        <translation>⚠ 上次备份在 {n} 天前</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="127" />
        <source>⚠ No backup yet</source>
        <translation>⚠ 还没有备份</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/status_bar.py" line="130" />
        <source>The last good backup is more than a week old and changes are not yet at head office. Sign out to make a backup, sync, or plug in the backup drive (Settings).</source>
        <translation>最近一次有效备份已超过一周，且有改动尚未同步到总部。请退出登录以制作备份、进行同步，或插上用于备份的U盘（见“设置”）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/user_guide.py" line="51" />
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="88" />
        <source>Na&amp;me</source>
        <translation>姓名(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="92" />
        <source>&amp;Relationship</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="95" />
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="99" />
        <source>&amp;Legal guardian</source>
        <translation>法定监护人(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="105" />
        <source>Primar&amp;y caregiver</source>
        <translation>主要照料人(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="108" />
        <source>Si&amp;tuation</source>
        <translation>状况(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="112" />
        <source>&amp;Works in</source>
        <translation>工作地(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="118" />
        <source>Sees the chil&amp;d</source>
        <translation>见孩子的频率(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="135" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="139" />
        <source>More about this guardian</source>
        <translation>该监护人的更多信息</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="144" />
        <source>13812345678 or 021-12345678</source>
        <translation>13812345678 或 021-12345678</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="181" />
        <source>Guardian {n}</source>
        <translation>监护人 {n}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="44" />
        <source>Given &amp;by</source>
        <translation>同意人(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="47" />
        <source>Re&amp;lationship to the child</source>
        <translation>与儿童的关系(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="50" />
        <source>A&amp;s</source>
        <translation>身份(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="51" />
        <source>Ho&amp;w</source>
        <translation>方式(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="52" />
        <source>Da&amp;te</source>
        <translation>日期(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="55" />
        <source>Notice &amp;version</source>
        <translation>告知书版本(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="58" />
        <source>Agreed t&amp;o</source>
        <translation>同意事项(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="61" />
        <source>The child a&amp;grees too</source>
        <translation>儿童本人也同意(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="64" />
        <source>Withdrawn o&amp;n</source>
        <translation>撤回日期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="67" />
        <source>Why with&amp;drawn</source>
        <translation>撤回原因(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="83" />
        <source>&amp;Consent recorded</source>
        <translation>已记录同意(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/consent.py" line="88" />
        <source>2024-09-01</source>
        <translation>2024-09-01</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="31" />
        <source>Identity</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="40" />
        <source>&amp;Surname</source>
        <translation>姓(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="41" />
        <source>&amp;Given name</source>
        <translation>名(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="42" />
        <source>Pin&amp;yin</source>
        <translation>拼音(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="43" />
        <source>G&amp;ender</source>
        <translation>性别(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="50" />
        <source>&amp;Date of birth</source>
        <translation>出生日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="57" />
        <source>&amp;ID number (optional)</source>
        <translation>身份证号（可选）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="63" />
        <source>2015-03-04, 2015-03 or 2015</source>
        <translation>2015-03-04、2015-03 或 2015</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/identity.py" line="68" />
        <source>Filled in from the name; correct it if the reading is wrong.</source>
        <translation>根据姓名自动填写；读音不对时请改正。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/residence.py" line="21" />
        <source>Hukou and residence</source>
        <translation>户籍与居住地</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/residence.py" line="29" />
        <source>Hukou &amp;place</source>
        <translation>户籍地(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/residence.py" line="32" />
        <source>Hukou &amp;type</source>
        <translation>户口类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/residence.py" line="35" />
        <source>Lives &amp;in</source>
        <translation>现居住地(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="20" />
        <source>Site and school</source>
        <translation>站点与学校</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="31" />
        <source>Si&amp;te</source>
        <translation>站点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="32" />
        <source>School s&amp;tage</source>
        <translation>学段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="35" />
        <source>School s&amp;ystem</source>
        <translation>学制(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="40" />
        <source>&amp;Boards at school</source>
        <translation>在校寄宿(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="38" />
        <source>G&amp;rade</source>
        <translation>年级(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/school.py" line="39" />
        <source>&amp;Class</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="26" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="28" />
        <source>C&amp;ategories</source>
        <translation>类别(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="37" />
        <source>Tick the suggested</source>
        <translation>勾选建议的类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="73" />
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="79" />
        <source>Lives &amp;with</source>
        <translation>与谁同住(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="82" />
        <source>&amp;Father</source>
        <translation>父亲(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="83" />
        <source>M&amp;other</source>
        <translation>母亲(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="95" />
        <source>Father &amp;works in</source>
        <translation>父亲务工地(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="100" />
        <source>Mother wor&amp;ks in</source>
        <translation>母亲务工地(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="105" />
        <source>Sees the &amp;parents</source>
        <translation>与父母见面频率(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/family.py" line="110" />
        <source>Day-to-day &amp;caregiver</source>
        <translation>日常照料人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="21" />
        <source>Disability</source>
        <translation>残障</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="73" />
        <source>Care home</source>
        <translation>福利机构</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="28" />
        <source>Ty&amp;pes</source>
        <translation>类型(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="32" />
        <source>Disability &amp;grade</source>
        <translation>残疾等级(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="37" />
        <source>Has a disability &amp;certificate</source>
        <translation>持有残疾人证(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="40" />
        <source>Autism dia&amp;gnosis</source>
        <translation>孤独症诊断(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="78" />
        <source>Pl&amp;acement</source>
        <translation>安置方式(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="80" />
        <source>In care si&amp;nce</source>
        <translation>入住日期(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="84" />
        <source>2022-09-01</source>
        <translation>2022-09-01</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="101" />
        <source>Hardship</source>
        <translation>困难情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="104" />
        <source>Hardship stat&amp;us</source>
        <translation>困难类型(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="107" />
        <source>E&amp;vidence seen (do not write its number)</source>
        <translation>已核验证明（不要填写证件号码）(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/needs.py" line="135" />
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/issues.py" line="32" />
        <source>A guardian is required: type at least their name, relationship and phone.</source>
        <translation>必须填写监护人：至少填写姓名、关系和电话。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/issues.py" line="37" />
        <source>This record refers to something that no longer exists.</source>
        <translation>该记录引用的内容已不存在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="243" />
        <source>Guardians</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/guardians.py" line="252" />
        <source>&amp;Add a guardian</source>
        <translation>添加监护人(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="122" />
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="123" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="124" />
        <source>Save and new (Ctrl+Enter)</source>
        <translation>保存并新建（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="369" />
        <source>Edit child</source>
        <translation>编辑儿童信息</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="371" />
        <source>Register a child</source>
        <translation>登记儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="417" />
        <source>This child is under 14 and no guardian consent is recorded. The record will be saved as "consent pending": it stays on this laptop and is not sent to head office until a guardian's consent is recorded.</source>
        <translation>该儿童未满 14 周岁，且尚未记录监护人同意。记录将保存为“待补同意书”：只保存在本机，记录监护人同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="424" />
        <source>No consent is recorded. The record will be saved as "consent pending" and is not sent to head office until consent is recorded.</source>
        <translation>尚未记录同意书。记录将保存为“待补同意书”，记录同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="457" />
        <source>Some fields need fixing. Nothing was saved.</source>
        <translation>有些内容需要修改，尚未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="478" />
        <source>Saved. Consent pending: this record stays on this laptop and is not sent to head office until consent is recorded.</source>
        <translation>已保存。待补同意书：该记录只保存在本机，记录同意前不会发送到总部。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="485" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="435" />
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/page.py" line="436" />
        <source>What you typed in this form has not been saved. Discard it?</source>
        <translation>此表单中填写的内容尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/masking.py" line="24" />
        <source>Hidden to protect the child's data. Type a new value to replace it.</source>
        <translation>为保护儿童信息已隐藏。输入新值可替换原值。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/masking.py" line="27" />
        <source>Hidden to protect the child's data.</source>
        <translation>为保护儿童信息已隐藏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/masking.py" line="104" />
        <source>Show hidde&amp;n details</source>
        <translation>显示隐藏的信息(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/masking.py" line="121" />
        <source>Some details are hidden (ID number, phone, disability, hardship, care placement). Showing them is written to the audit log.</source>
        <translation>部分信息已隐藏（身份证号、电话、残疾、困难情况、安置机构）。显示这些信息会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register/masking.py" line="127" />
        <source>Some details are hidden (ID number, phone, disability, hardship, care placement); your role may not show them. Typing a new value over a hidden one replaces it.</source>
        <translation>部分信息已隐藏（身份证号、电话、残疾、困难情况、安置机构），您的角色无权显示。在隐藏的内容上输入新值将替换原值。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="44" />
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="45" />
        <source>Local hukou</source>
        <translation>本地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="46" />
        <source>Hukou elsewhere</source>
        <translation>外地户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="163" />
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="164" />
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="165" />
        <source>Program:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="166" />
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="167" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="168" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="169" />
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="170" />
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="172" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="205" />
        <source>All sites</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="175" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="209" />
        <source>All programs</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="247" />
        <source>{children} children; {lessons} lessons delivered</source>
        <translation>{children} 名儿童；已授课 {lessons} 节</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="254" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="390" />
        <source>Children by category</source>
        <translation>按类别统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="262" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="398" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="400" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="270" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="406" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="408" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="278" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="414" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="416" />
        <source>Hukou</source>
        <translation>户籍</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="292" />
        <source>Sessions</source>
        <translation>上课次数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="293" />
        <source>Lessons delivered</source>
        <translation>授课节数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="294" />
        <source>Children present</source>
        <translation>出勤儿童数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="295" />
        <source>Child-lessons</source>
        <translation>听课人次（节）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="296" />
        <source>Lessons per child</source>
        <translation>人均听课节数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="301" />
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="302" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="321" />
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="303" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="336" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="337" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="344" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="351" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="393" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="401" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="409" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="417" />
        <source>Children</source>
        <translation>儿童数</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="343" />
        <source>Stage and grade</source>
        <translation>学段和年级</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="350" />
        <location filename="../../ss_desktop/ui/reports_page.py" line="427" />
        <source>Living arrangement</source>
        <translation>居住情况</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="375" />
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="383" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="392" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="423" />
        <source>Lessons by program</source>
        <translation>按项目统计课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="424" />
        <source>Lessons by term</source>
        <translation>按学期统计课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="425" />
        <source>Children by site</source>
        <translation>按站点统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="426" />
        <source>Children by stage and grade</source>
        <translation>按学段和年级统计儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="440" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/reports_page.py" line="449" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ServiceError</name>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="275" />
        <source>Enter the site's name.</source>
        <translation>请填写站点名称。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="276" />
        <source>The site's name is too long (at most {max} characters).</source>
        <translation>站点名称太长（最多 {max} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="279" />
        <source>A site code has up to 32 letters, digits, dashes or underscores.</source>
        <translation>站点代码最多 32 个字符，只能包含字母、数字、横线或下划线。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="282" />
        <source>Choose the kind of site.</source>
        <translation>请选择站点类型。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="122" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="123" />
        <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
        <translation>密码错误次数过多。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="126" />
        <source>This account is switched off. Ask an administrator.</source>
        <translation>此账户已停用。请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="129" />
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="130" />
        <source>Your role may not show hidden details (ID number, phone, disability, hardship, care placement). Ask a coordinator.</source>
        <translation>您的角色无权显示隐藏的信息（身份证号、电话、残疾、困难情况、安置机构）。请联系协调员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="134" />
        <source>This laptop is enrolled for sites head office has not sent yet. Sync once, then add the demo children: they go to this laptop's own sites.</source>
        <translation>本机已在总部登记，但总部还没有发来本机的站点。请先同步一次，再添加演示儿童：他们会被添加到本机自己的站点。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="138" />
        <source>You may only work with children of your own sites.</source>
        <translation>您只能处理自己所在站点的儿童记录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="141" />
        <source>This record no longer exists.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="142" />
        <source>This data folder is already set up ({path}).</source>
        <translation>此数据文件夹已经设置过了（{path}）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="145" />
        <source>No data here yet ({path}). Run 'ss-desktop init --admin NAME' first.</source>
        <translation>这里还没有数据（{path}）。请先运行“ss-desktop init --admin 用户名”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="148" />
        <source>A user with this name already exists.</source>
        <translation>已有同名用户。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="149" />
        <source>A user name has 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名由 2 至 32 个字母、数字、点、横线或下划线组成。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="152" />
        <source>The password needs at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="155" />
        <source>This password is too easy to guess. Choose another.</source>
        <translation>这个密码太容易被猜到。请换一个。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="158" />
        <source>Say why the record is archived or restored.</source>
        <translation>请说明归档或恢复这条记录的原因。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="161" />
        <source>A child with this ID number is already registered on this laptop. Check the number, or give the reason to register a second child with it.</source>
        <translation>本机已登记了使用此身份证号的儿童。请核对号码；如确需再登记一名使用此号码的儿童，请说明原因。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="166" />
        <source>This file is not a backup of this app.</source>
        <translation>这个文件不是本程序的备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="169" />
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="170" />
        <source>A file already exists there: {path}. Choose another name.</source>
        <translation>该位置已有文件：{path}。请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="173" />
        <source>The data file is not a database of this app. It was not changed.</source>
        <translation>数据文件不是本程序的数据库。文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="176" />
        <source>The data file is damaged. It was not changed; restore a backup.</source>
        <translation>数据文件已损坏。文件未被改动；请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="179" />
        <source>The data file is empty (0 bytes): it was damaged, for example by a power cut. It was not changed. Restore a backup: the sign-in window offers the automatic backups.</source>
        <translation>数据文件是空的（0 字节）：它已损坏，例如因为突然断电。文件未被改动。请恢复一个备份：登录窗口会列出自动备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="183" />
        <source>The data file is missing ({path}), although this laptop has accounts. Nothing was changed. Restore a backup: the sign-in window offers the automatic backups.</source>
        <translation>数据文件不见了（{path}），但这台电脑上有账户。没有改动任何数据。请恢复一个备份：登录窗口会列出自动备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="187" />
        <source>This backup file is damaged or incomplete (cut short while it was written or copied?). Nothing was changed. Choose another backup.</source>
        <translation>这个备份文件已损坏或不完整（写入或复制时被中断？）。没有改动任何数据。请选择另一个备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="191" />
        <source>This backup was made by a newer version of this app ({version}). Install that version or a newer one to restore it. Nothing was changed.</source>
        <translation>这个备份是由本程序的较新版本（{version}）制作的。请安装该版本或更新的版本后再恢复。没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="195" />
        <source>This backup was made on another laptop: restoring it here would replace this laptop's own data. Nothing was changed. To move a laptop's data to a new laptop, restore the backup there before its first run.</source>
        <translation>这个备份来自另一台电脑：在这里恢复会替换这台电脑自己的数据。没有改动任何数据。如需把一台电脑的数据搬到新电脑上，请在新电脑首次设置之前在那里恢复该备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="199" />
        <source>This backup is from a release before encryption: it can only be restored from Settings while the data opens. Nothing was changed.</source>
        <translation>这个备份来自加密功能之前的版本：只能在数据可以打开时，从“设置”中恢复。没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="203" />
        <source>The backup could not be verified after writing ({reason}), so it was not kept. Check the disk and try again.</source>
        <translation>备份写入后未能通过检查（{reason}），因此没有保留。请检查磁盘后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="207" />
        <source>These data are not encrypted yet: sign in once, then back up.</source>
        <translation>这些数据还没有加密：请先登录一次，再进行备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="210" />
        <source>The removable drive for backups is not plugged in.</source>
        <translation>用于备份的U盘/移动硬盘没有插上。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="213" />
        <source>The copy to the removable drive failed. Check the drive; the backup on this laptop was made.</source>
        <translation>复制到U盘/移动硬盘失败。请检查该设备；本机上的备份已经完成。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="217" />
        <source>The data opens normally. Sign in and restore from Settings instead. Nothing was changed.</source>
        <translation>数据可以正常打开。请登录后在“设置”中恢复。没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="221" />
        <source>The data file looks whole, and this password does not open it. Sign in, then restore from Settings. Nothing was changed.</source>
        <translation>数据文件看起来是完整的，而这个密码打不开它。请登录后在“设置”中恢复。没有改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="225" />
        <source>The data was saved by a newer version of this app. Install the newer version; the data was not changed.</source>
        <translation>这些数据由更新版本的程序保存。请安装新版本；数据未被改动。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="229" />
        <source>Updating the data file failed. A copy made before the update is at {backup}.</source>
        <translation>升级数据文件失败。升级前的副本保存在 {backup}。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="233" />
        <source>The data file is busy (another copy of the app?). Try again.</source>
        <translation>数据文件正被占用（是否打开了另一个程序窗口？）。请重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="236" />
        <source>The disk is full. Free some space; nothing typed was lost.</source>
        <translation>磁盘已满。请清理一些空间；已输入的内容没有丢失。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="239" />
        <source>Some fields need fixing: {fields}</source>
        <translation>以下内容需要修改：{fields}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="240" />
        <source>The key file is missing ({path}), so the encrypted data cannot be opened. Put the data folder back as it was, or ask head office for a recovery (see the user guide).</source>
        <translation>密钥文件不见了（{path}），加密的数据无法打开。请把数据文件夹恢复原样，或请总部协助恢复（见用户指南）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="244" />
        <source>The key file is damaged or cut short ({path}). Nothing was changed. Put back a good copy of the data folder, or ask head office for a recovery.</source>
        <translation>密钥文件已损坏或不完整（{path}）。没有做任何更改。请放回一份完好的数据文件夹副本，或请总部协助恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="248" />
        <source>The key file is not one of this app ({path}). Nothing was changed.</source>
        <translation>这个密钥文件不是本程序的（{path}）。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="251" />
        <source>The key file was written by a newer version of this app ({path}). Install the newer version.</source>
        <translation>密钥文件是由本程序的较新版本写入的（{path}）。请安装较新版本。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="255" />
        <source>The data file does not belong to this laptop's key file (was it copied from another laptop?). Nothing was changed. Restore a backup made on this laptop, or ask head office for a recovery.</source>
        <translation>数据文件与这台电脑的密钥文件不匹配（是从别的电脑复制来的吗？）。没有做任何更改。请恢复在这台电脑上做的备份，或请总部协助恢复。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="259" />
        <source>This password does not open the backup. Enter the password that {user} had when the backup was made. Nothing was changed.</source>
        <translation>这个密码打不开备份。请输入 {user} 在做备份时使用的密码。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="263" />
        <source>This laptop was never enrolled with head office, so head office cannot recover its data. Only a user's password opens it.</source>
        <translation>这台电脑从未在总部登记，总部无法恢复它的数据。只有用户的密码能打开它。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="267" />
        <source>No recovery was requested on this laptop. Make a request first ('ss-desktop recovery request FILE').</source>
        <translation>这台电脑还没有提出恢复请求。请先提出请求（'ss-desktop recovery request 文件'）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="271" />
        <source>This is not head office's answer to this laptop's recovery request ({reason}). Nothing was changed.</source>
        <translation>这不是总部对这台电脑恢复请求的答复（{reason}）。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="283" />
        <source>Export to a file ending in .xlsx or .csv (not “{suffix}”).</source>
        <translation>请导出为以 .xlsx 或 .csv 结尾的文件（不能是“{suffix}”）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="286" />
        <source>This password does not meet the password rules: choose another one.</source>
        <translation>这个密码不符合密码规则，请换一个。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="289" />
        <source>The data folder could not be set up. Check that the folder can be written to, then try again.</source>
        <translation>无法设置数据文件夹。请检查该文件夹是否可以写入，然后重试。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="192" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="193" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="194" />
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="195" />
        <source>&amp;Lock after idle:</source>
        <translation>闲置自动锁定(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="196" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="197" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="198" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="199" />
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="200" />
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="201" />
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="203" />
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="205" />
        <source>Last backup:</source>
        <translation>上次备份：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="206" />
        <source>Copy backups to:</source>
        <translation>备份复制到：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="207" />
        <source>&amp;Choose drive…</source>
        <translation>选择U盘(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="208" />
        <source>No copy</source>
        <translation>不复制</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="210" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="211" />
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="213" />
        <source>Database revision:</source>
        <translation>数据库版本：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="215" />
        <source>Device ID:</source>
        <translation>设备编号：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="218" />
        <location filename="../../ss_desktop/ui/settings_page.py" line="355" />
        <source>Last backup: {path}</source>
        <translation>最近一次备份：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="245" />
        <source>None yet. A backup is made at every sign-out after changes.</source>
        <translation>还没有。每次有改动后退出登录时都会自动备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="249" />
        <source>{when} ({reason})</source>
        <translation>{when}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="254" />
        <source>{n} children</source>
        <translation>{n} 名儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="262" />
        <source>No removable drive chosen: backups stay on this laptop only.</source>
        <translation>未选择U盘/移动硬盘：备份只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="272" />
        <source>none yet</source>
        <translation>还没有</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="275" />
        <source>{folder}
Plugged in; last copy: {when}</source>
        <translation>{folder}
已插上；上次复制：{when}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="281" />
        <source>{folder}
Not plugged in: the next backup is copied when it is.</source>
        <translation>{folder}
未插上：插上后，下一次备份会复制过去。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="291" />
        <source>Copy automatic backups to</source>
        <translation>把自动备份复制到</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="336" />
        <source>Back up all data to</source>
        <translation>把全部数据备份到</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="338" />
        <source>Backup files (*.ssbackup)</source>
        <translation>备份文件 (*.ssbackup)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="379" />
        <source>Backup files (*.ssbackup *.sqlite3);;All files (*)</source>
        <translation>备份文件 (*.ssbackup *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="428" />
        <source>Please sign in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="349" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="359" />
        <source>Backup written.</source>
        <translation>备份已完成。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="365" />
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="377" />
        <source>Restore data from</source>
        <translation>从以下文件恢复数据</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="392" />
        <location filename="../../ss_desktop/ui/settings_page.py" line="404" />
        <location filename="../../ss_desktop/ui/settings_page.py" line="425" />
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="393" />
        <source>The backup is encrypted. Enter your password as it was when the backup was made:</source>
        <translation>备份是加密的。请输入您做备份时的密码：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="405" />
        <source>Replace ALL data on this laptop with the backup {name}? The current data is saved to the backup folder first. Everyone will need to sign in again.</source>
        <translation>要用备份 {name} 替换这台电脑上的全部数据吗？当前数据会先保存到备份文件夹。之后所有人都需要重新登录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="434" />
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="95" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="100" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/signin.py" line="132" />
        <source>%n more wrong password(s) will pause sign-in.</source>
        <translation>
            <numerusform>再输错 %n 次密码，登录将被暂停。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="152" />
        <source>You can try again now.</source>
        <translation>现在可以再试一次。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="221" />
        <source>Sign in — Stepping Stones</source>
        <translation>登录 — 铺路石</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="222" />
        <source>Stepping Stones registration</source>
        <translation>铺路石儿童登记</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="223" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="224" />
        <location filename="../../ss_desktop/ui/signin.py" line="338" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="225" />
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="226" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="227" />
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="254" />
        <source>Restore a backup to go on working: the app keeps a backup at every sign-out.</source>
        <translation>请恢复一个备份以便继续工作：程序在每次退出登录时都会保留一个备份。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="331" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="333" />
        <source>The app was locked because nobody used it for a while. {user}, enter your password to continue.</source>
        <translation>程序因一段时间无人使用而锁定。{user}，请输入密码继续。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="339" />
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="340" />
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="48" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="49" />
        <location filename="../../ss_desktop/ui/sites_page.py" line="54" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="50" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="53" />
        <source>Program</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="55" />
        <location filename="../../ss_desktop/ui/sites_page.py" line="204" />
        <source>Term</source>
        <translation>学期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="56" />
        <source>Children</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="59" />
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="60" />
        <source>Since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="61" />
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="179" />
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="183" />
        <source>Programs of the site</source>
        <translation>本站点的项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="188" />
        <source>Children in the program</source>
        <translation>参加项目的儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="193" />
        <source>New site's name</source>
        <translation>新站点名称</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="195" />
        <source>Add site</source>
        <translation>添加站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="199" />
        <source>New program's name</source>
        <translation>新项目名称</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="207" />
        <source>Add program</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="212" />
        <source>Find children of the site: name, pinyin, initials</source>
        <translation>查找本站点儿童：姓名、拼音、首字母</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="217" />
        <source>Enroll the selected children</source>
        <translation>为所选儿童报名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="222" />
        <source>Select several children with Ctrl or Shift, then enroll them.</source>
        <translation>按住 Ctrl 或 Shift 选择多名儿童，然后报名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="449" />
        <source>Select the children to enroll first.</source>
        <translation>请先选择要报名的儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sites_page.py" line="456" />
        <source>{n} enrolled; {m} were already.</source>
        <translation>已报名 {n} 名；{m} 名此前已报名。</translation>
    </message>
</context>
<context>
    <name>SyncError</name>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="17" />
        <source>Head office does not know this enrollment code, or it was already used. Check the code, or ask head office for a new one.</source>
        <translation>总部不认识这个注册码，或者它已被使用过。请检查注册码，或向总部索取新的注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="21" />
        <source>This enrollment code has expired. Ask head office for a new one.</source>
        <translation>这个注册码已过期。请向总部索取新的注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="24" />
        <source>Head office has switched off sync for this laptop. Nothing was sent. Ask head office for a new enrollment code and enroll again; your unsent changes are kept.</source>
        <translation>总部已停止本机的同步，没有发送任何数据。请向总部索取新的注册码并重新注册；未发送的更改都会保留。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="28" />
        <source>This laptop is not enrolled with head office yet (or head office no longer knows it). Enroll it with a code from head office.</source>
        <translation>本机尚未在总部注册（或总部已不认识本机）。请用总部提供的注册码注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="36" />
        <source>This laptop already has head office's address. To use another head office, enroll again with a code from it.</source>
        <translation>本机已经有总部地址。要改用另一个总部，请用那个总部的注册码重新注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="32" />
        <source>This laptop was enrolled with a file that names no head-office address, so it syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back.</source>
        <translation>本机是用没有总部地址的注册文件注册的，所以通过U盘同步包同步：写入同步包，带到总部，再读取总部给您的回执。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="40" />
        <source>'{url}' is not a server address. Enter it like https://hq.example.org.</source>
        <translation>“{url}”不是服务器地址。请按 https://hq.example.org 的格式输入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="43" />
        <source>'{url}' is not encrypted (http). Use an https:// address, or switch on 'allow insecure connections' if head office told you to.</source>
        <translation>“{url}”没有加密（http）。请使用 https:// 地址；如果总部要求，也可以打开“允许不安全连接”。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="47" />
        <source>The certificate file {path} does not exist. Choose the file head office gave you.</source>
        <translation>证书文件 {path} 不存在。请选择总部提供的文件。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="51" />
        <source>Head office cannot be reached. Check the network connection; sync will try again. Your changes are kept on this laptop.</source>
        <translation>无法连接总部。请检查网络连接；同步会自动重试。您的更改保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="55" />
        <source>The head-office server name could not be found. Check the network connection and the server address; sync will try again.</source>
        <translation>找不到总部服务器的名称。请检查网络连接和服务器地址；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="59" />
        <source>The secure connection to head office failed: its certificate could not be checked. Check the server address and the certificate setting; nothing was sent.</source>
        <translation>与总部的安全连接失败：无法验证其证书。请检查服务器地址和证书设置；没有发送任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="63" />
        <source>The connection to head office broke off. Nothing was lost; sync will try again.</source>
        <translation>与总部的连接中断了。没有丢失任何数据；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="67" />
        <source>Head office stopped answering (the connection stalled). Nothing was lost; sync will try again with smaller pieces.</source>
        <translation>总部没有响应（连接停滞）。没有丢失任何数据；同步会以更小的批次重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="71" />
        <source>Head office had a problem (error {status}). Nothing was lost; sync will try again later.</source>
        <translation>总部出现问题（错误 {status}）。没有丢失任何数据；稍后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="75" />
        <source>Head office is busy. Sync will try again later.</source>
        <translation>总部正忙。稍后会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="78" />
        <source>Head office sent an answer that cannot be read ({detail}). Nothing was lost; sync will try again.</source>
        <translation>总部返回的内容无法读取（{detail}）。没有丢失任何数据；同步会自动重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="82" />
        <source>Head office refused the request ({reason}): {message}</source>
        <translation>总部拒绝了请求（{reason}）：{message}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="85" />
        <source>The disk is full: the changes from head office could not be saved. Free some space; nothing was lost.</source>
        <translation>磁盘已满，无法保存来自总部的更改。请清理一些空间；没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="89" />
        <source>{path} is not an enrollment file from head office, or it is damaged.</source>
        <translation>{path} 不是总部提供的注册文件，或者文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="92" />
        <source>The file does not exist: {path}</source>
        <translation>文件不存在：{path}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="93" />
        <source>A file already exists there: {path}. Choose another name.</source>
        <translation>该位置已有文件：{path}。请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="96" />
        <source>The bundle file is damaged or was changed after it was written ({detail}). Nothing was applied. Export a new bundle on the laptop.</source>
        <translation>同步包已损坏或写入后被改动（{detail}），未导入任何内容。请在笔记本电脑上重新导出同步包。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="100" />
        <source>The bundle was not written by a laptop enrolled here, or not for this head office. Nothing was applied.</source>
        <translation>该同步包不是由在此注册的笔记本电脑写入的，或不是发给本总部的，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="104" />
        <source>This receipt is damaged, is not from this laptop's head office, or is for another laptop ({detail}). Nothing was changed.</source>
        <translation>该回执已损坏、不是来自本机的总部，或是发给另一台电脑的（{detail}）。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="108" />
        <source>There are no unsent changes: no bundle is needed.</source>
        <translation>没有未发送的更改，不需要同步包。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="111" />
        <source>Sync cancelled. Nothing was lost: what head office acknowledged stays sent, the rest goes at the next sync.</source>
        <translation>同步已取消。没有丢失任何内容：总部已确认收到的更改保持已发送，其余的将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="115" />
        <source>This laptop's clock is off by about {amount}. Set the right date and time in the system settings. Your changes were kept and stamped with head office's time.</source>
        <translation>本机时钟大约差了 {amount}。请在系统设置中校正日期和时间。您的更改已保留，并按总部的时间记录。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="200" />
        <source>Sync with head office</source>
        <translation>与总部同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="35" />
        <source>Head office found a value it cannot accept. Correct the record, then retry.</source>
        <translation>总部发现有一项内容无法接受。请修改该记录，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="38" />
        <source>The record belongs to a site this laptop is not enrolled for. Move it to one of this laptop's sites, or ask head office to add the site, then retry.</source>
        <translation>该记录属于本机未注册的站点。请把它转到本机的站点，或请总部为本机添加该站点，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="42" />
        <source>The change was stamped with a date far in the future. Set the laptop's date and time, then retry.</source>
        <translation>这项更改的时间远在未来。请先校正本机的日期和时间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="46" />
        <source>Head office does not know this kind of record. Update the app, then retry.</source>
        <translation>总部不认识这种记录。请先更新本软件，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="49" />
        <source>The change could not be read by head office. Retry; if it comes back, dismiss it.</source>
        <translation>总部无法读取这项更改。请重试；如果再次出现，请忽略它。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="53" />
        <source>The change refers to a record head office does not have. Retry after the first sync.</source>
        <translation>这项更改引用了总部没有的记录。请在第一次同步之后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="57" />
        <source>Head office has closed this child's site: it takes no new children. Move the child to an open site, then retry.</source>
        <translation>总部已关闭这名儿童所在的站点，该站点不再接收新登记的儿童。请把儿童改到仍开放的站点，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="62" />
        <source>Head office refused the change ({reason}).</source>
        <translation>总部拒绝了这项更改（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="65" />
        <source>Head office has not accepted the child this record belongs to (see the child's row). Retrying the child sends this record again with it.</source>
        <translation>总部还没有接受该记录所属的儿童（见该儿童的那一行）。重试该儿童时，此记录会一起重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="321" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="70" />
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="71" />
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="72" />
        <source>Consent</source>
        <translation>同意书</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="73" />
        <source>Programme enrolment</source>
        <translation>项目报名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="74" />
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="75" />
        <source>Programme</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="76" />
        <source>Attendance session</source>
        <translation>考勤课次</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="77" />
        <source>Attendance mark</source>
        <translation>考勤记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="80" />
        <source>Sending changes: {done} of {total}</source>
        <translation>正在发送更改：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="81" />
        <source>Receiving changes from head office: {done}</source>
        <translation>正在接收总部的更改：{done}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="82" />
        <source>Comparing with head office…</source>
        <translation>正在与总部核对…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="83" />
        <source>Sending the audit log: {done} of {total}</source>
        <translation>正在发送审计日志：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="104" />
        <source>ahead</source>
        <translation>偏快</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="106" />
        <source>behind</source>
        <translation>偏慢</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="114" />
        <source>Audit log row {row} was changed on this laptop before it was sent.</source>
        <translation>审计日志第 {row} 行在发送之前已在这台电脑上被修改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="117" />
        <source>Audit log rows before row {row} were deleted on this laptop.</source>
        <translation>审计日志第 {row} 行之前的记录已在这台电脑上被删除。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="120" />
        <source>Audit log rows before row {row} were changed on this laptop.</source>
        <translation>审计日志第 {row} 行之前的记录已在这台电脑上被修改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="123" />
        <source>This laptop's audit log was rewritten from row {row} (edited, or an older backup was restored).</source>
        <translation>这台电脑的审计日志从第 {row} 行起被改写了（被修改过，或恢复了较早的备份）。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="128" />
        <source>Audit log row {row} was changed on this laptop after it was sent; head office keeps the original.</source>
        <translation>审计日志第 {row} 行在发送之后已在这台电脑上被修改；总部保留了原始记录。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="136" />
        <source>This laptop's audit log does not verify from row {row}.</source>
        <translation>这台电脑的审计日志从第 {row} 行起无法通过校验。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="140" />
        <source>{detail} Head office has been told. Syncing goes on; tell your coordinator.</source>
        <translation>{detail}已通知总部。同步会继续进行；请告诉您的协调员。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_texts.py" line="158" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="64" />
        <source>Enrol this laptop</source>
        <translation>注册本机</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="65" />
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="160" />
        <source>Head-office &amp;address:</source>
        <translation>总部地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="67" />
        <source>Enrolment &amp;code:</source>
        <translation>注册码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="68" />
        <source>&amp;Enrol</source>
        <translation>注册(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="203" />
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="205" />
        <source>Head office:</source>
        <translation>总部：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="206" />
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="207" />
        <source>Sites:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="208" />
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="209" />
        <source>Pending changes:</source>
        <translation>待发送的更改：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="210" />
        <source>Quarantined:</source>
        <translation>被拒收：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="214" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="216" />
        <source>Send and receive changes now (Ctrl+Shift+S)</source>
        <translation>立即发送和接收更改（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="218" />
        <source>&amp;Cancel sync</source>
        <translation>取消同步(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="220" />
        <source>Stop this sync. What head office has received stays sent; the rest goes at the next sync.</source>
        <translation>停止本次同步。总部已收到的内容保持已发送，其余的将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="225" />
        <source>Write USB &amp;bundle…</source>
        <translation>写入 U 盘同步包(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="226" />
        <source>Read &amp;receipt…</source>
        <translation>读取回执(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="227" />
        <source>Recent rounds</source>
        <translation>最近的同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="230" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="231" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="232" />
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="233" />
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="234" />
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="235" />
        <source>Checksum</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="105" />
        <source>Quarantine: changes head office refused</source>
        <translation>隔离区：总部拒收的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="109" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="110" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="111" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="114" />
        <source>No refused changes.</source>
        <translation>没有被拒收的更改。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="115" />
        <source>&amp;Open the record</source>
        <translation>打开记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="116" />
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="118" />
        <source>Send the record again, after you fixed it</source>
        <translation>修改记录之后，重新发送</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="120" />
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="282" />
        <source>This laptop is not enrolled with head office yet, so it does not sync. Ask head office for an enrolment code, then enter their address and the code below; where there is no internet, ask for an enrollment file instead. Until then everything you save stays on this laptop as pending changes.</source>
        <translation>本机尚未在总部注册，所以不会同步。请向总部索取注册码，然后在下方输入总部地址和注册码；没有网络的地方，请向总部索取注册文件。在此之前，您保存的一切都作为待发送的更改保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="292" />
        <source>Syncing with head office…</source>
        <translation>正在与总部同步…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="296" />
        <source>Head office cannot be reached right now. Your changes are kept on this laptop; sync starts by itself when head office can be reached.</source>
        <translation>目前无法连接总部。您的更改保存在本机；能连上总部时会自动同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="301" />
        <source>Head office can be reached. Sync runs by itself every few minutes.</source>
        <translation>可以连接总部。每隔几分钟会自动同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="159" />
        <source>Sync over the internet too</source>
        <translation>也通过网络同步</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="162" />
        <source>&amp;Save the address</source>
        <translation>保存地址(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="434" />
        <source>Saved: the laptop syncs with head office whenever it can reach it.</source>
        <translation>已保存：本机能连上总部时就会同步。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="287" />
        <source>This laptop syncs by USB bundle: write a bundle, take it to head office and read the receipt they give you back. Head office gave it no address for syncing over the internet.</source>
        <translation>本机通过U盘同步包同步：写入同步包，带到总部，再读取总部给您的回执。总部没有给本机通过网络同步的地址。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="316" />
        <source>no address: USB bundles only</source>
        <translation>没有地址：只用U盘同步包</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="305" />
        <source>Checking whether head office can be reached…</source>
        <translation>正在检查能否连接总部…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="318" />
        <source>not enrolled</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="338" />
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="343" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="355" />
        <source>Connecting to head office…</source>
        <translation>正在连接总部…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="371" />
        <source>Sync finished: {pushed} sent, {pulled} received, {rejected} refused.</source>
        <translation>同步完成：发送 {pushed} 条，接收 {pulled} 条，被拒收 {rejected} 条。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="379" />
        <source>Head office had lost {count} change(s) it had already received (it was restored from a backup): they were sent again.</source>
        <translation>总部丢失了 {count} 条已收到的更改（总部数据已从备份恢复）：这些更改已重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="407" />
        <source>Sync stopped. Nothing was lost.</source>
        <translation>同步已中断。没有丢失任何数据。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="421" />
        <source>matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="423" />
        <source>differs</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="87" />
        <source>Enter head office's address and the enrolment code.</source>
        <translation>请输入总部地址和注册码。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="70" />
        <source>Enrol with a &amp;file from head office…</source>
        <translation>用总部提供的文件注册(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="73" />
        <source>No internet here? Head office can write an enrollment file for this laptop; its changes then travel in USB bundles.</source>
        <translation>这里没有网络？总部可以为本机生成注册文件；之后本机的更改通过U盘同步包传送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="97" />
        <source>Enrollment file from head office</source>
        <translation>总部提供的注册文件</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="99" />
        <source>Enrollment files (*.enroll);;All files (*)</source>
        <translation>注册文件 (*.enroll);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_enrol.py" line="112" />
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="447" />
        <source>This laptop is enrolled with head office.</source>
        <translation>本机已在总部注册。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="457" />
        <source>Write USB bundle</source>
        <translation>写入 U 盘同步包</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="459" />
        <source>Sync bundles (*.ssb);;All files (*)</source>
        <translation>同步包 (*.ssb);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="464" />
        <source>The bundle was written.</source>
        <translation>同步包已写入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="470" />
        <source>Read receipt</source>
        <translation>读取回执</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="472" />
        <source>Receipts (*.ssr);;All files (*)</source>
        <translation>回执 (*.ssr);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_page.py" line="480" />
        <source>The receipt was applied.</source>
        <translation>回执已导入。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="190" />
        <source>The record will be sent again with the next sync.</source>
        <translation>该记录会在下次同步时重新发送。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="214" />
        <source>Dismiss the refused change</source>
        <translation>忽略被拒收的更改</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/sync_quarantine.py" line="215" />
        <source>Head office will not receive this change. The record stays on this laptop as it is. Dismiss it?</source>
        <translation>总部将不会收到这项更改，本机上的记录保持不变。确定忽略吗？</translation>
    </message>
</context>
<context>
    <name>SyncRetry</name>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="125" />
        <source>The connection broke off; sending again in {seconds} s (try {attempt})…</source>
        <translation>连接中断；{seconds} 秒后重新发送（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="128" />
        <source>The connection stalled; sending again in {seconds} s (try {attempt})…</source>
        <translation>连接停滞；{seconds} 秒后重新发送（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="131" />
        <source>Head office had a problem; trying again in {seconds} s (try {attempt})…</source>
        <translation>总部出现问题；{seconds} 秒后重试（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="134" />
        <source>Head office is busy; trying again in {seconds} s (try {attempt})…</source>
        <translation>总部繁忙；{seconds} 秒后重试（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="137" />
        <source>Head office's answer could not be read; trying again in {seconds} s (try {attempt})…</source>
        <translation>无法读取总部的回复；{seconds} 秒后重试（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="141" />
        <source>Head office cannot be reached; trying again in {seconds} s (try {attempt})…</source>
        <translation>无法连接总部；{seconds} 秒后重试（第 {attempt} 次尝试）…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/sync_messages.py" line="144" />
        <source>The head-office server name could not be found; trying again in {seconds} s (try {attempt})…</source>
        <translation>找不到总部服务器的名称；{seconds} 秒后重试（第 {attempt} 次尝试）…</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="52" />
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="53" />
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="57" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="95" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="107" />
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="122" />
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="123" />
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="124" />
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="125" />
        <source>&amp;Sites:</source>
        <translation>站点(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="137" />
        <source>Tick the site(s) this person works at: volunteers and teachers see only the children of their sites.</source>
        <translation>请勾选此人工作的站点：志愿者和教师只能看到自己站点的儿童。</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="160" />
        <source>New password for {user}</source>
        <translation>为 {user} 设置新密码</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="214" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="217" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="218" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="219" />
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="222" />
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="223" />
        <source>Reset &amp;password…</source>
        <translation>重设密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="247" />
        <source>all sites</source>
        <translation>所有站点</translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/users_panel.py" line="265" />
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
</context>
</TS>