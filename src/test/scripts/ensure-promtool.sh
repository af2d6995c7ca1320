#!/usr/bin/env bash
# Makes Debian's promtool (package prometheus) available for PrometheusRulesTest, which checks the Prometheus
# configuration and alert rules in provisioning/prometheus/ and runs their unit tests. Like ensure-browser.sh:
# installs with apt when missing and running as root; otherwise warns and leaves the test to say what is missing.
set -u
command -v promtool >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing prometheus (promtool) for the alert rule tests..."
  export DEBIAN_FRONTEND=noninteractive
  # Containers (CI) have no init system, so the package's prometheus service does not start there; on a machine
  # with systemd it does: 'systemctl disable --now prometheus' if it is not wanted.
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends prometheus >/dev/null && exit 0
fi
echo "WARNING: could not install promtool; PrometheusRulesTest needs it (apt-get install prometheus)" >&2
exit 0
