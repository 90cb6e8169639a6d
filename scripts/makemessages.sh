#!/usr/bin/env bash
# Refreshes every app's zh_Hans catalogue from the source; translate the new entries, then `make messages`.
set -euo pipefail
cd "$(dirname "$0")/../src/tuijin"
for app in */; do
  app=${app%/}
  [ -d "$app/locale" ] || continue
  (cd "$app" && ../../../.venv/bin/python ../../../manage.py makemessages -l zh_Hans --no-obsolete >/dev/null)
done
