; The Windows installer of the laptop app (NSIS 3, 64-bit, Unicode; Chinese and English).
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DPUBLISHER="..." \
;            -DSOURCE=dist-windows/ss-desktop -DOUTFILE=dist-windows/SteppingStones-0.1.0-setup.exe \
;            -DICON=resources/icons/app.ico \
;            packaging/windows/installer.nsi
; (packaging/windows/build.sh passes them, read from pyproject.toml.)
;
; - Per user, no administrator rights: %LOCALAPPDATA%\Programs\SteppingStones by default.
; - Start-menu and desktop shortcuts; an entry in "Apps" / "Programs and Features".
; - Upgrade in place: the program files are replaced (old ones removed first); the data
;   folder (%LOCALAPPDATA%\SteppingStonesChina\SteppingStones, where the app keeps the
;   children's data, backups and logs) is never touched by the installer. The app upgrades
;   its database at the first start, after taking a backup.
; - The uninstaller removes the program and keeps the data, unless the user ticks "also
;   delete the data" (silently: Uninstall.exe /S /REMOVEDATA).
; - While the app runs (it holds a named mutex), installing or uninstalling asks to close it
;   first; silently (/S) it stops with exit code 4 and changes nothing.

Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
!ifdef FAST_COMPRESSION   ; test installers only (installer_test.sh's "older" version)
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION | VERSION4 | PUBLISHER | SOURCE | OUTFILE | ICON
  !error "define VERSION, VERSION4, PUBLISHER, SOURCE, OUTFILE and ICON (see the top of this file)"
!endif

!define APP_KEY "SteppingStonesRegistration"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
; The app (ss_desktop.startup_checks.announce_running) holds this mutex while it runs.
!define RUNNING_MUTEX "SteppingStonesRegistration-running"
; platformdirs' user_data_dir("SteppingStones", "SteppingStonesChina"): the children's data.
!define DATA_PARENT "$LOCALAPPDATA\SteppingStonesChina"
!define DATA_DIR "${DATA_PARENT}\SteppingStones"
!define START_MENU "$SMPROGRAMS\Stepping Stones"
!define EXIT_APP_RUNNING 4

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "$(ProductName)"
Caption "$(ProductName) ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\SteppingStones"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PUBLISHER}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\SteppingStones.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepDataNote)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString ProductName ${LANG_ENGLISH} "Stepping Stones registration"
LangString ProductName ${LANG_SIMPCHINESE} "踏脚石儿童登记"
LangString ShortcutName ${LANG_ENGLISH} "Stepping Stones"
LangString ShortcutName ${LANG_SIMPCHINESE} "踏脚石登记"
LangString AppRunning ${LANG_ENGLISH} "Stepping Stones is running.$\r$\n$\r$\nSave your work and close the app (every window of it), then click Retry."
LangString AppRunning ${LANG_SIMPCHINESE} "“踏脚石”登记程序正在运行。$\r$\n$\r$\n请先保存并关闭程序（所有窗口），然后点击“重试”。"
LangString KeepDataNote ${LANG_ENGLISH} "The program will be removed. The children's data, backups and logs stay on this computer unless you choose to delete them on the next page."
LangString KeepDataNote ${LANG_SIMPCHINESE} "将卸载本程序。儿童数据、备份和日志会保留在这台电脑上，除非您在下一页选择删除它们。"
LangString SectionProgram ${LANG_ENGLISH} "The program"
LangString SectionProgram ${LANG_SIMPCHINESE} "程序"
LangString SectionData ${LANG_ENGLISH} "Also delete the children's data, backups and logs (cannot be undone)"
LangString SectionData ${LANG_SIMPCHINESE} "同时删除儿童数据、备份和日志（无法恢复）"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Stepping Stones registration"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Stepping Stones registration setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Copyright (C) ${PUBLISHER}. MIT licence."

; Ask to close a running app; silently, stop with EXIT_APP_RUNNING (nothing changed).
!macro WAIT_UNTIL_CLOSED prefix
Function ${prefix}WaitUntilClosed
  check:
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r0'
    ${If} $0 P<> 0
      System::Call 'kernel32::CloseHandle(p r0)'
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY check
      SetErrorLevel ${EXIT_APP_RUNNING}
      Quit
    ${EndIf}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

; What a version of the program put in $INSTDIR (and only that: the folder may hold more).
!macro REMOVE_PROGRAM_FILES
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ss-desktop.exe"
  Delete "$INSTDIR\SteppingStones.exe"
!macroend

!macro REMOVE_SHORTCUTS
  ; both languages' names: an upgrade may come in the other language
  Delete "$DESKTOP\Stepping Stones.lnk"
  Delete "$DESKTOP\踏脚石登记.lnk"
  RMDir /r "${START_MENU}"
!macroend

Function .onInit
  SetShellVarContext current
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  Call WaitUntilClosed
FunctionEnd

Section "-program"
  SetShellVarContext current
  ; an older version's files go first (the data folder is elsewhere and stays)
  !insertmacro REMOVE_PROGRAM_FILES
  !insertmacro REMOVE_SHORTCUTS
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "${START_MENU}"
  CreateShortcut "${START_MENU}\$(ShortcutName).lnk" "$INSTDIR\SteppingStones.exe" "" \
    "$INSTDIR\SteppingStones.exe" 0
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\SteppingStones.exe" "" \
    "$INSTDIR\SteppingStones.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(ProductName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\SteppingStones.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "un.$(SectionProgram)" SectionUninstall
  SectionIn RO
  SetShellVarContext current
  !insertmacro REMOVE_PROGRAM_FILES
  !insertmacro REMOVE_SHORTCUTS
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"   ; only if nothing else is left in it
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_KEY}"
SectionEnd

; Off unless the user ticks it (or passes /REMOVEDATA): the data is the children's records.
Section /o "un.$(SectionData)" SectionRemoveData
  RMDir /r "${DATA_DIR}"
  RMDir "${DATA_PARENT}"
SectionEnd

Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
  Call un.WaitUntilClosed
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SectionRemoveData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
