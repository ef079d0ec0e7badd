"""The import contracts cover every module: a new app or module cannot slip past
the layers by not being named in them (import-linter only checks what it is told)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
    "importlinter"
]
LAYERS = next(c for c in CONFIG["contracts"] if c["id"] == "layers")["layers"]
NAMED = {
    name.strip()
    for layer in LAYERS
    for part in layer.replace(":", "|").split("|")
    if (name := part.strip())
}


def _covered(module: str) -> bool:
    """Named itself, inside a named module, or a package whose every module is."""
    parts = module.split(".")
    if any(".".join(parts[:i]) in NAMED for i in range(1, len(parts) + 1)):
        return True
    package = ROOT.joinpath(*parts)
    if not (package / "__init__.py").exists():
        return False
    children = [
        f"{module}.{p.stem}"
        for p in package.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__")
        or (p.is_dir() and (p / "__init__.py").exists())
    ]
    return bool(children) and all(_covered(child) for child in children)


def test_every_django_app_is_a_root_package_of_the_contracts():
    apps = {
        p.parent.name
        for p in ROOT.glob("*/apps.py")
        if p.parent.name not in {"tests", "bench"}
    }
    assert apps - set(CONFIG["root_packages"]) == set()


def test_every_module_of_the_project_package_sits_in_a_layer():
    lms = ROOT / "lms"
    modules = [
        f"lms.{p.stem}"
        for p in lms.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__")
        or (p.is_dir() and (p / "__init__.py").exists())
    ]
    assert len(modules) > 10
    assert [m for m in sorted(modules) if not _covered(m)] == []
