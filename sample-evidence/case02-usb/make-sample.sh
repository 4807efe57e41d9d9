#!/usr/bin/env bash
# Made the committed case02-usb sample ONCE (2026-11-28); kept to show how, not run by the build or tests.
# The media is a 2 MiB FAT12 "USB stick" with seeded, reproducible files; the acquisitions carry real
# tool timestamps and so differ on every run: re-running this script changes the committed images, and
# tests that check them (CaseTwoSampleTest) read expected hashes from the logs, not from this script.
# Needs: python3, mtools + dosfstools (mformat, mcopy, mdel), dc3dd, ewf-tools (ewfacquire).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export TZ=UTC MTOOLS_SKIP_CHECK=1

# 1. the files, seeded
python3 - <<'PY'
import random, os
r = random.Random(2)
os.makedirs("files", exist_ok=True)
with open("files/shipping-manifest.csv", "w", newline="\n") as f:
    f.write("container,vessel,declared,weight_kg\n")
    for i in range(40):
        f.write("MSKU%07d,%s,%s,%d\n" % (r.randrange(10**7), r.choice(["Sea Lotus", "Mekong Star", "Andaman Pearl"]),
                r.choice(["textiles", "rice", "machine parts", "electronics"]), r.randrange(500, 24000)))
with open("files/notes.txt", "w", newline="\n") as f:
    f.write("Meet at pier 7, Thursday 02:00. Bring the second phone.\nContainer MSKU0421337 - do not declare.\n")
with open("files/deleted-plan.txt", "w", newline="\n") as f:
    f.write("Plan B: move the shipment through the north gate. Delete this file after reading.\n")
with open("files/backup.bin", "wb") as f:   # high-entropy blob: looks encrypted
    f.write(r.randbytes(300 * 1024))
PY
cp "$here/../case01/pictures/harbour.png" files/harbour.png
cp "$here/../case01/pictures/harbour.png" files/invoice.pdf   # a picture renamed to look like a document
touch -d '2026-03-14 09:26:53' files/*

# 2. a 2 MiB FAT12 file system holding them; one file deleted (its data stays in unallocated space)
head -c $((2 * 1024 * 1024)) /dev/zero > usb.img
mformat -i usb.img -v HARBOUR -N 2026A001 -C -T 4096 -h 2 -s 32 ::
mmd -i usb.img ::/DOCS ::/PHOTOS
mcopy -m -i usb.img files/shipping-manifest.csv files/notes.txt files/deleted-plan.txt files/invoice.pdf ::/DOCS/
mcopy -m -i usb.img files/harbour.png ::/PHOTOS/
mcopy -m -i usb.img files/backup.bin ::/
mdel -i usb.img ::/DOCS/deleted-plan.txt

# 3. acquisitions: a split raw set with dc3dd (512 KiB segments .000-.003, hash log), and an E01
rm -rf "$here/split-raw" "$here/e01" "$here/tampered"
mkdir -p "$here/split-raw" "$here/e01" "$here/tampered"
(cd "$here/split-raw" && dc3dd if="$work/usb.img" ofs=usb.000 ofsz=512K hash=md5 hash=sha1 hash=sha256 \
  hlog=usb.hashlog.txt >/dev/null 2>&1)
ewfacquire -u -t "$here/e01/usb" -f encase6 -c deflate:best -d sha1 -S 1GiB \
  -C "HPD-2026-0314" -E "EXH-07 USB stick, black, 'HARBOUR'" -e "Sgt. N. Sokha" \
  -D "USB stick seized at the harbour office, desk 3" -N "Imaged with write blocker WB-2" -m removable \
  "$work/usb.img" > "$here/e01/usb.E01.txt"

# 4. a damaged copy of the E01: one byte flipped in a chunk of backup.bin (random data, so the chunk is
#    stored uncompressed and its bytes can be found verbatim in the segment file)
cp "$here/e01/usb.E01" "$here/tampered/usb.E01"
python3 - "$here/tampered/usb.E01" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
blob = open("files/backup.bin", "rb").read()
at = data.find(blob[100000:100064])
assert at > 0, "backup.bin bytes not found verbatim in the E01"
data[at + 10] ^= 0x01
open(path, "wb").write(data)
print("flipped one bit at offset", at + 10, "of tampered/usb.E01", file=sys.stderr)
PY
