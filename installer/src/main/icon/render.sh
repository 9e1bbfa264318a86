#!/usr/bin/env bash
# Renders flightdeck.svg to the PNGs the app (window icon) and the installer (desktop icon) use.
# Needs ImageMagick; the PNGs are committed, so a build does not.
set -euo pipefail
cd "$(dirname "$0")"
out=../../../../app/src/main/resources/io/flightdeck/app/icon
mkdir -p "$out"
for size in 16 32 48 64 128 256; do
  convert -background none -density 384 flightdeck.svg -resize "${size}x${size}" -strip "PNG32:$out/flightdeck-$size.png"
done
