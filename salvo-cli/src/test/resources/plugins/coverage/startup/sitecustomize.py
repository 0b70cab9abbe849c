# coverage.py's own way to measure every Python process: started at interpreter start-up
# when COVERAGE_PROCESS_START names its configuration.
import coverage

coverage.process_startup()
