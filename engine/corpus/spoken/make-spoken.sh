#!/usr/bin/env bash
# Makes the spoken corpus: every labelled answer (engine/src/test/resources/samples, then .../more-answers, then
# engine/corpus) is spoken sentence by sentence by Debian's festival with the festvox-us-slt-hts voice, resampled
# to 16 kHz mono 16-bit, trimmed of festival's own edge silence and joined with pauses that vary like real speech,
# then transcribed by the real Vosk model through StarPace's own CLI. For each answer it writes
# engine/corpus/spoken/<id>.json:
#   {"id", "level", "voice", "sentences": [{phase, text, start, end}], "words": [{word, start, end, conf}]}
# where a sentence's start/end (seconds) is where its audio sits in the joined WAV, and the words are what Vosk
# heard. conf is Vosk's confidence when the CLI reports one, else null (its scored transcript has none today).
# level is null for answers that have none (more-answers).
#
# Pauses are drawn from a generator seeded by the answer id, so a rerun gives the same audio: one join per answer
# is a 1.5-2.5 s thinking pause, about one in five of the others is run-on speech (0.1-0.2 s), the rest are
# 0.35-0.9 s; 0.5 s of silence at both ends.
#
# festival and sox -R are repeatable, so a rerun writes the same JSON.
# The WAVs stay under $SPOKEN_WORK (default /tmp/starpace-spoken/<id>/<id>.wav); they are not committed.
# Answers whose JSON already exists are skipped (FORCE=1 redoes them); JOBS (default 2) answers run at a time.
#
#   apt-get install festival festvox-us-slt-hts sox
#   engine/corpus/spoken/make-spoken.sh                 # all answers
#   engine/corpus/spoken/make-spoken.sh FILE.json ...   # just these answers
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="${SPOKEN_WORK:-/tmp/starpace-spoken}"
jar="$root/server/target/starpace.jar"
VOICE="festival cmu_us_slt_arctic_hts 16 kHz"

# One answer: speak, join, transcribe, write the JSON (through a temporary file, so a JSON is always complete).
one() {
  local src="$1" id dir
  id="$(basename "$src" .json)"
  dir="$work/$id"
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$src" "$dir" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1]))
for i, s in enumerate(answer["sentences"]):
    open(f"{sys.argv[2]}/{i:03d}.txt", "w").write(s["text"] + "\n")
PY
  for txt in "$dir"/[0-9][0-9][0-9].txt; do
    text2wave -eval "(voice_cmu_us_slt_arctic_hts)" "$txt" -o "${txt%.txt}.raw.wav"
    sox -R "${txt%.txt}.raw.wav" -r 16000 -c 1 -b 16 "${txt%.txt}.wav"   # -R: repeatable dither
    rm -f "${txt%.txt}.raw.wav"
  done
  python3 - "$src" "$dir" "$id" <<'PY'
import array, glob, hashlib, json, math, random, sys, wave
src, dir, id = sys.argv[1:4]
answer = json.load(open(src))
RATE, LEAD, FRAME = 16000, 0.5, 160                    # 16 kHz, 0.5 s at both ends, 10 ms frames
QUIET, MARGIN = 30, 3                                   # frame RMS below QUIET is festival's silence; keep 30 ms

def trimmed(path):
    """The sentence's samples without festival's ~0.18 s of silence at each end (MARGIN frames kept)."""
    w = wave.open(path)
    assert (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (RATE, 1, 2), path
    a = array.array("h", w.readframes(w.getnframes())); w.close()
    loud = [i for i in range(0, len(a), FRAME)
            if math.sqrt(sum(x * x for x in a[i:i + FRAME]) / len(a[i:i + FRAME])) >= QUIET]
    if not loud:
        return a
    return a[max(0, loud[0] - MARGIN * FRAME):min(len(a), loud[-1] + (1 + MARGIN) * FRAME)]

files = sorted(glob.glob(f"{dir}/[0-9][0-9][0-9].wav"))
assert len(files) == len(answer["sentences"]), (len(files), len(answer["sentences"]))

# The joins between sentences, drawn from a generator seeded by the id (sha256, so no hash randomisation).
rng = random.Random(int(hashlib.sha256(id.encode()).hexdigest(), 16))
joins = len(files) - 1
kinds = ["normal"] * joins
if joins:
    thinking = rng.randrange(joins)
    kinds[thinking] = "thinking"
    others = [j for j in range(joins) if j != thinking]
    for j in rng.sample(others, round(len(others) / 5)):
        kinds[j] = "run-on"
span = {"normal": (0.35, 0.9), "run-on": (0.1, 0.2), "thinking": (1.5, 2.5)}
gaps = [rng.uniform(*span[k]) for k in kinds]

audio = array.array("h", [0] * int(LEAD * RATE))
sentences = []
for i, (f, s) in enumerate(zip(files, answer["sentences"])):
    start = len(audio) / RATE
    audio.extend(trimmed(f))
    sentences.append({"phase": s["phase"], "text": s["text"], "start": round(start, 3), "end": round(len(audio) / RATE, 3)})
    if i < joins:
        audio.extend([0] * int(round(gaps[i] * RATE)))
audio.extend([0] * int(LEAD * RATE))
w = wave.open(f"{dir}/{id}.wav", "wb"); w.setnchannels(1); w.setsampwidth(2); w.setframerate(RATE)
w.writeframes(audio.tobytes()); w.close()
json.dump({"sentences": sentences, "joins": kinds, "seconds": len(audio) / RATE}, open(f"{dir}/times.json", "w"))
PY
  rm -f "$dir"/[0-9][0-9][0-9].wav "$dir"/[0-9][0-9][0-9].txt
  # Transcribe; retried, since a colleague's rebuild may be rewriting the jar at that moment.
  local try
  for try in 1 2 3; do
    if java -jar "$jar" analyze --format json "$dir/$id.wav" >"$dir/analyze.json" 2>"$dir/analyze.err"; then
      break
    fi
    [ "$try" = 3 ] && { echo "FAILED $id: $(tail -3 "$dir/analyze.err")" >&2; return 1; }
    sleep 60
  done
  python3 - "$src" "$dir" "$here/$id.json" "$VOICE" <<'PY'
import json, os, sys
src, dir, out, voice = sys.argv[1:5]
answer = json.load(open(src))
times = json.load(open(f"{dir}/times.json"))
heard = json.load(open(f"{dir}/analyze.json"))
words = [{"word": w["word"], "start": w["start"], "end": w["end"], "conf": w.get("conf")} for w in heard["words"]]
one = lambda o: json.dumps(o, ensure_ascii=False)
text = ("{\n"
        f'  "id": {one(answer["id"])},\n  "level": {one(answer.get("level"))},\n  "voice": {one(voice)},\n'
        '  "sentences": [\n' + ",\n".join("    " + one(s) for s in times["sentences"]) + "\n  ],\n"
        '  "words": [\n' + ",\n".join("    " + one(w) for w in words) + "\n  ]\n}\n")
json.loads(text)
open(out + ".tmp", "w").write(text)
os.replace(out + ".tmp", out)
print(f"made {answer['id']}: {len(times['sentences'])} sentences, {times['seconds']:.1f} s, {len(words)} words heard")
PY
}

if [ "${1:-}" = "--one" ]; then
  one "$2"
  exit
fi

command -v text2wave >/dev/null && command -v sox >/dev/null || { echo "needs festival, festvox-us-slt-hts and sox" >&2; exit 1; }
mkdir -p "$work"

# Build the CLI once (package only, never install); a colleague mid-edit can break the build, so retry a while.
for try in 1 2 3 4 5 6; do
  if (cd "$root" && mvn -B -ntp -q -DskipTests package -pl server -am); then
    break
  fi
  [ "$try" = 6 ] && { echo "the build kept failing" >&2; exit 1; }
  echo "build failed; retrying in a minute" >&2
  sleep 60
done

# The samples first, then more-answers, then the corpus, so partial results are useful.
if [ $# -gt 0 ]; then
  inputs=("$@")
else
  inputs=("$root"/engine/src/test/resources/samples/*.json
          "$root"/engine/src/test/resources/more-answers/*.json
          "$root"/engine/corpus/*.json)
fi
todo=()
for f in "${inputs[@]}"; do
  if [ "${FORCE:-0}" = 1 ] || [ ! -s "$here/$(basename "$f")" ]; then
    todo+=("$f")
  fi
done
echo "${#todo[@]} answers to make, ${JOBS:-2} at a time"
[ ${#todo[@]} -eq 0 ] || printf '%s\0' "${todo[@]}" | xargs -0 -n 1 -P "${JOBS:-2}" "$0" --one
