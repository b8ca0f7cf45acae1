"""The build's one addition to pyproject.toml: the translation catalogs (``kk.po``, ``ru.po``)
are compiled to the ``.mo`` files the app reads, so a wheel or ``pip install .`` ships them."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
# The compiler lives with the code that reads the catalogs; it needs Babel and nothing else.
sys.path.insert(0, str(HERE))
from models.words.catalogs import compile_catalog  # noqa: E402


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        for po, mo in self._catalogs():
            compile_catalog(po, mo)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return super().get_outputs(include_bytecode) + [str(mo) for _po, mo in self._catalogs()]

    def _catalogs(self) -> list[tuple[Path, Path]]:
        built = Path(self.build_lib) / "resources" / "translations"
        sources = sorted((HERE / "resources" / "translations").glob("*.po"))
        return [(po, built / f"{po.stem}.mo") for po in sources]


setup(cmdclass={"build_py": BuildWithCatalogs})
