<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="58"/>
        <source>Cannot open the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/app.py" line="59"/>
        <source>{problem}

Data folder: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenModel</name>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="47"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="48"/>
        <source>Pinyin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="49"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="50"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="51"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="52"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="53"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="54"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="55"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="56"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="60"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="61"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="62"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="63"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="67"/>
        <source>Preschool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="68"/>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="69"/>
        <source>Junior secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="70"/>
        <source>Senior secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="71"/>
        <source>Vocational</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="75"/>
        <source>Migrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="76"/>
        <source>Low income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="77"/>
        <source>Lower-tier city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="78"/>
        <source>Left-behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="79"/>
        <source>In care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="80"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="84"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="85"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="86"/>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/models/children_model.py" line="105"/>
        <source>{stage} {grade}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="245"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="246"/>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="248"/>
        <source>Name, pinyin, initials (zs) or 4+ digits of an ID or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="252"/>
        <source>&amp;View:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="253"/>
        <source>S&amp;ite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="254"/>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="255"/>
        <source>Sta&amp;ge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="256"/>
        <source>Any grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="259"/>
        <source>Grade within the school stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="261"/>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="262"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="264"/>
        <source>Open the selected child (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="266"/>
        <source>&amp;New child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="268"/>
        <source>Register a new child (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="270"/>
        <source>&amp;Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="271"/>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="291"/>
        <source>All children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="292"/>
        <source>Needs consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="293"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="297"/>
        <source>All sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="299"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="306"/>
        <source>All stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="313"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="314"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="315"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="402"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="410"/>
        <source>No child matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="414"/>
        <source>%n child(ren)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="447"/>
        <source>Archive child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="448"/>
        <source>Why is this record archived? (e.g. left the school, moved away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="456"/>
        <source>Restore child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="457"/>
        <source>Why is this record restored?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="480"/>
        <source>Archived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/children_page.py" line="482"/>
        <source>Restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DivisionPicker</name>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="172"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="173"/>
        <source>Prefecture / city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/division_picker.py" line="174"/>
        <source>County / district</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="30"/>
        <source>same ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="31"/>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="32"/>
        <source>similar name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="33"/>
        <source>same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="34"/>
        <source>close birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="35"/>
        <source>same guardian phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="36"/>
        <source>same site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="37"/>
        <source>same gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="40"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="41"/>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="42"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="43"/>
        <source>Why it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="44"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="121"/>
        <source>This child may already be registered. Open the existing record, or save anyway and say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="127"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="131"/>
        <source>e.g. twins; a different child with the same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="138"/>
        <source>&amp;Open existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="141"/>
        <source>Save &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/duplicates_panel.py" line="146"/>
        <source>Back to the form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="14"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="15"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="16"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="29"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="77"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="86"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="110"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="17"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="20"/>
        <source>Exact date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="21"/>
        <source>Month only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="22"/>
        <source>Year only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="25"/>
        <source>Resident hukou</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="26"/>
        <source>Agricultural (old)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="27"/>
        <source>Non-agricultural (old)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="28"/>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="32"/>
        <source>Preschool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="33"/>
        <source>Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="34"/>
        <source>Junior secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="35"/>
        <source>Senior secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="36"/>
        <source>Secondary vocational</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="39"/>
        <source>6-3-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="40"/>
        <source>5-4 (Shanghai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="43"/>
        <source>Public school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="44"/>
        <source>Migrant school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="45"/>
        <source>Private school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="46"/>
        <source>Special education school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="47"/>
        <source>Vocational school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="48"/>
        <source>Teaching point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="49"/>
        <source>Care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="50"/>
        <source>Community centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="51"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="54"/>
        <source>Migrant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="55"/>
        <source>Left-behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="56"/>
        <source>In care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="57"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="58"/>
        <source>Low income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="59"/>
        <source>Lower-tier city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="62"/>
        <source>With both parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="63"/>
        <source>With one parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="64"/>
        <source>With grandparents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="65"/>
        <source>With other relatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="66"/>
        <source>In a care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="67"/>
        <source>At boarding school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="68"/>
        <source>Alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="69"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="120"/>
        <location filename="../../ss_desktop/ui/form_labels.py" line="150"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="72"/>
        <source>Lives with the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="73"/>
        <source>Working away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="74"/>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="75"/>
        <source>Unable to care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="76"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="80"/>
        <source>Every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="81"/>
        <source>Every month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="82"/>
        <source>A few times a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="83"/>
        <source>Once a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="84"/>
        <source>Less than once a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="85"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="89"/>
        <source>Visual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="90"/>
        <source>Hearing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="91"/>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="92"/>
        <source>Physical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="93"/>
        <source>Intellectual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="94"/>
        <source>Mental</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="95"/>
        <source>Multiple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="98"/>
        <source>Grade 1 (most severe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="99"/>
        <source>Grade 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="100"/>
        <source>Grade 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="101"/>
        <source>Grade 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="104"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="105"/>
        <source>Dibao (minimum living allowance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="106"/>
        <source>Tekun (extreme poverty support)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="107"/>
        <source>Low-income family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="108"/>
        <source>Orphan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="109"/>
        <source>De facto unsupported child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="113"/>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="114"/>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="115"/>
        <source>Paternal grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="116"/>
        <source>Maternal grandparent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="117"/>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="118"/>
        <source>Other relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="119"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="123"/>
        <source>Legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="124"/>
        <source>Caregiver entrusted by the guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="125"/>
        <source>The child (14 or older)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="128"/>
        <source>Signed paper form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="129"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="130"/>
        <source>By phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="131"/>
        <source>By WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="134"/>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="135"/>
        <source>Sensitive details (disability, health, income, care)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="136"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="137"/>
        <source>Named in reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="138"/>
        <source>Sharing with school or partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="141"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="142"/>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="143"/>
        <source>Videolink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="144"/>
        <source>Home Classroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="145"/>
        <source>Stepping Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="146"/>
        <source>I-Care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="147"/>
        <source>After-school tuition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="148"/>
        <source>Summer programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="149"/>
        <source>Teaching trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="153"/>
        <source>Pending (not yet confirmed by head office)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="154"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="157"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="158"/>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/form_labels.py" line="159"/>
        <source>Excused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="115"/>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="118"/>
        <source>The app met an error it did not expect. What you saved before is safe. Please copy the report below and send it to head office; it contains no names or ID numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="131"/>
        <source>Log file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="140"/>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="71"/>
        <source>Some fields need fixing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="76"/>
        <source>Something went wrong ({type}). Nothing you saved was lost; the details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="91"/>
        <source>Could not finish</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="36"/>
        <source>Public school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="37"/>
        <source>Migrant school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="38"/>
        <source>Private school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="39"/>
        <source>Special education school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="40"/>
        <source>Vocational school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="41"/>
        <source>Teaching point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="42"/>
        <source>Care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="43"/>
        <source>Community centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="44"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="101"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="103"/>
        <source>This laptop is not set up yet. Choose the language of the app; you can change it later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="108"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="143"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="145"/>
        <source>Create the first account. The administrator manages users and settings on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="150"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="151"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="152"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="154"/>
        <source>User names use letters, digits, dots, dashes or underscores (2 to 32). Passwords need at least 8 characters and must not be easy to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="169"/>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="207"/>
        <source>Head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="209"/>
        <source>Laptops send their records to head office when they can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="213"/>
        <source>&amp;Work offline for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="215"/>
        <source>I have an &amp;enrolment code from head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="217"/>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="219"/>
        <source>Enrolment is not part of this version yet: it will be available from the Sync page, and the code is not saved now. You can register children offline; they wait on this laptop as pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="257"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="259"/>
        <source>Where is this laptop used? (a school, care home or community centre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="263"/>
        <source>Site &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="264"/>
        <source>&amp;Kind of site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="265"/>
        <source>Site &amp;code (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="267"/>
        <source>The site is marked &quot;pending&quot; until head office confirms it. More sites can be added on the Sites &amp; programs page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="328"/>
        <source>Set up Stepping Stones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/first_run.py" line="342"/>
        <source>Setting up…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Issue</name>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="25"/>
        <source>The ID number must have 18 characters: 17 digits and a last digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="26"/>
        <source>The ID number&apos;s last character does not match the others. Check each digit against the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="27"/>
        <source>The birth date inside the ID number is not a real date. Check digits 7 to 14.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="28"/>
        <source>The birth date inside the ID number is in the future. Check digits 7 to 14.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="29"/>
        <source>The ID number says the child was born on {id_dob}, but the form says {form_dob}. Correct one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="30"/>
        <source>The ID number&apos;s 17th digit does not match the gender chosen on the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="31"/>
        <source>The first six digits of the ID number are not a known place code. Check them; you can still save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="32"/>
        <source>Enter an 11-digit mobile number starting with 1, or a landline with its area code (e.g. 021-12345678).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="33"/>
        <source>Enter the birth date as year-month-day (2015-03-04), year-month (2015-03) or year (2015).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="34"/>
        <source>The birth date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="35"/>
        <source>This child is 18 or older. Check the birth date; you can still save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="36"/>
        <source>The birth date has more detail than the chosen precision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="37"/>
        <source>Enter the date as year-month-day, e.g. 2024-09-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="38"/>
        <source>This date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="39"/>
        <source>This date is before the child was born.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="40"/>
        <source>Enter the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="41"/>
        <source>The name is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="42"/>
        <source>Use Chinese characters or letters only in the name (a middle dot · is allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="43"/>
        <source>Use letters and spaces only in the pinyin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="44"/>
        <source>This text is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="45"/>
        <source>This text contains characters that cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="46"/>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="47"/>
        <source>This value has the wrong form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="48"/>
        <source>Choose one of the listed options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="49"/>
        <source>A place code has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="50"/>
        <source>This place code is not in the list of provinces, prefectures and counties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="51"/>
        <source>This grade does not exist in this school stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="52"/>
        <source>The disability grade is 1 (most severe) to 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="53"/>
        <source>Tick at least one thing the guardian agreed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="54"/>
        <source>A child under 14 cannot consent alone: record the guardian&apos;s consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="55"/>
        <source>Say why the consent was withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="56"/>
        <source>The withdrawal date is before the consent date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="122"/>
        <source>This page is not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="182"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="334"/>
        <source>&amp;Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="335"/>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="336"/>
        <source>Sites &amp;&amp; &amp;programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="337"/>
        <source>&amp;Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="338"/>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="339"/>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="347"/>
        <source>&amp;New child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="348"/>
        <source>&amp;Find child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="349"/>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="350"/>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="351"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="352"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="353"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="354"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="355"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="356"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="364"/>
        <source>Stepping Stones registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="369"/>
        <source>Stepping Stones registration — {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="374"/>
        <source>Signed in: {user} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="382"/>
        <source>volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="383"/>
        <source>teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="384"/>
        <source>coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="385"/>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="424"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="425"/>
        <source>The registration form has changes that are not saved. Leave without saving them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="506"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="507"/>
        <source>Stepping Stones registration {version}
Database revision {revision}
Device {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="541"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="543"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="546"/>
        <source>Connection to head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="549"/>
        <source>Pending: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="554"/>
        <source>Changes saved on this laptop, not yet sent to head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="559"/>
        <source>Quarantined: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="564"/>
        <source>Changes head office refused; they need a review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="569"/>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="60"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="61"/>
        <location filename="../../ss_desktop/ui/register_people.py" line="165"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="63"/>
        <source>Legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="65"/>
        <source>Primary caregiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="67"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="68"/>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="69"/>
        <source>Works in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="70"/>
        <source>Sees the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="81"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="83"/>
        <source>13812345678 or 021-12345678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="164"/>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="167"/>
        <source>As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="168"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="169"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="170"/>
        <source>Notice version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="172"/>
        <source>Agreed to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="173"/>
        <source>The child agrees too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="175"/>
        <source>Withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="177"/>
        <source>Why withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="189"/>
        <source>Consent recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_people.py" line="191"/>
        <source>2024-09-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="107"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="115"/>
        <source>&amp;Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="117"/>
        <source>&amp;Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="119"/>
        <source>Pin&amp;yin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="120"/>
        <source>G&amp;ender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="127"/>
        <source>&amp;Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="135"/>
        <source>&amp;ID number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="141"/>
        <source>2015-03-04, 2015-03 or 2015</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="146"/>
        <source>Filled in from the name; correct it if the reading is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="152"/>
        <source>Hukou and residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="161"/>
        <source>Hukou &amp;place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="165"/>
        <source>Hukou &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="170"/>
        <source>Lives &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="176"/>
        <source>Site and school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="186"/>
        <source>Si&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="187"/>
        <source>School s&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="191"/>
        <source>School system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="194"/>
        <source>G&amp;rade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="195"/>
        <source>&amp;Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="197"/>
        <source>Boards at school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="201"/>
        <location filename="../../ss_desktop/ui/register_sections.py" line="204"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="214"/>
        <source>Tick the suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="225"/>
        <source>Living arrangement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="232"/>
        <source>Lives &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="236"/>
        <source>Father</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="239"/>
        <source>Mother</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="252"/>
        <source>Father works in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="258"/>
        <source>Mother works in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="264"/>
        <source>Sees the parents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="270"/>
        <source>Day-to-day caregiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="277"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="289"/>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="295"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="301"/>
        <source>Has a disability certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="305"/>
        <source>Autism diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="313"/>
        <source>Care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="323"/>
        <source>Placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="327"/>
        <source>In care since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="332"/>
        <source>2022-09-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="339"/>
        <source>Hardship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="343"/>
        <source>Hardship status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="348"/>
        <source>Evidence seen (do not write its number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/register_sections.py" line="355"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceError</name>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="48"/>
        <source>Enter the site&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="49"/>
        <source>The site&apos;s name is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="52"/>
        <source>A site code has up to 32 letters, digits, dashes or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/errors.py" line="55"/>
        <source>Choose the kind of site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="60"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="61"/>
        <source>Too many wrong passwords. Try again in {seconds} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="62"/>
        <source>This account is switched off. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="63"/>
        <source>Your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="64"/>
        <source>You may only work with children of your own sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="65"/>
        <source>This record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="66"/>
        <source>This data folder is already set up ({path}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="67"/>
        <source>No data here yet ({path}). Run &apos;ss-desktop init --admin NAME&apos; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="68"/>
        <source>A user with this name already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="69"/>
        <source>A user name has 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="70"/>
        <source>The password needs at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="71"/>
        <source>This password is too easy to guess. Choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="72"/>
        <source>Say why the record is archived or restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="73"/>
        <source>This file is not a backup of this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="74"/>
        <source>The file does not exist: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="75"/>
        <source>A file already exists there: {path}. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="76"/>
        <source>The data file is not a database of this app. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="77"/>
        <source>The data file is damaged. It was not changed; restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="78"/>
        <source>The data was saved by a newer version of this app. Install the newer version; the data was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="79"/>
        <source>Updating the data file failed. A copy made before the update is at {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="80"/>
        <source>The data file is busy (another copy of the app?). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="81"/>
        <source>The disk is full. Free some space; nothing typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/services/messages.py" line="82"/>
        <source>Some fields need fixing: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="153"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="154"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="155"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="156"/>
        <source>&amp;Lock after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="157"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="158"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="159"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="160"/>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="161"/>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="162"/>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="164"/>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="166"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="167"/>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="169"/>
        <source>Database revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="171"/>
        <source>Device ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="174"/>
        <location filename="../../ss_desktop/ui/settings_page.py" line="233"/>
        <source>Last backup: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="214"/>
        <source>Back up all data to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="216"/>
        <source>Backup files (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="227"/>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="237"/>
        <source>Backup written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="242"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="254"/>
        <source>Restore data from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="256"/>
        <source>Backup files (*.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="264"/>
        <location filename="../../ss_desktop/ui/settings_page.py" line="285"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="265"/>
        <source>Replace ALL data on this laptop with the backup {name}? The current data is saved to the backup folder first. Everyone will need to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="286"/>
        <source>The data was restored. The data it replaced was saved to {path}. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/settings_page.py" line="295"/>
        <source>Restore failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="85"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="90"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/signin.py" line="120"/>
        <source>%n more wrong password(s) will pause sign-in.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="136"/>
        <source>You can try again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="188"/>
        <source>Sign in — Stepping Stones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="189"/>
        <source>Stepping Stones registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="190"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="191"/>
        <location filename="../../ss_desktop/ui/signin.py" line="256"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="192"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="193"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="249"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="251"/>
        <source>The app was locked because nobody used it for a while. {user}, enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="257"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/signin.py" line="258"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="153"/>
        <source>Sync with head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="155"/>
        <source>This laptop is not enrolled with head office yet. Enrolment with a code and &quot;Sync now&quot; will be added here in a coming version. Until then everything you save stays safely on this laptop and waits as pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ss_desktop/ui/main_window.py" line="165"/>
        <source>Pending changes: {pending}    Quarantined: {held}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
