"""The ``ss-desktop`` command line (the entry point is :mod:`ss_desktop.__main__`): its
options (``parser``), its language (``text``), what every command shares (``common``) and the
commands, one module per group."""
