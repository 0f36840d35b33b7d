"""Command line for batch use: `python -m lifecircle_plugin.core.cli COMMAND ...`.

Each command lives in its own module with `add_arguments(parser)` and `run(args) -> int`;
this file only dispatches, so a command is added without touching the others. A user's
mistake (InputError) prints one line and exits 2; no traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from .errors import Cancelled, InputError

COMMANDS = {
    "build": "lifecircle_plugin.core.build.cli",
    "evaluate": "lifecircle_plugin.core.evaluate.cli",
    "survey-package": "lifecircle_plugin.core.survey.cli",
    "import-survey": "lifecircle_plugin.core.survey.import_cli",
    "export": "lifecircle_plugin.core.export_cli",
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="lifecircle", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    modules = {}
    for name, module_path in COMMANDS.items():
        try:
            module = importlib.import_module(module_path)
        except ModuleNotFoundError as exc:
            if exc.name and module_path.startswith(exc.name):
                continue  # command not built yet in this checkout
            raise
        modules[name] = module
        module.add_arguments(sub.add_parser(name, help=(module.__doc__ or "").splitlines()[0]))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return modules[args.command].run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Cancelled:
        print("cancelled", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
