(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(call-with-values (lambda () (call/cc (lambda (k) (k 1 2 3)))) (lambda args (display args) (newline)))
(display (call/cc (lambda (k) (k 'single)))) (newline)
