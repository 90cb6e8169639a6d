"""Tuijin (推进): the platform on which governments run their major programmes."""
