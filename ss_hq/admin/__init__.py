"""Running head office: staff accounts, sites, the laptops' audit logs, the dashboard's counts,
statistics for the command line and exports for officers."""
