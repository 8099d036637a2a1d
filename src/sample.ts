// A module with most of Python's syntax, parsed once per process and held (see parser.ts).
export const VARIED_MODULE = String.raw`"""Doc."""
from __future__ import annotations
import os, sys as system
from multiprocessing import Pool, get_context as gc
from .pkg import *
x: int = 1
a, (b, *c) = [1, 2, 3], (4, 5)
d = {"k": v for v in range(3) if v}; e = {i for i in ()}; f = (i ** 2 for i in []); g = [not i for i in []]
x += -1 << 2 | 3 & 4 ^ ~5 // 6 % 7 @ m
y = lambda p, *q, r=1, **s: p if q else None
z = (f"{x!r:>{y}}" "implicit", b"bytes", r"raw", 1.5j, 0x1F, None, True, False, ...)
@decorator(arg)
async def func(pos, /, typed: int = 2, *args: str, kw_only, **kwargs) -> list[int]:
    global x
    nonlocal_ = 1
    async with open("f") as fh, other() as (o1, o2):
        await fh.read()
    async for item in stream:
        yield item
    def inner():
        nonlocal nonlocal_
        return (yield from range(3))
    try:
        assert x > 0 and y < 1 or not z, "message"
        raise ValueError("v") from None
    except (ValueError, TypeError) as exc:
        del exc
    else:
        pass
    finally:
        pass
    try:
        pass
    except* OSError:
        pass
    while True:
        if (n := len(args)) >= 2:
            break
        elif n is not None and n not in args:
            continue
        else:
            return args[1:2, ::3], kwargs["k"], system.path.join("a", key=1)
    match command:
        case [Point(x=0, y=0), *rest] | {"k": _} if rest:
            pass
        case str() as s:
            pass
class Child(Base, metaclass=Meta):
    attr = 1
    def method(self):
        print(self.attr, sep="")
type Alias = list[int]
if __name__ == "__main__":
    with Pool(2) as pool:
        pool.map(func, [1])
    exec("x")
`;
