import multiprocessing as mp
from multiprocessing import Pipe, RawArray, RawValue


def info():
    a, b = mp.Pipe()
    c, d = Pipe(duplex=False)
    raw = RawArray("i", 4)
    value = RawValue("d", 1.0)
    mp.freeze_support()
    return mp.cpu_count(), mp.current_process().name, mp.active_children(), a, b, c, d, raw, value
