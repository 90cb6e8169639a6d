"""Rankings by region and by task force, their versioned rules, traffic lights, the dashboard, and the
monthly notice (Word and Excel)."""
