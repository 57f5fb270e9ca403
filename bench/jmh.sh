#!/usr/bin/env bash
# JMH benchmarks of the hot paths a change touched, each against what it replaced, in one run:
#   bench/jmh.sh [JMH OPTIONS...]        e.g. bench/jmh.sh ReportJson      or   bench/jmh.sh -f 1
# Installs mailcert-core into the local Maven repository, builds bench/jmh (not part of the
# project's build) and runs its benchmarks.jar. Needs the JDK the launcher uses.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./mailcert --version >/dev/null # finds and remembers the JDK
export JAVA_HOME=$(sed -n 2p mailcert-cli/target/jdk-home)
./mvnw -q -B install -Dmaven.test.skip=true -Dspotless.check.skip -Dcheckstyle.skip -pl mailcert-core -am
./mvnw -q -B -f bench/jmh/pom.xml package
exec "$JAVA_HOME/bin/java" -jar bench/jmh/target/benchmarks.jar "$@"
