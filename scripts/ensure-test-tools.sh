#!/usr/bin/env bash
# Installs what the test suite needs beyond Maven's dependencies (none yet beyond the JDK).
set -euo pipefail
exit 0
