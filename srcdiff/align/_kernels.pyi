"""Types of the compiled alignment loops (``_kernels.pyx``)."""

from collections import Counter
from collections.abc import Iterable, Mapping

class Bags:
    def __init__(self, bags: list[Counter[int]], idf: dict[int, float]) -> None: ...
    def mass(self, u: int) -> float: ...

def seed(
    src_keys: list[Counter[int]],
    src_seqs: list[int],
    dst_keys: list[Counter[int]],
    df: Mapping[int, int],
    idf: dict[int, float],
    src_shingles: list[frozenset[int]],
    dst_shingles: list[frozenset[int]],
    budget: int,
    n_top: int,
    vote: float,
) -> list[tuple[int, list[int], int]]: ...
def shared(a: Bags, i: int, b: Bags, j: int) -> float: ...
def dice_scores(a: Bags, b: Bags, pairs: list[tuple[int, int]]) -> list[float]: ...
def contest(
    a: Bags, b: Bags, pairs: Iterable[tuple[int, int]], slack: float
) -> tuple[dict[tuple[int, int], float], list[tuple[int, int]], list[int], list[int]]: ...
def chance_z(
    ka: Mapping[int, int],
    kb: Mapping[int, int],
    miss_a: dict[int, float],
    miss_b: dict[int, float],
    unseen_a: float,
    unseen_b: float,
    mean_a: float,
    mean_b: float,
    p_max: float,
    floor: float,
) -> float: ...
