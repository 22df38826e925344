;;; The prelude: the part of Scheme's standard library written in Scheme.
;;;
;;; Everything here calls procedures it is given (map, for-each, apply,
;;; dynamic-wind, call/cc, the exception handlers). Written in Scheme, it
;;; runs on the main loop's heap frames, so a continuation captured inside a
;;; `map` callback can be resumed later: no Rust frame sits in between.
;;; Names starting with % are the runtime's own helpers.

;; ---- procedures and lists -------------------------------------------------

(define (apply f . args)
  (%apply f (if (null? (cdr args)) (car args) (%spread args))))

(define (%spread args)
  (if (null? (cdr args)) (car args) (cons (car args) (%spread (cdr args)))))

(define (%map1 f l)
  (if (null? l)
      '()
      (let ((head (cons (f (car l)) '())))
        (let loop ((rest (cdr l)) (tail head))
          (if (null? rest)
              head
              (let ((cell (cons (f (car rest)) '())))
                (set-cdr! tail cell)
                (loop (cdr rest) cell)))))))

(define (%any-null? ls)
  (cond ((null? ls) #f) ((null? (car ls)) #t) (else (%any-null? (cdr ls)))))

(define (%cars ls) (if (null? ls) '() (cons (car (car ls)) (%cars (cdr ls)))))
(define (%cdrs ls) (if (null? ls) '() (cons (cdr (car ls)) (%cdrs (cdr ls)))))

(define (map f l . ls)
  (if (null? ls)
      (%map1 f l)
      (let loop ((ls (cons l ls)) (acc '()))
        (if (%any-null? ls)
            (reverse acc)
            (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))))))

(define (for-each f l . ls)
  (if (null? ls)
      (let loop ((l l))
        (if (pair? l) (begin (f (car l)) (loop (cdr l)))))
      (let loop ((ls (cons l ls)))
        (if (not (%any-null? ls))
            (begin (apply f (%cars ls)) (loop (%cdrs ls))))))
  %void)

(define (member x l . pred)
  (if (null? pred)
      (%member x l)
      (let loop ((l l))
        (cond ((null? l) #f) (((car pred) x (car l)) l) (else (loop (cdr l)))))))

(define (assoc x l . pred)
  (if (null? pred)
      (%assoc x l)
      (let loop ((l l))
        (cond ((null? l) #f) (((car pred) x (car (car l))) (car l)) (else (loop (cdr l)))))))

(define (vector-map f v . vs)
  (list->vector (apply map f (vector->list v) (map vector->list vs))))

(define (vector-for-each f v . vs)
  (if (null? vs)
      (let ((n (vector-length v)))
        (let loop ((i 0))
          (if (< i n) (begin (f (vector-ref v i)) (loop (+ i 1))))))
      (apply for-each f (vector->list v) (map vector->list vs)))
  %void)

(define (string-map f s . ss)
  (list->string (apply map f (string->list s) (map string->list ss))))

(define (string-for-each f s . ss)
  (apply for-each f (string->list s) (map string->list ss))
  %void)

(define (list-index pred l)
  (let loop ((l l) (i 0))
    (cond ((null? l) #f) ((pred (car l)) i) (else (loop (cdr l) (+ i 1))))))

(define (filter pred l)
  (let loop ((l l) (acc '()))
    (cond ((null? l) (reverse acc))
          ((pred (car l)) (loop (cdr l) (cons (car l) acc)))
          (else (loop (cdr l) acc)))))

(define (reduce f init l)
  (if (null? l) init
      (let loop ((acc (car l)) (l (cdr l)))
        (if (null? l) acc (loop (f (car l) acc) (cdr l))))))

(define (fold-left f init . ls)
  (if (null? (cdr ls))
      (let loop ((acc init) (l (car ls)))
        (if (null? l) acc (loop (f acc (car l)) (cdr l))))
      (let loop ((acc init) (ls ls))
        (if (%any-null? ls) acc (loop (apply f acc (%cars ls)) (%cdrs ls))))))

(define (fold-right f init l)
  (let loop ((l (reverse l)) (acc init))
    (if (null? l) acc (loop (cdr l) (f (car l) acc)))))

(define (fold f init l)
  (let loop ((acc init) (l l))
    (if (null? l) acc (loop (f (car l) acc) (cdr l)))))

(define (delete x l)
  (filter (lambda (y) (not (equal? x y))) l))

(define (iota n . args)
  (let ((start (if (pair? args) (car args) 0))
        (step (if (and (pair? args) (pair? (cdr args))) (cadr args) 1)))
    (let loop ((i (- n 1)) (acc '()))
      (if (< i 0) acc (loop (- i 1) (cons (+ start (* i step)) acc))))))

(define (list-sort less? l) (%merge-sort less? l))
(define (sort l less?) (%merge-sort less? l))

(define (%merge-sort less? l)
  (define (merge a b)
    (cond ((null? a) b)
          ((null? b) a)
          ((less? (car b) (car a)) (cons (car b) (merge a (cdr b))))
          (else (cons (car a) (merge (cdr a) b)))))
  (define (split l)
    (if (or (null? l) (null? (cdr l)))
        (values l '())
        (let-values (((a b) (split (cddr l))))
          (values (cons (car l) a) (cons (cadr l) b)))))
  (if (or (null? l) (null? (cdr l)))
      l
      (let-values (((a b) (split l)))
        (merge (%merge-sort less? a) (%merge-sort less? b)))))

;; ---- multiple values ------------------------------------------------------

(define (call-with-values producer consumer)
  (%apply consumer (%values->list (producer))))

;; ---- dynamic-wind and continuations ---------------------------------------

;; The winders in effect, innermost first: (before . after) pairs.
(define %winders '())

(define (dynamic-wind before thunk after)
  (before)
  (set! %winders (cons (cons before after) %winders))
  (let ((result (thunk)))
    (set! %winders (cdr %winders))
    (after)
    result))

(define (%common-tail a b)
  (let ((la (length a)) (lb (length b)))
    (let loop ((a (if (> la lb) (list-tail a (- la lb)) a))
               (b (if (> lb la) (list-tail b (- lb la)) b)))
      (if (eq? a b) a (loop (cdr a) (cdr b))))))

;; Runs the afters of the winders being left and the befores of those being entered.
(define (%rewind to)
  (let ((common (%common-tail %winders to)))
    (let unwind ()
      (if (not (eq? %winders common))
          (let ((w (car %winders)))
            (set! %winders (cdr %winders))
            ((cdr w))
            (unwind))))
    (let wind ((t to))
      (if (not (eq? t common))
          (begin (wind (cdr t))
                 ((car (car t)))
                 (set! %winders t))))))

(define (call-with-current-continuation f)
  (let ((k (%capture)))
    (if (%resumed? k)
        (apply values (%resumed-values k))
        (let ((winders %winders))
          (f (lambda vals
               (%rewind winders)
               (%reinstate k vals)))))))

(define call/cc call-with-current-continuation)

;; ---- exceptions -----------------------------------------------------------

;; The handlers in effect, innermost first.
(define %handlers '())

(define (with-exception-handler handler thunk)
  (let* ((outer %handlers)
         (inner (cons handler outer))
         (winders #f))
    (dynamic-wind
     (lambda () (set! %handlers inner))
     (lambda ()
       (set! winders %winders)
       (%try thunk
             (lambda (e)
               ;; An error raised by a native, or a raise that found no handler
               ;; (thrown past us): the frames are gone, put the winders back.
               (%rewind winders)
               (set! %handlers inner)
               (if (or (%thrown? e) (%exit-object? e))
                   (%throw e)
                   (raise e)))))
     (lambda () (set! %handlers outer)))))

;; A value already offered to every handler travels wrapped, so that enclosing
;; handler regions pass it on instead of offering it again.
(define-record-type %thrown-box (%thrown value) %thrown? (value %thrown-value))

;; Calls the innermost handler with the outer ones in effect. The switch is a
;; winder, so a continuation captured in the handler (guard's re-raise) puts
;; it back when it is resumed.
(define (%call-handler hs obj)
  (dynamic-wind
   (lambda () (set! %handlers (cdr hs)))
   (lambda () ((car hs) obj))
   (lambda () (set! %handlers hs))))

(define (raise obj)
  (let ((hs %handlers))
    (if (null? hs)
        (%throw (%thrown obj))
        (begin
          (%call-handler hs obj)
          (set! %handlers (cdr hs))
          (raise (%make-error "handler returned from non-continuable raise:" (list obj)))))))

(define (raise-continuable obj)
  (let ((hs %handlers))
    (if (null? hs)
        (%throw (%thrown obj))
        (%call-handler hs obj))))

(define (error message . irritants)
  (raise (%make-error message irritants)))

;; ---- promises and parameters ---------------------------------------------------

(define-record-type promise (%make-promise done? value) promise?
  (done? %promise-done? %promise-done-set!)
  (value %promise-value %promise-value-set!))

(define (make-promise x) (if (promise? x) x (%make-promise #t x)))

(define (force p)
  (if (not (promise? p))
      p
      (if (%promise-done? p)
          (%promise-value p)
          (let ((p2 ((%promise-value p))))
            (if (not (%promise-done? p))
                (let ((p2 (make-promise p2)))
                  (%promise-done-set! p (%promise-done? p2))
                  (%promise-value-set! p (%promise-value p2))))
            (force p)))))

(define %param-set (list 'set))
(define %param-convert (list 'convert))

(define (make-parameter init . converter)
  (let* ((convert (if (pair? converter) (car converter) (lambda (x) x)))
         (value (convert init)))
    (lambda args
      (cond ((null? args) value)
            ((eq? (car args) %param-set) (set! value (cadr args)))
            ((eq? (car args) %param-convert) (convert (cadr args)))
            (else (error "a parameter takes no arguments"))))))

(define (%parameterize params values thunk)
  (let ((new (map (lambda (p v) (p %param-convert v)) params values))
        (old #f))
    (dynamic-wind
     (lambda ()
       (set! old (map (lambda (p) (p)) params))
       (for-each (lambda (p v) (p %param-set v)) params new))
     thunk
     (lambda ()
       (set! new (map (lambda (p) (p)) params))
       (for-each (lambda (p v) (p %param-set v)) params old)))))

;; ---- case-lambda --------------------------------------------------------------

(define (%case-lambda specs . procs)
  (lambda args
    (let ((n (length args)))
      (let loop ((specs specs) (procs procs))
        (cond ((null? specs) (error "case-lambda: no clause accepts" n))
              ((if (cdr (car specs)) (>= n (car (car specs))) (= n (car (car specs))))
               (%apply (car procs) args))
              (else (loop (cdr specs) (cdr procs))))))))

;; ---- exit -------------------------------------------------------------------------

(define (exit . status)
  (%rewind '())
  (apply %exit status))

;; ---- strings -------------------------------------------------------------------

(define (string-join strings . sep)
  (let ((sep (if (pair? sep) (car sep) " ")))
    (if (null? strings)
        ""
        (let loop ((acc (car strings)) (l (cdr strings)))
          (if (null? l) acc (loop (string-append acc sep (car l)) (cdr l)))))))

(define (char-ascii? c) (< (char->integer c) 128))
