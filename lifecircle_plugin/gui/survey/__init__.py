"""The planner's side of the field survey: make packages, import results, review conflicts,
export layers. Thin dialogs and docks over `core.survey` and `core.export`; long work runs in
a QgsTask, user mistakes go to the message bar, bugs to the log with their traceback."""
