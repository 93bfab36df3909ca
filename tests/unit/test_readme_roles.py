"""The README's role table says what the permission table decides, word for word."""

import re

from console.access.permissions import PERMISSIONS, Action, Role
from console.paths import REPO_ROOT


def test_the_readme_role_table_matches_the_permission_table():
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    names = "|".join(role.value for role in Role)
    rows = dict(re.findall(rf"^  \| ({names}) \| (.+) \|$", text, flags=re.MULTILINE))
    assert set(rows) == {role.value for role in Role}
    operator = PERMISSIONS[Role.OPERATOR]
    for role, allowed in PERMISSIONS.items():
        said = rows[role.value]
        listed = {action for action in Action if action.value in said}
        if said.startswith("all an operator may"):
            listed |= operator
        assert listed == allowed, (role.value, sorted(action.value for action in listed ^ allowed))
