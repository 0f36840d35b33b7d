#!/usr/bin/env bash
# One-time set-up of a Debian/Ubuntu machine for Life Circle; cheap to run again.
# Installs system packages (QGIS with Python bindings, PyQt5, Qt tools, xvfb, scipy ...)
# when any is missing, then a venv from /usr/bin/python3 --system-site-packages with the
# pinned pip requirements. A stamp file makes a second run finish in seconds.
set -euo pipefail
VENV=${VENV:-.venv}
APT_PACKAGES="python3-qgis qgis-providers qgis python3-pyqt5 python3-pyqt5.qtsvg
 pyqt5-dev-tools qttools5-dev-tools xvfb xauth python3-venv python3-pip gdal-bin
 python3-gdal python3-numpy python3-scipy python3-pyproj python3-fiona zip
 fonts-noto-cjk poppler-utils"

missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Life Circle needs system packages. As root, run:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
    exit 1
  fi
  echo "Installing system packages:$missing"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

stamp="$VENV/.requirements.stamp"
if [ ! -x "$VENV/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
if [ ! -f "$stamp" ] || ! cmp -s requirements.txt "$stamp"; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt
  cp requirements.txt "$stamp"
fi
"$VENV/bin/python" - <<'PY'
import qgis.core, PyQt5.QtCore, scipy, shapely, sqlite_utils, osgeo.ogr  # noqa: F401
print("Life Circle environment ready: QGIS", qgis.core.Qgis.QGIS_VERSION,
      "| shapely", shapely.__version__, "| scipy", scipy.__version__)
PY
