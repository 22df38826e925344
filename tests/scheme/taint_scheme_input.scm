; With --taint-input, read-line's result is labelled stdin.
(define line (read-line))
(display (declassify (string-length line))) (newline)
(display (string-append "got " line)) (newline)
