"""Python difflib's word diff for the peer benchmark (run by scripts/bench-peers.mjs).

Same inputs and protocol as the other runners: SequenceMatcher over whitespace-split words
(default autojunk), get_opcodes(); one warm-up pass, then 5 rounds of whole passes lasting at
least 0.4 s each; the median round's pairs per second (one more pass when the warm-up pass
alone takes over 0.8 s). Prints one JSON line per set.
"""

import difflib
import json
import sys
import time


def pass_over(pairs):
    n = 0
    for a, b in pairs:
        n += len(difflib.SequenceMatcher(None, a.split(), b.split()).get_opcodes())
    return n


def pairs_per_second(pairs):
    start = time.perf_counter()
    pass_over(pairs)
    if time.perf_counter() - start > 0.8:
        # A slow pass: one more, timed, is the measurement.
        start = time.perf_counter()
        pass_over(pairs)
        return len(pairs) / (time.perf_counter() - start)
    rates = []
    for _ in range(5):
        start = time.perf_counter()
        done = 0
        while True:
            pass_over(pairs)
            done += len(pairs)
            secs = time.perf_counter() - start
            if secs >= 0.4:
                rates.append(done / secs)
                break
    rates.sort()
    return rates[2]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    for name in ("sentences", "articles"):
        pairs = data[name]
        rate = pairs_per_second(pairs)
        print(json.dumps({"tool": "Python difflib", "set": name, "pairs": len(pairs), "pairs_per_s": rate}))


if __name__ == "__main__":
    main()
