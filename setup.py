"""Builds the compiled modules (``srcdiff/_core.pyx``, ``srcdiff/align/_kernels.pyx``,
``srcdiff/_pagewalk.pyx``); everything else is in pyproject.toml.  ``_pagewalk`` reads lxml's
parsed trees through lxml's public C API, so it is built against lxml's headers
(``lxml.get_include()``).

An editable install (the README's ``pip install -e .``) builds the modules in place, next to
the sources; it then compiles the sources' bytecode too, as pip does for any installed
package, so that a run where ``PYTHONDONTWRITEBYTECODE`` is set does not compile every module
again (60 ms of each run's start)."""

import compileall
from pathlib import Path

import lxml
from Cython.Build import cythonize
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

PACKAGE = Path(__file__).resolve().parent / "srcdiff"


class BuildInPlace(build_ext):
    def run(self) -> None:
        super().run()
        if self.inplace:
            compileall.compile_dir(str(PACKAGE), quiet=1)


setup(
    cmdclass={"build_ext": BuildInPlace},
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
    ),
)
