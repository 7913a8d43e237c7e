@echo off
rem Switchboard - runs the headless runtime of this distribution:  bin\switchboard run samples\hello-webhook.flow.json
rem Needs Java 17 or newer: %JAVA_HOME%\bin\java.exe, else the java on the PATH. JAVA_OPTS / SWITCHBOARD_JAVA_OPTS
rem go to the JVM after the defaults below, so they win. SWITCHBOARD_CDS=off: no class data archive.
setlocal
set "SB_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
"%JAVA_EXE%" -version >nul 2>&1
if errorlevel 1 (
  echo switchboard: no Java found at "%JAVA_EXE%": install Java 17 or newer and put it on the PATH, or set JAVA_HOME 1>&2
  exit /b 1
)
set "JAVA_VERSION="
for /f "tokens=3" %%v in ('"%JAVA_EXE%" -version 2^>^&1 ^| findstr /i "version"') do if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
for /f "delims=.-+_ " %%m in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%m"
if "%JAVA_MAJOR%"=="1" goto tooOld
if %JAVA_MAJOR% LSS 17 goto tooOld
rem Memory: a small service's defaults (README.md, "Memory"), as bin/switchboard has them; a heap size or a
rem collector in JAVA_OPTS / SWITCHBOARD_JAVA_OPTS replaces ours.
set "SB_MEMORY=-XX:MaxDirectMemorySize=64m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m"
set "SB_USER_OPTS= %JAVA_OPTS% %SWITCHBOARD_JAVA_OPTS%"
echo "%SB_USER_OPTS%" | findstr /c:" -Xmx" /c:" -Xms" /c:"MaxHeapSize" /c:"InitialHeapSize" /c:"MaxRAM" /c:"InitialRAM" >nul || set "SB_MEMORY=-Xms32m -Xmx512m %SB_MEMORY%"
echo "%SB_USER_OPTS%" | findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul || set "SB_MEMORY=-XX:+UseSerialGC %SB_MEMORY%"
rem Start-up: "switchboard cds" records the classes a start loads into cds\switchboard.jsa (a class data
rem archive); every later command maps it. Make it again after changing Java or lib\ (the JVM ignores an
rem archive that no longer fits). SWITCHBOARD_CDS=off leaves it out.
set "SB_ARCHIVE=%SB_HOME%\cds\switchboard.jsa"
set "SB_QUIET=-Xlog:cds=off -Xlog:cds+dynamic=off"
if /i "%~1"=="cds" goto cds
set "SB_CDS="
if /i not "%SWITCHBOARD_CDS%"=="off" if exist "%SB_ARCHIVE%" set SB_CDS="-XX:SharedArchiveFile=%SB_ARCHIVE%" -Xshare:auto %SB_QUIET%
"%JAVA_EXE%" %SB_MEMORY% %SB_CDS% -Dfile.encoding=UTF-8 %JAVA_OPTS% %SWITCHBOARD_JAVA_OPTS% -cp "%SB_HOME%\lib\*" dev.switchboard.runtime.cli.SwitchboardCli %*
exit /b %ERRORLEVEL%

:cds
if not exist "%SB_HOME%\cds" mkdir "%SB_HOME%\cds"
if exist "%SB_ARCHIVE%" del /f "%SB_ARCHIVE%"
set "SB_TRAINING=%TEMP%\switchboard-cds-%RANDOM%"
echo Recording the classes a start loads into %SB_ARCHIVE% ...
"%JAVA_EXE%" %SB_MEMORY% "-XX:ArchiveClassesAtExit=%SB_ARCHIVE%" %SB_QUIET% -Dswitchboard.run.exitWhenStarted=true -Dfile.encoding=UTF-8 %JAVA_OPTS% %SWITCHBOARD_JAVA_OPTS% -cp "%SB_HOME%\lib\*" dev.switchboard.runtime.cli.SwitchboardCli run "%SB_HOME%\samples\hello-webhook.flow.json" --data "%SB_TRAINING%" --port 0 --admin-port 0 --event-log off --log-level warn
set "SB_RESULT=%ERRORLEVEL%"
rmdir /s /q "%SB_TRAINING%" >nul 2>&1
if not "%SB_RESULT%"=="0" (
  echo switchboard: could not make the class data archive; Switchboard runs without it, only starts slower 1>&2
  exit /b 1
)
echo Done; later starts use it. Make it again after changing Java or lib\.
exit /b 0

:tooOld
echo switchboard: Java 17 or newer is needed, but "%JAVA_EXE%" is Java %JAVA_VERSION%; set JAVA_HOME to a Java 17+ 1>&2
exit /b 1
