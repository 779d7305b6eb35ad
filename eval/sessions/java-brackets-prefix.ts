import { del, mark, paste, pause, rewrite, type, type SessionScript } from './script.ts';

// Valid parentheses with a Deque used as a stack; a longest common prefix that first builds the
// answer by string concatenation and is then rewritten to cut the first word down; a pasted main.
export const javaBracketsPrefix: SessionScript = {
  id: 'java-brackets-prefix',
  language: 'java',
  seed: 97,
  title: 'Java: valid parentheses (Deque as a stack), longest common prefix (rewrite), pasted main',
  steps: [
    pause(19),
    type('import java.util.*;\n\nclass Brackets {\n    static boolean isValid(String s) {\n        Deque<Character> stack = new ArrayDeque<>();\n', { typos: 1 }),
    pause(12),
    type('        for (char c : s.toCharArray()) {\n            if (c == \'(\') stack.push(\')\');\n            else if (c == \'[\') stack.push(\']\');\n            else if (c == \'{\') stack.push(\'}\');\n            else if (stack.isEmpty() || stack.pop() != c) return false;\n        }\n        return stack.isEmpty();\n    }\n}\n', { typos: 2 }),
    mark('isValid is finished: ask what the stack holds and why isEmpty is checked at the end'),
    pause(33),
    pause(24), // reads the next problem
    type('\n    static String commonPrefix(String[] words) {\n        if (words.length == 0) return "";\n        String prefix = "";\n        for (int i = 0; i < words[0].length(); i++) {\n            char c = words[0].charAt(i);\n            for (String w : words) {\n                if (i >= w.length() || w.charAt(i) != c) return prefix;\n            }\n            prefix += c;\n        }\n        return prefix;\n    }\n', { at: { after: '        return stack.isEmpty();\n    }\n' }, typos: 2 }),
    mark('commonPrefix is finished: ask its cost for n words of length m, and what prefix += c costs'),
    pause(36),
    ...rewrite({ from: '        String prefix = "";', to: '        return prefix;\n' },
      '        String prefix = words[0];\n        for (String w : words) {\n            while (!w.startsWith(prefix)) {\n                prefix = prefix.substring(0, prefix.length() - 1);\n            }\n        }\n        return prefix;\n', { typos: 1 }),
    mark('commonPrefix now shrinks the first word: ask why the while loop always ends and what it costs'),
    pause(31),
    paste('\n    public static void main(String[] args) {\n        System.out.println(isValid("([]{})") + " " + isValid("(]"));\n        System.out.println(commonPrefix(new String[] {"flower", "flow", "flight"}));\n        System.out.println(commonPrefix(new String[] {"dog", "racecar", "car"}));\n    }\n', { after: '        return prefix;\n    }\n' }),
    pause(22),
    del({ from: '        System.out.println(commonPrefix(new String[] {"dog", "racecar", "car"}));\n' }),
    type('        System.out.println(commonPrefix(new String[] {}));\n', { at: { before: '    }\n}' } }),
    mark('an empty array is being tried: ask what commonPrefix returns for it and why the first line guards it'),
    pause(30),
    pause(45),
  ],
  final: `import java.util.*;

class Brackets {
    static boolean isValid(String s) {
        Deque<Character> stack = new ArrayDeque<>();
        for (char c : s.toCharArray()) {
            if (c == '(') stack.push(')');
            else if (c == '[') stack.push(']');
            else if (c == '{') stack.push('}');
            else if (stack.isEmpty() || stack.pop() != c) return false;
        }
        return stack.isEmpty();
    }

    static String commonPrefix(String[] words) {
        if (words.length == 0) return "";
        String prefix = words[0];
        for (String w : words) {
            while (!w.startsWith(prefix)) {
                prefix = prefix.substring(0, prefix.length() - 1);
            }
        }
        return prefix;
    }

    public static void main(String[] args) {
        System.out.println(isValid("([]{})") + " " + isValid("(]"));
        System.out.println(commonPrefix(new String[] {"flower", "flow", "flight"}));
        System.out.println(commonPrefix(new String[] {}));
    }
}
`,
};
