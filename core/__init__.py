"""Helpers for every app: the reader's address, rate limits, absolute URLs, dates.

Nothing here knows any other app of the project; everything may use it.
"""
