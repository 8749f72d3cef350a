"""Pipeline stages, one module each, in order: clean → sentences → mentions → link → events →
relations → geocode. Each exposes ``run(doc) -> doc``."""
