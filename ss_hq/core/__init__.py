"""What every head-office feature stands on: settings, the database (engine, tables,
migrations), the server's clock, errors, secrets, staff sessions and security headers, and the
one write path for synced records (``records``) with its change log and field checks."""
