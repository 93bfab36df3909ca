"""The application's use cases, Qt-free: check, log, then act; the widgets start them and show the result."""
