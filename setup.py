"""Builds the compiled modules (``srcdiff/_core.pyx``, ``srcdiff/align/_kernels.pyx``); everything
else is in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension("srcdiff._core", ["srcdiff/_core.pyx"], extra_compile_args=["-O2"]),
            Extension(
                "srcdiff.align._kernels", ["srcdiff/align/_kernels.pyx"], extra_compile_args=["-O2"]
            ),
        ],
        compiler_directives={"language_level": "3"},
    )
)
