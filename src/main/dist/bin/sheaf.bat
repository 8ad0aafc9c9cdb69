@echo off
rem Sheaf launcher: runs lib\sheaf.jar with the Java named by JAVA_HOME, or else the java on the PATH.
rem Extra options for the JVM go in JAVA_OPTS or SHEAF_OPTS.
setlocal
set "SHEAF_HOME=%~dp0.."
if defined JAVA_HOME goto useJavaHome
set "JAVACMD=java"
where java >nul 2>nul
if errorlevel 1 (
  echo sheaf: no java found - install Java 17 or newer and put it on the PATH, or set JAVA_HOME 1>&2
  exit /b 2
)
goto run
:useJavaHome
set "JAVACMD=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVACMD%" (
  echo sheaf: JAVA_HOME is set to "%JAVA_HOME%" but it has no bin\java.exe - point it at a Java 17 installation 1>&2
  exit /b 2
)
:run
rem Class-data sharing: lib\sheaf.jsa, when there, speeds up start-up; another JVM or jar ignores it silently.
rem Make it with  set SHEAF_OPTS=-XX:ArchiveClassesAtExit=C:\path\to\sheaf\lib\sheaf.jsa  and one sheaf build.
set "CDS_OPTS="
if not "%SHEAF_CDS%"=="off" if exist "%SHEAF_HOME%\lib\sheaf.jsa" set "CDS_OPTS=-XX:SharedArchiveFile="%SHEAF_HOME%\lib\sheaf.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
"%JAVACMD%" %CDS_OPTS% %JAVA_OPTS% %SHEAF_OPTS% -jar "%SHEAF_HOME%\lib\sheaf.jar" %*
exit /b %ERRORLEVEL%
