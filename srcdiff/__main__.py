"""``python -m srcdiff``: the same as the ``srcdiff`` command."""

from .cli import command

command()
