(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(do ((c 65 (+ c 1))) ((> c 70))
  (write (integer->char c)) (display " ") (display c) (newline))
