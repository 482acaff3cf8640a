"""What staff review and correct: children search (and its index), suspected duplicates and
merges, conflicts and staff edits, and erasure on request."""
