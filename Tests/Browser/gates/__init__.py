"""Quality gates run on a built, served site: each function returns readable problems (an empty
list when the gate passes), so the same functions test the real site and the broken fixture."""
