#!/usr/bin/env bash
# Regenerates the PNG app icons from the project's own SVGs (needs rsvg-convert
# and pngquant, Debian packages librsvg2-bin and pngquant). The PNGs are
# committed; the build does not run this. They are palette PNGs: icon-192.png
# is in every page's first load (the manifest's icon), so it gets 5 colours
# (1.2 KB; the clock and the leaf look the same at that size), the others 64.
set -euo pipefail
cd "$(dirname "$0")/../public"
for s in 192 512; do rsvg-convert -w "$s" -h "$s" icon.svg -o "icon-$s.png"; done
rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
pngquant --force --speed 1 --strip --output icon-192.png 5 icon-192.png
for f in icon-512.png icon-maskable-512.png; do pngquant --force --speed 1 --strip --output "$f" 64 "$f"; done
