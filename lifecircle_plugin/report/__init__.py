"""Reports of an evaluated project: HTML report and CSV tables (plain Python: data, html,
tables) and the official map print layouts, PDF/PNG export and demo QGIS project (QGIS:
styles, layout, official_map, qgis_project)."""
