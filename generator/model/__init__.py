"""Stage 2, model: pydantic models of course, lesson, quiz (course.py), one module per
question type (questions/), brand.yml (brand.py), and the editor JSON Schemas (schema.py).
"""
