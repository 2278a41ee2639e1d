#!/usr/bin/env bash
# Set 1's probes (OtherFormsProbe, a diagnostic, not a test): the renderings every recognition step of issue 18 is
# found and measured on before set 2 is run to report. Prints one line per rendering: right, missing, WRONG.
#   ./huzhu probes [LABEL] [NAME...]   (./huzhu chooses the JDK, installs Tesseract and the fonts, compiles the tests)
# All forty-two when no NAME is given; each rendering's per-seed lines in target/probes/LABEL_NAME.txt. About 40 minutes
# on two cores; do not compile while it runs.
# Other forms (ReceiptFaker.onOtherForm), seeds 1-30, 422 fields: CLEAN, PHONE, SCAN, SEALSCAN (the seal over the
# payer), SONG300 and SONG300SEAL (data in the Song face at 300 dpi, the seal over the payer), SONGSCAN and SONGPHONE
# (form and data in the thin Song face), BLACK300 and BLACKPHONE (the form printed in black, its labels in the data's
# ink, at 300 dpi and photographed), DROP300 and DROPPHONE (the data printed off the form's grid, 1.8 mm higher at 300 dpi
# and 1.8 mm lower photographed). The national template, seeds 0-39, 587 fields: TJPEG, TSCAN, TNOISY,
# TBLURRED, TPHONE. A worn scanner's image (Variants.fadedScan: toner faded, optics soft, dust on the glass): FADEDSCAN
# (other forms) and TFADEDSCAN (the template); a photo on a reddish-brown wooden desk from further off in cool light
# (Variants.photoOnWood): WOODPHONE and TWOODPHONE. A sharp scan of a pale print (Variants.paleScan: every ink at about
# half its darkness, the data still darker than the seal): PALESCAN (other forms, the form printed black), TPALESCAN
# (the template, its form red) and PALESONG (other forms, form and data in the thin Song face, the form black). WIDENAMES:
# other forms' clean images, seeds 1-90, each paid by a name of 102 surnames and 366 given-name characters
# (OtherFormsProbe.wideName) where ReceiptFaker draws from fifty; WIDEZEN300: the same at 300 dpi, the data in
# WenQuanYi Zen Hei (PngRenderer.Style.zenHeiData). DOTZEN300: other forms' clean images at 300 dpi in Zen Hei, seeds
# 1-30, each paid by a name written with a middle dot (OtherFormsProbe.dottedName). TOTALSCAN and TOTALPHONE: other
# forms scanned and photographed with the seal over the total's figures, the words in capitals beside them clear.
# BLACKDROP300 and BLACKDROPPHONE: the form printed in black and the data off its grid, at 300 dpi and photographed
# (values on the black rules, as set 2's statements print them). SONGSEALSCAN: other forms scanned, form and data in the
# thin Song face, the seal over the payer (the data no darker than the seal: the page is read with its ring out).
# LIGHTSCAN and TLIGHTSCAN: other forms and the template scanned from a print whose toner runs light (Variants.lightScan:
# every ink at 0.6-0.85 of its darkness, between a dark print and a pale one).
# SOFTLIGHTSCAN and TSOFTLIGHTSCAN: the same light toner through soft optics (Variants.softLightScan). STARSCAN and
# STARSOFTSCAN: other forms scanned, sharp and from the soft light toner, the seal pressed with its star on the payer's
# name (ReceiptLayout.sealOnPayersName), as set 2's scans are stamped. HANDPHONE: other forms photographed by hand at
# a slant (Variants.handheldPhoto: turned 2-4 degrees, the far edge 4-8 % shorter). SHADOWPHONE: other forms photographed
# with the phone's shadow over a corner of the page (Variants.shadowedPhoto: the light at 0.45-0.6 in it). FAXSCAN and
# TFAXSCAN: other forms and the template as a fax receives them (Variants.faxedScan: fine mode, black and white cut at one
# level for the page, 110-165, so the seal's ring black or gone, dots and a few scan lines lost). PROBE_OPTS adds
# JVM options to every rendering's run (PROBE_OPTS=-Dsome.switch=… for an experiment).
# See docs/receipts.md and the lab notes in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
LABEL=${1:-probe}
shift || true
[ -n "${JAVA_HOME:-}" ] && [ -f target/bench.classpath ] || { echo "run it as ./huzhu probes [LABEL] [NAME...]" >&2; exit 2; }
JAVA=$JAVA_HOME/bin/java
mkdir -p target/probes target/tmp
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
export OMP_THREAD_LIMIT=1 TMPDIR="$PWD/target/tmp"
declare -A PROBE=(
  [CLEAN]="|CLEAN 1 30" [PHONE]="|PHONE 1 30" [SCAN]="|SCAN 1 30" [SEALSCAN]="-DsealOverPayer=true|SCAN 1 30"
  [SONG300]="-Ddpi=300 -Dsong=true|CLEAN 1 30" [SONG300SEAL]="-Ddpi=300 -Dsong=true -DsealOverPayer=true|CLEAN 1 30"
  [SONGSCAN]="-Dsong=true -DsongForm=true|SCAN 1 30" [SONGPHONE]="-Dsong=true -DsongForm=true|PHONE 1 30"
  [BLACK300]="-Ddpi=300 -DblackForm=true|CLEAN 1 30" [BLACKPHONE]="-DblackForm=true|PHONE 1 30"
  [DROP300]="-Ddpi=300 -DdataDrop=-1.8|CLEAN 1 30" [DROPPHONE]="-DdataDrop=1.8|PHONE 1 30"
  [BLACKDROP300]="-Ddpi=300 -DblackForm=true -DdataDrop=-1.8|CLEAN 1 30" [BLACKDROPPHONE]="-DblackForm=true -DdataDrop=1.8|PHONE 1 30"
  [TJPEG]="-Dtemplate=true|JPEG 0 39" [TSCAN]="-Dtemplate=true|SCAN 0 39" [TNOISY]="-Dtemplate=true|NOISY 0 39"
  [TBLURRED]="-Dtemplate=true|BLURRED 0 39" [TPHONE]="-Dtemplate=true|PHONE 0 39"
  [FADEDSCAN]="-Dfaded=true|SCAN 1 30" [TFADEDSCAN]="-Dtemplate=true -Dfaded=true|SCAN 0 39"
  [WOODPHONE]="-Dwood=true|PHONE 1 30" [TWOODPHONE]="-Dtemplate=true -Dwood=true|PHONE 0 39"
  [PALESCAN]="-Dpale=true -DblackForm=true|SCAN 1 30" [TPALESCAN]="-Dtemplate=true -Dpale=true|SCAN 0 39"
  [PALESONG]="-Dpale=true -Dsong=true -DsongForm=true -DblackForm=true|SCAN 1 30"
  [LIGHTSCAN]="-Dlight=true|SCAN 1 30" [TLIGHTSCAN]="-Dtemplate=true -Dlight=true|SCAN 0 39"
  [SOFTLIGHTSCAN]="-DsoftLight=true|SCAN 1 30" [TSOFTLIGHTSCAN]="-Dtemplate=true -DsoftLight=true|SCAN 0 39"
  [WIDENAMES]="-DwideNames=true|CLEAN 1 90" [WIDEZEN300]="-DwideNames=true -DzenHei=true -Ddpi=300|CLEAN 1 90"
  [DOTZEN300]="-DdottedNames=true -DzenHei=true -Ddpi=300|CLEAN 1 30" [TOTALSCAN]="-DsealOverTotal=true|SCAN 1 30"
  [TOTALPHONE]="-DsealOverTotal=true|PHONE 1 30"
  [SONGSEALSCAN]="-Dsong=true -DsongForm=true -DsealOverPayer=true|SCAN 1 30"
  [STARSCAN]="-DstarOnPayer=true|SCAN 1 30" [STARSOFTSCAN]="-DstarOnPayer=true -DsoftLight=true|SCAN 1 30"
  [HANDPHONE]="-Dhandheld=true|PHONE 1 30" [SHADOWPHONE]="-Dshadow=true|PHONE 1 30"
  [FAXSCAN]="-Dfax=true|SCAN 1 30" [TFAXSCAN]="-Dtemplate=true -Dfax=true|SCAN 0 39")
ORDER=(CLEAN PHONE SCAN SEALSCAN SONG300 SONG300SEAL SONGSCAN SONGPHONE BLACK300 BLACKPHONE DROP300 DROPPHONE TJPEG TSCAN TNOISY TBLURRED TPHONE FADEDSCAN TFADEDSCAN WOODPHONE TWOODPHONE PALESCAN TPALESCAN PALESONG WIDENAMES WIDEZEN300 DOTZEN300 TOTALSCAN TOTALPHONE BLACKDROP300 BLACKDROPPHONE SONGSEALSCAN LIGHTSCAN TLIGHTSCAN SOFTLIGHTSCAN TSOFTLIGHTSCAN STARSCAN STARSOFTSCAN HANDPHONE SHADOWPHONE FAXSCAN TFAXSCAN)
[ $# -gt 0 ] && ORDER=("$@")
for name in "${ORDER[@]}"; do
  [ -n "${PROBE[$name]:-}" ] || { echo "unknown probe $name (one of ${!PROBE[*]})" >&2; exit 2; }
  opts=${PROBE[$name]%%|*}; args=${PROBE[$name]#*|}
  # shellcheck disable=SC2086
  "$JAVA" -Xmx2g -Djava.io.tmpdir="$TMPDIR" -Djna.tmpdir="$TMPDIR" --enable-native-access=ALL-UNNAMED -Deach=true ${PROBE_OPTS:-} $opts \
    -cp "$CP" org.huzhu.recognition.OtherFormsProbe $args > "target/probes/${LABEL}_$name.txt" 2>&1
  printf '%-12s %s\n' "$name" "$(tail -1 "target/probes/${LABEL}_$name.txt")"
done
