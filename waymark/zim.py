"""Kiwix books."""
