#!/usr/bin/env bash
# Makes a PostgreSQL server from the operating system's packages available for the integration tests of the
# external-database mode (the failsafe execution external-postgres and the platform tests that start their own
# throw-away servers: initdb into target/, a free port on 127.0.0.1, as the postgres user when running as root).
# Installs Debian's postgresql (today 15, with pgcrypto, which the audit trail's sealing needs) when missing and running
# as root (CI machines), without creating or starting the package's own "main" cluster; otherwise says what is missing
# and how to install it and lets the build go on: the tests that need a server then skip, naming why. Never fails the
# build itself.
set -u
me="ensure-postgresql"
installed() {
  if [ -n "${IKIIKI_TEST_PG_BIN:-}" ] && [ -x "${IKIIKI_TEST_PG_BIN}/initdb" ]; then return 0; fi
  for d in "${IKIIKI_TEST_PG_ROOT:-/usr/lib/postgresql}"/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/pg_dump" ] && [ -x "$d/pg_restore" ] && return 0
  done
  return 1
}
installed && exit 0
needed_by="the external-database tests (a real PostgreSQL server: migrations, the role split, backup and restore) are skipped without it"
if [ "$(id -u)" != "0" ]; then
  echo "[$me] SKIPPED installing postgresql: not running as root (uid $(id -u)). $needed_by:" \
       "sudo apt-get install postgresql" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[$me] SKIPPED installing postgresql: no apt-get on this machine. $needed_by; install it with the" \
       "system's package manager (or set IKIIKI_TEST_PG_BIN to the directory of initdb)." >&2
  exit 0
fi
echo "[$me] Installing postgresql for the external-database tests..."
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null; then
  # The tests start servers of their own: no cluster for the package (postgresql-common reads createcluster.d).
  mkdir -p /etc/postgresql-common/createcluster.d 2>/dev/null \
    && echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/ikiiki-tests.conf 2>/dev/null
  if apt-get install -y -qq postgresql >/dev/null && installed; then
    exit 0
  fi
fi
echo "[$me] WARNING: apt-get could not install postgresql (see its messages above); $needed_by." >&2
exit 0
