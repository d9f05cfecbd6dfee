#!/usr/bin/env bash
# Create .venv at the repository root and install textlineage with its semantic stage and
# development tools. torch is pinned to the CPU build first: any other version pulls CUDA.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/pip install -q "torch==2.13.0"
.venv/bin/pip install -q -e ".[semantic,dev]"
