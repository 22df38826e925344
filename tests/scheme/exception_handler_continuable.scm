(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display (with-exception-handler
  (lambda (c) 42)
  (lambda () (+ (raise-continuable 'c) 1))))
(newline)
(display (with-exception-handler
  (lambda (c) (* c 2))
  (lambda () (list (raise-continuable 1) (raise-continuable 2)))))
(newline)
