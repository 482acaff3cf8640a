"""What laptop and head office say to each other: ids, clock, merge rule, wire models."""
