from helpers import Runner

LIMIT = 2
runner = Runner(LIMIT)
print("start")
print(runner.go())
print(runner.quiet())
