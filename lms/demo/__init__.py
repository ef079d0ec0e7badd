"""The demo curriculum that `make run` loads: framework, courses, people."""
