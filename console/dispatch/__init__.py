"""Incidents, street units, ANPR hits and watch lists: the patrol-dispatch domain (Qt-free)."""
