"""Salvo's pytest plugin: reports each test to the Salvo coordinator over a private channel."""
