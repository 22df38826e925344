(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(define trail '())
(define (note x) (set! trail (cons x trail)))
(guard (e (#t (note (list 'handled e))))
  (dynamic-wind
    (lambda () (note 'in))
    (lambda () (raise 'boom))
    (lambda () (note 'out))))
(display (reverse trail)) (newline)
