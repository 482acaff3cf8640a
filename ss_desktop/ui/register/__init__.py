"""The registration form (one composed widget tree; see :mod:`ss_desktop.ui.register.page`)."""

from ss_desktop.ui.register.page import RegisterPage

__all__ = ["RegisterPage"]
