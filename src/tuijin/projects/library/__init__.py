"""The library's pages: search and export, the project page with its timeline, lifecycle actions,
lists, annual plans, origination targets, and the dashboard.
"""
