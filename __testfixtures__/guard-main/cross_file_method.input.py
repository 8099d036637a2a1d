import helpers
from helpers import Runner

print("start")
print(Runner(3).go())
print(helpers.Runner(1).go())
