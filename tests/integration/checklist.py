"""The check list the shipping tests (man page, publish, CI recipes) print: one line per check,
the detail of a failure under it, and a closing count."""

failures = []


def check(condition, what, detail=""):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
        if detail:
            print("     " + detail[-4000:].replace("\n", "\n     "))


def report(name):
    """Prints the closing line; returns the exit code."""
    print(f"{len(failures)} failed" if failures else f"all {name} checks passed")
    return 1 if failures else 0
