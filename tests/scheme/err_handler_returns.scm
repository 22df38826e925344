(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(with-exception-handler
  (lambda (e) (display "handler ran") (newline) 'returned)
  (lambda () (raise 'non-continuable)))
