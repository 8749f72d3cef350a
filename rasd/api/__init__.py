"""The HTTP API and the web page over a rasd database (the ``api`` extra: FastAPI, uvicorn).

Importing this package imports neither; use :func:`rasd.api.app.create_app` for the ASGI app.
"""
