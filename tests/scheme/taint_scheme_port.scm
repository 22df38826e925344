; Text written to a string port keeps the labels of what was written: the
; port's string is labelled, so displaying it is refused.
(define p (open-output-string))
(display (taint 5 (quote s)) p)
(display (string-length (declassify (get-output-string p))))
(newline)
(display (get-output-string p))
