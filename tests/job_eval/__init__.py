"""The job-reading evaluation set: its cases, checker and scorer."""
