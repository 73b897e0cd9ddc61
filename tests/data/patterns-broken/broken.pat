# The parenthesis opened on the second regex line of broken.unclosed is
# never closed: loading must fail naming that line.

pattern broken.fine
kind    test.broken
regex   fine
example fine

pattern broken.unclosed
kind    test.broken
regex   (?<word>\p{L}+)
regex   \h+(\d+
example ord 12
