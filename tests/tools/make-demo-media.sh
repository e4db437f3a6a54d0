#!/usr/bin/env bash
# Regenerates the demo workspace's media (committed; run only to change them).
# Each clip burns its playback time into the picture so a timestamp can be checked by eye.
set -euo pipefail
out="$(cd "$(dirname "$0")/../../resources/demo/media" && pwd)"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
burn() { # $1 = caption line
  echo "drawtext=fontfile=$font:text='%{eif\:floor(t/60)\:d}\:%{eif\:mod(floor(t),60)\:d\:2}.%{eif\:mod(floor(t*10),10)\:d}':fontsize=44:fontcolor=white:box=1:boxcolor=black@0.6:x=20:y=20,drawtext=fontfile=$font:text='$1':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.5:x=20:y=h-50"
}
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

ff -f lavfi -i "testsrc2=size=640x360:rate=25:duration=40" -f lavfi -i "sine=frequency=330:duration=40" \
  -vf "$(burn 'Credit scores - whole-class discussion')" -c:v libvpx-vp9 -b:v 60k -deadline good -cpu-used 4 \
  -c:a libopus -b:a 24k "$out/credit-scores-discussion.webm"
ff -f lavfi -i "testsrc=size=640x360:rate=25:duration=30" -f lavfi -i "sine=frequency=440:duration=30" \
  -vf "$(burn 'Compound interest - small-group work')" -c:v libx264 -preset veryfast -b:v 70k -maxrate 90k -bufsize 180k -pix_fmt yuv420p \
  -c:a aac -b:a 32k -movflags +faststart "$out/compound-interest-groups.mp4"
ff -f lavfi -i "smptebars=size=640x360:rate=25:duration=35" -f lavfi -i "sine=frequency=262:duration=35" \
  -vf "$(burn 'Risk and return - portfolio simulation')" -c:v libvpx-vp9 -b:v 60k -deadline good -cpu-used 4 \
  -c:a libopus -b:a 24k "$out/risk-return-simulation.webm"
ff -f lavfi -i "testsrc2=size=640x360:rate=25:duration=25" -f lavfi -i "sine=frequency=392:duration=25" \
  -vf "$(burn 'Credit scores - resubmitted lesson clip')" -c:v libx264 -preset veryfast -b:v 70k -maxrate 90k -bufsize 180k -pix_fmt yuv420p \
  -c:a aac -b:a 32k -movflags +faststart "$out/credit-scores-resubmission.mp4"
ff -f lavfi -i "color=c=0xf4efe1:size=1200x900" -frames:v 1 -vf "\
drawtext=fontfile=$font:text='Student work sample - Savings growth table':fontsize=40:fontcolor=0x1d3557:x=60:y=60,\
drawtext=fontfile=$font:text='Year   Simple at 5 pct   Compound at 5 pct':fontsize=34:fontcolor=0x333333:x=80:y=200,\
drawtext=fontfile=$font:text='1      1050          1050.00':fontsize=34:fontcolor=0x333333:x=80:y=270,\
drawtext=fontfile=$font:text='5      1250          1276.28':fontsize=34:fontcolor=0x333333:x=80:y=340,\
drawtext=fontfile=$font:text='10     1500          1628.89':fontsize=34:fontcolor=0x333333:x=80:y=410,\
drawtext=fontfile=$font:text='20     2000          2653.30':fontsize=34:fontcolor=0x333333:x=80:y=480,\
drawtext=fontfile=$font:text='Compounding wins because interest earns interest.':fontsize=30:fontcolor=0xb00020:x=80:y=620" \
  "$out/savings-table-student-work.png"
npx tsx "$(dirname "$0")/make-demo-pdf.ts" "$out/credit-report-student-work.pdf"
for f in "$out"/*.webm "$out"/*.mp4; do
  printf '%s %s ms\n' "$(basename "$f")" "$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$f" | awk '{printf "%d", $1*1000}')"
done
ls -l "$out"
