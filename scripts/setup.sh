#!/usr/bin/env bash
# Create .venv at the repository root and install textlineage with its semantic stage, the
# web service and development tools. torch is pinned to the CPU build first: any other
# version pulls CUDA. The browser tests drive Debian's Chromium (/usr/bin/chromium), which
# is installed here when missing and apt-get is usable (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/pip install -q "torch==2.13.0"
.venv/bin/pip install -q -e ".[semantic,web,dev]"
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the browser tests will fail" >&2
fi
