from helpers import Runner

runner = Runner(2)

if __name__ == "__main__":
    print("main")

print(runner.go())
