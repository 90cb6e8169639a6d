"""Rankings by region and by task force, their versioned rules, traffic lights, and the monthly notice
(Word and Excel).
"""
