"""Monthly reporting: the reporting window, the reporter's grid, the Excel round trip, submit / return
/ accept, plausibility checks, and corrections after a month is closed.
"""
