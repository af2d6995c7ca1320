#!/usr/bin/env bash
# Makes Debian's promtool (package prometheus) available for PrometheusRulesTest, which checks the Prometheus
# configuration and alert rules in provisioning/prometheus/ and runs their unit tests. Like ensure-test-tools.sh:
# installs it with apt-get when missing and running as root; otherwise says so and how to install it, and lets the
# build go on (PrometheusRulesTest then fails and names what is missing). Never fails the build itself.
set -u
me="ensure-promtool"
command -v promtool >/dev/null 2>&1 && exit 0
needed_by="PrometheusRulesTest needs it"
if [ "$(id -u)" != "0" ]; then
  echo "[$me] SKIPPED installing promtool: not running as root (uid $(id -u)). $needed_by:" \
       "sudo apt-get install prometheus" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[$me] SKIPPED installing promtool: no apt-get on this machine. $needed_by; install Prometheus's promtool" \
       "with the system's package manager." >&2
  exit 0
fi
echo "[$me] Installing prometheus (promtool) for the alert rule tests..."
export DEBIAN_FRONTEND=noninteractive
# Containers (CI) have no init system, so the package's prometheus service does not start there; on a machine
# with systemd it does: 'systemctl disable --now prometheus' if it is not wanted.
if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends prometheus >/dev/null; then
  exit 0
fi
echo "[$me] WARNING: apt-get could not install prometheus (see its messages above); $needed_by." >&2
exit 0
