#!/usr/bin/env bash
# Runs every test, as the README says: installs what the tests need on a fresh Debian machine when it
# is missing (Maven, php-cgi for the CGI tests, HAProxy for the fleet test, Prometheus for the scrape
# test, Chromium and its driver for the end-to-end tests; apt-get, as root), then the four Maven runs.
# CI runs this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v mvn >/dev/null 2>&1; then
  apt-get update && apt-get install -y maven
fi
# CGI integration tests run PHP scripts through php-cgi (python3 and sh are already there).
if [ ! -x /usr/bin/php-cgi ]; then
  apt-get update && apt-get install -y php-cgi
fi
# The fleet test puts a real HAProxy in front of two webserv processes (docs/deployment.md).
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  apt-get update && apt-get install -y haproxy
fi
# promtool checks the /metrics output (MetricsEndpointTest); prometheus itself scrapes the server in the
# -Pprometheus profile (PrometheusScrapeTest, docs/observability.md).
if ! command -v promtool >/dev/null 2>&1; then
  apt-get update && apt-get install -y prometheus
fi
# The end-to-end tests drive Debian's headless Chromium through its chromedriver (docs/e2e.md).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update && apt-get install -y chromium chromium-driver
fi
java -version
mvn -v

# Unit and integration tests (and the javadoc gate):
mvn -B verify

# The fleet test (integration-tests, io.webserv.it.fleet): its own profile, which builds the jar
# again and runs that test alone.
mvn -B -Pfleet verify

# The Prometheus scrape test (integration-tests, io.webserv.it.prometheus): its own profile too.
mvn -B -Pprometheus verify

# The end-to-end tests (e2e-tests, docs/e2e.md): the demo site in headless Chromium; their own
# profile, which builds the jar again and runs those tests alone.
mvn -B -Pbrowser verify
