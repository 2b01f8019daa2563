#!/bin/bash
# A second webserv build in one run of the shared bench, as its "custom" target, with the same
# configuration the bench generates for its own webserv target (workers: 1, access_log: off,
# keep-alive 300 s), so that the two rows differ only by the jar. For example, metrics on and off:
#   WEBSERV_JAR=/tmp/new.jar ../shared/bench/run.sh webserv \
#       custom 'scripts/bench/custom-jar.sh /tmp/old.jar {port} {docroot}' 18099 h2o jetty
# The bench exports JAVA and JAVA_OPTS (the Java peers' options) to custom commands.
set -euo pipefail
jar=$1 port=$2 docroot=$3
. "$(dirname "$0")/common.sh"
conf=$(mktemp /tmp/webserv-custom-XXXX.yaml)
webserv_yaml "$port" "$docroot" > "$conf"
exec "${JAVA:-java}" ${JAVA_OPTS:-} -jar "$jar" "$conf"
