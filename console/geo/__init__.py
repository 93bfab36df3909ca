"""Places on the map: georeferenced pictures, what a camera sees, where a PTZ camera must turn (Qt-free)."""
