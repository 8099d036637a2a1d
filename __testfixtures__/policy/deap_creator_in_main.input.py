import array
import multiprocessing

from deap import base, creator, tools


def evaluate(individual):
    return (sum(individual),)


def main():
    creator.create("FitnessMax", base.Fitness, weights=(1.0,))
    creator.create("Individual", array.array, typecode="b", fitness=creator.FitnessMax)
    toolbox = base.Toolbox()
    toolbox.register("individual", tools.initRepeat, creator.Individual, lambda: 1, 10)
    pool = multiprocessing.Pool(processes=4)
    toolbox.register("map", pool.map)
    population = [toolbox.individual() for _ in range(4)]
    print(list(toolbox.map(evaluate, population)))
    pool.close()


if __name__ == "__main__":
    main()
