import { mark, pause, rewrite, type, type SessionScript } from './script.ts';

// Valid palindrome: first by building a cleaned copy with string concatenation and comparing it
// with its reverse, then rewritten as two pointers over the original; then counting characters with
// a map to decide whether any permutation is a palindrome.
export const goPalindrome: SessionScript = {
  id: 'go-palindrome',
  language: 'go',
  seed: 127,
  title: 'Go: valid palindrome (cleaned copy → two pointers), palindrome permutation (count map)',
  steps: [
    pause(21),
    type('package main\n\nimport (\n\t"fmt"\n\t"unicode"\n)\n\n', { typos: 1 }),
    pause(9),
    type('func isPalindrome(s string) bool {\n\tclean := ""\n\tfor _, r := range s {\n\t\tif unicode.IsLetter(r) || unicode.IsDigit(r) {\n\t\t\tclean += string(unicode.ToLower(r))\n\t\t}\n\t}\n', { typos: 2 }),
    pause(12),
    type('\tfor i := 0; i < len(clean)/2; i++ {\n\t\tif clean[i] != clean[len(clean)-1-i] {\n\t\t\treturn false\n\t\t}\n\t}\n\treturn true\n}\n', { typos: 1 }),
    mark('isPalindrome works by building a cleaned copy: ask what clean += costs inside the loop and how much memory it takes'),
    pause(35),
    ...rewrite({ from: '\tclean := ""', to: '\treturn true\n' },
      '\trs := []rune(s)\n\ti, j := 0, len(rs)-1\n\tfor i < j {\n\t\tif !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {\n\t\t\ti++\n\t\t} else if !unicode.IsLetter(rs[j]) && !unicode.IsDigit(rs[j]) {\n\t\t\tj--\n\t\t} else if unicode.ToLower(rs[i]) != unicode.ToLower(rs[j]) {\n\t\t\treturn false\n\t\t} else {\n\t\t\ti++\n\t\t\tj--\n\t\t}\n\t}\n\treturn true\n', { typos: 2 }),
    mark('rewritten with two pointers: ask why the loop ends and what it saves compared with the copy'),
    pause(33),
    type('\nfunc canPermutePalindrome(s string) bool {\n\tcounts := map[rune]int{}\n\tfor _, r := range s {\n\t\tcounts[r]++\n\t}\n\todd := 0\n\tfor _, c := range counts {\n\t\tif c%2 == 1 {\n\t\t\todd++\n\t\t}\n\t}\n\treturn odd <= 1\n}\n', { at: 'end', typos: 2 }),
    mark('canPermutePalindrome is finished: ask why at most one odd count, and what the map costs'),
    pause(32),
    type('\nfunc main() {\n\tfmt.Println(isPalindrome("A man, a plan, a canal: Panama"))\n\tfmt.Println(isPalindrome("race a car"))\n\tfmt.Println(canPermutePalindrome("carerac"))\n}\n', { typos: 1 }),
    pause(20),
    type('\tfmt.Println(isPalindrome(""), canPermutePalindrome(""))\n', { at: { after: 'canPermutePalindrome("carerac"))\n' } }),
    mark('empty strings are being tried: ask what both return for them and why'),
    pause(30),
  ],
  final: `package main

import (
\t"fmt"
\t"unicode"
)

func isPalindrome(s string) bool {
\trs := []rune(s)
\ti, j := 0, len(rs)-1
\tfor i < j {
\t\tif !unicode.IsLetter(rs[i]) && !unicode.IsDigit(rs[i]) {
\t\t\ti++
\t\t} else if !unicode.IsLetter(rs[j]) && !unicode.IsDigit(rs[j]) {
\t\t\tj--
\t\t} else if unicode.ToLower(rs[i]) != unicode.ToLower(rs[j]) {
\t\t\treturn false
\t\t} else {
\t\t\ti++
\t\t\tj--
\t\t}
\t}
\treturn true
}

func canPermutePalindrome(s string) bool {
\tcounts := map[rune]int{}
\tfor _, r := range s {
\t\tcounts[r]++
\t}
\todd := 0
\tfor _, c := range counts {
\t\tif c%2 == 1 {
\t\t\todd++
\t\t}
\t}
\treturn odd <= 1
}

func main() {
\tfmt.Println(isPalindrome("A man, a plan, a canal: Panama"))
\tfmt.Println(isPalindrome("race a car"))
\tfmt.Println(canPermutePalindrome("carerac"))
\tfmt.Println(isPalindrome(""), canPermutePalindrome(""))
}
`,
};
