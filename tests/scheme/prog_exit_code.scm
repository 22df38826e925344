(import (scheme base) (scheme write) (scheme char) (scheme cxr) (scheme inexact) (scheme lazy) (scheme case-lambda) (scheme process-context))
(display "before exit") (newline)
(exit 3)
(display "not reached") (newline)
