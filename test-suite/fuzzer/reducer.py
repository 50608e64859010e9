"""A line-deleting reducer: makes a failing program smaller while it keeps failing the same way.

Each step replaces one statement (a line and the more-indented lines under
it) by `pass`, and keeps the change if the program still shows one of the
original problems and no generator problem (so a deletion that leaves a name
undefined, which Roast or CPython rejects, is undone). Passes go bottom-up,
because later statements use what earlier ones define, and repeat until
nothing more can go or the time is up; the `pass` lines that are not needed
are dropped at the end.
"""

import time


def block_end(lines, i):
    """Index just past the statement starting at line i (its header and everything indented under it)."""
    depth = indent_of(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > depth):
        j += 1
    # a compound statement's continuation (elif/else) belongs with it
    while j < len(lines) and indent_of(lines[j]) == depth and lines[j].strip().startswith(("elif ", "else:")):
        j += 1
        while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > depth):
            j += 1
    return j


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def reduce(text, still_fails, seconds):
    """The smallest text found within `seconds` for which still_fails(text) holds (text itself if none)."""
    deadline = time.monotonic() + seconds
    lines = text.rstrip("\n").split("\n")
    changed = True
    while changed and time.monotonic() < deadline:
        changed = False
        i = len(lines) - 1
        while i >= 0 and time.monotonic() < deadline:
            line = lines[i]
            stripped = line.strip()
            after_while = i > 0 and lines[i - 1].strip().startswith("while ")  # the counter: the loop must end
            if not stripped or stripped.startswith("#") or stripped == "pass" or stripped.startswith(("elif ", "else:")) \
                    or after_while:
                i -= 1
                continue
            candidate = lines[:i] + [" " * indent_of(line) + "pass"] + lines[block_end(lines, i):]
            if still_fails("\n".join(candidate) + "\n"):
                lines = candidate
                changed = True
            i -= 1
    tidy = drop_passes(lines)
    if tidy != lines and still_fails("\n".join(tidy) + "\n"):
        lines = tidy
    return "\n".join(lines) + "\n"


def drop_passes(lines):
    """Without the `pass` lines that have a sibling statement in their block (and runs of blank lines)."""
    out = []
    for i, line in enumerate(lines):
        if line.strip() == "pass":
            depth = indent_of(line)
            # the nearest statement at this depth or shallower, before and after: at this depth, it is a sibling
            before = next((l for l in reversed(out) if l.strip() and indent_of(l) <= depth), None)
            after = next((l for l in lines[i + 1:] if l.strip() and indent_of(l) <= depth), None)
            if any(l is not None and indent_of(l) == depth for l in (before, after)):
                continue
        if not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return out
