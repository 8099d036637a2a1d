import helpers
from helpers import run_pool as rp

LIMIT = 3
print("start")
print(helpers.run_pool(LIMIT))
results = rp()
