"""``python -m srcdiff``: the same as the ``srcdiff`` command."""

import sys

from .cli import main

sys.exit(main())
