#include <sstream>
#include <string>
using namespace std;

string reverseWords(const string& s) {
    istringstream in(s);
    string word;
    string result;
    while (in >> word) {
        if (result.empty()) {
            result = word;
        } else {
            result = word + " " + result;
        }
    }
    return result;
}
