(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(dynamic-wind
  (lambda () (display "in") (newline))
  (lambda () (exit 0))
  (lambda () (display "out") (newline)))
(display "not reached") (newline)
