# mp-codemod: skip-file
import multiprocessing as mp

pool = mp.Pool(2)
