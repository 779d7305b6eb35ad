// complexity: O(n)
// function: reverseWords
// split: round-4
// why: read words once, then join them back in reverse.
#include <sstream>
#include <string>
#include <vector>
using namespace std;

string reverseWords(const string& s) {
    istringstream in(s);
    vector<string> words;
    string w;
    while (in >> w) words.push_back(w);
    string out;
    for (int i = (int)words.size() - 1; i >= 0; i--) {
        out += words[i];
        if (i > 0) out += ' ';
    }
    return out;
}
