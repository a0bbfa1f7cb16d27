"""Tests of `treaty import` (scripts/treaty/importer), with their fixtures and specimen instruments."""
