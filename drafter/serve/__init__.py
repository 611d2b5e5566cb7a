"""``drafter serve``: the terminal app in a browser on this computer.

``server`` is the web server (the only module importing aiohttp and textual-serve);
``python -m drafter.serve`` is one browser tab's app, started by the server with
``driver.ServedDriver``. Nothing in the core imports this package.
"""
