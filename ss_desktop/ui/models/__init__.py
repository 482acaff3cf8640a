"""Qt table models of the GUI (each checked with pytest-qt's qtmodeltester)."""
