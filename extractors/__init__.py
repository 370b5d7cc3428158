"""One module per stage: loaders, cleaning, outline, metadata, toc, goals, actions,
targets, stats, and the shared Danish number/quantity parsing."""
