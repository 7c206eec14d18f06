#!/usr/bin/env bash
# Remakes the README's example recordings and timed transcript from the texts beside this script.
# Needs Debian's festival, festvox-us-slt-hts, sox and jq, and a built StarPace (./starpace builds it).
#   spoken-answer.txt -> recordings/dental-billing.wav -> answer.json (the words Vosk heard, with times)
#   weak-answer.txt   -> recordings/late-delivery.wav
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$here/../.."
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

speak() {  # text file -> 16 kHz mono 16-bit WAV
  text2wave -eval "(voice_cmu_us_slt_arctic_hts)" "$1" -o "$tmp/raw.wav"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$2"
}
mkdir -p "$here/recordings"
speak "$here/spoken-answer.txt" "$here/recordings/dental-billing.wav"
speak "$here/weak-answer.txt" "$here/recordings/late-delivery.wav"

# A timed transcript as another recognizer would hand it over: each word with its start, end and confidence.
"$repo/starpace" analyze "$here/recordings/dental-billing.wav" \
  | jq '{words: [.words[] | {word: .word, start: .start, end: .end, conf: .conf}]}' > "$here/answer.json"
