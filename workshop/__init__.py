"""workshop: one YAML outline in, a whole continuing-education workshop kit out."""

__version__ = "0.1.0"
