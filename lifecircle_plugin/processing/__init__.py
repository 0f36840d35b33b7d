"""The "Life Circle" processing provider: the plugin's public, scriptable API."""
