(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display
  (guard (outer (#t (list 'outer outer)))
    (guard (inner ((number? inner) (list 'inner inner)))
      (raise 'not-a-number))))
(newline)
(display
  (guard (e (#t (list 'got e)))
    (guard (e2 ((string? e2) 'no))
      (raise 42))))
(newline)
