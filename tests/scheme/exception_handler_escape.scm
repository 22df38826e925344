(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (list 'handled e)))
    (lambda () (raise 'an-error))))))
(newline)
(display (call/cc (lambda (k)
  (with-exception-handler
    (lambda (e) (k (error-object-message e)))
    (lambda () (error "from error" 1 2))))))
(newline)
