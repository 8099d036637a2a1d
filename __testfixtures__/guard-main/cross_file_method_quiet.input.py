from helpers import Runner

runner = Runner(2)
print(runner.quiet())
print(Runner(1).quiet())
