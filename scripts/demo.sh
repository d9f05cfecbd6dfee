#!/usr/bin/env bash
# Set up, then compare the bundled example pair: a summary on the terminal and an HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --user
mkdir -p out
A=examples/seed/source_report.txt
B=examples/seed/derived_article.txt
.venv/bin/textlineage compare "$A" "$B"
.venv/bin/textlineage compare "$A" "$B" --format html --output out/seed-report.html
echo "open out/seed-report.html in a browser to see the two texts side by side"
