"""Life Circle QGIS plugin entry point. Heavy imports wait until QGIS asks for the plugin."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import LifeCirclePlugin

    return LifeCirclePlugin(iface)
