#!/usr/bin/env bash
# Makes the real-program fixtures of the triage tests (run from an empty folder; LibreOffice 7.4,
# ImageMagick, Info-ZIP zip, p7zip, GNU tar/gzip, Python 3 sqlite3, OpenJDK jar). Kept small.
set -euo pipefail
export SOURCE_DATE_EPOCH=1767225600
printf 'Quarterly report\n\nThe harbour shipment arrives on Monday.\n' > report.txt
printf 'date,amount\n2026-01-02,100\n2026-01-03,250\n' > ledger.csv
soffice --headless --convert-to docx report.txt >/dev/null 2>&1
soffice --headless --convert-to odt report.txt >/dev/null 2>&1
soffice --headless --convert-to doc report.txt >/dev/null 2>&1
soffice --headless --convert-to pdf report.txt >/dev/null 2>&1
soffice --headless --convert-to xlsx ledger.csv >/dev/null 2>&1
soffice --headless --convert-to xls ledger.csv >/dev/null 2>&1
soffice --headless --convert-to ods ledger.csv >/dev/null 2>&1
soffice --headless --infilter=impress_pdf_import --convert-to pptx report.pdf >/dev/null 2>&1
convert -size 64x48 gradient:navy-orange -strip photo.jpg
convert -size 32x32 xc:teal -strip logo.png
convert -size 16x16 xc:red -strip icon.gif
zip -q -X plain.zip report.txt ledger.csv
zip -q -X -P secret locked.zip report.txt
7z a -bd -tzip -mem=AES256 -psecret aes.zip report.txt >/dev/null
tar --mtime=@1767225600 --owner=0 --group=0 -cf bundle.tar report.txt ledger.csv
gzip -n -c report.txt > report.txt.gz
python3 -c "import sqlite3; c=sqlite3.connect('cases.sqlite'); c.execute('create table t(x)'); c.commit()"
mkdir -p jar && printf 'class A {}\n' > jar/A.txt && (cd jar && jar --create --file ../tool.jar A.txt) && rm -rf jar
cp /bin/true elf-program
