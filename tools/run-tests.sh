#!/usr/bin/env bash
# `npm test`: the console's Vitest specs, then every Jest project on two workers but for the heaviest platform walks
# (apps/platform-e2e/serial-suites.cjs), then those one at a time. Arguments go to both Jest runs
# (`npm test -- --ci`, `npm test -- registry`); with a path pattern either run may find nothing, which is fine.
set -euo pipefail
cd "$(dirname "$0")/.."

npx vitest run --config apps/console/vite.config.ts
empty=()
for arg in "$@"; do [[ "$arg" == -* ]] || empty=(--passWithNoTests); done
GRIDLINE_SUITES=parallel npx jest "${empty[@]}" "$@"
GRIDLINE_SUITES=serial npx jest --selectProjects platform-e2e --runInBand "${empty[@]}" "$@"
