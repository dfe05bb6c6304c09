"""docs/chronograph.1 keeps up with the command line: every subcommand and
every option its --help lists is in the man page.

  man_page.py BIN MAN_PAGE
"""
import re
import subprocess
import sys


def main(binary, page):
    with open(page, encoding="utf-8") as f:
        text = f.read().replace("\\-", "-")
    top = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
    listed = top.split("Subcommands:")[1].split("\n\n")[0]
    commands = re.findall(r"^  ([a-z][a-z-]+)\s", listed, flags=re.M)
    assert len(commands) >= 7, top
    missing = []
    for command in commands:
        if not re.search(r"\.B chronograph " + re.escape(command) + r"\b", text):
            missing.append(command)
        usage = subprocess.run([binary, command, "--help"], capture_output=True, text=True, check=True).stdout
        for option in sorted(set(re.findall(r"--[a-z][a-z-]+", usage))):
            if option not in text:
                missing.append(f"{command} {option}")
    if missing:
        sys.exit(f"{page}: not documented: {', '.join(missing)}")


if __name__ == "__main__":
    main(*sys.argv[1:])
