# User exception classes with attributes and args.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(field + ": " + msg)
        self.field = field
        self.msg = msg
try:
    raise ValidationError("age", "must be positive")
except AppError as e:
    print(type(e).__name__, "|", e, "|", e.field, "|", e.args)
try:
    raise AppError("plain", 42)
except AppError as e:
    print(e, e.args, repr(e))
class WithStr(Exception):
    def __str__(self):
        return "custom text"
try:
    raise WithStr()
except Exception as e:
    print(e, isinstance(e, WithStr))
