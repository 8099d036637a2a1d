import helpers

if __name__ == "__main__":
    print("main")

print(helpers.run_pool())
