"""Salvo's pytest plugin: reports each test to the Salvo coordinator over a private channel."""
from .once import once

__all__ = ["once"]
