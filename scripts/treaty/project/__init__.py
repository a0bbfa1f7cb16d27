"""A project is a folder: its `mkdocs.yml`, its content (`docs/`) and its data (`data/`).

`treaty` works on the folder it is run in, or on the one given with `--project DIR` (or the
configuration file given with `-f`), as MkDocs does; never on the folder it was installed from.
One `Project` is built per command and handed to every loader:

    root        the folder holding mkdocs.yml
    docs        its content folder (mkdocs.yml's docs_dir, docs/ by default)
    files       data files and catalogs: the project's data/ and locale/, then the package's
    instrument  data/instrument.yml (or the treaty plugin's `instrument` option): the facts,
                languages, and the files of the outline, terminology, import settings and lock
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from treaty.project.files import DataError, DataFiles

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class ProjectError(DataError):
    """No project where one was looked for, or a project whose files do not fit together."""


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: tags such as !ENV and !relative are read as their plain values."""


def _untagged(loader, _suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None  # !ENV [NAME, default]: the default
    return loader.construct_mapping(node)


_ConfigLoader.add_multi_constructor("!", _untagged)
_ConfigLoader.add_multi_constructor("tag:", _untagged)


def read_config(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        raise ProjectError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    return data if isinstance(data, dict) else {}


def plugin_options(config: dict) -> dict:
    """The options of the `treaty` plugin in a mkdocs.yml (an empty mapping when it has none)."""
    for entry in config.get("plugins") or []:
        if entry == "treaty":
            return {}
        if isinstance(entry, dict) and "treaty" in entry:
            return entry["treaty"] or {}
    return {}


@dataclass(frozen=True, eq=False)
class Project:
    root: Path
    docs: Path
    files: DataFiles
    instrument_file: Path
    config_file: Path | None = None

    @classmethod
    def find(cls, project: Path | None = None, config_file: Path | None = None) -> Project:
        """The project of `config_file`, or of the folder `project`, or of the current folder."""
        if config_file is None:
            folder = Path(project or Path.cwd()).resolve()
            if not folder.is_dir():
                raise ProjectError(f"{folder} is not a folder")
            config_file = next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)
            if config_file is None:
                raise ProjectError(
                    f"{folder} holds no mkdocs.yml, so it is not a treaty project: run treaty in the project's "
                    "folder, give it with --project DIR (or -f DIR/mkdocs.yml), or create one with `treaty new DIR`")
        return cls.from_config(Path(config_file))

    @classmethod
    def from_config(cls, config_file: Path, docs: Path | None = None, instrument: Path | None = None) -> Project:
        config_file = Path(config_file).resolve()
        if not config_file.is_file():
            raise ProjectError(f"{config_file} does not exist")
        config = read_config(config_file)
        root = config_file.parent
        docs = Path(docs) if docs else root / str(config.get("docs_dir") or "docs")
        option = instrument or plugin_options(config).get("instrument")
        return cls.at(root, docs=docs, instrument=Path(option) if option else None, config_file=config_file)

    @classmethod
    def at(cls, root: Path, docs: Path | None = None, instrument: Path | None = None,
           config_file: Path | None = None) -> Project:
        """A project from its folders, without reading a mkdocs.yml (the tests' small trees)."""
        root = Path(root).resolve()
        files = DataFiles((root / "data",), (root / "locale",))
        instrument = (root / instrument) if instrument else root / "data" / "instrument.yml"
        return cls(root, (root / (docs or "docs")).resolve(), files, Path(instrument).resolve(), config_file)

    # -- the instrument and what it names --------------------------------------------------

    @cached_property
    def instrument(self):
        from treaty.model.instrument import load_instrument

        if not self.instrument_file.is_file():
            raise ProjectError(f"{self.instrument_file} does not exist: every project describes its instrument "
                               "there (names, languages, outline); `treaty new` writes one")
        instrument = load_instrument(self.instrument_file)
        known = self.known_languages
        unknown = [code for code in instrument.languages if code not in known]
        if unknown:
            raise ProjectError(f"{self.instrument_file}: 'languages' lists {', '.join(unknown)}, which the data has no "
                               f"rules for (languages.yml knows {', '.join(known)}); add them to data/languages.yml, "
                               "enumerators.yml, references.yml and citation.yml of the project")
        return instrument

    @cached_property
    def outline(self):
        from treaty.model.outline import load_outline

        return load_outline(self.instrument.outline_file)

    @property
    def lock_file(self) -> Path:
        return self.instrument.lock_file

    @property
    def terminology_file(self) -> Path | None:
        return self.instrument.terminology_file

    @property
    def import_file(self) -> Path:
        return self.instrument.import_file

    @property
    def known_languages(self) -> list[str]:
        return [entry["code"] for entry in self.files.load("languages.yml")["languages"]]

    @property
    def language_codes(self) -> list[str]:
        return list(self.instrument.languages)

    @property
    def languages(self):
        from treaty.model.languages import get_language

        return tuple(get_language(code, self.files) for code in self.instrument.languages)

    @property
    def reference_language(self) -> str:
        return self.instrument.reference_language

    def shown(self, path: Path) -> str:
        """A path as people are shown it: relative to the project when it is inside it."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return Path(path).as_posix()

