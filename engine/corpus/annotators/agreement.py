#!/usr/bin/env python3
"""How far a second annotator agrees with the writers' labels, word by word.

second-labels.json holds, for 50 answers (20 older corpus answers, 30 of engine/corpus/held-out), the phase a second
annotator gave each of the answer's entries, labelling from the shared samples, the seed card and the writers'
labelling rules without seeing the writers' labels (docs/segmentation.md, section 6).

    python3 engine/corpus/annotators/agreement.py
"""
import collections
import json
import pathlib
import re

here = pathlib.Path(__file__).resolve().parent
corpus = here.parent
second = json.loads((here / "second-labels.json").read_text())
agree = collections.Counter()
words = collections.Counter()
for answer_id, entry in second.items():
    path = corpus / f"{answer_id}.json"
    group = "older corpus"
    if not path.exists():
        path = corpus / "held-out" / f"{answer_id}.json"
        group = "held out, " + re.sub(r"\d+$", "", answer_id) + "*"
    sentences = json.loads(path.read_text())["sentences"]
    if len(sentences) != len(entry["phases"]):
        raise SystemExit(f"{answer_id}: {len(entry['phases'])} labels for {len(sentences)} entries")
    for sentence, phase in zip(sentences, entry["phases"]):
        n = len(sentence["text"].split())
        for g in (group, "held out" if group != "older corpus" else None, "all"):
            if g:
                words[g] += n
                agree[g] += n * (sentence["phase"] == phase)
for g in sorted(words):
    print(f"{g:22s} {100 * agree[g] / words[g]:5.1f} % of {words[g]} words")
