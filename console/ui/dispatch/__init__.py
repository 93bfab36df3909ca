"""The dispatch widgets: the panel, its forms and item models, the call-taker's window."""
