"""The demo: a fictional province run the way seed 000 describes, with a district inside it run the
way seed 002 describes. Names of people are invented; department names are the usual ones."""
