import multiprocessing as mp
import sys


def report():
    print(first_training_data_loader, second_training_data_loader, first_testing_data_loader)
    print(second_testing_data_loader, evaluation_data_loader, the_learning_rate_optimizer)


def work(x):
    return x * 2


threads = len(sys.argv) + 1
first_training_data_loader = [threads]
second_training_data_loader = [threads]
first_testing_data_loader = [threads]
second_testing_data_loader = [threads]
evaluation_data_loader = [threads]
the_learning_rate_optimizer = threads * 2
pool = mp.Pool(threads)
print("the first loader:", first_training_data_loader, "and the second:", second_training_data_loader, "that is fine")
print("the first loader:", first_training_data_loader, "the second:", second_training_data_loader, "is already too long")
report()
