#!/usr/bin/env bash
# Create .venv at the repository root and install textlineage into it.
#   bash scripts/setup.sh --user   what a user needs: the library, the CLI, the semantic
#                                  and translation stages (ONNX Runtime; no torch), the
#                                  fact diff's named-entity model (spaCy), WARC reading
#                                  and the web service (`serve`)
#   bash scripts/setup.sh          everything the tests need: also the torch runtime (for
#                                  comparison), the development tools (pytest, ruff, mypy,
#                                  Playwright), Java for Spark and Chromium for the browser
# torch is pinned to the CPU build first: any other version pulls CUDA. The browser tests
# drive Debian's Chromium (/usr/bin/chromium), installed here when missing and apt-get is
# usable (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "${1:-}" = "--user" ]; then
  .venv/bin/pip install -q -e ".[semantic,facts,warc,web]"
  exit 0
fi
.venv/bin/pip install -q "torch==2.13.0"
.venv/bin/pip install -q -e ".[semantic,semantic-torch,facts,warc,web,dev]"
# The Spark engine (and its tests) run on a Java runtime, 17 or later.
if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's Java runtime for the Spark engine" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null) \
    || echo "warning: could not install Java; the Spark tests will fail" >&2
fi
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the browser tests will fail" >&2
fi
