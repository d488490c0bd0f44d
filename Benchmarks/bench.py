#!/usr/bin/env python3
"""`make bench`: policy-site against Hugo on the same Markdown, side by side in one run.

Builds a corpus of --copies × the content/ publishers (default 200 × 5 = 1,000 policies, about
28 MB of Markdown) and one of 5×, then alternates full builds of policy-site (release) and
Debian's hugo, the 5× builds among the 1× ones, reporting medians, the ratio and each one's peak
memory; then the time of a one-policy rebuild as `serve` does it. Prints the figures and whether each target is met;
exits non-zero if one is missed.
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/policy-site")
REBUILD_BIN = os.path.join(ROOT, ".build/release/policy-site-bench")


def timed(cmd, cwd=None):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS in MiB). The disk is synced first
    (as hyperfine's `--prepare sync`), so no build is timed while the kernel writes back what
    the builds before it wrote (from the 5x corpus on, more than the kernel lets wait)."""
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%M %U %S"] + cmd, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed:\n{result.stderr[-2000:]}")
        rss_kb, user, system = t.read().strip().splitlines()[-1].split()
    print(f"bench: {os.path.basename(cmd[0])} {wall:.2f} s wall, {float(user):.2f} s user, {float(system):.2f} s system, "
          f"{int(rss_kb) / 1024:.0f} MiB", file=sys.stderr, flush=True)
    return wall, int(rss_kb) / 1024


def corpus(copies, out):
    """Writes the corpus unless `out` already holds the one these inputs make (a stamp of the
    copies, corpus.py and every file of content/); returns True when it was written again."""
    digest = hashlib.sha256(f"{copies}\n".encode())
    for base in (os.path.join(ROOT, "Benchmarks/corpus.py"), os.path.join(ROOT, "content"), os.path.join(ROOT, "templates/assets/site.css")):
        paths = [base] if os.path.isfile(base) else sorted(os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs)
        for path in paths:
            digest.update(os.path.relpath(path, ROOT).encode() + b"\0")
            with open(path, "rb") as f:
                digest.update(f.read())
    stamp = os.path.join(out, ".stamp")
    if os.path.exists(stamp) and open(stamp).read() == digest.hexdigest():
        return False
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/corpus.py"), "--copies", str(copies),
                    "--out", out, "--content", os.path.join(ROOT, "content")], check=True, cwd=ROOT)
    with open(stamp, "w") as f:
        f.write(digest.hexdigest())
    return True


def delete_outputs(work):
    """Deletes earlier outputs (if any) and notes when files were last deleted under `work`."""
    outputs = os.path.join(work, "outputs")
    if os.path.exists(outputs):
        shutil.rmtree(outputs)
        note_deletion(work)


def note_deletion(work):
    with open(os.path.join(work, ".deleted"), "w") as f:
        f.write(f"{time.time():.0f}\n")


def settle(work, window):
    """Waits until the last deletion under `work` is `window` seconds old. On ext4 without a
    journal (this machine's disk), a freed inode is not given out again for 60 s, or for 360 s
    while its block of the inode table is dirty (`recently_deleted`, RECENTCY_MIN and
    RECENTCY_DIRTY in the kernel's fs/ext4/ialloc.c): every new file's inode search skips such
    inodes one by one, a cost that grows with files deleted times files created and would be
    timed as the build of whichever tool writes more files. A new build dirties the very blocks
    that hold them, so only the longer wait is safe."""
    stamp = os.path.join(work, ".deleted")
    if not os.path.exists(stamp):
        return
    os.sync()
    wait = float(open(stamp).read().strip() or 0) + window - time.time()
    if wait > 0:
        print(f"bench: waiting {wait:.0f} s, until files deleted here are {window} s old", file=sys.stderr)
        time.sleep(wait)


def policy_site(corpus_dir, output):
    return timed([BIN, "build", "--content", os.path.join(corpus_dir, "content"),
                  "--templates", os.path.join(ROOT, "templates"), "--output", output, "--today", "2026-11-21"])


def hugo(corpus_dir, output):
    return timed(["hugo", "--quiet", "-d", output], cwd=os.path.join(corpus_dir, "hugo"))


def interleaved(small, large, work, runs, large_runs, scale, warmup=1):
    """Full builds, each into a new folder, in rounds: every round builds the 1x corpus with each
    tool, and `large_runs` rounds spread among them the large corpus too, so that both sizes, and
    both tools, are timed under the same conditions (this machine's speed drifts by up to a third
    over minutes, with its host's load). Outputs are deleted only after all runs (see `settle`).
    Returns one dict a round: the (wall, MiB) of each build it timed ("ours" and "hugo" at 1x,
    "ours_large" and "hugo_large" in the rounds that built the large corpus)."""
    outputs = os.path.join(work, "outputs")
    # Untimed first builds of each, as hyperfine's --warmup: the corpora's files and each tool's
    # binary are then in the page cache for every timed run alike.
    for run in range(warmup):
        for label, corpus_dir in (("1x", small), (f"{scale}x", large)):
            policy_site(corpus_dir, os.path.join(outputs, f"{label}-policy-site-warmup-{run}"))
            hugo(corpus_dir, os.path.join(outputs, f"{label}-hugo-warmup-{run}"))
    large_rounds = {round((k + 0.5) * runs / large_runs - 0.5) for k in range(large_runs)}
    rounds = []
    for run in range(runs):
        r = {"ours": policy_site(small, os.path.join(outputs, f"1x-policy-site-{run}")),
             "hugo": hugo(small, os.path.join(outputs, f"1x-hugo-{run}"))}
        if run in large_rounds:
            r["ours_large"] = policy_site(large, os.path.join(outputs, f"{scale}x-policy-site-{run}"))
            r["hugo_large"] = hugo(large, os.path.join(outputs, f"{scale}x-hugo-{run}"))
        rounds.append(r)
    return rounds


def median(pairs, i):
    return statistics.median(p[i] for p in pairs)


def paired(rounds, a, b):
    """The ratio of build `a` to build `b` in each round that timed both (builds seconds apart)."""
    return [r[a][0] / r[b][0] for r in rounds if a in r and b in r]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=11,
                        help="rounds at 1x (at least ten, as hyperfine times at least ten runs, and an odd number, "
                             "so the median is one build's time)")
    parser.add_argument("--scale", type=int, default=5, help="size of the large corpus, in multiples")
    parser.add_argument("--large-runs", type=int, default=5,
                        help="timed builds of the large corpus, spread among the rounds (an odd number, so the "
                             "median is one build's time rather than the mean of two)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds of each tool before the timed runs")
    parser.add_argument("--work", default=os.path.join(ROOT, "build/bench"))
    parser.add_argument("--settle", type=int, default=370,
                        help="how old (in seconds) the last deletion of outputs or a corpus must be before timing")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    delete_outputs(args.work)
    small = os.path.join(args.work, f"corpus-{args.copies}")
    large = os.path.join(args.work, f"corpus-{args.copies * args.scale}")
    for copies, out in ((args.copies, small), (args.copies * args.scale, large)):
        existed = os.path.exists(out)
        if corpus(copies, out) and existed:
            note_deletion(args.work)
    settle(args.work, args.settle)

    large_runs = max(1, min(args.large_runs, args.runs))
    rounds = interleaved(small, large, args.work, args.runs, large_runs, args.scale, args.warmup)
    rebuild = deferred = None
    if os.path.exists(REBUILD_BIN):
        out = subprocess.run([REBUILD_BIN, "--content", os.path.join(small, "content"), "--templates",
                              os.path.join(ROOT, "templates"), "--runs", "7"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"bench: rebuild benchmark failed:\n{out.stderr[-2000:]}")
        rebuild, deferred = (float(x) for x in out.stdout.strip().splitlines()[-1].split())
    # Deleted last; the next run waits until they are old enough (`settle`).
    delete_outputs(args.work)

    def builds(key):
        return [r[key] for r in rounds if key in r]
    ours, theirs, ours_large, theirs_large = builds("ours"), builds("hugo"), builds("ours_large"), builds("hugo_large")
    t_ours, t_hugo = median(ours, 0), median(theirs, 0)
    m_ours, m_hugo = max(p[1] for p in ours), max(p[1] for p in theirs)
    t_ours_large, t_hugo_large = median(ours_large, 0), median(theirs_large, 0)
    hugo_ratios, scale_ratios = paired(rounds, "ours", "hugo"), paired(rounds, "ours_large", "ours")
    # The 5x target compares our builds with our builds: each round's 5x build with the 1x build
    # timed seconds before it, so both see the machine in the same state, and the median of those.
    # (A ratio of the two medians sets builds from different minutes against each other: one run
    # gave 5.96 that way, its rounds 4.95-5.96.) The Hugo target is read from the two tools'
    # medians: ours and Hugo's builds do not slow down together, so pairing them cancels nothing.
    scale_ratio = statistics.median(scale_ratios)
    policies = args.copies * 5

    rows = [
        ("corpus", f"{policies} policies", f"{policies * args.scale} policies"),
        ("policy-site median wall", f"{t_ours:.2f} s", f"{t_ours_large:.2f} s"),
        ("hugo median wall", f"{t_hugo:.2f} s", f"{t_hugo_large:.2f} s"),
        ("policy-site / hugo", f"{t_ours / t_hugo:.2f}", f"{t_ours_large / t_hugo_large:.2f}"),
        ("policy-site peak memory", f"{m_ours:.0f} MiB", f"{max(p[1] for p in ours_large):.0f} MiB"),
        ("hugo peak memory", f"{m_hugo:.0f} MiB", f"{max(p[1] for p in theirs_large):.0f} MiB"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"policy-site benchmark ({args.runs} alternating runs at 1x and {large_runs} at {args.scale}x among them, "
          f"after {args.warmup} untimed, medians; {os.cpu_count()} cores)")
    for r in rows:
        print(f"  {r[0]:<{width}}  {r[1]:>14}  {r[2]:>14}")
    print(f"  {f'{args.scale}x time / 1x time':<{width}}  {scale_ratio:>14.2f}  "
          f"(median of the rounds; of the medians {t_ours_large / t_ours:.2f}; hugo {statistics.median(paired(rounds, 'hugo_large', 'hugo')):.2f})")
    print(f"  {'round by round':<{width}}  1x / hugo " + " ".join(f"{x:.2f}" for x in hugo_ratios)
          + f"; {args.scale}x / 1x " + " ".join(f"{x:.2f}" for x in scale_ratios))
    if rebuild is not None:
        print(f"  {'one-policy rebuild':<{width}}  {rebuild * 1000:>11.1f} ms")
        print(f"  {'then its site-wide pages':<{width}}  {deferred * 1000:>11.1f} ms")

    targets = [
        ("full build at most half of Hugo's wall time", t_ours <= 0.5 * t_hugo),
        ("peak memory under 200 MiB", m_ours < 200),
        (f"{args.scale}x the corpus in at most {args.scale * 1.1:.1f}x the time", scale_ratio <= args.scale * 1.1),
        ("one-policy rebuild under 100 ms", rebuild is not None and rebuild < 0.1),
    ]
    print("targets:")
    for name, ok in targets:
        print(f"  [{'met' if ok else 'MISSED'}] {name}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
