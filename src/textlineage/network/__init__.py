"""Corpus-wide reuse: clusters of documents, a site-to-site reuse network, and their files."""

from __future__ import annotations

from .graph import *  # noqa: F403
from .graph import __all__ as __all__
