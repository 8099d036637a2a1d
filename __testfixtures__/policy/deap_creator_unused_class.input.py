import multiprocessing

from deap import base, creator


def evaluate(individual):
    return (sum(individual),)


def main():
    # The classes are made but only plain lists go to the workers.
    creator.create("FitnessMax", base.Fitness, weights=(1.0,))
    creator.create("Individual", list, fitness=creator.FitnessMax)
    pool = multiprocessing.Pool(processes=4)
    print(pool.map(evaluate, [[1] * 20 for _ in range(4)]))
    pool.close()


if __name__ == "__main__":
    main()
