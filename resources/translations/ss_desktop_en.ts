<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChildrenPage</name>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="383"/>
        <source>More than %n children match</source>
        <translation>
            <numerusform>More than %n child matches</numerusform>
            <numerusform>More than %n children match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/children_page.py" line="403"/>
        <source>%n child(ren)</source>
        <translation>
            <numerusform>%n child</numerusform>
            <numerusform>%n children</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message numerus="yes">
        <location filename="../../ss_desktop/ui/signin.py" line="119"/>
        <source>%n more wrong password(s) will pause sign-in.</source>
        <translation>
            <numerusform>1 more wrong password will pause sign-in.</numerusform>
            <numerusform>%n more wrong passwords will pause sign-in.</numerusform>
        </translation>
    </message>
</context>
</TS>
