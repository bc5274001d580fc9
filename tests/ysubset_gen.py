#!/usr/bin/python3
"""Random YAML files in and around the subset that ysubset.c reads, for
tests/ysubset_diff.c to compare with libyaml: nested mappings and lists
(compact "- key: value" items, lists at their key's indentation), indentation
of one to four spaces and off by one, and values from a list of texts at the
subset's edges (indicators, quotes, escapes, {…} and […], comments, special
characters). About a third fall within the subset.

    python3 tests/ysubset_gen.py SEED COUNT DIR   writes DIR/000000.yaml ...
"""
import os
import random
import sys

VALUES = [
    'a', 'b', '名称', 'x y', '-5', '5-', '1,000', '100%', '≥200份', 'null', '~', 'true',
    'http://x', '9:30', 'a:b', 'a#b', 'b[1]', '{x}', '[y]', '"q"', "'s'", '"a: b"', "'it''s'",
    '"e\\n"', '-', '- x', '? x', ': x', '&a x', '*a', '!t x', '|', '>', '>=1', '', '  ', '#c',
    ' #c', 'a #c', '@x', '`x', '%x', 'x: y', '　全角', 'a , b', '{a: 1}', '[1, 2]',
    '{a: [1, {b: c}]}', '{a: 1,}', '{a: , b: 1}', '[a: 1]', '{ a : 1 , b : 2 }', '{}', '[]',
    '"a\\"b"', "'", '"', 'x\ty', '\u00a0x', 'x\u0085y', '😀', '---', '...', 'a: b: c',
]
KEYS = ['a', 'b', 'name', '名称', 'k k', '-k', '"q"', 'a#b', 'x:y']


def node(rnd, ind, depth, lines):
    if depth > 4 or rnd.random() < 0.3:
        return
    step = rnd.choice([1, 2, 2, 2, 3, 4])
    if rnd.random() < 0.6:
        for _ in range(rnd.randint(1, 4)):
            key = rnd.choice(KEYS + [rnd.choice(VALUES)])
            sep = rnd.choice([' ', ' ', '  ', ''])
            if rnd.random() < 0.5:
                lines.append(' ' * ind + key + ':' + sep + rnd.choice(VALUES) +
                             rnd.choice(['', '', ' #c', '  ', '#c']))
            else:
                lines.append(' ' * ind + key + ':' + rnd.choice(['', ' ', '  # c']))
                node(rnd, ind + rnd.choice([0, step, step, step]), depth + 1, lines)
            if rnd.random() < 0.1:
                lines.append(rnd.choice(['', '  ', '# c', '   # c', ' ' * (ind + 1) + 'x']))
    else:
        for _ in range(rnd.randint(1, 4)):
            kind = rnd.random()
            if kind < 0.4:
                lines.append(' ' * ind + '-' + rnd.choice([' ', '  ', '']) + rnd.choice(VALUES))
            elif kind < 0.7:
                lines.append(' ' * ind + '- ' + rnd.choice(['a', 'name', 'b']) + ': ' +
                             rnd.choice(VALUES))
                if rnd.random() < 0.7:
                    lines.append(' ' * (ind + rnd.choice([1, 2, 2, 3])) + rnd.choice(['c', 'd', 'a']) +
                                 ': ' + rnd.choice(VALUES))
            else:
                lines.append(' ' * ind + '-')
                node(rnd, ind + rnd.choice([0, step, step]), depth + 1, lines)


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        lines = []
        if rnd.random() < 0.1:
            lines.append(rnd.choice(['---', '--- # x', '%YAML 1.1', '# head']))
        node(rnd, rnd.choice([0, 0, 0, 1, 2]), 0, lines)
        if not lines:
            lines = ['a: 1']
        eol = rnd.choice(['\n'] * 8 + ['\r\n'])
        text = eol.join(lines) + rnd.choice([eol, '', eol + eol])
        with open(os.path.join(out, '%06d.yaml' % i), 'w', encoding='utf-8', newline='') as f:
            f.write(text)


main()
