"""Run with: python -m app"""
from app.stats import means

if __name__ == "__main__":
    print("means:", means([[1, 2, 3], [10, 20], [5]]))
