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
"%JAVACMD%" %JAVA_OPTS% %SHEAF_OPTS% -jar "%SHEAF_HOME%\lib\sheaf.jar" %*
exit /b %ERRORLEVEL%
