"""Keeps the words (with Vosk's confidence) and the recording's measured quality of each `starpace batch` result in OUT as HERE/<name>.json, where a name is
<id>.<noise>.<snr> or <id>.clean, with a front end before Vosk (e.g. rnnoise) named when one was used.

    python3 keep-transcripts.py OUT HERE [FRONT_END]
"""
import glob, json, os, sys

out, here = sys.argv[1:3]
front_end = sys.argv[3] if len(sys.argv) > 3 else None
for f in sorted(glob.glob(f"{out}/*.json")):
    name = os.path.basename(f)[:-len(".json")]
    parts = name.split(".")
    heard = json.load(open(f))
    words = [{"word": w["word"], "start": w["start"], "end": w["end"], "conf": w.get("conf")} for w in heard["words"]]
    one = lambda o: json.dumps(o, ensure_ascii=False)
    snr = None if parts[1] == "clean" else int(parts[2])
    # the recording's measured quality (the report's delivery.audio.quality): a poor one makes fragile verdicts unclear
    quality = heard.get("delivery", {}).get("audio", {}).get("quality")
    quality = quality and {k: quality[k] for k in ("snrDb", "speechDb", "noiseDb", "clippedPercent", "problems")}
    text = ("{\n" f'  "id": {one(parts[0])},\n  "noise": {one(parts[1])},\n  "snrDb": {one(snr)},\n'
            + (f'  "frontEnd": {one(front_end)},\n' if front_end else "")
            + (f'  "quality": {one(quality)},\n' if quality else "")
            + '  "words": [\n' + ",\n".join("    " + one(w) for w in words) + "\n  ]\n}\n")
    open(f"{here}/{name}.json", "w").write(text)
    print("kept", name, len(words), "words")
