err_unclosed: a loop that is never closed is a syntax error
+[->+<
