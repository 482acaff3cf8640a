"""Reference data and assets the programs read at run time (administrative divisions, icons,
compiled translations). Installed as the package ``ss_resources``; see ss_core.resources."""
