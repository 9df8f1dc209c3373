"""engines/export stage."""
