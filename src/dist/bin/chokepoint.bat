@echo off
rem chokepoint.bat: starts the Chokepoint command line from an unpacked distribution.
rem   JAVA_HOME        the JDK or JRE to use (17 or later); default: the java on PATH
rem   CHOKEPOINT_OPTS  extra JVM options, e.g. set CHOKEPOINT_OPTS=-Xmx1g
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (
  set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_CMD=java.exe"
)
if defined JAVA_HOME if not exist "%JAVA_CMD%" (
  echo chokepoint: JAVA_HOME is set to "%JAVA_HOME%", but "%JAVA_CMD%" does not exist; point JAVA_HOME at a Java 17+ installation or unset it 1>&2
  exit /b 3
)
"%JAVA_CMD%" -Dorg.jboss.logging.provider=slf4j -Djava.awt.headless=true %CHOKEPOINT_OPTS% -cp "%APP_HOME%\lib\*" io.chokepoint.cli.Main %*
exit /b %ERRORLEVEL%
