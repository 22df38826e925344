(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (list 'outer e)))
    (lambda ()
      (with-exception-handler
        (lambda (e) (raise (list 'wrapped e)))
        (lambda () (raise 'inner))))))))
(newline)
