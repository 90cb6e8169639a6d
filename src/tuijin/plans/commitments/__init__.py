"""Public commitments (定诺、亮诺、践诺、评诺): each task force, service line and town commits to its
year's targets; the office approves and publishes them; the owner reports progress; the office
evaluates them at the year's end. Its models are imported by `tuijin.plans.models`."""
