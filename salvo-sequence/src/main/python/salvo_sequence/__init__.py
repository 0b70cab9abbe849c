"""Salvo's helper for .tum sequences: expressions, templates and py_func calls.

It runs as a child of the sequence engine and talks JSON lines over the private loopback
channel Salvo gives it (SALVO_CHANNEL). It evaluates only what its engine sends, and only
the engine can connect: the first line it sends carries the channel's token.
"""
