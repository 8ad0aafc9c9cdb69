@echo off
rem Sheaf launcher: runs lib\sheaf.jar with the Java named by JAVA_HOME, or else the java on the PATH.
rem Extra options for the JVM go in JAVA_OPTS or SHEAF_OPTS. It chooses the JVM's options as bin/sheaf does
rem (class-data sharing, the first JIT tier for small books): keep the two launchers in step.
setlocal
rem the installation's folder without "bin\..", as the class-data archive records the jar's path
for %%i in ("%~dp0..") do set "SHEAF_HOME=%%~fi"
if defined JAVA_HOME goto useJavaHome
set "JAVACMD=java"
where java >nul 2>nul
if errorlevel 1 (
  echo sheaf: no java found - install Java 17 or newer and put it on the PATH, or set JAVA_HOME 1>&2
  exit /b 2
)
goto cds
:useJavaHome
set "JAVACMD=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVACMD%" (
  echo sheaf: JAVA_HOME is set to "%JAVA_HOME%" but it has no bin\java.exe - point it at a Java 17 installation 1>&2
  exit /b 2
)

:cds
rem Class-data sharing: lib\sheaf.jsa holds Sheaf's classes as this JVM laid them out, so a short command starts
rem in about half the time. The first sheaf build writes it (when lib\ is writable); a different JVM or jar ignores
rem it silently (delete it to have it made again). SHEAF_CDS=off turns both off.
set "CDS_OPTS="
set "JSA=%SHEAF_HOME%\lib\sheaf.jsa"
if "%SHEAF_CDS%"=="off" goto jit
if not exist "%JSA%" goto cdsWrite
set CDS_OPTS="-XX:SharedArchiveFile=%JSA%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
goto jit
:cdsWrite
if not "%~1"=="build" goto jit
set "PROBE=%SHEAF_HOME%\lib\.sheaf-write-probe"
(type nul > "%PROBE%") 2>nul
if not exist "%PROBE%" goto jit
del "%PROBE%" >nul 2>nul
set CDS_OPTS="-XX:ArchiveClassesAtExit=%JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off

:jit
rem Small books, and books without print editions on two processors: sheaf check and a single sheaf build of a
rem book of at most SHEAF_SMALL_BOOK (default 300) pieces run with the JIT compiler's first tier only (C1); so do,
rem on a machine with at most two processors, sheaf check and a single build whose --format names neither the PDF
rem nor the handouts, for a book of any size (docs/PERFORMANCE.md, "JIT: the first tier only"). Watch sessions and
rem serve keep the default. SHEAF_SMALL_BOOK=0 turns this off; JIT options in JAVA_OPTS or SHEAF_OPTS come later and win.
set "JIT_OPTS="
set "LIMIT=%SHEAF_SMALL_BOOK%"
if not defined LIMIT set "LIMIT=300"
set "LIMITN="
set /a "LIMITN=LIMIT" >nul 2>nul
if not "%LIMITN%"=="%LIMIT%" set "LIMIT=300"
if %LIMIT% lss 0 set "LIMIT=300"
if "%LIMIT%"=="0" goto run
if "%~1"=="build" goto jitSmall
if "%~1"=="check" goto jitSmall
goto run
:jitSmall
call :smallBook %*
if errorlevel 1 goto run
set "JIT_OPTS=-XX:TieredStopAtLevel=1"

:run
"%JAVACMD%" %CDS_OPTS% %JIT_OPTS% %JAVA_OPTS% %SHEAF_OPTS% -jar "%SHEAF_HOME%\lib\sheaf.jar" %*
exit /b %ERRORLEVEL%

rem Exit code 0 when the command line (command first) builds once, without --watch, a folder (the first argument
rem that is not an option, else the current folder) with book.yaml and at most LIMIT Markdown files under chapters\,
rem or, on two processors or fewer, checks it or builds formats without print editions.
:smallBook
setlocal
set "DIR="
set "COMMAND=%~1"
set "FORMATS="
shift
:smallArg
if "%~1"=="" goto smallCount
set "ARG=%~1"
shift
if "%ARG%"=="-f" set "FORMATS=%~1"
if "%ARG%"=="--format" set "FORMATS=%~1"
if "%ARG:~0,9%"=="--format=" set "FORMATS=%ARG:~9%"
if "%ARG%"=="--watch" exit /b 1
if "%ARG:~0,1%"=="-" goto smallOption
if not defined DIR set "DIR=%ARG%"
goto smallArg
:smallOption
rem -w alone or among short options (-qw)
if not "%ARG:~1,1%"=="-" if not "%ARG:w=%"=="%ARG%" exit /b 1
rem the options that take a value: the value is not the book's folder
for %%o in (-o --out -f --format --citation-style --diagnostics) do if "%ARG%"=="%%o" shift
goto smallArg
:smallCount
if not defined DIR set "DIR=."
if not exist "%DIR%\book.yaml" exit /b 1
if not exist "%DIR%\chapters\" exit /b 1
rem two processors or fewer: a check, or a build without print editions, of any size
if defined NUMBER_OF_PROCESSORS if %NUMBER_OF_PROCESSORS% leq 2 call :withoutPrint && exit /b 0
set /a "PIECES=0"
rem counting stops past the limit, so a large book costs no more than a small one
for /r "%DIR%\chapters" %%f in (*.md) do call :smallPiece || exit /b 1
exit /b 0
:smallPiece
set /a "PIECES+=1"
if %PIECES% gtr %LIMIT% exit /b 1
exit /b 0
:withoutPrint
if "%COMMAND%"=="check" exit /b 0
if not defined FORMATS exit /b 1
set "REST=,%FORMATS: =%,"
for %%p in (1 2) do call :stripLight
if "%REST%"=="," exit /b 0
exit /b 1
:stripLight
set "REST=%REST:,epub,=,%"
set "REST=%REST:,site,=,%"
set "REST=%REST:,citations,=,%"
exit /b 0
