"""Dossier: an offline desktop reader for journalists."""

__version__ = "0.1.0"
# Reverse-DNS id shared by the desktop file, AppStream metainfo, icon name and Qt's desktop name.
APP_ID = "org.dossierapp.Dossier"
