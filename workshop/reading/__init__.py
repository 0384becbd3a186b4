"""The outline's parts, each read by a function of its own into the model.

:mod:`workshop.loader` puts them together. Each function takes the :class:`~workshop.reading.reader.Reader`,
which keeps every problem found and reads plain values by their declarations in :mod:`workshop.keys`.
"""
