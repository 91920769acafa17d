"""Builds the compiled modules (``srcdiff/_core.pyx``, ``srcdiff/align/_kernels.pyx``,
``srcdiff/_pagewalk.pyx``); everything else is in pyproject.toml.  ``_pagewalk`` reads lxml's
parsed trees through lxml's public C API, so it is built against lxml's headers
(``lxml.get_include()``)."""

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension("srcdiff._core", ["srcdiff/_core.pyx"], extra_compile_args=["-O2"]),
            Extension(
                "srcdiff.align._kernels", ["srcdiff/align/_kernels.pyx"], extra_compile_args=["-O2"]
            ),
            Extension(
                "srcdiff._pagewalk",
                ["srcdiff/_pagewalk.pyx"],
                include_dirs=lxml.get_include(),
                extra_compile_args=["-O2"],
            ),
        ],
        compiler_directives={"language_level": "3"},
    )
)
