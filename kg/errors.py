"""The one exception type for problems a user can cause (bad file, bad option, bad store)."""


class KgError(Exception):
    """A user-facing error: its message is one line naming the file or option and the problem."""
