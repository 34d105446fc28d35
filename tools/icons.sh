#!/usr/bin/env bash
# Regenerates the PNG app icons from the project's own SVGs (needs rsvg-convert,
# Debian package librsvg2-bin). The PNGs are committed; the build does not run this.
set -euo pipefail
cd "$(dirname "$0")/../public"
for s in 192 512; do rsvg-convert -w "$s" -h "$s" icon.svg -o "icon-$s.png"; done
rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
