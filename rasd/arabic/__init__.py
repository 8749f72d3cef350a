"""Arabic text keys: folding, tokens, clitics, numbers, dates. Pure functions, no I/O."""
