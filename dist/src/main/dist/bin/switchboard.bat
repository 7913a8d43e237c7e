@echo off
rem Switchboard - runs the headless runtime of this distribution:  bin\switchboard run samples\hello-webhook.flow.json
rem Needs Java 17 or newer: %JAVA_HOME%\bin\java.exe, else the java on the PATH. JAVA_OPTS go to the JVM.
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
"%JAVA_EXE%" -Dfile.encoding=UTF-8 %JAVA_OPTS% -cp "%SB_HOME%\lib\*" dev.switchboard.runtime.cli.SwitchboardCli %*
exit /b %ERRORLEVEL%

:tooOld
echo switchboard: Java 17 or newer is needed, but "%JAVA_EXE%" is Java %JAVA_VERSION%; set JAVA_HOME to a Java 17+ 1>&2
exit /b 1
