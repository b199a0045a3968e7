"""consistency: check a brand's published content against its own commitments."""

__version__ = "0.1.0"
