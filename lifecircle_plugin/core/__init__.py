"""Life Circle core: everything that needs neither Qt nor QGIS.

The QGIS plugin, its processing provider, the command line and the survey app all import
this package; the tests run it without a GUI. Nothing here may import qgis or PyQt.
"""
