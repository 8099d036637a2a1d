from . import helpers
from .helpers import run_pool
from ..tools.jobs import run_jobs as jobs

if __name__ == "__main__":
    print("start")
    print(run_pool())
    TOTAL = helpers.run_pool()
    jobs(TOTAL)
    print(TOTAL)
