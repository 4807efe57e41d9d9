#!/usr/bin/env bash
# Makes the labelled triage accuracy corpus (issue 5, "Accuracy") with real programs, not hand-typed bytes:
# ImageMagick, LibreOffice (headless), Ghostscript, zip, tar, gzip, 7-Zip, gcc/ld, sqlite3, sox, lame, openssl
# and Python's email/mailbox/json/csv modules. Writes the files and labels.csv into
#   forensics-core/src/test/resources/triage/corpus/
# (the old corpus there is removed first). Run once; the output is committed with this script.
#
# labels.csv columns:
#   file               name inside the corpus folder
#   mime               the true MIME type (Tika's canonical name where Tika knows the type)
#   category           document, spreadsheet, presentation, image, audio, video, archive, executable,
#                      database, email, disk-image, text, encrypted, unknown
#   expected_mismatch  yes when the name's extension does not fit the content (a planted mismatch), else no
#   finding            planted findings, ';'-separated: extension-mismatch, appended-data@OFFSET (OFFSET = where
#                      the appended bytes start = length of the real file), double-extension, encrypted; or empty
#   made_by            the program (and version) that made the content
#
# Determinism: fixed seeds (ImageMagick -seed, sox -R, Python random.seed, an AES-CTR keystream for "random"
# bytes), fixed times (SOURCE_DATE_EPOCH, touch -d, tar --mtime, gzip -n, ld --no-insert-timestamp, PNG date
# chunks excluded). Two runs give byte-identical files except: LibreOffice 7.4's zip-based output (docx, xlsx,
# pptx, odt, ods, odp: zip entries stamped with the current time) and PDFs (creation date, /ID), and the
# encrypted zip/7z/openssl files (random salt and IV, as encryption must); their types, structure and sizes
# stay the same.
#
# Installs nothing. Debian packages it needs: imagemagick libreoffice-writer libreoffice-calc
# libreoffice-impress (the -nogui variants are enough) ghostscript p7zip-full gcc binutils sqlite3 sox lame
# zip tar gzip openssl python3, e.g.
#   DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends imagemagick \
#     libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui ghostscript p7zip-full \
#     gcc binutils sqlite3 sox lame zip tar gzip openssl python3
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/forensics-core/src/test/resources/triage/corpus"

# --- tools -------------------------------------------------------------------------------------------------
if command -v magick >/dev/null 2>&1; then im=(magick); else im=(convert); fi
missing=()
need() { # need TOOL PACKAGE
  command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian package $2)")
}
need "${im[0]}" imagemagick
need soffice "libreoffice-writer libreoffice-calc libreoffice-impress"
need gs ghostscript
need 7z p7zip-full
need gcc gcc
need ld binutils
need sqlite3 sqlite3
need sox sox
need lame lame
need zip zip
need tar tar
need gzip gzip
need openssl openssl
need python3 python3
if [ ${#missing[@]} -gt 0 ]; then
  echo "make-corpus: missing tools:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 2
fi

export LC_ALL=C.UTF-8 TZ=UTC SOURCE_DATE_EPOCH=1700000000
epoch_touch="@$SOURCE_DATE_EPOCH"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
src="$work/src"
mkdir -p "$src"
rm -rf "$out"
mkdir -p "$out"
labels="$work/labels.rows"
: > "$labels"

ver_im="ImageMagick $("${im[@]}" -version | sed -n '1s/^Version: ImageMagick \([^ ]*\).*/\1/p')"
ver_lo="$(soffice --version 2>/dev/null | awk 'NF {print $1" "$2; exit}')"
ver_gs="Ghostscript $(gs --version)"
ver_7z="$(7z 2>/dev/null | grep -m1 -o 'p7zip Version [0-9.]*' | sed 's/ Version//' || true)"
[ -n "$ver_7z" ] || ver_7z="$(7z 2>/dev/null | grep -m1 -o '7-Zip[^:]*[0-9]' || echo 7-Zip)"
ver_gcc="gcc $(gcc -dumpfullversion)"
ver_ld="$(ld --version | head -1 | sed 's/GNU ld (GNU Binutils for Debian)/GNU ld/')"
ver_sqlite="sqlite3 $(sqlite3 --version | awk '{print $1}')"
ver_sox="$(sox --version | sed 's/.*SoX v/sox /')"
ver_lame="$(lame --version | head -1 | sed 's/.*version \([^ ]*\).*/lame \1/')"
ver_zip="$(zip -v | sed -n '2s/^This is \(Zip [^ ]*\).*/\1/p')"
ver_tar="$(tar --version | head -1)"
ver_gzip="$(gzip --version | head -1)"
ver_openssl="$(openssl version | awk '{print $1" "$2}')"
ver_py="Python $(python3 -c 'import platform; print(platform.python_version())')"

# label FILE MIME CATEGORY MISMATCH FINDING MADE_BY
label() {
  [ -f "$out/$1" ] || { echo "make-corpus: $1 was not made" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$labels"
}
size() { stat -c %s "$1"; }
# deterministic pseudo-random bytes: AES-128-CTR keystream of a fixed key and a seed-dependent IV
prng() { # prng SEED BYTES
  head -c "$2" /dev/zero |
    openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f -iv "$(printf '%032x' "$1")"
}
soffice_convert() { # soffice_convert FILTER OUTDIR INFILTER FILES...
  local filter="$1" dir="$2" infilter="$3"
  shift 3
  local args=(--headless --norestore "-env:UserInstallation=file://$work/lo-profile" --convert-to "$filter"
    --outdir "$dir")
  [ -n "$infilter" ] && args+=("--infilter=$infilter")
  soffice "${args[@]}" "$@" > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; exit 1; }
}

# --- source material (text written here, then turned into documents by the programs) ----------------------
cat > "$src/doc1.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Case 2026-017: seizure report</title></head>
<body><h1>Seizure report</h1>
<p>On 14 November 2023 at 22:13 UTC officers seized one laptop (exhibit A-1) and two USB sticks (A-2, A-3).</p>
<table border="1"><tr><th>Exhibit</th><th>Item</th><th>Seal</th></tr>
<tr><td>A-1</td><td>Laptop, grey, serial 5CD1234XYZ</td><td>0041877</td></tr>
<tr><td>A-2</td><td>USB stick 32 GB</td><td>0041878</td></tr>
<tr><td>A-3</td><td>USB stick 64 GB</td><td>0041879</td></tr></table>
<p>The items were sealed in evidence bags and handed to the exhibits officer.</p></body></html>
EOF
cat > "$src/doc2.html" <<'EOF'
<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Procès-verbal d'audition</title></head>
<body><h2>Procès-verbal d'audition</h2>
<p>L'an deux mille vingt-trois, le quatorze novembre, nous, enquêteur spécialisé, avons entendu le témoin.</p>
<ol><li>Identité vérifiée ; pièce d'identité n° 88 213.</li><li>Le témoin déclare avoir reçu un courriel
frauduleux « facture.pdf.exe ».</li><li>Lecture faite, le témoin persiste et signe.</li></ol></body></html>
EOF
cat > "$src/doc3.html" <<'EOF'
<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Протокол осмотра</title></head>
<body><h3>Протокол осмотра места происшествия</h3>
<p>Осмотр начат в 10 часов 05 минут. Изъяты: мобильный телефон, ноутбук, два жёстких диска.</p>
<ul><li>Телефон — IMEI 356938035643809</li><li>Ноутбук — серийный номер PF2ABC12</li></ul>
<p><b>Итого:</b> 4 предмета.</p></body></html>
EOF

sqlite3 "$src/cases.db" <<'EOF'
PRAGMA page_size=1024;
CREATE TABLE exhibit(id TEXT PRIMARY KEY, item TEXT, seal INTEGER, seized TEXT, weight_g REAL);
INSERT INTO exhibit VALUES('A-1','Laptop, grey',41877,'2023-11-14T22:13:00Z',2130.5),
  ('A-2','USB stick 32 GB',41878,'2023-11-14T22:15:00Z',9.1),
  ('A-3','USB stick 64 GB',41879,'2023-11-14T22:16:00Z',8.7),
  ('B-1','Mobile phone',41880,'2023-11-15T08:02:00Z',188.0),
  ('B-2','SIM card',41881,'2023-11-15T08:03:00Z',0.4);
CREATE TABLE handler(name TEXT, role TEXT, badge INTEGER);
INSERT INTO handler VALUES('Amina Diallo','seizing officer',1207),('Jonas Berg','exhibits officer',884),
  ('Li Wei','examiner',3021);
CREATE TABLE transfer(exhibit TEXT REFERENCES exhibit(id), from_name TEXT, to_name TEXT, at TEXT, purpose TEXT);
INSERT INTO transfer VALUES('A-1','Amina Diallo','Jonas Berg','2023-11-15T09:00:00Z','storage'),
  ('A-1','Jonas Berg','Li Wei','2023-11-16T13:30:00Z','imaging'),
  ('B-1','Amina Diallo','Li Wei','2023-11-16T14:10:00Z','extraction');
EOF
q_exhibit="SELECT * FROM exhibit ORDER BY id"
q_handler="SELECT * FROM handler ORDER BY name"
q_transfer="SELECT * FROM transfer ORDER BY at"
sqlite3 -csv -header "$src/cases.db" "$q_exhibit" > "$src/sheet1.csv"
sqlite3 -csv -header "$src/cases.db" "$q_handler" > "$src/sheet2.csv"
sqlite3 -csv -header "$src/cases.db" "$q_transfer" > "$src/sheet3.csv"

for n in 1 2 3; do
  case $n in
    1) t1="Case 2026-017"; t2="Seizure of 14 November 2023"; t3="3 exhibits, 1 laptop, 2 USB sticks" ;;
    2) t1="Chain of custody"; t2="Every transfer is signed"; t3="Who, when, why, from where to where" ;;
    3) t1="Résumé de l'enquête"; t2="Hameçonnage : « facture.pdf.exe »"; t3="Прочие материалы дела" ;;
  esac
  cat > "$src/slides$n.fodp" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:body><office:presentation>
  <draw:page draw:name="title">
   <draw:frame svg:x="2cm" svg:y="2cm" svg:width="24cm" svg:height="3cm"><draw:text-box><text:p>$t1</text:p></draw:text-box></draw:frame>
   <draw:frame svg:x="2cm" svg:y="6cm" svg:width="24cm" svg:height="3cm"><draw:text-box><text:p>$t2</text:p></draw:text-box></draw:frame>
  </draw:page>
  <draw:page draw:name="details">
   <draw:frame svg:x="2cm" svg:y="2cm" svg:width="24cm" svg:height="8cm"><draw:text-box><text:p>$t3</text:p></draw:text-box></draw:frame>
  </draw:page>
 </office:presentation></office:body></office:document>
EOF
done

# --- images: ImageMagick ------------------------------------------------------------------------------------
img_src() { # img_src N -> ImageMagick arguments of source picture N
  case "$1" in
    1) echo "-seed 11 -size 96x64 plasma:fractal" ;;
    2) echo "-size 80x60 gradient:navy-orange" ;;
    3) echo "-size 64x64 pattern:checkerboard -seed 3 -attenuate 0.4 +noise Gaussian" ;;
  esac
}
im_make() { # im_make N OUTFILE EXTRA...
  local n="$1" f="$2"
  shift 2
  # shellcheck disable=SC2046
  "${im[@]}" $(img_src "$n") -depth 8 -strip "$@" "$f"
}
for n in 1 2 3; do
  case $n in 1) jpg=jpeg-1.jpg; tif=tiff-1.tif ;; 2) jpg=jpeg-2.jpeg; tif=tiff-2.tiff ;;
    3) jpg=JPEG-3.JPG; tif=TIFF-3.TIF ;; esac
  im_make $n "$out/$jpg" -quality $((70 + n * 5))
  label "$jpg" image/jpeg image no "" "$ver_im"
  im_make $n "$out/png-$n.png" -define png:exclude-chunks=date,time
  label "png-$n.png" image/png image no "" "$ver_im"
  im_make $n "$out/gif-$n.gif" -colors $((16 * n))
  label "gif-$n.gif" image/gif image no "" "$ver_im"
  im_make $n "$out/$tif" -compress lzw
  label "$tif" image/tiff image no "" "$ver_im"
  im_make $n "$out/bmp-$n.bmp"
  label "bmp-$n.bmp" image/bmp image no "" "$ver_im"
  im_make $n "$out/webp-$n.webp" -quality $((50 + n * 10))
  label "webp-$n.webp" image/webp image no "" "$ver_im"
done

# --- documents, spreadsheets, presentations: LibreOffice headless -----------------------------------------
lo="$work/lo"
mkdir -p "$lo"
docs=("$src/doc1.html" "$src/doc2.html" "$src/doc3.html")
soffice_convert 'docx:MS Word 2007 XML' "$lo" 'HTML (StarWriter)' "${docs[@]}"
soffice_convert 'odt:writer8' "$lo" 'HTML (StarWriter)' "${docs[@]}"
soffice_convert 'doc:MS Word 97' "$lo" 'HTML (StarWriter)' "${docs[@]}"
soffice_convert 'pdf:writer_pdf_Export' "$lo" 'HTML (StarWriter)' "${docs[@]}"
sheets=("$src/sheet1.csv" "$src/sheet2.csv" "$src/sheet3.csv")
soffice_convert 'xlsx:Calc MS Excel 2007 XML' "$lo" 'CSV:44,34,76,1' "${sheets[@]}"
soffice_convert 'xls:MS Excel 97' "$lo" 'CSV:44,34,76,1' "${sheets[@]}"
soffice_convert 'ods:calc8' "$lo" 'CSV:44,34,76,1' "${sheets[@]}"
slides=("$src/slides1.fodp" "$src/slides2.fodp" "$src/slides3.fodp")
soffice_convert 'pptx:Impress MS PowerPoint 2007 XML' "$lo" '' "${slides[@]}"
soffice_convert 'ppt:MS PowerPoint 97' "$lo" '' "${slides[@]}"
soffice_convert 'odp:impress8' "$lo" '' "${slides[@]}"
# an HTML page exported by LibreOffice Writer
cp "$lo/doc2.odt" "$work/page.odt"
soffice_convert 'html:HTML (StarWriter)' "$lo" '' "$work/page.odt"
# a password-protected PDF (LibreOffice 7.4+ takes export options as JSON)
pdf_pw='{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"exhibit"}}'
mkdir -p "$lo/enc"
soffice_convert "pdf:writer_pdf_Export:$pdf_pw" "$lo/enc" 'HTML (StarWriter)' "$src/doc1.html"

ooxml_w=application/vnd.openxmlformats-officedocument.wordprocessingml.document
ooxml_x=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
ooxml_p=application/vnd.openxmlformats-officedocument.presentationml.presentation
for n in 1 2 3; do
  cp "$lo/doc$n.docx" "$out/docx-$n.docx";   label "docx-$n.docx" $ooxml_w document no "" "$ver_lo"
  cp "$lo/doc$n.odt" "$out/odt-$n.odt"
  label "odt-$n.odt" application/vnd.oasis.opendocument.text document no "" "$ver_lo"
  cp "$lo/doc$n.doc" "$out/doc-$n.doc";      label "doc-$n.doc" application/msword document no "" "$ver_lo"
  cp "$lo/doc$n.pdf" "$out/pdf-lo-$n.pdf";   label "pdf-lo-$n.pdf" application/pdf document no "" "$ver_lo"
  cp "$lo/sheet$n.xlsx" "$out/xlsx-$n.xlsx"; label "xlsx-$n.xlsx" $ooxml_x spreadsheet no "" "$ver_lo"
  cp "$lo/sheet$n.xls" "$out/xls-$n.xls";    label "xls-$n.xls" application/vnd.ms-excel spreadsheet no "" "$ver_lo"
  cp "$lo/sheet$n.ods" "$out/ods-$n.ods"
  label "ods-$n.ods" application/vnd.oasis.opendocument.spreadsheet spreadsheet no "" "$ver_lo"
  cp "$lo/slides$n.pptx" "$out/pptx-$n.pptx"; label "pptx-$n.pptx" $ooxml_p presentation no "" "$ver_lo"
  cp "$lo/slides$n.ppt" "$out/ppt-$n.ppt"
  label "ppt-$n.ppt" application/vnd.ms-powerpoint presentation no "" "$ver_lo"
  cp "$lo/slides$n.odp" "$out/odp-$n.odp"
  label "odp-$n.odp" application/vnd.oasis.opendocument.presentation presentation no "" "$ver_lo"
done
cp "$lo/page.html" "$out/html-3.htm"; label html-3.htm text/html text no "" "$ver_lo"
cp "$lo/enc/doc1.pdf" "$out/protected.pdf"; label protected.pdf application/pdf encrypted no encrypted "$ver_lo"

# --- PDF: Ghostscript ---------------------------------------------------------------------------------------
for n in 1 2 3; do
  {
    echo '%!PS-Adobe-3.0'
    echo '/Helvetica findfont 16 scalefont setfont'
    echo "72 720 moveto (Evidence receipt no. $n) show"
    echo '/Helvetica findfont 11 scalefont setfont'
    for l in $(seq 1 $((n * 4))); do
      echo "72 $((690 - l * 16)) moveto (Line $l: item received, sealed, seal number 00$((41876 + l))) show"
    done
    [ "$n" = 2 ] && echo '0.6 setgray 300 200 moveto 500 200 lineto 500 400 lineto closepath fill'
    echo 'showpage'
    if [ "$n" = 3 ]; then echo '72 720 moveto (Page 2) show showpage'; fi
  } > "$src/receipt$n.ps"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -o "$out/pdf-gs-$n.pdf" "$src/receipt$n.ps"
  label "pdf-gs-$n.pdf" application/pdf document no "" "$ver_gs"
done

# --- archives: zip, tar, gzip, 7-Zip ---------------------------------------------------------------------------
arc="$work/arc"
mkdir -p "$arc/notes"
cp "$src/doc1.html" "$src/sheet1.csv" "$arc/notes/"
cp "$out/jpeg-1.jpg" "$out/png-2.png" "$arc/"
cp "$src/receipt1.ps" "$arc/notes/"
find "$arc" -exec touch -d "$epoch_touch" {} +
(cd "$arc" && zip -X -q -r "$out/zip-1.zip" notes)
label zip-1.zip application/zip archive no "" "$ver_zip"
(cd "$arc" && zip -X -q -0 "$out/zip-2.zip" jpeg-1.jpg png-2.png)
label zip-2.zip application/zip archive no "" "$ver_zip"
(cd "$arc" && zip -X -q -9 -r "$out/zip-3.zip" notes jpeg-1.jpg)
label zip-3.zip application/zip archive no "" "$ver_zip"
tar_common=(--sort=name --mtime="$epoch_touch" --owner=0 --group=0 --numeric-owner -C "$arc")
tar "${tar_common[@]}" --format=ustar -cf "$out/tar-1.tar" notes
label tar-1.tar application/x-tar archive no "" "$ver_tar"
tar "${tar_common[@]}" --format=gnu -cf "$out/tar-2.tar" jpeg-1.jpg png-2.png
label tar-2.tar application/x-tar archive no "" "$ver_tar"
tar "${tar_common[@]}" --format=pax --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  -cf "$out/tar-3.tar" notes png-2.png
label tar-3.tar application/x-tar archive no "" "$ver_tar"
gzip -n -9 -c "$src/doc3.html" > "$out/gzip-1.html.gz"
label gzip-1.html.gz application/gzip archive no "" "$ver_gzip"
gzip -n -c "$out/tar-1.tar" > "$out/gzip-2.tar.gz"
label gzip-2.tar.gz application/gzip archive no "" "$ver_gzip"
gzip -n -1 -c "$out/tar-2.tar" > "$out/gzip-3.tgz"
label gzip-3.tgz application/gzip archive no "" "$ver_gzip"
(cd "$arc" && 7z a -bd -bso0 -mx=9 "$out/7z-1.7z" notes > /dev/null)
label 7z-1.7z application/x-7z-compressed archive no "" "$ver_7z"
(cd "$arc" && 7z a -bd -bso0 -m0=PPMd "$out/7z-2.7z" notes/doc1.html notes/sheet1.csv > /dev/null)
label 7z-2.7z application/x-7z-compressed archive no "" "$ver_7z"
(cd "$arc" && 7z a -bd -bso0 -mx=1 "$out/7z-3.7z" jpeg-1.jpg png-2.png > /dev/null)
label 7z-3.7z application/x-7z-compressed archive no "" "$ver_7z"

# --- executables: gcc + GNU ld (ELF and, through ld's i386pep emulation, a Windows PE) ------------------------
cat > "$src/hello.c" <<'EOF'
#include <stdio.h>
int main(int argc, char **argv) { printf("exhibits: %d\n", argc > 1 ? argc - 1 : 0); return 0; }
EOF
cat > "$src/libcase.c" <<'EOF'
int case_year(void) { return 2026; }
const char *case_name(void) { return "case-017"; }
EOF
cat > "$src/start.c" <<'EOF'
int start(void) { volatile int exhibits = 3; return exhibits * 14; }
EOF
gccf=(-O2 -s -ffile-prefix-map="$src"=. -fno-ident)
gcc "${gccf[@]}" -o "$out/hello" "$src/hello.c"
label hello application/x-executable executable no "" "$ver_gcc (PIE)"
gcc "${gccf[@]}" -no-pie -o "$out/hello-nopie" "$src/hello.c"
label hello-nopie application/x-executable executable no "" "$ver_gcc (-no-pie)"
cat > "$src/sealcheck.c" <<'EOF2'
#include <stdlib.h>
#include <string.h>
/* exits 0 when every seal number given is in the range issued to the unit */
int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    long seal = strtol(argv[i], NULL, 10);
    if (seal < 41000 || seal > 41999 || strlen(argv[i]) != 5) return 1;
  }
  return 0;
}
EOF2
gcc -O0 -s -fno-ident -o "$out/sealcheck" "$src/sealcheck.c"
label sealcheck application/x-executable executable no "" "$ver_gcc (PIE, -O0)"
gcc "${gccf[@]}" -shared -fPIC -o "$out/libcase.so" "$src/libcase.c"
label libcase.so application/x-sharedlib executable no "" "$ver_gcc (-shared)"
gcc -O2 -fno-ident -c -o "$out/libcase.o" "$src/libcase.c"
label libcase.o application/x-object executable no "" "$ver_gcc (-c)"
gcc -O2 -fno-ident -fno-asynchronous-unwind-tables -c -o "$work/start.o" "$src/start.c"
pe=application/vnd.microsoft.portable-executable
ld -m i386pep --subsystem console -e start -s --no-insert-timestamp -o "$out/tool.exe" "$work/start.o"
label tool.exe $pe executable no "" "$ver_gcc + $ver_ld -m i386pep"
ld -m i386pep --subsystem windows -e start -s --no-insert-timestamp -o "$out/viewer.exe" "$work/start.o"
label viewer.exe $pe executable no "" "$ver_gcc + $ver_ld -m i386pep --subsystem windows"
ld -m i386pep --dll -e start -s --no-insert-timestamp -o "$out/case.dll" "$work/start.o"
label case.dll $pe executable no "" "$ver_gcc + $ver_ld -m i386pep --dll"

# --- databases: sqlite3 ------------------------------------------------------------------------------------------
cp "$src/cases.db" "$out/sqlite-1.db"
label sqlite-1.db application/vnd.sqlite3 database no "" "$ver_sqlite"
sqlite3 "$out/sqlite-2.sqlite" <<'EOF'
PRAGMA page_size=1024;
CREATE TABLE urls(id INTEGER PRIMARY KEY, url TEXT, title TEXT, visit_count INTEGER, last_visit INTEGER);
INSERT INTO urls(url,title,visit_count,last_visit) VALUES
 ('https://example.org/login','Sign in',4,13345678901234567),('https://example.org/invoice','Invoice 7731',1,13345678999999999);
CREATE INDEX urls_url ON urls(url);
EOF
label sqlite-2.sqlite application/vnd.sqlite3 database no "" "$ver_sqlite"
sqlite3 "$out/sqlite-3.sqlite3" <<'EOF'
PRAGMA page_size=4096;
CREATE TABLE message(rowid INTEGER PRIMARY KEY, handle TEXT, body TEXT, sent INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 40)
INSERT INTO message(handle, body, sent) SELECT '+4470000000' || i, 'meet at ' || (i % 12) || ' pm', 1700000000 + i * 60 FROM n;
EOF
label sqlite-3.sqlite3 application/vnd.sqlite3 database no "" "$ver_sqlite"

# --- audio: sox, lame ----------------------------------------------------------------------------------------------
sox -R -n -r 8000 -c 1 -b 16 "$out/wav-1.wav" synth 0.6 sine 440
label wav-1.wav audio/vnd.wave audio no "" "$ver_sox"
sox -R -n -r 11025 -c 2 -b 8 "$out/wav-2.wav" synth 0.4 square 300 sine 500
label wav-2.wav audio/vnd.wave audio no "" "$ver_sox"
sox -R -n -r 16000 -c 1 -b 16 "$out/wav-3.wav" synth 0.5 pinknoise vol 0.3
label wav-3.wav audio/vnd.wave audio no "" "$ver_sox"
lame --quiet -b 32 "$out/wav-1.wav" "$out/mp3-1.mp3"
label mp3-1.mp3 audio/mpeg audio no "" "$ver_lame"
lame --quiet -b 48 --tt "Interview 3" --ta "Unit 7" --ty 2023 --add-id3v2 "$out/wav-2.wav" "$out/mp3-2.mp3"
label mp3-2.mp3 audio/mpeg audio no "" "$ver_lame (ID3v2 tag)"
lame --quiet -V 7 -t "$out/wav-3.wav" "$out/mp3-3.mp3"
label mp3-3.mp3 audio/mpeg audio no "" "$ver_lame (-t: no Xing frame)"

# --- text, CSV, HTML, JSON, e-mail: coreutils, sqlite3, Python ----------------------------------------------------
cp "$src/doc1.html" "$out/html-1.html"; label html-1.html text/html text no "" "make-corpus.sh (heredoc)"
cp "$src/doc3.html" "$out/html-2.html"; label html-2.html text/html text no "" "make-corpus.sh (heredoc)"
cp "$src/sheet1.csv" "$out/csv-1.csv"; label csv-1.csv text/csv text no "" "$ver_sqlite -csv"
cp "$src/sheet3.csv" "$out/csv-2.csv"; label csv-2.csv text/csv text no "" "$ver_sqlite -csv"
sqlite3 -json "$src/cases.db" "$q_exhibit" > "$out/json-1.json"
label json-1.json application/json text no "" "$ver_sqlite -json"
sqlite3 -json "$src/cases.db" "$q_transfer" > "$out/json-2.json"
label json-2.json application/json text no "" "$ver_sqlite -json"
{ echo 'Case notes, exhibit A-1'; echo; fold -w 72 -s "$src/doc1.html" | sed -e 's/<[^>]*>//g' | grep -v '^$'; } \
  > "$out/text-1.txt"
label text-1.txt text/plain text no "" "coreutils fold + sed (from HTML)"
sed -e 's/<[^>]*>//g' "$src/doc2.html" | grep -v '^$' > "$out/text-2.txt"
label text-2.txt text/plain text no "" "sed (UTF-8 French)"
sed -e 's/<[^>]*>//g' "$src/doc3.html" | grep -v '^$' > "$out/README"
label README text/plain text no "" "sed (UTF-8 Russian, no extension)"
python3 - "$out" <<'PY'
import csv, json, mailbox, random, sys, time, email.utils
from email.message import EmailMessage
out = sys.argv[1]
random.seed(2026)  # the e-mail package draws MIME boundaries from random
when = 1700000000

# CSV written by Python's csv module, with quoting and a semicolon dialect seen in European exports
with open(f"{out}/csv-3.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["hash_sha256", "file", "size", "note"])
    for i in range(12):
        w.writerow([format(random.getrandbits(256), "064x"), f"DCIM/IMG_{4100 + i}.JPG", 100000 + i * 977,
                    "contains \"quoted\"; text" if i % 5 == 0 else ""])

doc = {"case": "2026-017", "opened": "2023-11-14T22:13:00Z", "examiner": {"name": "Li Wei", "badge": 3021},
       "exhibits": [{"id": f"A-{i}", "sha256": format(random.getrandbits(256), "064x"), "size": 4096 * i}
                    for i in range(1, 6)], "notes": "Résumé: aucun élément supprimé.", "verified": True}
with open(f"{out}/json-3.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False, sort_keys=True)
    f.write("\n")

def message(n):
    m = EmailMessage()
    m["From"] = "Accounts <accounts@billing.example>"
    m["To"] = f"victim{n}@mail.example"
    m["Subject"] = ["Invoice overdue", "Re: meeting on Friday", "Votre facture n° 7731"][n - 1]
    m["Date"] = email.utils.formatdate(when + n * 3600, usegmt=True)
    m["Message-ID"] = f"<{when + n}.{n}@billing.example>"
    m.set_content(["Please open the attached invoice today.\n", "See you at 3 pm.\n",
                   "Veuillez trouver ci-joint la facture.\n"][n - 1])
    if n == 1:
        m.add_alternative("<p>Please open the attached <b>invoice</b> today.</p>\n", subtype="html")
    if n in (1, 3):
        m.add_attachment(bytes(random.getrandbits(8) for _ in range(300)), maintype="application",
                         subtype="octet-stream", filename="facture.pdf.exe")
    return m

for n in (1, 2, 3):
    with open(f"{out}/email-{n}.eml", "wb") as f:
        f.write(bytes(message(n)))

for name, ns in (("mail-1.mbox", (1, 2)), ("mail-2.mbox", (2, 3)), ("Inbox", (1, 2, 3))):
    box = mailbox.mbox(f"{out}/{name}", create=True)
    for n in ns:
        msg = mailbox.mboxMessage(message(n))
        msg.set_from("accounts@billing.example", time.gmtime(when + n * 3600))
        box.add(msg)
    box.flush()
    box.close()
PY
label csv-3.csv text/csv text no "" "$ver_py csv"
label json-3.json application/json text no "" "$ver_py json"
for n in 1 2 3; do label "email-$n.eml" message/rfc822 email no "" "$ver_py email"; done
label mail-1.mbox application/mbox email no "" "$ver_py mailbox"
label mail-2.mbox application/mbox email no "" "$ver_py mailbox"
label Inbox application/mbox email no "" "$ver_py mailbox (Thunderbird-style name)"

# --- encrypted -------------------------------------------------------------------------------------------------------
(cd "$arc" && zip -X -q -P exhibit -r "$out/secret.zip" notes)
label secret.zip application/zip encrypted no encrypted "$ver_zip -P (ZipCrypto)"
(cd "$arc" && 7z a -bd -bso0 -pexhibit -mhe=on "$out/secret-1.7z" notes > /dev/null)
label secret-1.7z application/x-7z-compressed encrypted no encrypted "$ver_7z -p -mhe=on (AES-256, names hidden)"
(cd "$arc" && 7z a -bd -bso0 -pexhibit -mhe=off "$out/secret-2.7z" jpeg-1.jpg > /dev/null)
label secret-2.7z application/x-7z-compressed encrypted no encrypted "$ver_7z -p (AES-256, names visible)"
# a random salt, as in real use: OpenSSL 3 writes the "Salted__" header only when it draws the salt itself
openssl enc -aes-256-cbc -pbkdf2 -pass pass:exhibit -in "$out/sqlite-1.db" -out "$out/secret.enc"
label secret.enc application/octet-stream encrypted no encrypted "$ver_openssl enc -aes-256-cbc -pbkdf2 (Salted__)"

# --- renamed copies: the extension does not fit the content (planted mismatches) -----------------------------------
mm() { # mm SOURCE NEWNAME MIME CATEGORY MADE_BY
  cp "$out/$1" "$out/$2"
  label "$2" "$3" "$4" yes extension-mismatch "$5 (copy of $1)"
}
mm zip-1.zip report.docx application/zip archive "$ver_zip"
mm jpeg-1.jpg scan.pdf image/jpeg image "$ver_im"
mm hello notes.txt application/x-executable executable "$ver_gcc"
mm xlsx-1.xlsx budget.jpg $ooxml_x spreadsheet "$ver_lo"
mm png-1.png logo.gif image/png image "$ver_im"
mm doc-1.doc memo.xls application/msword document "$ver_lo"
mm text-1.txt readme.png text/plain text "coreutils"
mm mp3-1.mp3 interview.wav audio/mpeg audio "$ver_lame"
mm 7z-1.7z backup.zip application/x-7z-compressed archive "$ver_7z"
mm pdf-gs-1.pdf photo.jpeg application/pdf document "$ver_gs"
prng 1 6000 > "$out/holiday.jpg"
label holiday.jpg application/octet-stream unknown yes extension-mismatch "openssl enc -aes-128-ctr keystream"
# double extension: a real (PE) executable that shows as "invoice.pdf" where extensions are hidden
cp "$out/tool.exe" "$out/invoice.pdf.exe"
label invoice.pdf.exe $pe executable no double-extension "$ver_gcc + $ver_ld -m i386pep (copy of tool.exe)"

# --- appended data after the end of a real file -------------------------------------------------------------------------
ap() { # ap SOURCE NEWNAME MIME CATEGORY MADE_BY (appended bytes on stdin)
  cp "$out/$1" "$out/$2"
  local at
  at=$(size "$out/$2")
  cat >> "$out/$2"
  label "$2" "$3" "$4" no "appended-data@$at" "$5 (copy of $1 + appended bytes)"
}
cat "$out/zip-2.zip" | ap jpeg-2.jpeg appended-jpeg.jpg image/jpeg image "$ver_im"
prng 2 2048 | ap png-3.png appended-png.png image/png image "$ver_im"
cat "$out/text-2.txt" | ap pdf-lo-1.pdf appended-pdf.pdf application/pdf document "$ver_lo"
prng 3 1000 | ap zip-3.zip appended-zip.zip application/zip archive "$ver_zip"

# --- labels.csv ----------------------------------------------------------------------------------------------------------
python3 - "$labels" "$out/labels.csv" <<'PY'
import csv, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
rows.sort(key=lambda r: r[0])
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "mime", "category", "expected_mismatch", "finding", "made_by"])
    w.writerows(rows)
PY
count=$(($(wc -l < "$out/labels.csv") - 1))
total=$(du -cb "$out" | tail -1 | cut -f1)
echo "make-corpus: $count files, $total bytes in $out"
