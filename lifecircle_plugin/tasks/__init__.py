"""QgsTask wrappers that run core work in the background with progress and cancel."""
