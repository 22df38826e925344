echo: copies standard input to standard output until the end of input
cell 1 is a "keep going" flag; cell 0 holds each byte read
At the end of input the read leaves the cell unchanged (still 0); so the loop stops

>+[                 while the flag is set
  -<[-]             clear the flag and the byte
  ,                 read a byte
  [.[-]>+<]         if it is not 0: print it; clear it; set the flag
  >
]
