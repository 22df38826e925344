hello: prints Hello (comma) World (bang) and a newline
Written by hand for the Workbench bf corpus
Everything that is not one of the eight commands is a comment

++++++++            cell 0 = 8 (the loop counter)
[                   repeat 8 times:
  >+++++++++        cell 1 plus 9 (ends at 72)
  >+++++++++++++    cell 2 plus 13 (ends at 104)
  >++++             cell 3 plus 4 (ends at 32)
  >+++++++++++      cell 4 plus 11 (ends at 88)
  <<<<-             back to cell 0 and count down
]
>.                  cell 1: 72 is H
>---.               cell 2: 101 is e
+++++++..           108 is l; twice
+++.                111 is o
>++++++++++++.      cell 3: 44 is the comma
------------.       32 is the space
>-.                 cell 4: 87 is W
<<.                 cell 2 again: 111 is o
+++.                114 is r
------.             108 is l
--------.           100 is d
>+.                 cell 3: 33 is the bang
>>++++++++++.       cell 5: 10 is the newline
