"""Item analysis for the trainer (issue 16): `coursegen results FILE...`.

`read.py` reads the results summaries learners download from "Your progress" (format:
README, "Learner progress"); `analysis.py` works out the item statistics per quiz with
Python's `statistics` module; `report.py` prints them as a table or CSV. Nothing here
loads the course: a summary carries each answered question's options and points.
"""
