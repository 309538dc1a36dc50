"""Server-rendered pages (Jinja2 templates, one CSS file, German and English strings)."""
