#!/bin/sh
# Renders a sample periodic report (HCD-12) and a sample list (the demo
# caseload) to PNG in docs/screenshots/, the way a printer would show them:
# LibreOffice headless converts the workbooks to PDF, pdftoppm the first
# pages to PNG. Needs the apt packages libreoffice-calc-nogui and
# poppler-utils.
set -eu
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CGO_ENABLED=0
REPORT_SAMPLES="$tmp" go test -tags ci,migrated_fynedo -count=1 -run '^TestSamples$' ./report/ >/dev/null
go build -o "$tmp/cli" ./cmd/hoanhap-cli
"$tmp/cli" --data "$tmp/data" demo >/dev/null
"$tmp/cli" --data "$tmp/data" export caseload --out "$tmp/list-caseload.xlsx" >/dev/null
for f in report-hcd12 list-caseload; do
	HOME="$tmp" LANG=vi_VN.UTF-8 soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$f.xlsx" >/dev/null 2>&1
	pdftoppm -png -r 80 -f 1 -l 2 "$tmp/$f.pdf" "$tmp/$f"
	for p in "$tmp/$f"-*.png; do
		n=$(basename "$p" .png | sed 's/.*-0*//')
		cp "$p" "$out/excel-$f-page$n.png"
	done
done
ls "$out"/excel-*.png
