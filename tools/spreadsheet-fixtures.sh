#!/usr/bin/env bash
# Re-makes tests/fixtures/spreadsheet/libreoffice-*.csv: the app's own CSV
# (source.csv) opened and saved again by LibreOffice Calc, headless, in Danish
# and English (UK) settings ("detect special numbers" on, as a user would).
# Needs libreoffice-calc-nogui; CI does not run it, the files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD/tests/fixtures/spreadsheet/source.csv
OUT=$(mktemp -d)
conv() { # name infilter-lang export-options
  mkdir -p $OUT/$1
  LC_ALL=$4 LANG=$4 soffice -env:UserInstallation=file://$OUT/profile --headless \
    --infilter="Text - txt - csv (StarCalc):59,34,76,1,,$2,false,true" \
    --convert-to "csv:Text - txt - csv (StarCalc):$3" --outdir $OUT/$1 $SRC >/dev/null 2>&1
  mv $OUT/$1/source.csv $OUT/$1.csv
}
conv libreoffice-da-semikolon-citeret 1030 "59,34,76,1,,1030,true,true,true" da_DK.UTF-8
conv libreoffice-da-semikolon 1030 "59,34,76,1,,1030,false,true,true" da_DK.UTF-8
conv libreoffice-en-gb-komma-citeret 2057 "44,34,76,1,,2057,true,true,true" en_GB.UTF-8
conv libreoffice-en-gb-tab 2057 "9,34,76,1,,2057,false,true,true" en_GB.UTF-8
cp $OUT/*.csv tests/fixtures/spreadsheet/
