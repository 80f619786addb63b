#!/usr/bin/env bash
# Brings up PostgreSQL on 127.0.0.1:5432 on a Debian 12 machine (run as root), creates the role `ci`
# (password `ci`, may create databases) and the database `ci_test`, and prints on stdout the one line
# DATABASE_URL=postgres://ci:ci@127.0.0.1:5432/ci_test. Progress goes to stderr. Idempotent.
# Based on the tested script in STACK.md: installs PostgreSQL with apt only when it is missing.
set -euo pipefail
log() { echo "ci-postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "PostgreSQL is not installed; installing it with apt"
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2   # creates and starts cluster "main"
fi

V=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$V main"; then
  log "creating cluster $V/main"
  pg_createcluster "$V" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$V" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  log "starting cluster $V/main"
  # Without a running systemd, pg_ctlcluster must not hand over to systemctl.
  pg_ctlcluster --skip-systemctl-redirect "$V" main start >&2
fi
for _ in $(seq 1 150); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL did not become ready on 127.0.0.1:5432"; exit 1; }

runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 >&2 <<'SQL'
SELECT 'CREATE ROLE ci LOGIN PASSWORD ''ci'' CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ci')\gexec
SELECT 'CREATE DATABASE ci_test OWNER ci' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ci_test')\gexec
SQL
log "PostgreSQL $(runuser -u postgres -- psql -tAc 'SHOW server_version') is ready"
echo "DATABASE_URL=postgres://ci:ci@127.0.0.1:5432/ci_test"
