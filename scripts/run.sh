#!/usr/bin/env bash
# Installs what is missing, builds, and starts welfared on its embedded
# default: RocksDB in ./welfare-data, listening on 127.0.0.1:7543.
# Extra arguments go to welfared (see build/services/welfared --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh welfared welfare welfare-seed welfare-audit welfare-report
exec build/services/welfared --data_dir=welfare-data --listen=127.0.0.1:7543 "$@"
