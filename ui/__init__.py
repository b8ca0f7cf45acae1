"""The Seriktes window: Qt widgets that show and collect; every action is a call into
``models`` or ``exports``."""
