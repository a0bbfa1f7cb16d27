"""MkDocs glue: kept thin; the treaty logic lives in the plain-Python modules beside it."""
